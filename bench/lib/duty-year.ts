import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database';
import type { SpotChecksTable } from '../../server/modules/spotchecks/table';
import type { SwapsTable } from '../../server/modules/swaps/table';
import { as, createUser, type Session, type TestApp } from '../../tests/helpers/app';
import { insertBatches, type Random } from './random';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A year of rostered duty through the API, then its attendance, spot-checks and swaps written directly. */
export async function seedDuty(t: TestApp, admin: Session, r: Random, year: number): Promise<number> {
  const officers: number[] = [];
  const leaders: number[] = [];
  for (let i = 1; i <= 6; i++)
    officers.push((await createUser(t.app, admin, { username: `o${i}`, roles: ['officer'] })).id);
  for (let i = 1; i <= 3; i++)
    leaders.push((await createUser(t.app, admin, { username: `l${i}`, roles: ['leader'] })).id);
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    const res = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/generate',
        payload: { from: `${month}-01`, to: `${month}-${last}`, officers, leaders },
      }),
    );
    if (res.statusCode !== 200) throw new Error(`roster ${month}: ${res.statusCode} ${res.body}`);
  }
  const db: Db = t.app.db;
  const shifts = await db
    .selectFrom('roster_shifts')
    .select(['id', 'start_at', 'user_id'])
    .where('role', '=', 'officer')
    .execute();
  await db.transaction().execute(async (trx) => {
    for (const s of shifts) {
      const start = Date.parse(s.start_at);
      const outcome = r.weighted([
        ['on_time', 93],
        ['late', 4],
        ['missed', 3],
      ] as const);
      await trx
        .updateTable('roster_shifts')
        .set(
          outcome === 'missed'
            ? { missed_raised_at: iso(start + 11 * MIN) }
            : {
                check_in_at: iso(start + (outcome === 'late' ? 15 : -5) * MIN),
                check_in_late: outcome === 'late' ? 1 : 0,
              },
        )
        .where('id', '=', s.id)
        .execute();
    }
  });
  const checks: Insertable<SpotChecksTable>[] = [];
  const swaps: Insertable<SwapsTable>[] = [];
  for (const s of shifts) {
    const start = Date.parse(s.start_at);
    for (let k = 0; k < 3; k++) {
      const issued = start + r.int(1, 23 * 60) * MIN;
      const answer = r.weighted([
        [r.int(1, 5), 90],
        [r.int(6, 20), 7],
        [null, 3],
      ] as const);
      checks.push({
        source: 'leader',
        caller: '',
        note: '',
        issued_by: 'l1',
        issued_at: iso(issued),
        due_at: iso(issued + 5 * MIN),
        answered_at: answer === null ? null : iso(issued + answer * MIN),
        answered_by: answer === null ? null : 'o1',
        answer_note: null,
        missed_raised_at: answer === null || answer > 5 ? iso(issued + 5 * MIN + 1000) : null,
      });
    }
    if (r.chance(0.1))
      swaps.push({
        shift_id: s.id,
        from_user_id: s.user_id,
        to_user_id: r.pick(officers),
        counter_shift_id: null,
        status: r.pick(['requested', 'approved', 'rejected', 'cancelled'] as const),
        reason: '基准',
        requested_by: 'o1',
        requested_at: iso(start - 3 * 86_400_000),
        accepted_at: null,
        decided_by: null,
        decided_at: null,
        decision_note: null,
      });
  }
  await insertBatches(checks, 1000, (rows) => db.insertInto('spot_checks').values(rows).execute());
  await insertBatches(swaps, 500, (rows) => db.insertInto('swaps').values(rows).execute());
  return shifts.length;
}
