import type { CalendarOverride } from '@shared/schemas/calendar';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { CalendarDaysTable } from './table';

function toOverride(row: Selectable<CalendarDaysTable>): CalendarOverride {
  return { date: row.date, kind: row.kind, festival: row.festival, name: row.name };
}

/** Every correction, by date (a few dozen a year at most). */
export async function allOverrides(db: DbOrTrx): Promise<CalendarOverride[]> {
  return (await db.selectFrom('calendar_days').selectAll().orderBy('date').execute()).map(toOverride);
}

export async function findOverride(db: DbOrTrx, date: string): Promise<CalendarOverride | undefined> {
  const row = await db.selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst();
  return row ? toOverride(row) : undefined;
}

export async function upsertOverride(
  db: DbOrTrx,
  day: CalendarOverride,
  at: string,
  by: string,
): Promise<void> {
  const values = { kind: day.kind, festival: day.festival, name: day.name, updated_at: at, updated_by: by };
  const updated = await db
    .updateTable('calendar_days')
    .set(values)
    .where('date', '=', day.date)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await db
      .insertInto('calendar_days')
      .values({ date: day.date, ...values })
      .execute();
}

export async function deleteOverride(db: DbOrTrx, date: string): Promise<void> {
  await db.deleteFrom('calendar_days').where('date', '=', date).execute();
}
