/**
 * Every declared /api route, fuzzed from its own schemas (fast-check): valid inputs, mutated ones,
 * broken transport. Never a 5xx, every 4xx in the error catalogue, nothing logged at error level,
 * the app still healthy, nothing invalid stored. FUZZ_RUNS cases per route (default 30); the bench
 * (bench/fuzz.ts) runs thousands. A failure prints the seed and the shrunk case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeclaredRoute } from '../../server/plugins/auth';
import { DIALECTS } from '../helpers/databases';
import { checkInvariants, type FuzzWorld, fuzzOrder, fuzzRoute, seedWorld } from '../helpers/fuzz-routes';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

describe.each(DIALECTS)('fuzzing every route on %s', (dialect) => {
  let world: FuzzWorld;
  let routes: DeclaredRoute[] = [];
  let total = 0;
  beforeAll(async () => {
    world = await seedWorld({ dialect });
    routes = fuzzOrder(world.t.app.declaredRoutes);
  });
  afterAll(() => world?.t.close());

  it('seeds a duty day to fuzz against', () => {
    expect(world.seedProblems).toEqual([]);
    expect(world.pools.incidentIds.length).toBeGreaterThan(3);
    expect(routes.length).toBeGreaterThan(60);
  });

  it('answers every input to every route with a 2xx or a catalogued 4xx', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const stats = await fuzzRoute(world, route, {
        numRuns: RUNS,
        invariants: true,
        ...(SEED !== undefined ? { seed: SEED } : {}),
      });
      total += stats.cases;
      if (stats.failure) failures.push(`${stats.route}\n${stats.failure}`);
      if (stats.invariants.length > 0)
        failures.push(`${stats.route} left invalid data:\n  ${stats.invariants.join('\n  ')}`);
    }
    expect(failures.join('\n\n')).toBe('');
    expect(total).toBeGreaterThanOrEqual(routes.length * RUNS);
  }, 600_000);

  it('stores nothing invalid and keeps the event chain whole', async () => {
    expect(await checkInvariants(world)).toEqual([]);
  });
});
