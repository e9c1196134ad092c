import type { Kysely } from 'kysely';

/**
 * Each incident keeps the deadline policy it was received under (JSON DeadlinePolicy) and its grade
 * history (JSON [{ at, grade, nearMiss }], oldest first), so a later policy change or regrade never
 * rewrites the deadlines it was judged by. Existing incidents get the policy in force now (the stored
 * setting as it is: an old-shape one is upgraded when read) and a history of their current grade from
 * receipt — the best that can be known of them.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
const NATIONAL_AT_MIGRATION = {
  name: '国家默认（县级）',
  initial: [
    { applies: '*', grades: '*', kind: 'initial_written', within: 'PT2H' },
    { applies: '*', grades: ['I', 'II'], kind: 'initial_phone', within: 'PT30M' },
    { applies: '*', grades: ['I', 'II'], kind: 'initial_written', within: 'PT1H' },
  ],
  followupPerDay: { I: 2, II: 2, III: 1, IV: 1 },
  changeWindowDays: { default: 30, road_traffic: 7, fire: 7 },
  disasterClockFrom: 'occurred',
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('policy', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('grade_history', 'text').execute();
  const stored = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'deadline_policy')
    .executeTakeFirst();
  const policy: string = stored?.value ?? JSON.stringify(NATIONAL_AT_MIGRATION);
  await db.updateTable('incidents').set({ policy }).execute();
  const rows = await db.selectFrom('incidents').select(['id', 'received_at', 'grade', 'near_miss']).execute();
  for (const row of rows) {
    const history = [{ at: row.received_at, grade: row.grade, nearMiss: Number(row.near_miss) === 1 }];
    await db
      .updateTable('incidents')
      .set({ grade_history: JSON.stringify(history) })
      .where('id', '=', row.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('incidents').dropColumn('grade_history').execute();
  await db.schema.alterTable('incidents').dropColumn('policy').execute();
}
