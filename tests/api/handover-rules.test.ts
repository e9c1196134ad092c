import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Handover, HandoverDraft } from '@shared/schemas/handover';
import type { RosterView, Shift } from '@shared/schemas/roster';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const NAMES: Record<string, string> = {
  wangfang: '王芳',
  lijun: '李军',
  zhaolei: '赵磊',
  liuqiang: '刘强',
  sunli: '孙丽',
};
const UPSTREAM = 'http://127.0.0.1:9/reports';

/** Free text that must come out of the Markdown export as the very characters typed. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[点此查看](javascript:alert(1))',
  '# 伪造标题',
  '| 伪造 | 表格 |',
  '|---|---|',
  '> 伪造引用',
  '*强调* _斜体_ `代码` ~~删除~~',
  '&lt;已转义&gt;',
  '正常\r## 回车后的伪造标题',
].join('\n');
/** The same lines as Markdown must carry them: escaped, each a plain list item. */
const HOSTILE_MD = [
  '- &lt;script&gt;alert(1)&lt;/script&gt;',
  '- &lt;img src=x onerror=alert(1)&gt;',
  '- \\[点此查看\\](javascript:alert(1))',
  '- \\# 伪造标题',
  '- \\| 伪造 \\| 表格 \\|',
  '- \\|---\\|---\\|',
  '- &gt; 伪造引用',
  '- \\*强调\\* \\_斜体\\_ \\`代码\\` \\~\\~删除\\~\\~',
  '- &amp;lt;已转义&amp;gt;',
  '- 正常',
  '- \\#\\# 回车后的伪造标题',
].join('\n');

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'duty-pdf-'));
  try {
    writeFileSync(join(dir, 'h.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'h.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(DIALECTS)('handover rules on %s', (dialect) => {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let march: RosterView;
  const on = (day: string, role: Shift['role']) =>
    march.shifts.find((s: Shift) => s.dutyDate === day && s.role === role)!;
  const username = (s: Shift) => Object.keys(NAMES).find((u) => NAMES[u] === s.userName)!;
  // Sessions are opened at the test clock's time: a day of simulated time would expire them.
  const session = (name: string) =>
    name === 'admin' ? signInAdmin(t.app) : signIn(t.app, name, USER_PASSWORD);
  const call = async (
    name: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) => t.app.inject(as(await session(name), { method, url, ...(payload ? { payload } : {}) }));

  // 03-05: handed over 21 hours early; 03-06: handed over in the window, through the API only.
  let out5: string;
  let out6: string;
  let out7: string;
  let leader5: string;
  let leader6: string;
  let otherLeader6: string;
  let accident: number;
  let tunnel: number;
  let spotCheck: number;
  let first: Handover;
  let second: Handover;

  beforeAll(async () => {
    t = await startApp({ dialect, clock, config: { upstreamUrls: [UPSTREAM], scanMs: 60_000 } });
    const admin: Session = await signInAdmin(t.app);
    const officers: number[] = [];
    for (const name of ['wangfang', 'lijun', 'zhaolei'])
      officers.push(
        (await createUser(t.app, admin, { username: name, roles: ['officer'], displayName: NAMES[name] })).id,
      );
    const leaders: number[] = [];
    for (const name of ['liuqiang', 'sunli'])
      leaders.push(
        (await createUser(t.app, admin, { username: name, roles: ['leader'], displayName: NAMES[name] })).id,
      );
    march = await publishMarch(t.app, admin, { officers, leaders, overrideReason: 'test' });
    out5 = username(on('2026-03-05', 'officer'));
    out6 = username(on('2026-03-06', 'officer'));
    out7 = username(on('2026-03-07', 'officer'));
    leader5 = username(on('2026-03-05', 'leader'));
    leader6 = username(on('2026-03-06', 'leader'));
    otherLeader6 = leader6 === 'liuqiang' ? 'sunli' : 'liuqiang';
    expect(new Set([out5, out6, out7]).size).toBe(3);

    // The 03-05 shift: the officer never checks in; a spot-check goes unanswered; an accident's
    // written 首报 (due 11:10) is never sent; a tunnel fire's written 首报 cannot reach upstream.
    clock.set('2026-03-05T02:00:00Z');
    spotCheck = (await call(leader5, 'POST', '/api/spot-checks', {})).json().id;
    clock.set('2026-03-05T02:10:00Z');
    accident = (await call(out5, 'POST', '/api/incidents', MAJOR_CALL)).json().id;
    const phone = { kind: 'initial', channel: 'phone', recipient: '区应急管理局总值班室' };
    expect((await call(out5, 'POST', `/api/incidents/${accident}/reports`, phone)).statusCode).toBe(201);
    clock.set('2026-03-05T02:20:00Z');
    tunnel = (
      await call(out5, 'POST', '/api/incidents', { ...MAJOR_CALL, location: { address: '人民路隧道口' } })
    ).json().id;
    expect((await call(out5, 'POST', `/api/incidents/${tunnel}/reports`, phone)).statusCode).toBe(201);
    clock.set('2026-03-05T02:25:00Z');
    const written = await call(out5, 'POST', `/api/incidents/${tunnel}/reports`, {
      kind: 'initial',
      channel: 'written',
      recipient: '区应急管理局',
      // 签发 by the leader on call, consenting by telephone (电话请示同意), recorded by the officer.
      phoneConsentBy: leader5,
    });
    expect(written.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('has a handover window among the duty settings: 60 minutes by default, validated', async () => {
    const settings = (await call('admin', 'GET', '/api/settings/duty')).json();
    expect(settings.handoverWindowMinutes).toBe(60);
    for (const bad of [-1, 1.5, 721, '60', null]) {
      const res = await call('admin', 'PUT', '/api/settings/duty', {
        ...settings,
        handoverWindowMinutes: bad,
      });
      expect(res.statusCode, `handoverWindowMinutes ${String(bad)}`).toBe(400);
      expect(res.json().error.message).toContain('handoverWindowMinutes');
    }
    const { handoverWindowMinutes: _, ...without } = settings;
    expect((await call('admin', 'PUT', '/api/settings/duty', without)).statusCode).toBe(400);
    const wider = await call('admin', 'PUT', '/api/settings/duty', {
      ...settings,
      handoverWindowMinutes: 90,
    });
    expect(wider.statusCode).toBe(200);
    expect((await call(out5, 'GET', '/api/settings/duty')).json().handoverWindowMinutes).toBe(90);
    expect((await call('admin', 'PUT', '/api/settings/duty', settings)).statusCode).toBe(200);
  });

  it('lists the open alarms on the draft and says when the window opens', async () => {
    clock.set('2026-03-05T03:30:00Z'); // 11:30, 21 hours before the 08:30 hand-over
    const draft: HandoverDraft = (await call(out5, 'GET', '/api/handovers/draft')).json();
    expect(draft.window).toEqual({ minutes: 60, opensAt: '2026-03-05T23:30:00.000Z' });
    expect(draft.alarms).toEqual([
      {
        kind: 'missed_check_in',
        ref: `shift:${on('2026-03-05', 'officer').id}`,
        at: '2026-03-05T00:40:00.000Z',
        text: `${NAMES[out5]} 未签到（班次 03-05 08:30 起，签到时限 03-05 08:40）`,
      },
      {
        kind: 'spot_check',
        ref: `spotcheck:${spotCheck}`,
        at: '2026-03-05T02:05:00.000Z',
        text: `查岗未应答：03-05 10:00 ${NAMES[leader5]} 查岗，时限 03-05 10:05，已超时`,
      },
      {
        kind: 'overdue_report',
        ref: `incident:${accident}:initial_written`,
        at: '2026-03-05T03:10:00.000Z',
        text: `报告超时：#${accident} 道路交通：幸福路与建设路交叉口 首报(书面)，时限 03-05 11:10`,
      },
      {
        kind: 'upstream_backlog',
        ref: `outbox:${UPSTREAM}`,
        at: '2026-03-05T02:25:00.000Z',
        text: `上报通道积压：${UPSTREAM} 有 1 条报告待发，最早 03-05 10:25`,
      },
    ]);
  });

  it('needs a reason to hand over before the window; stores and prints it with the open alarms', async () => {
    const body = { content: [], pending: [] };
    const early = await call(out5, 'POST', '/api/handovers', body);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe('DUTY_ERR_EARLY_HANDOVER');
    expect(early.json().error.message).toContain('body.earlyReason');
    const blank = await call(out5, 'POST', '/api/handovers', { ...body, earlyReason: '   ' });
    expect(blank.json().error.code).toBe('DUTY_ERR_EARLY_HANDOVER');
    const res = await call(out5, 'POST', '/api/handovers', {
      ...body,
      earlyReason: '身体不适，经带班领导同意提前交班',
    });
    expect(res.statusCode).toBe(201);
    first = res.json();
    expect(first.earlyReason).toBe('身体不适，经带班领导同意提前交班');
    expect(first.acceptedEarlyReason).toBeNull();
    expect(first.alarms?.map((a) => a.kind)).toEqual([
      'missed_check_in',
      'spot_check',
      'overdue_report',
      'upstream_backlog',
    ]);
    const stored: Handover = (await call(leader5, 'GET', `/api/handovers/${first.id}`)).json();
    expect(stored.alarms).toEqual(first.alarms);
  });

  it('needs a reason to sign before the window too', async () => {
    clock.set('2026-03-05T03:40:00Z');
    const confirmed = first.carried.map((c) => c.key);
    expect(confirmed).toEqual([`incident:${accident}`, `incident:${tunnel}`]);
    const early = await call(out6, 'POST', `/api/handovers/${first.id}/accept`, { confirmed });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe('DUTY_ERR_EARLY_HANDOVER');
    expect(early.json().error.message).toContain('body.earlyReason');
    const res = await call(out6, 'POST', `/api/handovers/${first.id}/accept`, {
      confirmed,
      earlyReason: '带班领导安排提前接班',
    });
    expect(res.statusCode).toBe(200);
    first = res.json();
    expect(first).toMatchObject({ status: 'sealed', acceptedEarlyReason: '带班领导安排提前接班' });

    const md = (await call(leader5, 'GET', `/api/handovers/${first.id}.md`)).body;
    expect(md).toContain(
      [
        '## 交班时未解除的告警',
        '',
        `1. ${NAMES[out5]} 未签到（班次 03-05 08:30 起，签到时限 03-05 08:40）`,
        `2. 查岗未应答：03-05 10:00 ${NAMES[leader5]} 查岗，时限 03-05 10:05，已超时`,
        `3. 报告超时：#${accident} 道路交通：幸福路与建设路交叉口 首报(书面)，时限 03-05 11:10`,
        `4. 上报通道积压：${UPSTREAM} 有 1 条报告待发，最早 03-05 10:25`,
      ].join('\n'),
    );
    expect(md).toContain(
      [
        '## 提前交接',
        '',
        '- 交班早于交接时间 21 小时（2026-03-05 11:30 交班，交接时间 2026-03-06 08:30），原因：身体不适，经带班领导同意提前交班',
        '- 接班早于交接时间 20 小时 50 分钟（2026-03-05 11:40 签收），原因：带班领导安排提前接班',
      ].join('\n'),
    );
    const pdf = await call(leader5, 'GET', `/api/handovers/${first.id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, '');
    for (const line of [
      '交班时未解除的告警',
      '查岗未应答',
      '身体不适，经带班领导同意提前交班',
      '带班领导安排提前接班',
    ])
      expect(text).toContain(line);
  });

  it('builds the record on the server: the pending section lists what an API submission hands on', async () => {
    clock.set('2026-03-07T00:00:00Z'); // 08:00 on 03-07: within the window, no reason needed
    // The sections the server writes from the lists are not free text.
    for (const key of ['pending', 'open']) {
      const res = await call(out6, 'POST', '/api/handovers', { content: [{ key, text: '无' }], pending: [] });
      expect(res.statusCode, key).toBe(400);
      expect(res.json().error.code).toBe('DUTY_ERR_VALIDATION');
      expect(res.json().error.message).toContain(`section "${key}"`);
    }
    const res = await call(out6, 'POST', '/api/handovers', {
      content: [{ key: 'notes', text: HOSTILE }],
      pending: [{ text: '督促交警大队报送伤亡核实情况' }, { text: '<b>核实</b>隧道伤亡' }],
      notes: '交班人备注：[详情](javascript:alert(2)) <iframe src=x>',
    });
    expect(res.statusCode).toBe(201);
    second = res.json();
    expect(second.earlyReason).toBeNull();
    const section = (h: Handover, key: string) => h.content.sections.find((s) => s.key === key)!.text;
    expect(section(second, 'pending')).toBe('1. 督促交警大队报送伤亡核实情况\n2. <b>核实</b>隧道伤亡');
    expect(second.carried.filter((c) => c.kind === 'pending').map((c) => c.text)).toEqual([
      '督促交警大队报送伤亡核实情况',
      '<b>核实</b>隧道伤亡',
    ]);
    const stored: Handover = (await call(out7, 'GET', `/api/handovers/${second.id}`)).json();
    expect(section(stored, 'pending')).toBe(section(second, 'pending'));
    const md = (await call(out7, 'GET', `/api/handovers/${second.id}.md`)).body;
    expect(md).toContain(
      '## 待办事项\n\n1. 督促交警大队报送伤亡核实情况\n2. &lt;b&gt;核实&lt;/b&gt;隧道伤亡\n',
    );

    // Revised through the API, the section follows the list again.
    const [supervise] = second.pending;
    const revised = await call(out6, 'PATCH', `/api/handovers/${second.id}`, {
      pending: [{ key: supervise!.key, text: supervise!.text, done: true }],
    });
    expect(revised.statusCode).toBe(200);
    second = revised.json();
    expect(section(second, 'pending')).toBe(
      '1. <b>核实</b>隧道伤亡\n2. 督促交警大队报送伤亡核实情况（已办结）',
    );
    expect(second.carried.filter((c) => c.kind === 'pending').map((c) => c.text)).toEqual([
      '<b>核实</b>隧道伤亡',
    ]);
  });

  it('exports free text to Markdown as literal text, never as HTML, links, headings or tables', async () => {
    const md = (await call(out7, 'GET', `/api/handovers/${second.id}.md`)).body;
    expect(md).toContain(`## 备注\n\n${HOSTILE_MD}\n`);
    expect(md).toContain(
      '## 交班人备注\n\n- 交班人备注：\\[详情\\](javascript:alert(2)) &lt;iframe src=x&gt;\n',
    );
    expect(md).toContain('- &lt;b&gt;核实&lt;/b&gt;隧道伤亡（待确认）');
    for (const raw of ['<script', '<img', '<iframe', '<b>', '\n# 伪造', '\n| 伪造'])
      expect(md).not.toContain(raw);
    // A link needs its brackets unescaped.
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    // Every heading the document has is one of the record's own.
    const headings = md
      .split(/\r\n|\r|\n/)
      .filter((l) => /^ {0,3}(?:[-*+] +|\d+[.)] +)?#{1,6}(?: |$)/.test(l));
    expect(headings.filter((h) => h.includes('伪造'))).toEqual([]);
  });

  it('takes amendments to a sealed handover only from its signatories, its leader on call or an administrator', async () => {
    clock.set('2026-03-07T00:35:00Z');
    const accepted = await call(out7, 'POST', `/api/handovers/${second.id}/accept`, {
      confirmed: second.carried.map((c) => c.key),
    });
    expect(accepted.statusCode).toBe(200);
    expect((accepted.json() as Handover).content.people.leaders.map((p) => p.name)).toEqual([NAMES[leader6]]);

    const amend = (who: string, text: string) =>
      call(who, 'POST', `/api/handovers/${second.id}/amendments`, { text });
    for (const who of [out5, otherLeader6]) {
      const res = await amend(who, '越权补记');
      expect(res.statusCode, who).toBe(403);
      expect(res.json().error.code).toBe('DUTY_ERR_FORBIDDEN');
    }
    for (const [who, text] of [
      [out6, '交班人补记：07:50 区长来电询问'],
      [out7, '接班人补记：隧道伤亡已核实'],
      [leader6, '带班领导补记：同意'],
      ['admin', '管理员补记：<script>alert(3)</script>'],
    ] as const) {
      const res = await amend(who, text);
      expect(res.statusCode, who).toBe(201);
      expect((res.json() as Handover).amendments.at(-1)).toMatchObject({ author: who, text });
    }
    const h: Handover = (await call(out7, 'GET', `/api/handovers/${second.id}`)).json();
    expect(h.amendments.map((a) => a.author)).toEqual([out6, out7, leader6, 'admin']);
    const md = (await call(out7, 'GET', `/api/handovers/${second.id}.md`)).body;
    expect(md).toContain('管理员补记：&lt;script&gt;alert(3)&lt;/script&gt;');
  });
});
