import { useT } from '@client/lib/i18n';
import type { Incident } from '@shared/schemas/incidents';
import { Badge, Empty } from 'antd';
import { IncidentCard } from './incident-card';

interface Props {
  testId: string;
  title: string;
  hint: string;
  incidents: Incident[];
  fresh: ReadonlySet<number>;
}

export function BoardColumn({ testId, title, hint, incidents, fresh }: Props) {
  const t = useT();
  const overdue = incidents.filter((i) => i.overdue).length;
  return (
    <section className="inc-column" data-testid={testId}>
      <header className="inc-column-head">
        <span className="inc-column-title">{title}</span>
        <span className="inc-column-hint">{hint}</span>
        <span className="inc-column-counts">
          <Badge count={incidents.length} showZero color="#1d4ed8" />
          {overdue > 0 && <Badge count={t('incidents.column.overdue', { count: overdue })} color="#cf1322" />}
        </span>
      </header>
      <div className="inc-column-body">
        {incidents.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.column.empty')} />
        ) : (
          incidents.map((incident) => (
            <IncidentCard key={incident.id} incident={incident} fresh={fresh.has(incident.id)} />
          ))
        )}
      </div>
    </section>
  );
}
