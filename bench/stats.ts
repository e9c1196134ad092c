/**
 * GET /api/stats over a busy district year: 20,000 incidents (about 70% accidents) with their
 * reports and obligations, a year of roster, attendance and spot-checks, and 100,000 duty-log
 * entries when the logbook exists. Timed beside GET /api/health, the bare stack of the same run.
 * SQLite always; PostgreSQL too when TEST_DATABASE_URL is set.
 */
import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'kysely';
import { fixedClock } from '../server/time';
import { signInAdmin, startApp } from '../tests/helpers/app';
import type { Dialect } from '../tests/helpers/databases';
import { seedDuty } from './lib/duty-year';
import { seedIncidents } from './lib/incident-year';
import { seedLogbook } from './lib/logbook-year';
import { seeded } from './lib/random';
import { timed } from './lib/timing';

const INCIDENTS = 20_000;
const LOG_ENTRIES = 100_000;
const RUNS = 5;
const TARGET_MS = 500;
const FROM = '2025-01-01T00:00:00+08:00';
const TO = '2026-01-01T00:00:00+08:00';

async function bench(dialect: Dialect): Promise<void> {
  const t = await startApp({
    dialect,
    clock: fixedClock('2026-01-10T02:00:00Z'),
    config: { logLevel: 'warn' },
  });
  try {
    const admin = await signInAdmin(t.app);
    const r = seeded(20251231);
    const seedStart = performance.now();
    const zone = t.app.config.tzName;
    const { reports, obligations } = await seedIncidents(
      t.app.db,
      r,
      INCIDENTS,
      new Date(FROM),
      new Date(TO),
      zone,
    );
    const shifts = await seedDuty(t, admin, r, 2025);
    const log = await seedLogbook(t.app.db, r, LOG_ENTRIES, new Date(FROM), new Date(TO));
    // Fresh statistics for the planner, as autovacuum would have them on a database in use.
    if (dialect === 'postgres') await sql`analyze`.execute(t.app.db);
    console.log(
      `seeded ${dialect}: ${INCIDENTS} incidents, ${reports} reports, ${obligations} obligations, ${shifts} officer shifts, ` +
        `${log ? `${log} log entries` : 'no logbook table (skipped)'} in ${Math.round(performance.now() - seedStart)} ms`,
    );
    const url = `/api/stats?from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`;
    let accidents = 0;
    const stats = await timed(RUNS, async () => {
      const res = await t.app.inject({ method: 'GET', url, headers: admin.headers });
      if (res.statusCode !== 200) throw new Error(`stats: ${res.statusCode} ${res.body}`);
      accidents = res.json().directReport.accidents;
    });
    const health = await timed(RUNS, async () => {
      await t.app.inject({ method: 'GET', url: '/api/health' });
    });
    const load = `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
    console.log(
      `baseline GET /api/health ${dialect}: median ${health.median} ms, max ${health.max} ms (${load})`,
    );
    console.log(
      `stats year (${INCIDENTS} incidents, ${accidents} accidents judged) ${dialect}: ` +
        `median ${stats.median} ms, max ${stats.max} ms, median cpu in node ${stats.cpu} ms — target < ${TARGET_MS} ms`,
    );
  } finally {
    await t.close();
  }
}

await bench('sqlite');
if (process.env.TEST_DATABASE_URL) await bench('postgres');
else console.log('stats postgres: skipped (set TEST_DATABASE_URL to run it)');
