import type { FastifyInstance } from 'fastify';
import { nowStored } from '../../time';
import { findShift } from '../roster/repo';

/**
 * Raises attendance.missed for every published officer shift whose check-in time passed with no
 * check-in. The conditional update and the event share one transaction, so each is raised exactly
 * once: across restarts and with several nodes scanning the same database.
 */
export async function raiseMissedCheckIns(app: FastifyInstance): Promise<number> {
  const now = nowStored(app.clock);
  const due = await app.db
    .selectFrom('roster_shifts')
    .innerJoin('roster_months', 'roster_months.month', 'roster_shifts.month')
    .select('roster_shifts.id')
    .where('roster_months.status', '=', 'published')
    .where('roster_shifts.check_in_due_at', '<', now)
    .where('roster_shifts.check_in_at', 'is', null)
    .where('roster_shifts.missed_raised_at', 'is', null)
    .orderBy('roster_shifts.check_in_due_at')
    .limit(100)
    .execute();
  let raised = 0;
  for (const { id } of due) {
    await app.command('system', async (tx) => {
      const claimed = await tx.trx
        .updateTable('roster_shifts')
        .set({ missed_raised_at: now })
        .where('id', '=', id)
        .where('missed_raised_at', 'is', null)
        .where('check_in_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      const shift = (await findShift(tx.trx, id))!;
      await tx.record({ type: 'attendance.missed', subject: `shift:${id}`, payload: { shift } });
      raised += 1;
    });
  }
  return raised;
}
