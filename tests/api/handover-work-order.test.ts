/**
 * The handover draft reads a shift's reports sent and leader instructions given from their own rows,
 * by time, in the order they were written (incidents module, handoverWork). Indexes in that order
 * let SQLite read a shift's rows as they stand instead of walking every report or action of the
 * bureau's history and sorting them; PostgreSQL has them for tables long enough to use them.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';

const FROM = '2026-03-10T00:30:00.000Z';
const TO = '2026-03-11T00:20:00.001Z';

describe.each(DIALECTS)('reports and instructions in the draft order on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ dialect });
  });
  afterAll(() => t.close());

  it('are read through indexes in that order', async () => {
    if (dialect === 'sqlite') {
      // The reads of handoverWork, as the draft sends them.
      const plan = async (query: ReturnType<typeof sql>) =>
        (await sql<{ detail: string }>`explain query plan ${query}`.execute(t.app.db)).rows
          .map((r) => r.detail)
          .join('; ');
      const reports = await plan(sql`select incident_id, title, channel, recipient, sent_at, sent_by, late
        from incident_reports where sent_at >= ${FROM} and sent_at < ${TO} order by sent_at, id limit ${50_000}`);
      expect(reports).toMatch(/USING INDEX incident_reports_sent_idx/);
      expect(reports).not.toMatch(/TEMP B-TREE/);
      const actions = await plan(sql`select incident_id, text, actor, at from incident_actions
        where type = ${'instruction'} and at >= ${FROM} and at < ${TO} order by at, id limit ${50_000}`);
      expect(actions).toMatch(/USING INDEX incident_actions_type_at_idx/);
      expect(actions).not.toMatch(/TEMP B-TREE/);
    } else {
      const found = await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef
        from pg_indexes where indexname in ('incident_reports_sent_idx', 'incident_actions_type_at_idx')
        order by indexname`.execute(t.app.db);
      expect(found.rows.map((r) => r.indexname)).toEqual([
        'incident_actions_type_at_idx',
        'incident_reports_sent_idx',
      ]);
      expect(found.rows[0]!.indexdef).toMatch(/\(type, at, id\)/);
      expect(found.rows[1]!.indexdef).toMatch(/\(sent_at, id\)/);
    }
  });
});
