import { type DisasterClockInput, disasterObligations } from '@shared/domain/disaster-clocks';
import {
  DEFAULT_DISASTER_CLOCKS,
  type DisasterClockValues,
  type DisasterFigures,
  type DisasterRecipient,
  type DisasterReportKind,
  type DisasterType,
  type FilingKind,
  sameFigures,
  sumFigures,
  ZERO_FIGURES,
} from '@shared/domain/disasters';
import { DISTRICT_PATH } from '@shared/domain/district';
import type { FastifyInstance } from 'fastify';
import type { DbOrTrx } from '../../db/database';
import { notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { type Raiser, raiseOnce, type Timer } from '../../jobs/raise-once';
import { toStored } from '../../time';
import { calendarData } from '../calendar/service';
import { parseFigures } from './figures';
import { affectedTownships } from './lookups';
import type { DisasterRow, ObligationRow } from './types';
import { toObligation } from './views';

export function clockValues(row: DisasterRow): DisasterClockValues {
  try {
    return { ...DEFAULT_DISASTER_CLOCKS, ...(JSON.parse(row.policy) as Partial<DisasterClockValues>) };
  } catch {
    return DEFAULT_DISASTER_CLOCKS;
  }
}

/** What the clocks say now, from the stored disaster, its filings and its sent reports. */
async function computeObligations(db: DbOrTrx, row: DisasterRow, now: Date, zone: string) {
  const id = Number(row.id);
  const townships = (await affectedTownships(db, id)).map((t) => t.id);
  const filings = await db
    .selectFrom('disaster_filings')
    .select(['id', 'unit_id', 'kind', 'for_date', 'filed_at', 'figures'])
    .where('disaster_id', '=', id)
    .orderBy('filed_at')
    .orderBy('id')
    .execute();
  const reports = await db
    .selectFrom('disaster_reports')
    .select(['id', 'kind', 'recipient', 'for_date', 'sent_at'])
    .where('disaster_id', '=', id)
    .execute();
  // The instants the district's sum changed: each township filing that changed it.
  const current = new Map<number, DisasterFigures>();
  let sum = { ...ZERO_FIGURES };
  const figureChanges: string[] = [];
  const townshipFilings = filings.filter((f) => townships.includes(Number(f.unit_id)));
  for (const f of townshipFilings) {
    current.set(Number(f.unit_id), parseFigures(f.figures));
    const next = sumFigures([...current.values()]);
    if (!sameFigures(next, sum)) figureChanges.push(f.filed_at);
    sum = next;
  }
  const input: DisasterClockInput = {
    type: row.type as DisasterType,
    beganAt: row.began_at,
    townships,
    severeSince: row.severe_since,
    majorSince: row.major_since,
    stableAt: row.stable_at,
    closedAt: row.closed_at,
    figureChanges,
    reports: reports.map((r) => ({
      kind: r.kind as DisasterReportKind,
      recipient: r.recipient as DisasterRecipient,
      forDate: r.for_date,
      sentAt: r.sent_at,
      ref: `report:${r.id}`,
    })),
    filings: townshipFilings.map((f) => ({
      unitId: Number(f.unit_id),
      kind: f.kind as FilingKind,
      forDate: f.for_date,
      filedAt: f.filed_at,
      ref: `filing:${f.id}`,
    })),
    now: toStored(now),
    zone,
  };
  return disasterObligations(input, clockValues(row), await calendarData(db));
}

type Plan = { insert: ObligationRow[]; update: ObligationRow[]; remove: string[] };

async function planRefresh(db: DbOrTrx, row: DisasterRow, now: Date, zone: string): Promise<Plan> {
  const id = Number(row.id);
  const computed = await computeObligations(db, row, now, zone);
  const stored = new Map(
    (await db.selectFrom('disaster_obligations').selectAll().where('disaster_id', '=', id).execute()).map(
      (r) => [r.key, r],
    ),
  );
  const plan: Plan = { insert: [], update: [], remove: [] };
  const keys = new Set<string>();
  for (const o of computed) {
    keys.add(o.key);
    const old = stored.get(o.key);
    if (!old) {
      plan.insert.push({
        disaster_id: id,
        key: o.key,
        kind: o.kind,
        unit_id: o.unitId,
        recipient: o.recipient,
        due_at: o.dueAt,
        done_at: o.doneAt,
        done_ref: o.doneRef,
        overdue_raised_at: null,
      });
    } else if (old.done_at === null && (old.due_at !== o.dueAt || o.doneAt !== null)) {
      // Done once, never flips: only an open obligation moves or is met.
      plan.update.push({ ...old, due_at: o.dueAt, done_at: o.doneAt, done_ref: o.doneRef });
    }
  }
  for (const [key, old] of stored)
    if (!keys.has(key) && old.done_at === null && old.overdue_raised_at === null) plan.remove.push(key);
  return plan;
}

async function applyPlan(tx: Tx, id: number, plan: Plan): Promise<void> {
  for (const row of plan.insert) await tx.trx.insertInto('disaster_obligations').values(row).execute();
  for (const row of plan.update)
    await tx.trx
      .updateTable('disaster_obligations')
      .set({ due_at: row.due_at, done_at: row.done_at, done_ref: row.done_ref })
      .where('disaster_id', '=', id)
      .where('key', '=', row.key)
      .where('done_at', 'is', null)
      .execute();
  if (plan.remove.length > 0)
    await tx.trx
      .deleteFrom('disaster_obligations')
      .where('disaster_id', '=', id)
      .where('key', 'in', plan.remove)
      .where('done_at', 'is', null)
      .where('overdue_raised_at', 'is', null)
      .execute();
  const next = await tx.trx
    .selectFrom('disaster_obligations')
    .select((eb) => eb.fn.min('due_at').as('next'))
    .where('disaster_id', '=', id)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  await tx.trx
    .updateTable('disasters')
    .set({ next_due_at: (next?.next as string | null) ?? null })
    .where('id', '=', id)
    .execute();
}

/**
 * Recomputes and stores the disaster's obligations: new ones added, open ones moved or met (a met
 * one never flips), open ones no longer owed dropped (unless already raised overdue). Call it in
 * the command that changed what they depend on (a filing, a report sent, a state change).
 */
export async function refreshDisasterObligations(tx: Tx, disasterId: number, zone: string): Promise<void> {
  const row = await tx.trx
    .selectFrom('disasters')
    .selectAll()
    .where('id', '=', disasterId)
    .executeTakeFirst();
  if (!row) notFound(`disaster ${disasterId}`);
  await applyPlan(tx, disasterId, await planRefresh(tx.trx, row, tx.clock.now(), zone));
}

/**
 * Scanner: open disasters' obligations refreshed so new days (zero reports, drought 续报) appear; a
 * disaster whose obligations are already up to date costs a read, no transaction.
 */
export const refreshOpenDisasters: Raiser = async (app: FastifyInstance) => {
  const zone = app.config.tzName;
  const now = app.clock.now();
  const open = await app.db.selectFrom('disasters').selectAll().where('state', '!=', 'closed').execute();
  for (const row of open) {
    const plan = await planRefresh(app.db, row, now, zone);
    if (plan.insert.length + plan.update.length + plan.remove.length === 0) continue;
    await app.command('system', (tx) => refreshDisasterObligations(tx, Number(row.id), zone));
  }
  return 0;
};

type ObligationKey = { disasterId: number; key: string };

/**
 * disaster.overdue, once per obligation whose deadline passed unmet (strictly after: done at the
 * deadline is on time), recorded for its township (district obligations: the district).
 */
function overdueTimer(zone: string): Timer<ObligationKey> {
  return {
    async due(db, now) {
      const rows = await db
        .selectFrom('disaster_obligations')
        .select(['disaster_id', 'key'])
        .where('done_at', 'is', null)
        .where('due_at', '<', now)
        .where('overdue_raised_at', 'is', null)
        .orderBy('due_at')
        .limit(100)
        .execute();
      return rows.map((r) => ({ disasterId: Number(r.disaster_id), key: r.key }));
    },
    async claim(trx, { disasterId, key }, now) {
      const claimed = await trx
        .updateTable('disaster_obligations')
        .set({ overdue_raised_at: now })
        .where('disaster_id', '=', disasterId)
        .where('key', '=', key)
        .where('overdue_raised_at', 'is', null)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return undefined;
      const row = await trx
        .selectFrom('disaster_obligations')
        .selectAll()
        .where('disaster_id', '=', disasterId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      const unit =
        row.unit_id === null
          ? DISTRICT_PATH
          : ((
              await trx
                .selectFrom('units')
                .select('path')
                .where('id', '=', Number(row.unit_id))
                .executeTakeFirst()
            )?.path ?? DISTRICT_PATH);
      return {
        type: 'disaster.overdue',
        subject: `disaster:${disasterId}`,
        payload: { disasterId, obligation: toObligation(row, new Date(now), zone) },
        unit,
      };
    },
  };
}

/** Scanner: the overdue timer of disaster obligations (server/jobs/raise-once.ts). */
export const raiseOverdueDisasterObligations: Raiser = (app) =>
  raiseOnce(overdueTimer(app.config.tzName))(app);

/**
 * How a sent report was judged (for the reports part, after `refreshDisasterObligations` in the same
 * command): true when every obligation it met was met in time, false when one was late, null when
 * it met none (nothing was owed, or an earlier report had met it).
 */
export async function reportOnTime(
  db: DbOrTrx,
  disasterId: number,
  reportId: number,
): Promise<boolean | null> {
  const met = await db
    .selectFrom('disaster_obligations')
    .select(['due_at', 'done_at'])
    .where('disaster_id', '=', disasterId)
    .where('done_ref', '=', `report:${reportId}`)
    .execute();
  if (met.length === 0) return null;
  return met.every((o) => o.done_at !== null && Date.parse(o.done_at) <= Date.parse(o.due_at));
}
