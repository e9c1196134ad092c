import { formatShortInstant } from '@client/lib/time';
import type { IncidentDetail } from '@shared/schemas/incidents';
import { App, Button, Empty, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { linkIncident } from '../api/link-incident';
import { useWords } from '../i18n';

/** Possible duplicates: the same event reported twice is common on a busy night; the officer links them. */
export function SimilarIncidents({ detail, canLink }: { detail: IncidentDetail; canLink: boolean }) {
  const t = useWords();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<number | null>(null);
  const { similar, actions, incident } = detail;
  if (similar.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.similar.none')} />;
  }
  const linked = (id: number) => actions.some((a) => a.text.startsWith(`关联事件 #${id}（`));
  async function link(otherId: number) {
    setBusy(otherId);
    try {
      await linkIncident(incident.id, otherId);
      message.success(t('incidents.similar.linked'));
    } catch {
      message.error(t('incidents.similar.linkFailed'));
    } finally {
      setBusy(null);
    }
  }
  return (
    <ul className="inc-similar" data-testid="similar-incidents">
      {similar.map((s) => (
        <li key={s.id}>
          <Link to={`/incidents/${s.id}`}>#{s.id}</Link>
          <span className="inc-muted"> {formatShortInstant(s.receivedAt)} </span>
          <span className="inc-similar-summary">{s.summary}</span>{' '}
          {linked(s.id) ? (
            <Tag>{t('incidents.similar.isLinked')}</Tag>
          ) : (
            canLink && (
              <Button
                size="small"
                loading={busy === s.id}
                onClick={() => void link(s.id)}
                data-testid={`link-${s.id}`}
              >
                {t('incidents.similar.link')}
              </Button>
            )
          )}
        </li>
      ))}
    </ul>
  );
}
