import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWarningDemo } from '../../server/demo/warnings';
import { fixedClock } from '../../server/time';
import { as, type Session, signInAdmin, startApp, type TestApp } from '../helpers/app';

describe('demo warnings (first start with DEMO=1)', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startApp({ clock: fixedClock('2026-07-10T10:00:00.000Z') });
    admin = await signInAdmin(t.app);
  });
  afterAll(() => t.close());

  it('seeds a yellow rainstorm warning upgraded to orange, a Ⅳ-level 防汛 response and one consultation, once', async () => {
    expect(await seedWarningDemo(t.app)).toBe(true);
    const warnings = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/warnings?active=true' }))
    ).json().warnings;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      type: 'rainstorm',
      level: 'orange',
      peakLevel: 'orange',
      label: '暴雨橙色预警',
      effectiveAt: '2026-07-10T05:00:00.000Z',
      liftedAt: null,
    });
    const changed = await t.app.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'warning.changed')
      .execute();
    expect(changed.map((e) => JSON.parse(e.payload).change)).toEqual(['upgrade']);
    const responses = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/responses?active=true' }))
    ).json().responses;
    expect(responses).toEqual([
      expect.objectContaining({
        headquarters: 'flood_drought',
        level: 'IV',
        label: '防汛Ⅳ级应急响应',
        startedAt: '2026-07-10T08:30:00.000Z',
      }),
    ]);
    const consultations = (await t.app.inject(as(admin, { method: 'GET', url: '/api/consultations' }))).json()
      .consultations;
    expect(consultations).toEqual([
      expect.objectContaining({ heldAt: '2026-07-10T09:00:00.000Z', responseId: responses[0].id }),
    ]);
    expect(await seedWarningDemo(t.app)).toBe(false);
  });
});
