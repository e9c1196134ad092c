import { formatInstant } from '@client/lib/time';
import type { IncidentDetail } from '@shared/schemas/incidents';
import { Timeline } from 'antd';
import { useWords } from '../i18n';
import { eventLabel } from './incident-labels';

const colorOf = (type: string) =>
  type === 'incident.overdue'
    ? 'red'
    : type === 'incident.closed'
      ? 'gray'
      : type === 'incident.reported'
        ? 'green'
        : 'blue';

/** Every recorded change to the incident, from the event log: who and when. */
export function IncidentTimeline({ timeline }: { timeline: IncidentDetail['timeline'] }) {
  const t = useWords();
  // The server names the actor; the system reads 系统 / System in the console's language.
  const name = (actor: string, actorName: string) => (actor === 'system' ? t('people.system') : actorName);
  const entries = [...timeline].sort((a, b) => a.seq - b.seq);
  return (
    <div data-testid="incident-timeline">
      <Timeline
        items={entries.map((entry) => {
          const key = eventLabel[entry.type];
          return {
            key: entry.seq,
            color: colorOf(entry.type),
            title: <span className="inc-muted">{formatInstant(entry.at)}</span>,
            content: (
              <span>
                {key ? t(key) : entry.type}{' '}
                <span className="inc-muted">· {name(entry.actor, entry.actorName)}</span>
              </span>
            ),
          };
        })}
      />
    </div>
  );
}
