import type { FastifyInstance } from 'fastify';
import { nowStored } from '../../time';
import { loadIncident } from './repo';

/**
 * Raises incident.overdue once per obligation whose deadline passed unmet (strictly after: a report
 * at the deadline is on time). Claim and event share a transaction: once across restarts and nodes.
 */
export async function raiseOverdue(app: FastifyInstance): Promise<number> {
  const now = nowStored(app.clock);
  const due = await app.db
    .selectFrom('incident_obligations')
    .select(['incident_id', 'key'])
    .where('done_at', 'is', null)
    .where('due_at', '<', now)
    .where('overdue_raised_at', 'is', null)
    .orderBy('due_at')
    .limit(100)
    .execute();
  let raised = 0;
  for (const { incident_id: incidentId, key } of due) {
    await app.command('system', async (tx) => {
      const claimed = await tx.trx
        .updateTable('incident_obligations')
        .set({ overdue_raised_at: now })
        .where('incident_id', '=', incidentId)
        .where('key', '=', key)
        .where('overdue_raised_at', 'is', null)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      const incident = (await loadIncident(tx.trx, Number(incidentId), now))!;
      const obligation = incident.obligations.find((o) => o.key === key)!;
      await tx.record({
        type: 'incident.overdue',
        subject: `incident:${incidentId}`,
        payload: { incident, obligation },
      });
      raised += 1;
    });
  }
  return raised;
}
