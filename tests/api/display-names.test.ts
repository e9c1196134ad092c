import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Handover } from '@shared/schemas/handover';
import type { IncidentDetail } from '@shared/schemas/incidents';
import type { RosterView, Shift } from '@shared/schemas/roster';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
import { as, createUser, signIn, signInAdmin, startApp, type TestApp, USER_PASSWORD } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { CALL } from '../helpers/incidents';
import { publishMarch } from '../helpers/roster';

/** People read names: 王芳, never wangfang; 北京时间, never Asia/Shanghai. */
const NAMES: Record<string, string> = { wangfang: '王芳', lijun: '李军', zhaolei: '赵磊', liuqiang: '刘强' };
const PINYIN = /wangfang|lijun|zhaolei|liuqiang|\bsystem\b/;

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'duty-pdf-'));
  try {
    writeFileSync(join(dir, 'h.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'h.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(DIALECTS)('display names and zone names on %s', (dialect) => {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let march: RosterView;
  let outgoing: string;
  let incoming: string;
  let incidentId: number;
  let handover: Handover;
  const officerOn = (day: string) =>
    march.shifts.find((s: Shift) => s.dutyDate === day && s.role === 'officer')!;
  const username = (s: Shift) => Object.keys(NAMES).find((u) => NAMES[u] === s.userName)!;
  const call = async (name: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject(
      as(await signIn(t.app, name, USER_PASSWORD), { method, url, ...(payload ? { payload } : {}) }),
    );

  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    const admin = await signInAdmin(t.app);
    const ids: number[] = [];
    for (const name of ['wangfang', 'lijun', 'zhaolei'])
      ids.push(
        (await createUser(t.app, admin, { username: name, roles: ['officer'], displayName: NAMES[name] })).id,
      );
    const leader = await createUser(t.app, admin, {
      username: 'liuqiang',
      roles: ['leader'],
      displayName: '刘强',
    });
    march = await publishMarch(t.app, admin, { officers: ids, leaders: [leader.id], overrideReason: 'test' });
    outgoing = username(officerOn('2026-03-05'));
    incoming = username(officerOn('2026-03-06'));

    clock.set('2026-03-05T02:00:00Z');
    incidentId = (await call(outgoing, 'POST', '/api/incidents', CALL)).json().id;
    expect((await call('liuqiang', 'POST', `/api/incidents/${incidentId}/acknowledge`, {})).statusCode).toBe(
      200,
    );
    await call('liuqiang', 'POST', `/api/incidents/${incidentId}/actions`, {
      type: 'instruction',
      text: '全力救治伤员',
    });
    await call(outgoing, 'POST', `/api/incidents/${incidentId}/reports`, {
      kind: 'initial',
      channel: 'phone',
      recipient: '区应急管理局总值班室',
    });
  });
  afterAll(() => t.close());

  it('answers the incident detail with the display name of every person it names', async () => {
    const res = await call(incoming, 'GET', `/api/incidents/${incidentId}`);
    expect(res.statusCode).toBe(200);
    const detail: IncidentDetail = res.json();
    expect(detail.timeline.map((e) => [e.type, e.actorName])).toEqual([
      ['incident.created', NAMES[outgoing]],
      ['incident.acknowledged', '刘强'],
      ['incident.action', '刘强'],
      ['incident.reported', NAMES[outgoing]],
    ]);
    expect(detail.actions.map((a) => a.actorName)).toEqual(['刘强']);
    expect(detail.names).toEqual({ [outgoing]: NAMES[outgoing], liuqiang: '刘强' });
    expect(detail.names[detail.incident.createdBy]).toBe(NAMES[outgoing]);
    expect(detail.names[detail.incident.acknowledgedBy!]).toBe('刘强');
  });

  it('names the actors of an audit page', async () => {
    const res = await t.app.inject(
      as(await signInAdmin(t.app), { method: 'GET', url: '/api/events?type=incident.action' }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().events.map((e: { actor: string }) => e.actor)).toEqual(['liuqiang']);
    expect(res.json().names).toEqual({ liuqiang: '刘强' });
  });

  it('tells everyone signed in who is who, the system included', async () => {
    const res = await call(incoming, 'GET', '/api/users/names');
    expect(res.statusCode).toBe(200);
    expect(res.json().names).toEqual({ ...NAMES, admin: expect.any(String), system: '系统' });
    expect((await t.app.inject({ method: 'GET', url: '/api/users/names' })).statusCode).toBe(401);
  });

  it('prints the handover Markdown and PDF with names and 北京时间, no usernames, no IANA id', async () => {
    clock.set('2026-03-06T00:20:00Z');
    const draft = (await call(outgoing, 'GET', '/api/handovers/draft')).json();
    const submitted = await call(outgoing, 'POST', '/api/handovers', {
      content: [{ key: 'notes', text: '夜间平稳' }],
      pending: [],
      carried: draft.carried.map((c: { key: string }) => ({ key: c.key })),
    });
    expect(submitted.statusCode).toBe(201);
    handover = submitted.json();
    clock.set('2026-03-06T00:35:00Z');
    const accepted = await call(incoming, 'POST', `/api/handovers/${handover.id}/accept`, {
      confirmed: handover.carried.map((c) => c.key),
    });
    expect(accepted.statusCode).toBe(200);

    const md = (await call('liuqiang', 'GET', `/api/handovers/${handover.id}.md`)).body;
    expect(md).toContain('班次：2026-03-05 08:30 至 2026-03-06 08:30（北京时间）');
    expect(md).toContain(`| 交班人 | ${NAMES[outgoing]} | 2026-03-06 08:20 |`);
    expect(md).toContain(`| 接班人 | ${NAMES[incoming]} | 2026-03-06 08:35 |`);
    expect(md).toContain('刘强 就 #');
    expect(md).not.toContain('Asia/Shanghai');
    expect(md).not.toMatch(PINYIN);

    const pdf = await call('liuqiang', 'GET', `/api/handovers/${handover.id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('北京时间');
    expect(text).toContain(NAMES[outgoing]);
    expect(text).toContain(NAMES[incoming]);
    expect(text).not.toContain('Asia/Shanghai');
    expect(text).not.toMatch(PINYIN);
  });
});
