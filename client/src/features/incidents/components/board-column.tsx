import type { BoardIncident } from '@shared/schemas/incidents';
import { Badge, Button, Empty } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useWords } from '../i18n';
import { IncidentCard } from './incident-card';

/**
 * Cards drawn at first, and drawn more per click: a column of thousands of cards would take
 * seconds to draw. The column is sorted by the next deadline, so the overdue and the most urgent
 * are always among the first; the counts and the filter cover every incident.
 */
export const CARDS_SHOWN = 60;
/** Drawn first, more than a screen holds: the rest of the column follows in the background. */
const CARDS_FIRST = 12;

interface Props {
  testId: string;
  title: string;
  hint: string;
  incidents: BoardIncident[];
  fresh: ReadonlySet<number>;
}

export function BoardColumn({ testId, title, hint, incidents, fresh }: Props) {
  const t = useWords();
  const [limit, setLimit] = useState(CARDS_SHOWN);
  // The first screenful goes up at once; the cards below it are drawn right after, interruptibly.
  const drawn = useDeferredValue(incidents.length > 0 ? limit : CARDS_FIRST, CARDS_FIRST);
  const overdue = incidents.filter((i) => i.overdue).length;
  const hidden = incidents.length - limit;
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
          incidents
            .slice(0, drawn)
            .map((incident) => (
              <IncidentCard key={incident.id} incident={incident} fresh={fresh.has(incident.id)} />
            ))
        )}
        {hidden > 0 && (
          <Button block onClick={() => setLimit((n) => n + CARDS_SHOWN)} data-testid={`${testId}-more`}>
            {t('incidents.column.more', { count: hidden })}
          </Button>
        )}
      </div>
    </section>
  );
}
