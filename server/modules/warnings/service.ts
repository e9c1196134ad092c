import {
  type HeadquartersCode,
  type ResponseLevel,
  responseLabel,
  type WarningLevel,
  type WarningTypeCode,
  warningLabel,
} from '@shared/domain/warning-types';
import type { Consultation, EmergencyResponse, Warning, WarningStats } from '@shared/schemas/warnings';
import type { DbOrTrx } from '../../db/database';
import { type LevelSpan, levelHistory } from './levels';
import { selectConsultations, selectResponses, selectWarnings, toResponse, toWarning } from './repo';

/**
 * The warnings module's front door: what other modules (the roster's staffing rules, the handover,
 * the demo seed) may use. Routes use the command files directly.
 */
export { changeResponseLevel, endResponse, recordConsultation, startResponse } from './responses';
export { changeWarningLevel, issueWarning, liftWarning } from './warnings';

/** What strengthens the duty (DESIGN 2.5): one level of a warning or response over a span of time. */
export interface DutyDriver {
  kind: 'warning' | 'response';
  id: number;
  /** e.g. '暴雨橙色预警', '防汛Ⅳ级应急响应'. */
  label: string;
  level: 'red' | 'orange' | 'yellow' | 'blue' | 'I' | 'II' | 'III' | 'IV';
  /** UTC ISO. */
  from: string;
  /** UTC ISO; null: still active. */
  to: string | null;
}

/** The spans of one subject's levels, each ending where the next begins or at the subject's end. */
function spans(history: LevelSpan[], id: number, start: string, end: string | null) {
  const own = history.filter((h) => h.subjectId === id);
  return own
    .map((h, i) => ({
      level: h.level,
      from: h.from < start ? start : h.from,
      to: own[i + 1]?.from ?? end,
    }))
    .map((s) => ({ ...s, to: end !== null && s.to !== null && s.to > end ? end : s.to }))
    .filter((s) => s.to === null || s.from < s.to);
}

const overlaps = (s: { from: string; to: string | null }, from: string, to: string) =>
  s.from < to && (s.to === null || s.to > from);

/**
 * Every warning and response whose [effective/started, lifted/ended) overlaps [from, to), one driver
 * per level it held in that time (a yellow warning upgraded to orange at noon is a yellow driver until
 * noon and an orange one after), in order of their start.
 */
export async function dutyDrivers(db: DbOrTrx, fromIso: string, toIso: string): Promise<DutyDriver[]> {
  const from = new Date(fromIso).toISOString();
  const to = new Date(toIso).toISOString();
  const [warnings, responses] = await Promise.all([
    selectWarnings(db, { from, to, limit: 1000 }),
    selectResponses(db, { from, to }),
  ]);
  const [wh, rh] = await Promise.all([
    levelHistory(
      db,
      'warning',
      warnings.map((w) => w.id),
    ),
    levelHistory(
      db,
      'response',
      responses.map((r) => r.id),
    ),
  ]);
  const drivers: DutyDriver[] = [];
  for (const w of warnings)
    for (const s of spans(wh, w.id, w.effectiveAt, w.liftedAt))
      if (overlaps(s, from, to))
        drivers.push({
          kind: 'warning',
          id: w.id,
          label: warningLabel(w.type as WarningTypeCode, s.level as WarningLevel),
          level: s.level as WarningLevel,
          from: s.from,
          to: s.to,
        });
  for (const r of responses)
    for (const s of spans(rh, r.id, r.startedAt, r.endedAt))
      if (overlaps(s, from, to))
        drivers.push({
          kind: 'response',
          id: r.id,
          label: responseLabel(r.headquarters as HeadquartersCode, s.level as ResponseLevel),
          level: s.level as ResponseLevel,
          from: s.from,
          to: s.to,
        });
  return drivers.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.id - b.id));
}

/** What a shift (or any window) saw: warnings and responses in force, consultations held. */
export async function warningsDuring(
  db: DbOrTrx,
  from: string,
  to: string,
): Promise<{ warnings: Warning[]; responses: EmergencyResponse[]; consultations: Consultation[] }> {
  const [warnings, responses, consultations] = await Promise.all([
    selectWarnings(db, { from, to }),
    selectResponses(db, { from, to }),
    selectConsultations(db, { from, to }),
  ]);
  return { warnings, responses, consultations };
}

/** One warning by id (the zero reports ask the townships in its area). */
export async function warningById(db: DbOrTrx, id: number): Promise<Warning | undefined> {
  const row = await db.selectFrom('warnings').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toWarning(row) : undefined;
}

/** One emergency response by id. */
export async function responseById(db: DbOrTrx, id: number): Promise<EmergencyResponse | undefined> {
  const row = await db.selectFrom('emergency_responses').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toResponse(row) : undefined;
}

/** Whether any warning was ever recorded (the demo seeds an empty database only). */
export async function anyWarning(db: DbOrTrx): Promise<boolean> {
  return (await db.selectFrom('warnings').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Warnings issued in [from, to), each once at its highest colour; responses started then, at their level. */
export async function warningStats(db: DbOrTrx, from?: string, to?: string): Promise<WarningStats> {
  let w = db
    .selectFrom('warnings')
    .select(['type', 'peak_level as level', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['type', 'peak_level']);
  if (from) w = w.where('issued_at', '>=', from);
  if (to) w = w.where('issued_at', '<', to);
  let r = db
    .selectFrom('emergency_responses')
    .select(['headquarters', 'level', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['headquarters', 'level']);
  if (from) r = r.where('started_at', '>=', from);
  if (to) r = r.where('started_at', '<', to);
  const [wr, rr] = await Promise.all([w.execute(), r.execute()]);
  const rows = wr
    .map((x) => ({ type: x.type, level: x.level, count: Number(x.count) }))
    .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.level < b.level ? -1 : 1));
  const responses = rr
    .map((x) => ({ headquarters: x.headquarters, level: x.level, count: Number(x.count) }))
    .sort((a, b) =>
      a.headquarters < b.headquarters ? -1 : a.headquarters > b.headquarters ? 1 : a.level < b.level ? -1 : 1,
    );
  return {
    from: from ?? null,
    to: to ?? null,
    total: rows.reduce((n, x) => n + x.count, 0),
    rows,
    responses,
  };
}
