import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';

/**
 * SQLite answers without yielding, so a scanner pass that never let the event loop turn would hold
 * every request that arrived meanwhile (a phone report) for the whole pass. The pass goes raiser by
 * raiser and lets the event loop turn between them.
 */
describe('a scanner pass and the requests arriving during it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ config: { scanMs: 60_000 } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets the event loop turn between every two of its 14 raisers', async () => {
    let turns = 0;
    let over = false;
    const count = () => {
      if (over) return;
      turns += 1;
      setImmediate(count);
    };
    setImmediate(count);
    await t.app.scanner.runOnce();
    over = true;
    expect(turns).toBeGreaterThanOrEqual(13);
  });
});
