import { addDays, localDateOf } from '@shared/domain/duty-day';
import type { DbOrTrx } from '../../db/database';
import { type Raiser, raiseOnce, type Timer, type TimerEvent } from '../../jobs/raise-once';
import { asks, cutoffInstant } from './dates';
import * as repo from './repo';
import { filedOn } from './views';

/** How far the scanner looks back for misses not yet raised (a node down for a day still raises them). */
const SCAN_BACK_DAYS = 2;

// ---- Timers: a reminder before the cut-off, a miss strictly after it, each once per unit and date ----

interface MarkKey {
  requestId: number;
  unitId: number;
  unitPath: string;
  forDate: string;
  kind: 'remind' | 'miss';
}

/** Every unfiled (request, unit, date) whose reminder or miss has fallen due and is not yet marked. */
async function dueMarks(db: DbOrTrx, zone: string, kind: MarkKey['kind'], now: Date): Promise<MarkKey[]> {
  const rows = await repo.listRequestRows(db, true);
  if (rows.length === 0) return [];
  const units = await repo.unitsOf(
    db,
    rows.map((r) => Number(r.id)),
  );
  const today = localDateOf(now, zone);
  const t = now.getTime();
  const out: MarkKey[] = [];
  for (const row of rows) {
    if (kind === 'remind' && Number(row.remind_minutes) === 0) continue;
    for (let d = addDays(today, -SCAN_BACK_DAYS); d <= addDays(today, 1); d = addDays(d, 1)) {
      if (!asks(row, d, zone)) continue;
      const cut = cutoffInstant(d, row.cutoff, zone).getTime();
      const due = kind === 'miss' ? t > cut : t >= cut - Number(row.remind_minutes) * 60_000 && t <= cut;
      if (!due) continue;
      const [filed, marks] = await Promise.all([filedOn(db, row, d), repo.marksOn(db, Number(row.id), d)]);
      for (const u of units.get(Number(row.id)) ?? []) {
        if (filed.has(u.unitId) || marks.has(`${kind}:${u.unitId}`)) continue;
        out.push({ requestId: Number(row.id), unitId: u.unitId, unitPath: u.path, forDate: d, kind });
      }
    }
  }
  return out;
}

function markTimer(kind: MarkKey['kind'], zone: () => string): Timer<MarkKey> {
  return {
    due: (db, now) => dueMarks(db, zone(), kind, new Date(now)),
    claim: async (trx, key, now): Promise<TimerEvent | undefined> => {
      const row = await repo.findRequest(trx, key.requestId);
      if (!row || row.ended_at !== null) return undefined;
      if ((await filedOn(trx, row, key.forDate)).has(key.unitId)) return undefined;
      const claimed = await repo.claimMark(trx, {
        request_id: key.requestId,
        unit_id: key.unitId,
        for_date: key.forDate,
        kind,
        raised_at: now,
      });
      if (!claimed) return undefined;
      const payload = { requestId: key.requestId, forDate: key.forDate, unitId: key.unitId };
      return kind === 'remind'
        ? { type: 'zero_report.reminded', subject: `zero:${key.requestId}`, payload, unit: key.unitPath }
        : { type: 'zero_report.missed', subject: `zero:${key.requestId}`, payload, unit: key.unitPath };
    },
  };
}

/** The scanner's raisers: reminders first, then misses (server/jobs/scanner.ts). */
export const raiseZeroReminders: Raiser = (app) =>
  raiseOnce(markTimer('remind', () => app.config.tzName))(app);
export const raiseZeroMisses: Raiser = (app) => raiseOnce(markTimer('miss', () => app.config.tzName))(app);
