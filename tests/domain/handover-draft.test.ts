import { type DraftIncident, type DraftInput, draftHandover } from '@shared/domain/handover-draft';
import { handoverMarkdown } from '@shared/domain/handover-markdown';
import type { Handover } from '@shared/schemas/handover';
import { describe, expect, it } from 'vitest';

const ZONE = 'Asia/Shanghai';
// Duty day 5 March: 08:30 to 08:30 in Shanghai.
const SHIFT = { dutyDate: '2026-03-05', start: '2026-03-05T00:30:00.000Z', end: '2026-03-06T00:30:00.000Z' };

function incident(id: number, fields: Partial<DraftIncident> = {}): DraftIncident {
  return {
    id,
    category: 'fire',
    grade: 'IV',
    stage: 'reported',
    receivedAt: '2026-03-05T02:00:00.000Z',
    location: { address: `和平小区 ${id} 栋` },
    summary: '厨房起火',
    obligations: [],
    overdue: false,
    drill: false,
    ...fields,
  };
}

const obligation = (
  kind: 'followup_daily' | 'final' | 'initial_written',
  dueAt: string | null,
  doneAt = null,
) => ({
  kind,
  key: kind,
  dueAt,
  doneAt,
  reportNumber: null,
  late: false,
  overdue: false,
});

const shift = (userId: number, userName: string, role: 'officer' | 'leader' | 'backup') => ({
  userId,
  userName,
  role,
  checkInAt: null,
  checkInLate: false,
  missed: false,
});

function input(fields: Partial<DraftInput> = {}): DraftInput {
  return {
    zone: ZONE,
    now: '2026-03-06T00:20:00.000Z',
    shift: SHIFT,
    onShift: [shift(1, '王芳', 'officer'), shift(5, '刘强', 'leader')],
    incoming: [shift(2, '李军', 'officer')],
    spotChecks: [],
    incidents: [],
    reports: [],
    instructions: [],
    log: [],
    last: null,
    existing: null,
    ...fields,
  };
}

const text = (d: ReturnType<typeof draftHandover>, key: string) =>
  d.sections.find((s) => s.key === key)!.text;

describe('handover draft', () => {
  it('lists every open incident with its next obligation and deadline, soonest first', () => {
    const d = draftHandover(
      input({
        incidents: [
          incident(1, {
            obligations: [
              obligation('followup_daily', '2026-03-06T02:00:00.000Z'),
              obligation('final', null),
            ],
          }),
          incident(2, {
            receivedAt: '2026-03-04T10:00:00.000Z',
            obligations: [obligation('initial_written', '2026-03-05T01:00:00.000Z')],
            overdue: true,
          }),
          incident(3, { stage: 'closed' }),
          incident(4, { stage: 'handling', obligations: [obligation('final', null)] }),
        ],
      }),
    );
    expect(d.openIncidents.map((o) => [o.id, o.next, o.overdue])).toEqual([
      [2, { kind: 'initial_written', dueAt: '2026-03-05T01:00:00.000Z' }, true],
      [1, { kind: 'followup_daily', dueAt: '2026-03-06T02:00:00.000Z' }, false],
      [4, { kind: 'final', dueAt: null }, false],
    ]);
    expect(text(d, 'open').split('\n')).toEqual([
      '1. #2 火灾：和平小区 2 栋，一般（Ⅳ级），阶段：已报告；下一项：首报(书面)，时限 03-05 09:00【已超时】',
      '2. #1 火灾：和平小区 1 栋，一般（Ⅳ级），阶段：已报告；下一项：续报(每日)，时限 03-06 10:00',
      '3. #4 火灾：和平小区 4 栋，一般（Ⅳ级），阶段：处置中；下一项：终报，处置结束时报送',
    ]);
    // Received during the shift: #2 came in the day before.
    expect(text(d, 'received')).not.toContain('#2');
    expect(text(d, 'received')).toContain('#3');
    expect(d.carried.map((c) => c.key)).toEqual(['incident:2', 'incident:1', 'incident:4']);
  });

  it('carries the unfinished pending items and the incidents of the last handover', () => {
    const d = draftHandover(
      input({
        incidents: [incident(7)],
        last: {
          id: 41,
          carried: [{ key: 'incident:7', kind: 'incident', ref: '7', text: '', confirmed: true }],
          pending: [
            { key: 'a', text: '催报伤亡核实情况', done: false },
            { key: 'b', text: '已办完的事', done: true },
          ],
        },
      }),
    );
    expect(d.lastHandoverId).toBe(41);
    expect(d.openIncidents[0]!.carriedBefore).toBe(true);
    expect(d.pending).toEqual([{ key: 'a', text: '催报伤亡核实情况', done: false }]);
    expect(d.carried.map((c) => [c.key, c.kind, c.ref])).toEqual([
      ['incident:7', 'incident', '7'],
      ['pending:a', 'pending', 'a'],
    ]);
    expect(text(d, 'pending')).toBe('1. 催报伤亡核实情况（上班移交）');
  });

  it('writes the people, check-ins, spot-checks, late reports, calls and instructions', () => {
    const d = draftHandover(
      input({
        onShift: [
          { ...shift(1, '王芳', 'officer'), checkInAt: '2026-03-05T00:45:00.000Z', checkInLate: true },
          shift(5, '刘强', 'leader'),
          shift(6, '陈静', 'backup'),
        ],
        spotChecks: [
          {
            source: 'upper',
            caller: '市局总值班室',
            issuedBy: 'liuqiang',
            issuedAt: '2026-03-05T12:00:00.000Z',
            dueAt: '2026-03-05T12:05:00.000Z',
            answeredAt: null,
            answeredBy: null,
            status: 'missed',
          },
        ],
        incidents: [incident(9)],
        reports: [
          {
            incidentId: 9,
            title: '首报',
            channel: 'written',
            recipient: '市应急管理局',
            sentAt: '2026-03-05T04:00:00.000Z',
            sentBy: 'wangfang',
            late: true,
          },
        ],
        instructions: [
          { incidentId: 9, text: '核实伤亡', actor: 'liuqiang', at: '2026-03-05T05:00:00.000Z' },
        ],
        log: [
          {
            kind: 'instruction',
            at: '2026-03-05T03:00:00.000Z',
            callerName: '张局长',
            callerUnit: '区应急管理局',
            callerPost: null,
            callerPhone: null,
            content: '注意防范大风',
            alreadyTold: null,
            handling: null,
            incidentId: null,
          },
        ],
        names: { wangfang: '王芳', liuqiang: '刘强' },
      }),
    );
    expect(text(d, 'people')).toBe('值班员：王芳\n带班领导：刘强\n备班：陈静\n接班人：李军');
    expect(text(d, 'attendance').split('\n')).toEqual([
      '1. 王芳 03-05 08:45 签到（迟到）',
      '2. 陈静 未签到',
      '3. 03-05 20:00 上级来电（市局总值班室） 查岗，未应答（已告警）',
    ]);
    expect(text(d, 'reports')).toBe(
      '1. 03-05 12:00 #9 火灾：和平小区 9 栋 首报（书面）报 市应急管理局，王芳【迟报】',
    );
    expect(text(d, 'instructions').split('\n')).toEqual([
      '1. 03-05 11:00 区应急管理局 张局长 指示：注意防范大风',
      '2. 03-05 13:00 刘强 就 #9 火灾：和平小区 9 栋 批示：核实伤亡',
    ]);
    expect(text(d, 'calls')).toBe('无');
    expect(text(d, 'equipment')).toBe('通信、装备状态正常');
  });

  it('renders Markdown with the signature block, awaiting the incoming officer until signed', () => {
    const d = draftHandover(input({ incidents: [incident(3)] }));
    const h: Handover = {
      id: 5,
      shift: d.shift,
      status: 'submitted',
      outgoing: { userId: 1, name: '王芳' },
      incoming: { userId: 2, name: '李军' },
      content: { sections: d.sections, people: d.people, openIncidents: d.openIncidents },
      carried: d.carried,
      pending: [],
      notes: '',
      submittedAt: '2026-03-06T00:20:00.000Z',
      submittedBy: 'wangfang',
      submittedByName: '王芳',
      acceptedAt: null,
      acceptedBy: null,
      acceptedByName: null,
      earlyReason: null,
      acceptedEarlyReason: null,
      alarms: null,
      amendments: [],
      anchor: null,
    };
    const md = handoverMarkdown(h);
    expect(md).toContain('班次：2026-03-05 08:30 至 2026-03-06 08:30（北京时间）');
    expect(md).toContain('| 交班人 | 王芳 | 2026-03-06 08:20 |');
    expect(md).toContain('| 接班人 | （待签收：李军） |  |');
    expect(md).toContain('#3 火灾：和平小区 3 栋，一般（Ⅳ级），阶段：已报告；无待报事项');
    expect(md).not.toContain('更正记录');
  });
});
