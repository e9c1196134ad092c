import { useDisplayName } from '@client/hooks/use-display-name';
import { formatShortInstant } from '@client/lib/time';
import { useQuery } from '@tanstack/react-query';
import { Card, Tag, Timeline } from 'antd';
import { incidentHopsQuery } from '../api/get-hops';
import { useWords } from '../i18n';

/**
 * 逐级上报: an incident a township or community recorded shows where it came from, who reported
 * it when, and each hop up (taken by whom, when, late or not). Nothing for the district's own.
 */
export function HopTrail({ incidentId }: { incidentId: number }) {
  const t = useWords();
  const person = useDisplayName();
  const { data } = useQuery(incidentHopsQuery(incidentId));
  if (!data || data.hops.length === 0) return null;
  return (
    <Card size="small" title={t('incidents.hops.title')} data-testid="hop-trail">
      <Timeline
        items={[
          {
            content: t('incidents.hops.origin', {
              unit: data.originUnitName,
              who: person(data.recordedBy),
              time: formatShortInstant(data.receivedAt),
            }),
          },
          ...data.hops.map((h) => ({
            color: h.late ? 'red' : h.takenAt ? 'green' : 'blue',
            content: (
              <span data-testid={`hop-${h.hop}`} data-late={h.late}>
                {t('incidents.hops.step', {
                  from: h.fromUnitName,
                  to: h.toUnitName,
                  time: formatShortInstant(h.dueAt),
                })}{' '}
                {h.takenAt ? (
                  t('incidents.hops.taken', {
                    who: person(h.takenBy ?? ''),
                    time: formatShortInstant(h.takenAt),
                  })
                ) : (
                  <Tag>{t('incidents.hops.waiting')}</Tag>
                )}
                {h.late && <Tag color="error">{t('incidents.hops.late')}</Tag>}
              </span>
            ),
          })),
        ]}
      />
    </Card>
  );
}
