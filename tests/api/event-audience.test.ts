import { createHash } from 'node:crypto';
import type { AnyDutyEvent } from '@shared/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Session, signIn, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { CALL } from '../helpers/incidents';

/**
 * The event log with audiences (DESIGN 3): every incident event of a township's incident carries
 * the township's path, the path is part of the hash chain (a district event is hashed as before
 * units, so old chains verify), moving an event to another audience breaks the chain, and the audit
 * trail stays the district administrator's.
 */

const TOWNSHIP = { id: 2, path: '/1/2/' };

/** SHA-256 of the link as the chain defines it, written out here: the fields, then the unit unless it is the district's. */
function link(prevHash: string, e: Record<string, unknown>, unit: string): string {
  const fields = [prevHash, Number(e.seq), e.at, e.type, e.actor, e.subject, e.payload];
  if (unit !== '/1/') fields.push(unit);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

describe.each(DIALECTS)('events carry their audience in the chain on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let township: Session;
  let incidentId: number;

  const verify = async () => {
    const res = await t.app.inject(as(admin, { method: 'GET', url: '/api/events/verify' }));
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { ok: boolean; brokenAt: number | null; reason: string | null };
  };
  const rows = () => t.app.db.selectFrom('events').selectAll().orderBy('seq').execute();

  beforeAll(async () => {
    t = await startApp({ dialect, config: { scanMs: 60_000 } });
    const at = '2026-12-01T00:00:00.000Z';
    await t.app.db
      .insertInto('units')
      .values({
        id: TOWNSHIP.id,
        parent_id: 1,
        kind: 'township',
        name: '城关镇',
        code: 'chengguan',
        path: TOWNSHIP.path,
        phone: '',
        enabled: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    admin = await signInAdmin(t.app);
    for (const [username, roles] of [['township-officer', ['officer']]] as const) {
      const res = await t.app.inject(
        as(admin, {
          method: 'POST',
          url: '/api/users',
          payload: {
            username,
            displayName: username,
            password: USER_PASSWORD,
            roles,
            qualified: true,
            unitId: TOWNSHIP.id,
          },
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    township = await signIn(t.app, 'township-officer', USER_PASSWORD);
    const created = await t.app.inject(
      as(township, { method: 'POST', url: '/api/incidents', payload: { ...CALL, summary: '镇上报' } }),
    );
    expect(created.statusCode, created.body).toBe(201);
    incidentId = (created.json() as { id: number }).id;
    // Through its life: verified, acknowledged, an action, updated — each an event of the township.
    for (const [method, url, payload] of [
      ['POST', `/api/incidents/${incidentId}/verify`, {}],
      ['POST', `/api/incidents/${incidentId}/actions`, { type: 'note', text: '已电话核实' }],
      ['PATCH', `/api/incidents/${incidentId}`, { summary: '镇上报（更正）' }],
    ] as const) {
      const res = await t.app.inject(as(township, { method, url, payload }));
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    }
  });
  afterAll(() => t.close());

  it("every event about the township's incident is recorded with the township's path; the district's own stay /1/", async () => {
    const all = await rows();
    const aboutIt = all.filter((r) => r.subject === `incident:${incidentId}`);
    expect(aboutIt.map((r) => r.type)).toEqual([
      'incident.created',
      'incident.verified',
      'incident.action',
      'incident.updated',
    ]);
    expect(aboutIt.map((r) => r.unit_path)).toEqual([
      TOWNSHIP.path,
      TOWNSHIP.path,
      TOWNSHIP.path,
      TOWNSHIP.path,
    ]);
    // People, sign-ins: the district's (the admin trail).
    for (const r of all.filter((x) => /^(user|auth)\./.test(x.type))) expect(r.unit_path).toBe('/1/');
    // The audit page shows each event's audience.
    const res = await t.app.inject(as(admin, { method: 'GET', url: '/api/events?after=0&limit=1000' }));
    const events = (res.json() as { events: AnyDutyEvent[] }).events;
    expect(events.find((e) => e.subject === `incident:${incidentId}`)!.unit).toBe(TOWNSHIP.path);
    expect(events.find((e) => e.type === 'user.created')!.unit).toBe('/1/');
  });

  it("the unit is hashed with a township's event; a district event is hashed as before units; the chain verifies", async () => {
    const all = await rows();
    let prev = '0'.repeat(64);
    for (const r of all) {
      expect(r.hash, `event ${r.seq}`).toBe(link(prev, r, r.unit_path));
      prev = r.hash;
    }
    expect(all.some((r) => r.unit_path === TOWNSHIP.path)).toBe(true);
    expect(await verify()).toMatchObject({ ok: true, brokenAt: null });
  });

  it('moving an event to another audience breaks the chain, either way', async () => {
    const all = await rows();
    const own = all.find((r) => r.unit_path === TOWNSHIP.path)!;
    const district = all.find((r) => r.unit_path === '/1/' && r.seq > 1)!;
    const move = (seq: number, path: string) =>
      t.app.db.updateTable('events').set({ unit_path: path }).where('seq', '=', seq).execute();
    await move(own.seq, '/1/');
    expect(await verify()).toMatchObject({ ok: false, brokenAt: Number(own.seq) });
    await move(own.seq, TOWNSHIP.path);
    await move(district.seq, TOWNSHIP.path);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: Number(district.seq) });
    await move(district.seq, '/1/');
    expect(await verify()).toMatchObject({ ok: true, brokenAt: null });
  });

  it('the audit trail, every unit’s events in one log, stays the district administrator’s', async () => {
    for (const url of ['/api/events?after=0', '/api/events', '/api/events/verify']) {
      const refused = await t.app.inject(as(township, { method: 'GET', url }));
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: 'DUTY_ERR_FORBIDDEN' } });
      expect((await t.app.inject(as(admin, { method: 'GET', url }))).statusCode, url).toBe(200);
    }
    // An administrator is the district's: none can be placed in a township.
    const res = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'township-admin',
          displayName: 'township-admin',
          password: USER_PASSWORD,
          roles: ['admin'],
          qualified: true,
          unitId: TOWNSHIP.id,
        },
      }),
    );
    expect(res.statusCode, res.body).toBe(400);
  });
});
