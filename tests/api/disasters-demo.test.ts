import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDisasterDemo } from '../../server/demo/disasters';
import { createDemoPeople } from '../../server/demo/seed';
import { hashPassword } from '../../server/modules/auth/passwords';
import { fixedClock } from '../../server/time';
import { as, type Session, signIn, startApp, type TestApp } from '../helpers/app';

const DEMO_PASSWORD = 'demo-pass-for-tests';
const NOW = '2026-07-10T02:30:00.000Z'; // 10:30 in Shanghai: today's 08:00 dailies are due

interface Named {
  name: string;
}

describe('demo disaster (first start with DEMO=1)', () => {
  let t: TestApp;
  let officer: Session;
  let informant: Session;
  beforeAll(async () => {
    t = await startApp({ clock: fixedClock(NOW) });
    const hash = await hashPassword(DEMO_PASSWORD, 12);
    await t.app.command('system', (tx) => createDemoPeople(tx, hash));
    officer = await signIn(t.app, 'wangfang', DEMO_PASSWORD);
    informant = await signIn(t.app, 'info-dongjie-a', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  it('seeds a rainstorm flood across 城关镇 and 河口镇 with figures, victims, informant photos, one township late and a zero-report round with one missing, once', async () => {
    expect(await seedDisasterDemo(t.app)).toBe(true);
    await t.app.scanner.runOnce();

    const list = (await t.app.inject(as(officer, { method: 'GET', url: '/api/disasters' }))).json().disasters;
    expect(list).toHaveLength(1);
    const [summary] = list;
    expect(summary).toMatchObject({
      type: 'flood',
      subtype: '暴雨洪涝',
      title: '城关镇、河口镇暴雨洪涝',
      // 20:00 local the day before yesterday.
      beganAt: '2026-07-08T12:00:00.000Z',
      state: 'developing',
      major: true,
    });
    expect(summary.townships.map((u: Named) => u.name).sort()).toEqual(['城关镇', '河口镇'].sort());
    // 城关镇 + 河口镇, column by column (the communities' filings are reports from below, not added again).
    expect(summary.totals).toEqual({
      affected: 2090,
      dead: 1,
      missing: 1,
      relocated: 470,
      needAssistance: 125,
      housesCollapsed: 9,
      housesSevere: 22,
      housesGeneral: 58,
      cropAffectedHa: 370,
      cropDamagedHa: 165,
      cropLostHa: 32,
      directLossWanYuan: 798.5,
    });

    const detail = (
      await t.app.inject(as(officer, { method: 'GET', url: `/api/disasters/${summary.id}` }))
    ).json();
    const town = (name: string) => detail.townships.find((u: Named) => u.name === name);
    expect(town('城关镇')).toMatchObject({ onBehalf: false, filed: true });
    // 河口镇's figures were entered by the district on its behalf (代报).
    expect(town('河口镇')).toMatchObject({ onBehalf: true, filed: true });
    expect(
      detail.victims.map((v: { name: string; status: string }) => `${v.name}:${v.status}`).sort(),
    ).toEqual(['张某:dead', '李某:missing'].sort());
    const below = detail.fromBelow as { id: number; unitName: string; filedBy: string }[];
    expect(below.map((f) => f.unitName).sort()).toEqual(['东街社区', '河口社区'].sort());
    expect(below.map((f) => f.filedBy).sort()).toEqual(['info-dongjie-a', 'info-hekou-a']);
    // Each community's filing came with a photo.
    const photos = (
      await t.app.inject(as(officer, { method: 'GET', url: `/api/disasters/${summary.id}/photos` }))
    ).json().photos as { id: number; filingId: number }[];
    expect(photos.map((p) => p.filingId).sort()).toEqual(below.map((f) => f.id).sort());

    // One township late on its daily: 河口镇 has filed none (overdue), 城关镇 filed its (late, after 08:00).
    const dailies = detail.obligations.filter((o: { kind: string }) => o.kind === 'township_daily');
    const hekou = town('河口镇').unitId;
    const chengguan = town('城关镇').unitId;
    const of = (unitId: number, date: string) =>
      dailies.find((o: { key: string }) => o.key === `township_daily:${unitId}:${date}`);
    expect(of(hekou, '2026-07-09')).toMatchObject({ doneAt: null, overdue: true });
    expect(of(hekou, '2026-07-10')).toMatchObject({ doneAt: null, overdue: true });
    expect(of(chengguan, '2026-07-09')).toMatchObject({ doneAt: NOW, onTime: false, overdue: false });

    // The photo of a community's filing is served back: a PNG, 160 × 120.
    const photo = await t.app.inject(
      as(officer, { method: 'GET', url: `/api/disaster-photos/${photos[0]!.id}` }),
    );
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toMatch(/^image\/png/);
    expect(photo.rawPayload.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(photo.rawPayload.readUInt32BE(16)).toBe(160);
    expect(photo.rawPayload.readUInt32BE(20)).toBe(120);

    // Zero reports: the disaster's round misses 河口镇; the communities' round waits on 东街社区 only.
    const rounds = (await t.app.inject(as(officer, { method: 'GET', url: '/api/zero-reports' }))).json()
      .requests;
    const byTitle = (title: string) => rounds.find((r: { title: string }) => r.title === title);
    const daily = byTitle('城关镇、河口镇暴雨洪涝 24 小时零报告');
    const stateOf = (round: { today: { units: { name: string; state: string }[] } }) =>
      Object.fromEntries(round.today.units.map((u) => [u.name, u.state]));
    expect(stateOf(daily)).toEqual({ 城关镇: 'late', 河口镇: 'missing' });
    expect(daily.today.missing).toBe(1);
    const communities = byTitle('汛期社区（村）每日零报告');
    expect(stateOf(communities)).toEqual({
      东街社区: 'pending',
      西街社区: 'filed',
      南关村: 'filed',
      河口社区: 'filed',
      李家村: 'filed',
    });
    // 东街社区's informant finds the one tap waiting.
    const asks = (await t.app.inject(as(informant, { method: 'GET', url: '/api/zero-reports/mine' }))).json()
      .asks;
    expect(asks).toEqual([
      expect.objectContaining({ title: '汛期社区（村）每日零报告', forDate: '2026-07-10', filed: false }),
    ]);

    expect(await seedDisasterDemo(t.app)).toBe(false);
  });
});
