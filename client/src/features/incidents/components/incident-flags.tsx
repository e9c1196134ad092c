import type { BoardIncident } from '@shared/schemas/incidents';
import { Tag, Tooltip } from 'antd';
import { useWords } from '../i18n';

type Flagged = Pick<BoardIncident, 'overdue' | 'nearMiss' | 'drill' | 'lateDiscovery'>;

/** 超时, 险情, 演练, 迟报: the same tags on a board card and on the record's header. */
export function IncidentFlags({ incident }: { incident: Flagged }) {
  const t = useWords();
  return (
    <>
      {incident.overdue && (
        <Tag color="red" variant="solid">
          {t('incidents.tag.overdue')}
        </Tag>
      )}
      {incident.nearMiss && <Tag color="volcano">{t('incidents.tag.nearMiss')}</Tag>}
      {incident.drill && <Tag color="purple">{t('incidents.tag.drill')}</Tag>}
      {incident.lateDiscovery && (
        <Tooltip title={incident.lateDiscovery}>
          <Tag color="magenta">{t('incidents.tag.lateDiscovery')}</Tag>
        </Tooltip>
      )}
    </>
  );
}
