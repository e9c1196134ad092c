import { addDays, localDateOf } from '@shared/domain/duty-day';
import type { CreateZeroRequestBody, ZeroRequest } from '@shared/schemas/zero-reports';
import { DutyError, fail, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { toStored } from '../../time';
import { cutoffInstant } from './dates';
import * as repo from './repo';
import { assertDistrict, keyPeriodRange, unitsForScope } from './scope';
import type { ZeroCaller } from './types';
import { requestView } from './views';

const DEFAULT_REMIND_MINUTES = 60;

// ---- Commands ----

export async function createRequest(
  tx: Tx,
  zone: string,
  caller: ZeroCaller,
  body: CreateZeroRequestBody,
): Promise<ZeroRequest> {
  assertDistrict(caller);
  const now = tx.clock.now();
  const today = localDateOf(now, zone);
  const { units, reason, refId, disasterId } = await unitsForScope(tx.trx, caller, body, now, zone);
  if (units.length === 0) fail('DUTY_ERR_UNPROCESSABLE', `no unit to ask in scope '${body.scope}'`);
  let first = body.firstDate;
  let last = body.lastDate ?? null;
  if (body.scope === 'key_period' && first === undefined) {
    const period = await keyPeriodRange(tx.trx, today);
    first = period.from;
    last = body.lastDate ?? period.to;
  }
  // By default from today, or from tomorrow when today's cut-off has passed already.
  first ??= now.getTime() < cutoffInstant(today, body.cutoff, zone).getTime() ? today : addDays(today, 1);
  if (first < today) fail('DUTY_ERR_VALIDATION', `body.firstDate: ${first} is before today (${today})`);
  if (last !== null && last < first)
    fail('DUTY_ERR_VALIDATION', `body.lastDate: ${last} is before the first date ${first}`);
  const row = await repo.insertRequest(
    tx.trx,
    {
      title: body.title,
      reason,
      ref_id: refId,
      disaster_id: disasterId,
      cutoff: body.cutoff,
      remind_minutes: body.remindMinutes ?? DEFAULT_REMIND_MINUTES,
      first_date: first,
      last_date: last,
      ended_at: null,
      ended_by: null,
      created_by: caller.username,
      created_at: toStored(now),
    },
    units.map((u) => u.id),
  );
  const header = repo.toHeader(row);
  await tx.record({
    type: 'zero_report.requested',
    subject: `zero:${header.id}`,
    payload: { request: header },
    unit: '/1/',
  });
  return (await requestView(tx.trx, zone, caller, header.id, now))!;
}

export async function endRequest(tx: Tx, zone: string, caller: ZeroCaller, id: number): Promise<ZeroRequest> {
  assertDistrict(caller);
  const row = (await repo.findRequest(tx.trx, id)) ?? notFound(`zero-report request ${id}`);
  if (row.ended_at !== null) throw new DutyError('DUTY_ERR_ALREADY_DONE', `ended already at ${row.ended_at}`);
  const now = tx.clock.now();
  const header =
    (await repo.endRow(tx.trx, id, toStored(now), caller.username)) ??
    fail('DUTY_ERR_ALREADY_DONE', 'ended already');
  await tx.record({
    type: 'zero_report.ended',
    subject: `zero:${id}`,
    payload: { request: header },
    unit: '/1/',
  });
  return (await requestView(tx.trx, zone, caller, id, now))!;
}
