/**
 * The handover draft reads a lean projection of the incidents and the duty log (issue 18: ≤ 50 ms for
 * a busy shift): only the columns its lines use, obligations only for the open incidents. Its text
 * must be exactly what the full reads gave: here the draft from GET /api/handovers/draft is compared
 * with the draft written from the full incident list (listIncidents, every column and obligation) and
 * the full duty log (logText), on a busy shift with every case the projection has to keep: incidents
 * received before the shift and still open, open ones received later in the shift than `now`, closed
 * ones, overdue deadlines, log entries written at the same instant.
 */
import { handoverAlarms } from '@shared/domain/handover-alarms';
import { draftHandover } from '@shared/domain/handover-draft';
import type { HandoverDraft } from '@shared/schemas/handover';
import type { Incident } from '@shared/schemas/incidents';
import type { Shift } from '@shared/schemas/roster';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIncidents } from '../../bench/lib/incident-year';
import { seedLogbook } from '../../bench/lib/logbook-year';
import { seeded } from '../../bench/lib/random';
import { listIncidents } from '../../server/modules/incidents/service';
import { logText } from '../../server/modules/logbook/service';
import { fixedClock } from '../../server/time';
import { as, createUser, signIn, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { publishMarch } from '../helpers/roster';

const DUTY_DATE = '2026-03-10';
const WRITTEN_FROM_INCIDENTS_AND_LOG = [
  'received',
  'open',
  'calls',
  'instructions',
  'equipment',
  'notes',
] as const;

describe.each(DIALECTS)('handover draft from a lean projection on %s', (dialect) => {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let shift: Shift;
  let officer: string;
  let now: Date;

  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    const admin = await signInAdmin(t.app);
    const ids: number[] = [];
    for (const username of ['officer1', 'officer2', 'officer3'])
      ids.push((await createUser(t.app, admin, { username, roles: ['officer'] })).id);
    const leader = await createUser(t.app, admin, { username: 'leader1', roles: ['leader'] });
    const march = await publishMarch(t.app, admin, {
      officers: ids,
      leaders: [leader.id],
      overrideReason: 'test',
    });
    shift = march.shifts.find((s: Shift) => s.dutyDate === DUTY_DATE && s.role === 'officer')!;
    officer = `officer${ids.indexOf(shift.userId) + 1}`;
    // Sixteen hours into the shift: incidents and entries seeded up to its end lie partly after `now`.
    now = new Date(Date.parse(shift.start) + 16 * 3_600_000);
    const r = seeded(18);
    const zone = t.app.config.tzName;
    // From three days before the shift (some still open, some overdue) to the shift's end.
    const from = new Date(Date.parse(shift.start) - 2 * 86_400_000);
    await seedIncidents(t.app.db, r, 600, from, new Date(shift.end), zone);
    await seedLogbook(t.app.db, r, 400, new Date(shift.start), now);
    // Three entries at one instant: their order within it must not change.
    clock.set(new Date(Date.parse(shift.start) + 3_600_000));
    const session = await signIn(t.app, officer, USER_PASSWORD);
    for (const content of ['同一时刻第一条', '同一时刻第二条', '同一时刻第三条'])
      expect(
        (
          await t.app.inject(
            as(session, { method: 'POST', url: '/api/logbook', payload: { kind: 'note', content } }),
          )
        ).statusCode,
      ).toBe(201);
    clock.set(now);
  });
  afterAll(() => t.close());

  it('writes the same lines, open incidents, carry-over and overdue alarms as the full reads', async () => {
    const res = await t.app.inject(
      as(await signIn(t.app, officer, USER_PASSWORD), { method: 'GET', url: '/api/handovers/draft' }),
    );
    expect(res.statusCode).toBe(200);
    const draft: HandoverDraft = res.json();

    // The draft as the full reads wrote it before the projection.
    const at = now.toISOString();
    const window = { from: shift.start, to: shift.end };
    const received = await listIncidents(t.app.db, { ...window, limit: 50_000 }, at);
    const open = await listIncidents(
      t.app.db,
      { stage: 'open', to: new Date(now.getTime() + 1).toISOString(), limit: 50_000 },
      at,
    );
    const incidents = new Map<number, Incident>([...received, ...open].map((i) => [i.id, i]));
    const log = await logText(t.app.db, { ...window, limit: 50_000 });
    const zone = t.app.config.tzName;
    const full = draftHandover({
      zone,
      now: at,
      shift: { dutyDate: shift.dutyDate, start: shift.start, end: shift.end },
      onShift: [],
      incoming: [],
      spotChecks: [],
      incidents: [...incidents.values()],
      reports: [],
      instructions: [],
      log,
      last: null,
      existing: null,
    });
    const overdue = handoverAlarms({
      zone,
      now: at,
      shifts: [],
      checkInAfterMinutes: 30,
      spotChecks: [],
      incidents: open,
      upstream: [],
    });

    // The data has every case the projection must keep.
    expect(open.some((i) => i.receivedAt < shift.start)).toBe(true);
    expect([...incidents.values()].some((i) => i.stage !== 'closed' && i.receivedAt > at)).toBe(true);
    expect(received.some((i) => i.stage === 'closed')).toBe(true);
    expect(overdue.length).toBeGreaterThan(0);
    expect(log.length).toBe(403);

    const text = (d: Pick<HandoverDraft, 'sections'>, key: string) =>
      d.sections.find((s) => s.key === key)!.text;
    for (const key of WRITTEN_FROM_INCIDENTS_AND_LOG) expect(text(draft, key), key).toBe(text(full, key));
    expect(draft.openIncidents).toEqual(full.openIncidents);
    expect(draft.carried).toEqual(full.carried);
    expect(draft.alarms.filter((a) => a.kind === 'overdue_report')).toEqual(overdue);
    // Entries of one instant: newest first, as the full read ordered them.
    const notes = text(draft, 'notes');
    expect(notes.indexOf('同一时刻第三条')).toBeLessThan(notes.indexOf('同一时刻第二条'));
    expect(notes.indexOf('同一时刻第二条')).toBeLessThan(notes.indexOf('同一时刻第一条'));
  });

  it('reads the open incidents through their partial index, not a scan of every incident', async () => {
    if (dialect === 'sqlite') {
      // The columns the draft reads (handoverIncidents), so the plan is the one the draft gets.
      const plan = await sql<{ detail: string }>`explain query plan
        select id, category, grade, stage, received_at, address, summary, drill from incidents
        where stage <> 'closed' and received_at < ${new Date().toISOString()} order by received_at desc`.execute(
        t.app.db,
      );
      const details = plan.rows.map((r) => r.detail).join('; ');
      expect(details).toMatch(/USING (COVERING )?INDEX incidents_open_idx/);
    } else {
      // PostgreSQL picks by cost (a seq scan of a small table wins); the index must be there, partial.
      const found = await sql<{ indexdef: string }>`select indexdef from pg_indexes
        where indexname = 'incidents_open_idx'`.execute(t.app.db);
      expect(found.rows[0]?.indexdef).toMatch(/\(received_at\) WHERE \(stage <> 'closed'::text\)/);
    }
  });
});
