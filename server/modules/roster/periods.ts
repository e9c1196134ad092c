import type { NewPeriodBody, Period } from '@shared/schemas/roster';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { deletePeriod, insertPeriod } from './repo';

export async function addPeriods(tx: Tx, bodies: NewPeriodBody[]): Promise<Period[]> {
  const added: Period[] = [];
  for (const [i, body] of bodies.entries()) {
    if (body.toDate < body.fromDate)
      throw new DutyError('DUTY_ERR_VALIDATION', `periods.${i}.toDate is before fromDate`);
    const period = await insertPeriod(tx.trx, {
      kind: body.kind,
      name: body.name,
      from_date: body.fromDate,
      to_date: body.toDate,
      officers: body.officers ?? null,
      leaders: body.leaders ?? null,
      leader_on_site: body.leaderOnSite ? 1 : 0,
      created_at: nowStored(tx.clock),
      created_by: tx.actor,
    });
    await tx.record({ type: 'roster.period_created', subject: `period:${period.id}`, payload: { period } });
    added.push(period);
  }
  return added;
}

export async function removePeriod(tx: Tx, id: number): Promise<Period> {
  const period = (await deletePeriod(tx.trx, id)) ?? notFound(`period ${id}`);
  await tx.record({ type: 'roster.period_deleted', subject: `period:${id}`, payload: { period } });
  return period;
}
