import type { DbOrTrx, Trx } from '../../db/database';
import { DutyError } from '../../errors';

export type Subject = 'warning' | 'response';

export async function addLevel(
  trx: Trx,
  kind: Subject,
  id: number,
  level: string,
  at: string,
): Promise<void> {
  await trx
    .insertInto('warning_levels')
    .values({ subject_kind: kind, subject_id: id, level: level as never, from_at: at })
    .execute();
}

/** The instant of the last level change (or of the start): a later change or the end may not precede it. */
export async function lastLevelAt(trx: Trx, kind: Subject, id: number): Promise<string> {
  const row = await trx
    .selectFrom('warning_levels')
    .select((eb) => eb.fn.max('from_at').as('at'))
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', id)
    .executeTakeFirst();
  return String(row?.at ?? '');
}

export function notBefore(at: string, floor: string, what: string): void {
  if (floor && at < floor)
    throw new DutyError('DUTY_ERR_VALIDATION', `body.at: ${what} cannot be before ${floor}, its last change`);
}

export interface LevelSpan {
  subjectId: number;
  level: string;
  from: string;
}

/** The level history of these subjects, oldest first per subject. */
export async function levelHistory(db: DbOrTrx, kind: Subject, ids: number[]): Promise<LevelSpan[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('warning_levels')
    .select(['subject_id', 'level', 'from_at', 'id'])
    .where('subject_kind', '=', kind)
    .where('subject_id', 'in', ids)
    .orderBy('subject_id')
    .orderBy('from_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ subjectId: Number(r.subject_id), level: r.level, from: r.from_at }));
}
