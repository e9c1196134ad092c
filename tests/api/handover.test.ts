import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Handover, HandoverDraft } from '@shared/schemas/handover';
import type { RosterView, Shift } from '@shared/schemas/roster';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoverPdf } from '../../server/modules/handover/pdf';
import { fixedClock } from '../../server/time';
import {
  as,
  createUser,
  type Session,
  signIn,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { MAJOR_CALL } from '../helpers/incidents';
import { publishMarch } from '../helpers/roster';

const NAMES: Record<string, string> = { wangfang: '王芳', lijun: '李军', zhaolei: '赵磊', liuqiang: '刘强' };
/** The PDF's text as a reader gets it (poppler's pdftotext: `apt-get install poppler-utils`, as .ci/run does). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'duty-pdf-'));
  try {
    writeFileSync(join(dir, 'h.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'h.pdf'), '-'], { encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('pdftotext is missing: install poppler-utils to check the handover PDF text');
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(DIALECTS)('shift handover on %s', (dialect) => {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let admin: Session;
  let march: RosterView;
  const officerOn = (day: string) =>
    march.shifts.find((s: Shift) => s.dutyDate === day && s.role === 'officer')!;
  const username = (s: Shift) => Object.keys(NAMES).find((u) => NAMES[u] === s.userName)!;
  // Sessions are opened at the test clock's time: a day of simulated time would expire them.
  const session = (name: string) => signIn(t.app, name, USER_PASSWORD);
  const call = async (
    name: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) => t.app.inject(as(await session(name), { method, url, ...(payload ? { payload } : {}) }));
  const events = async (type: string) =>
    (
      await t.app.inject(as(await signInAdmin(t.app), { method: 'GET', url: `/api/events?type=${type}` }))
    ).json().events;

  let outgoing: string;
  let incoming: string;
  let bystander: string;
  let incidentId: number;
  let first: Handover;

  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
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
    bystander = Object.keys(NAMES).find((u) => u !== 'liuqiang' && u !== outgoing && u !== incoming)!;

    // A shift's records: check-in, a spot-check, a call turned incident, a report, an instruction.
    clock.set('2026-03-05T00:25:00Z');
    expect((await call(outgoing, 'POST', '/api/attendance/check-in', {})).statusCode).toBe(200);
    clock.set('2026-03-05T02:00:00Z');
    const check = (await call('liuqiang', 'POST', '/api/spot-checks', {})).json();
    clock.set('2026-03-05T02:02:00Z');
    expect((await call(outgoing, 'POST', `/api/spot-checks/${check.id}/answer`, {})).statusCode).toBe(200);
    incidentId = (await call(outgoing, 'POST', '/api/incidents', MAJOR_CALL)).json().id;
    await call(outgoing, 'POST', `/api/incidents/${incidentId}/reports`, {
      kind: 'initial',
      channel: 'phone',
      recipient: '区应急管理局总值班室',
    });
    await call('liuqiang', 'POST', `/api/incidents/${incidentId}/actions`, {
      type: 'instruction',
      text: '全力救治伤员，查明事故原因',
    });
    await call(outgoing, 'POST', '/api/logbook', {
      kind: 'call',
      callerName: '李主任',
      callerUnit: '东城街道',
      content: '询问道路封闭情况',
      handling: '已答复',
    });
    await call(outgoing, 'POST', '/api/logbook', { kind: 'notice', content: '市局通知：明日召开防汛视频会' });
  });
  afterAll(() => t.close());

  it('drafts from the shift: people, check-ins, every open incident with its next deadline', async () => {
    clock.set('2026-03-06T00:20:00Z'); // 08:20, ten minutes before the hand-over
    expect((await call(bystander, 'GET', '/api/handovers/draft')).json().error.code).toBe(
      'DUTY_ERR_NOT_ROSTERED',
    );
    const res = await call(outgoing, 'GET', '/api/handovers/draft');
    expect(res.statusCode).toBe(200);
    const draft: HandoverDraft = res.json();
    expect(draft.shift).toMatchObject({ dutyDate: '2026-03-05', start: '2026-03-05T00:30:00.000Z' });
    expect(draft.people.officers.map((p) => p.name)).toEqual([NAMES[outgoing]]);
    expect(draft.people.leaders.map((p) => p.name)).toEqual(['刘强']);
    expect(draft.people.incoming.map((p) => p.name)).toEqual([NAMES[incoming]]);
    // 重大: the written 首报 was due an hour after receipt and was never sent.
    expect(draft.openIncidents).toEqual([
      expect.objectContaining({
        id: incidentId,
        stage: 'handling',
        next: { kind: 'initial_written', dueAt: '2026-03-05T03:02:00.000Z' },
        overdue: true,
        carriedBefore: false,
      }),
    ]);
    expect(draft.carried.map((c) => c.key)).toEqual([`incident:${incidentId}`]);
    expect(draft.lastHandoverId).toBeNull();
    const text = Object.fromEntries(draft.sections.map((s) => [s.key, s.text]));
    expect(draft.sections.map((s) => s.title)).toContain('通信与装备');
    expect(text.attendance).toContain(`${NAMES[outgoing]} 03-05 08:25 签到（按时）`);
    expect(text.attendance).toContain(`03-05 10:00 刘强 查岗，03-05 10:02 ${NAMES[outgoing]} 应答（按时）`);
    expect(text.open).toContain(`#${incidentId} 道路交通：幸福路与建设路交叉口`);
    expect(text.open).toContain('首报(书面)，时限 03-05 11:02【已超时】');
    expect(text.reports).toContain('首报（电话）报 区应急管理局总值班室');
    expect(text.calls).toContain('来电 李主任（东城街道）：询问道路封闭情况；处理：已答复');
    expect(text.calls).toContain('通知：市局通知：明日召开防汛视频会');
    expect(text.instructions).toContain('刘强 就 #');
    expect(text.equipment).toBe('通信、装备状态正常');
  });

  it('refuses a handover whose carry-over list leaves open incidents behind', async () => {
    const body = { content: [], pending: [], carried: [] };
    const empty = await call(outgoing, 'POST', '/api/handovers', body);
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.code).toBe('DUTY_ERR_CARRY_OVER');
    expect(empty.json().missing).toEqual([incidentId]);
    const bogus = await call(outgoing, 'POST', '/api/handovers', {
      ...body,
      carried: [{ key: 'incident:999' }],
    });
    expect(bogus.statusCode).toBe(422);
    expect((await call(bystander, 'POST', '/api/handovers', { content: [], pending: [] })).statusCode).toBe(
      403,
    );
  });

  it('is submitted by the outgoing officer and awaits the incoming one', async () => {
    const res = await call(outgoing, 'POST', '/api/handovers', {
      content: [{ key: 'notes', text: '夜间平稳' }],
      pending: [{ text: '督促交警大队报送伤亡核实情况' }],
      notes: '请接班人跟进书面首报',
    });
    expect(res.statusCode).toBe(201);
    first = res.json();
    expect(first).toMatchObject({
      status: 'submitted',
      outgoing: { name: NAMES[outgoing] },
      incoming: { name: NAMES[incoming] },
      submittedByName: NAMES[outgoing],
      acceptedAt: null,
    });
    expect(first.content.sections.find((s) => s.key === 'notes')!.text).toBe('夜间平稳');
    expect(first.carried.map((c) => c.kind)).toEqual(['incident', 'pending']);
    expect((await call(outgoing, 'POST', '/api/handovers', { content: [], pending: [] })).statusCode).toBe(
      409,
    );
    const awaiting = (await call('liuqiang', 'GET', '/api/handovers/pending')).json().handovers;
    expect(awaiting.map((h: Handover) => h.id)).toEqual([first.id]);
    expect((await events('handover.submitted'))[0].subject).toBe(`handover:${first.id}`);
  });

  it('is signed only by the incoming officer, item by item, and then sealed', async () => {
    clock.set('2026-03-06T00:35:00Z');
    const keys = first.carried.map((c) => c.key);
    const accept = (name: string, confirmed: string[]) =>
      call(name, 'POST', `/api/handovers/${first.id}/accept`, { confirmed });
    const stranger = await accept(bystander, keys);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.code).toBe('DUTY_ERR_NOT_INCOMING');
    expect((await accept(outgoing, keys)).statusCode).toBe(403);
    expect((await accept('liuqiang', keys)).statusCode).toBe(403);
    const partial = await accept(incoming, [keys[0]!]);
    expect(partial.statusCode).toBe(422);
    expect(partial.json().missing).toEqual([keys[1]]);
    const res = await accept(incoming, keys);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'sealed',
      acceptedBy: incoming,
      acceptedByName: NAMES[incoming],
      acceptedAt: '2026-03-06T00:35:00.000Z',
    });
    expect(res.json().carried.every((c: { confirmed: boolean }) => c.confirmed)).toBe(true);
    expect((await call('liuqiang', 'GET', '/api/handovers/pending')).json().handovers).toEqual([]);
    expect((await accept(incoming, keys)).json().error.code).toBe('DUTY_ERR_SEALED');
  });

  it('changes after sealing only by appended, signed amendments', async () => {
    for (const method of ['PATCH', 'PUT'] as const) {
      const edit = await call(outgoing, method, `/api/handovers/${first.id}`, { notes: '改' });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().error.code).toBe('DUTY_ERR_SEALED');
    }
    const res = await call(outgoing, 'POST', `/api/handovers/${first.id}/amendments`, {
      text: '补记：02:30 区长电话询问事故情况',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().amendments).toEqual([
      expect.objectContaining({
        author: outgoing,
        authorName: NAMES[outgoing],
        text: '补记：02:30 区长电话询问事故情况',
      }),
    ]);
    expect((await events('handover.amended'))[0].subject).toBe(`handover:${first.id}`);
    // The database refuses it too.
    await expect(
      t.app.db.updateTable('handovers').set({ notes: 'x' }).where('id', '=', first.id).execute(),
    ).rejects.toThrow();
    await expect(sql`delete from handover_amendments`.execute(t.app.db)).rejects.toThrow();
  });

  it('exports Markdown and a PDF with the names, open incidents and signatures', async () => {
    const md = await call('liuqiang', 'GET', `/api/handovers/${first.id}.md`);
    expect(md.headers['content-type']).toContain('text/markdown');
    for (const text of [
      '# 交接班记录',
      NAMES[outgoing]!,
      NAMES[incoming]!,
      '刘强',
      `#${incidentId} 道路交通：幸福路与建设路交叉口`,
      `| 交班人 | ${NAMES[outgoing]} | 2026-03-06 08:20 |`,
      `| 接班人 | ${NAMES[incoming]} | 2026-03-06 08:35 |`,
      '补记：02:30 区长电话询问事故情况',
    ])
      expect(md.body).toContain(text);
    const pdf = await call('liuqiang', 'GET', `/api/handovers/${first.id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Without a CJK font the server says what to install instead of printing empty boxes.
    expect(() => handoverPdf(first, null)).toThrow(
      expect.objectContaining({ code: 'DUTY_ERR_FONT_MISSING', status: 503 }),
    );
    expect(() => handoverPdf(first, null)).toThrow(/fonts-noto-cjk/);
    const text = pdfText(pdf.rawPayload);
    for (const name of ['交接班记录', NAMES[outgoing]!, NAMES[incoming]!, '刘强', '交班人', '接班人'])
      expect(text).toContain(name);
  });

  it('carries open incidents and unfinished pending items into the next handover until done', async () => {
    clock.set('2026-03-07T00:20:00Z');
    const draft: HandoverDraft = (await call(incoming, 'GET', '/api/handovers/draft')).json();
    expect(draft.lastHandoverId).toBe(first.id);
    const pendingKey = first.pending[0]!.key;
    expect(draft.pending).toEqual([{ key: pendingKey, text: '督促交警大队报送伤亡核实情况', done: false }]);
    expect(draft.carried.map((c) => c.key)).toEqual([`incident:${incidentId}`, `pending:${pendingKey}`]);
    expect(draft.openIncidents[0]).toMatchObject({ id: incidentId, carriedBefore: true });
    expect(draft.sections.find((s) => s.key === 'pending')!.text).toContain(
      '督促交警大队报送伤亡核实情况（上班移交）',
    );

    const second: Handover = (
      await call(incoming, 'POST', '/api/handovers', { content: [], pending: [] })
    ).json();
    expect(second.carried.map((c) => c.key)).toEqual([`incident:${incidentId}`, `pending:${pendingKey}`]);
    expect(
      (await call(incoming, 'POST', `/api/handovers/${second.id}/amendments`, { text: 'x' })).statusCode,
    ).toBe(409);
    expect((await call(bystander, 'PATCH', `/api/handovers/${second.id}`, { notes: 'x' })).statusCode).toBe(
      403,
    );
    const revised = await call(incoming, 'PATCH', `/api/handovers/${second.id}`, {
      pending: [{ key: pendingKey, text: '督促交警大队报送伤亡核实情况', done: true }],
    });
    expect(revised.statusCode).toBe(200);
    expect(revised.json().carried.map((c: { key: string }) => c.key)).toEqual([`incident:${incidentId}`]);
    expect(revised.json().pending).toEqual([
      { key: pendingKey, text: '督促交警大队报送伤亡核实情况', done: true },
    ]);

    const archive = async (query: string) =>
      (await call('liuqiang', 'GET', `/api/handovers?${query}`)).json().handovers.map((h: Handover) => h.id);
    expect(await archive('from=2026-03-05&to=2026-03-05')).toEqual([first.id]);
    expect(await archive('')).toEqual([second.id, first.id]);
    expect(await archive(`person=${incoming}`)).toEqual([second.id, first.id]);
    expect(await archive(`person=${encodeURIComponent(NAMES[outgoing]!)}`)).toEqual([first.id]);
    expect(await archive(`q=${encodeURIComponent('夜间平稳')}`)).toEqual([first.id]);
    const latest = (await call(bystander, 'GET', '/api/handovers/latest')).json().handover;
    expect(latest.id).toBe(second.id);
  });
});
