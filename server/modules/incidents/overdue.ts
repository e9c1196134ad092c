import { incidentCard } from '@shared/domain/board-fields';
import type { Timer } from '../../jobs/raise-once';
import { loadIncident } from './repo';

type ObligationKey = { incidentId: number; key: string };

/**
 * incident.overdue, once per obligation whose deadline passed unmet (strictly after: a report at
 * the deadline is on time). The scanner raises it: server/jobs/scanner.ts.
 */
export const overdueObligations: Timer<ObligationKey> = {
  async due(db, now) {
    const due = await db
      .selectFrom('incident_obligations')
      .select(['incident_id', 'key'])
      .where('done_at', 'is', null)
      .where('due_at', '<', now)
      .where('overdue_raised_at', 'is', null)
      .orderBy('due_at')
      .limit(100)
      .execute();
    return due.map((r) => ({ incidentId: Number(r.incident_id), key: r.key }));
  },
  async claim(trx, { incidentId, key }, now) {
    const claimed = await trx
      .updateTable('incident_obligations')
      .set({ overdue_raised_at: now })
      .where('incident_id', '=', incidentId)
      .where('key', '=', key)
      .where('overdue_raised_at', 'is', null)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return undefined;
    const incident = (await loadIncident(trx, incidentId, now))!;
    const obligation = incident.obligations.find((o) => o.key === key)!;
    return {
      type: 'incident.overdue',
      subject: `incident:${incidentId}`,
      payload: { incident: incidentCard(incident), obligation },
      unit: incident.unitPath,
    };
  },
};
