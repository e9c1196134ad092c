import type { Grade } from '@shared/domain/incident-types';
import type { Judged, LateCase } from '@shared/schemas/stats';
import type { DbOrTrx } from '../../db/database';
import { displayNames } from '../users/service';
import { judgeAccidents } from './judged';
import { ACCIDENTS, INITIAL_KINDS, lateOrOverdue, num, received, running, type StatsScope } from './scope';

const rateOf = (onTime: number, late: number) => (onTime + late === 0 ? null : onTime / (onTime + late));

/**
 * 首报及时率: accidents received in the period whose 首报 met every initial deadline; pending ones
 * (a deadline still running) apart; drills never.
 */
export async function initialReport(db: DbOrTrx, scope: StatsScope): Promise<Judged> {
  const { accidents, late, pending } = await judgeAccidents(db, scope);
  const onTime = accidents - late - pending;
  return {
    accidents,
    onTime,
    late,
    pending,
    rate: rateOf(onTime, late),
    lateCases: await initialLateCases(db, scope),
  };
}

/**
 * 直报率: the in-scope production-safety accidents received in the period (those owing a 直报录入:
 * shared/domain/direct-report.ts) whose entry was on time, over those judged: entered, or overdue now.
 */
export async function directReport(db: DbOrTrx, scope: StatsScope): Promise<Judged> {
  const row = await db
    .selectFrom('incidents')
    .innerJoin('incident_obligations', 'incident_obligations.incident_id', 'incidents.id')
    .where((eb) => received(eb, scope))
    .where('incident_obligations.kind', '=', 'direct_entry')
    .select((eb) => [
      eb.fn.countAll().as('accidents'),
      eb.fn
        .sum(eb.case().when(lateOrOverdue(eb, scope.now)).then(eb.lit(1)).else(eb.lit(0)).end())
        .as('late'),
      eb.fn.sum(eb.case().when(running(eb, scope.now)).then(eb.lit(1)).else(eb.lit(0)).end()).as('pending'),
    ])
    .executeTakeFirstOrThrow();
  const accidents = num(row.accidents);
  const late = num(row.late);
  const pending = num(row.pending);
  const onTime = accidents - late - pending;
  return {
    accidents,
    onTime,
    late,
    pending,
    rate: rateOf(onTime, late),
    lateCases: await directLateCases(db, scope),
  };
}

interface LateRow {
  id: number;
  category: string;
  grade: Grade | null;
  summary: string;
  receivedAt: string;
  kind: string;
  dueAt: string;
  doneAt: string | null;
  /** Who met it late: the report's sender / the entry's recorder. */
  by: string | null;
}

/** Each late accident once, with the first initial deadline it missed and who sent that report. */
async function initialLateCases(db: DbOrTrx, scope: StatsScope): Promise<LateCase[]> {
  const rows = await db
    .selectFrom('incident_obligations')
    .innerJoin('incidents', 'incidents.id', 'incident_obligations.incident_id')
    .leftJoin('incident_reports', (join) =>
      join
        .onRef('incident_reports.incident_id', '=', 'incident_obligations.incident_id')
        .onRef('incident_reports.number', '=', 'incident_obligations.report_number'),
    )
    .where((eb) => received(eb, scope))
    .where('incidents.category', 'in', ACCIDENTS)
    .where('incident_obligations.kind', 'in', INITIAL_KINDS)
    .where((eb) => lateOrOverdue(eb, scope.now))
    .select([
      'incidents.id',
      'incidents.category',
      'incidents.grade',
      'incidents.summary',
      'incidents.received_at',
      'incident_obligations.kind',
      'incident_obligations.due_at',
      'incident_obligations.done_at',
      'incident_reports.sent_by',
    ])
    .orderBy('incidents.received_at')
    .orderBy('incidents.id')
    .orderBy('incident_obligations.due_at')
    .execute();
  const seen = new Set<number>();
  const cases: LateRow[] = [];
  for (const r of rows) {
    const id = Number(r.id);
    if (seen.has(id) || r.due_at === null) continue;
    seen.add(id);
    cases.push({
      id,
      category: r.category,
      grade: r.grade,
      summary: r.summary,
      receivedAt: r.received_at,
      kind: r.kind,
      dueAt: r.due_at,
      doneAt: r.done_at,
      by: r.sent_by ?? null,
    });
  }
  return withWho(db, cases, scope.now);
}

/** Each accident whose 直报录入 was late or is overdue now, with who recorded it. */
async function directLateCases(db: DbOrTrx, scope: StatsScope): Promise<LateCase[]> {
  const rows = await db
    .selectFrom('incident_obligations')
    .innerJoin('incidents', 'incidents.id', 'incident_obligations.incident_id')
    .leftJoin('incident_statutory_records', (join) =>
      join
        .onRef('incident_statutory_records.incident_id', '=', 'incident_obligations.incident_id')
        .onRef('incident_statutory_records.key', '=', 'incident_obligations.key'),
    )
    .where((eb) => received(eb, scope))
    .where('incident_obligations.kind', '=', 'direct_entry')
    .where((eb) => lateOrOverdue(eb, scope.now))
    .select([
      'incidents.id',
      'incidents.category',
      'incidents.grade',
      'incidents.summary',
      'incidents.received_at',
      'incident_obligations.kind',
      'incident_obligations.due_at',
      'incident_obligations.done_at',
      'incident_statutory_records.recorded_by',
    ])
    .orderBy('incidents.received_at')
    .orderBy('incidents.id')
    .execute();
  return withWho(
    db,
    rows
      .filter((r) => r.due_at !== null)
      .map((r) => ({
        id: Number(r.id),
        category: r.category,
        grade: r.grade,
        summary: r.summary,
        receivedAt: r.received_at,
        kind: r.kind,
        dueAt: r.due_at!,
        doneAt: r.done_at,
        by: r.recorded_by ?? null,
      })),
    scope.now,
  );
}

/**
 * Who answers for each late case: whoever met it late, or — still unmet — the duty officers
 * rostered at the deadline; and how late, in seconds, at doneAt or now.
 */
async function withWho(db: DbOrTrx, rows: LateRow[], now: string): Promise<LateCase[]> {
  const onDuty = new Map<string, string[]>();
  for (const r of rows) {
    if (r.by !== null || onDuty.has(r.dueAt)) continue;
    const shifts = await db
      .selectFrom('roster_shifts')
      .select(['user_id', 'start_at'])
      .where('role', '=', 'officer')
      .where('start_at', '<=', r.dueAt)
      .where('end_at', '>', r.dueAt)
      .orderBy('start_at')
      .orderBy('user_id')
      .execute();
    const users = shifts.length
      ? await db
          .selectFrom('users')
          .select(['id', 'username'])
          .where(
            'id',
            'in',
            shifts.map((s) => Number(s.user_id)),
          )
          .execute()
      : [];
    const byId = new Map(users.map((u) => [Number(u.id), u.username]));
    onDuty.set(
      r.dueAt,
      shifts.map((s) => byId.get(Number(s.user_id))).filter((u): u is string => u !== undefined),
    );
  }
  const names = await displayNames(db, [
    ...rows.flatMap((r) => (r.by === null ? [] : [r.by])),
    ...[...onDuty.values()].flat(),
  ]);
  return rows.map((r) => {
    const officers = r.by === null ? (onDuty.get(r.dueAt) ?? []) : [];
    const until = Date.parse(r.doneAt ?? now);
    return {
      id: r.id,
      category: r.category as LateCase['category'],
      grade: r.grade,
      summary: r.summary,
      receivedAt: r.receivedAt,
      dueAt: r.dueAt,
      doneAt: r.doneAt,
      kind: r.kind as LateCase['kind'],
      lateSeconds: Math.max(0, Math.round((until - Date.parse(r.dueAt)) / 1000)),
      who:
        r.by !== null ? (names[r.by] ?? r.by) : [...new Set(officers)].map((u) => names[u] ?? u).join('、'),
      whoBasis: r.by !== null ? 'recorded' : officers.length ? 'on_duty' : 'none',
    };
  });
}
