/**
 * The handover draft reads a shift's duty log by time, entries of one instant newest first. An index
 * in that order (at, id descending) lets SQLite read them as they stand instead of sorting the
 * shift's entries again in a temporary b-tree; PostgreSQL has it for a table long enough to use it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';

describe.each(DIALECTS)('the duty log in the draft order on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ dialect });
  });
  afterAll(() => t.close());

  it('is read through an index in that order', async () => {
    if (dialect === 'sqlite') {
      // The inner read of draftEntries (logbook repo), as the draft sends it.
      const plan = await sql<{ detail: string }>`explain query plan
        select id, kind, at, caller_name, caller_unit, caller_post, caller_phone, content, already_told,
          handling, incident_id from logbook_entries
        where at >= ${'2026-03-10T00:30:00.000Z'} and at < ${'2026-03-11T00:30:00.000Z'}
        order by at, id desc limit ${50_000}`.execute(t.app.db);
      const details = plan.rows.map((r) => r.detail).join('; ');
      expect(details).toMatch(/USING INDEX logbook_at_id_idx/);
      expect(details).not.toMatch(/TEMP B-TREE/);
    } else {
      const found = await sql<{ indexdef: string }>`select indexdef from pg_indexes
        where indexname = 'logbook_at_id_idx'`.execute(t.app.db);
      expect(found.rows[0]?.indexdef).toMatch(/\(at, id DESC\)/);
    }
  });
});
