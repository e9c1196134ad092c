import { useT } from '@client/lib/i18n';
import { formatShortInstant } from '@client/lib/time';
import type { IncidentDetail } from '@shared/schemas/incidents';
import { Empty } from 'antd';
import { Link } from 'react-router-dom';

/** Possible duplicates: the same call reported twice is common on a busy night. */
export function SimilarIncidents({ similar }: { similar: IncidentDetail['similar'] }) {
  const t = useT();
  if (similar.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.similar.none')} />;
  }
  return (
    <ul className="inc-similar" data-testid="similar-incidents">
      {similar.map((s) => (
        <li key={s.id}>
          <Link to={`/incidents/${s.id}`}>#{s.id}</Link>
          <span className="inc-muted"> {formatShortInstant(s.receivedAt)} </span>
          <span className="inc-similar-summary">{s.summary}</span>
        </li>
      ))}
    </ul>
  );
}
