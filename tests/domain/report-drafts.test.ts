import { gradeIncident } from '@shared/domain/grading';
import { checkReportText } from '@shared/domain/report-checklist';
import { clockTime, draftReportText, type ReportIncident } from '@shared/domain/report-text';
import { describe, expect, it } from 'vitest';

const SH = 'Asia/Shanghai';
const CALLER_UNIT = '区消防救援大队';
const RESTAURANT = '老王家常餐馆';

/** The gas-explosion test call: a restaurant, reported by the district fire brigade at 7:12 Beijing time. */
const gasCall = (over: Partial<ReportIncident> = {}): ReportIncident => ({
  category: 'urban_gas',
  grade: 'IV',
  nearMiss: false,
  source: 'phone',
  occurredAt: '2026-12-05T23:00:00.000Z',
  receivedAt: '2026-12-05T23:12:00.000Z',
  address: '长青街道和平路126号',
  summary: '店内厨房发生燃气爆炸并起火，消防和120已到场，2人受伤送医',
  casualties: { minorInjuries: 2 },
  caller: { name: '张伟', unit: CALLER_UNIT, post: '值班员', phone: '13800000000' },
  accidentUnit: { name: RESTAURANT, type: '个体工商户' },
  measures: [
    { type: 'dispatch', text: '通知区住房城乡建设局、长青街道赶赴现场', at: '2026-12-05T23:20:00.000Z' },
  ],
  ...over,
});

const FIRST_SENT = '2026-12-06T00:40:00.000Z'; // 8时40分

describe('首报 of the gas-explosion call', () => {
  const text = draftReportText({ kind: 'initial', incident: gasCall(), zone: SH });
  const lines = text.split('\n');

  it('names the restaurant as the accident unit in （一）, never the caller’s unit', () => {
    const unit = lines.find((l) => l.includes('（一）'))!;
    expect(unit).toBe('　　（一）事发单位概况。事发单位为老王家常餐馆，系个体工商户；其证照等情况正在核实。');
    expect(text.indexOf(CALLER_UNIT)).toBe(text.lastIndexOf(CALLER_UNIT)); // named once: the source
  });

  it('opens with a natural sentence: who told us, when, what, where', () => {
    expect(lines[0]).toBe('关于长青街道和平路一餐馆燃气爆炸事故的首报');
    expect(lines[2]).toBe(
      '　　12月6日7时12分，我局接区消防救援大队报告：7时许，长青街道和平路126号老王家常餐馆发生一起燃气爆炸事故，已造成2人受伤。现将有关情况报告如下：',
    );
    expect(text).not.toContain('我局接报城镇燃气');
  });

  it('takes the measures from the summary and the handling records, never 正在核实', () => {
    const measures = lines.find((l) => l.includes('（五）'))!;
    expect(measures).toBe(
      '　　（五）已采取的措施。7时12分接报后，我局立即核实情况并报告带班领导。据报，消防和120已到场，2人受伤送医。7时20分，通知区住房城乡建设局、长青街道赶赴现场。',
    );
  });

  it('says 据初步了解, states missing, and grades in words', () => {
    expect(text).toContain('（三）事故简要经过。据初步了解，店内厨房发生燃气爆炸并起火');
    expect(text).toContain(
      '（四）人员伤亡和直接经济损失。事故已造成2人受伤（其中轻伤2人）；暂未发现人员下落不明。直接经济损失正在核算。',
    );
    expect(text).toContain('初步研判为一般事故。');
  });

  it('has no 0分, pinyin, raw codes, zone ids or caller data', () => {
    // "0分" as in 7时0分 or 7时00分 (7时20分 is right)
    expect(text).not.toMatch(/(?<![1-5])0分|[A-Za-z]|Asia\/|urban_gas|13800000000|张伟/u);
    expect(
      checkReportText(text, { callerUnit: CALLER_UNIT, accidentUnit: RESTAURANT, sixItems: true }),
    ).toEqual([]);
  });

  it('says the accident unit is being checked when it is not known', () => {
    const t = draftReportText({ kind: 'initial', incident: gasCall({ accidentUnit: null }), zone: SH });
    expect(t).toContain('（一）事发单位概况。事发单位名称、性质及证照等情况正在核实。');
    expect(t).not.toMatch(/（一）[^\n]*区消防救援大队/u);
    expect(checkReportText(t, { callerUnit: CALLER_UNIT, sixItems: true })).toEqual([]);
  });
});

describe('times in running text', () => {
  it('writes 7:00 as 7时 and 7:05 as 7时05分 on Beijing time', () => {
    expect(clockTime('2026-12-05T23:00:00.000Z', SH)).toBe('7时');
    expect(clockTime('2026-12-05T23:05:00.000Z', SH)).toBe('7时05分');
    expect(clockTime('2026-12-06T06:38:00.000Z', SH)).toBe('14时38分');
  });
});

describe('续报', () => {
  const atFirst = gasCall();
  const now = gasCall({
    casualties: { deaths: 1, seriousInjuries: 1, minorInjuries: 2 },
    measures: [
      ...atFirst.measures,
      { type: 'dispatch', text: '区卫生健康委调派3辆救护车转运伤员', at: '2026-12-06T00:45:00.000Z' },
      { type: 'instruction', text: '全力救治伤员，尽快查明原因', at: '2026-12-06T00:50:00.000Z' },
      { type: 'update', text: '明火已全部扑灭', at: '2026-12-06T00:52:00.000Z' },
    ],
  });
  const text = draftReportText({
    kind: 'followup',
    incident: now,
    reports: [{ kind: 'initial', sentAt: FIRST_SENT, incident: atFirst }],
    asOf: '2026-12-06T06:00:00.000Z',
    zone: SH,
  });

  it('reports what changed since the 首报, including later dispatches and instructions', () => {
    expect(text.split('\n')).toEqual([
      '关于长青街道和平路一餐馆燃气爆炸事故的续报（第一次）',
      '',
      '　　我局已于12月6日8时40分报送首报。截至6日14时，事故有关进展续报如下：',
      '　　一、伤亡情况。死亡人数由0人增至1人，重伤人数由0人增至1人。目前共造成1人死亡、3人受伤；暂无人员下落不明。',
      '　　二、现场处置。8时45分，区卫生健康委调派3辆救护车转运伤员。8时50分，有关领导作出指示：“全力救治伤员，尽快查明原因”。8时52分，据现场报告，明火已全部扑灭。',
      '　　三、下一步工作。我局将继续跟踪事故处置进展，有关情况将及时续报。',
    ]);
    expect(text).not.toContain('通知区住房城乡建设局'); // already in the 首报
    expect(checkReportText(text)).toEqual([]);
  });

  it('gives the grade change with its legal ground and the running totals', () => {
    const t = draftReportText({
      kind: 'followup',
      incident: gasCall({
        grade: 'III',
        casualties: { deaths: 3, minorInjuries: 2 },
        directLossYuan: 4_200_000,
      }),
      reports: [{ kind: 'initial', sentAt: FIRST_SENT, incident: atFirst }],
      asOf: '2026-12-06T06:10:00.000Z',
      zone: SH,
    });
    expect(t.split('\n').slice(2)).toEqual([
      '　　我局已于12月6日8时40分报送首报。截至6日14时10分，事故有关进展续报如下：',
      '　　一、伤亡情况。死亡人数由0人增至3人。目前共造成3人死亡、2人受伤；暂无人员下落不明。',
      '　　二、事故等级。依据《生产安全事故报告和调查处理条例》第三条，按目前掌握的情况，等级由一般事故调整为较大事故。',
      '　　三、损失情况。初步估计直接经济损失420万元。',
      '　　四、下一步工作。我局将继续跟踪事故处置进展，有关情况将及时续报。',
    ]);
    expect(checkReportText(t)).toEqual([]);
  });

  it('says nothing changed when nothing did', () => {
    const t = draftReportText({
      kind: 'followup',
      incident: atFirst,
      reports: [{ kind: 'initial', sentAt: FIRST_SENT, incident: atFirst }],
      asOf: '2026-12-06T06:00:00.000Z',
      zone: SH,
    });
    expect(t.split('\n')[2]).toBe(
      '　　我局已于12月6日8时40分报送首报。截至6日14时，事故情况无新变化，现场处置仍在进行。有关情况将及时续报。',
    );
    expect(checkReportText(t)).toEqual([]);
  });
});

describe('终报 and other events', () => {
  it('closes with the final figures and 此为终报', () => {
    const t = draftReportText({
      kind: 'final',
      incident: gasCall({ outcome: '现场清理完毕', closedAt: '2026-12-06T10:00:00.000Z' }),
      reports: [
        { kind: 'initial', sentAt: FIRST_SENT },
        { kind: 'followup', sentAt: '2026-12-06T06:10:00.000Z' },
      ],
      zone: SH,
    });
    expect(t.split('\n')).toEqual([
      '关于长青街道和平路一餐馆燃气爆炸事故的终报',
      '',
      '　　事故已于12月6日8时40分首报，并先后续报1次。现将最终情况报告如下：',
      '　　一、处置经过。7时20分，通知区住房城乡建设局、长青街道赶赴现场。现场清理完毕。处置工作于18时结束。',
      '　　二、伤亡和损失。事故已造成2人受伤（其中轻伤2人）；无人员下落不明。直接经济损失正在核算。按上述情况，属一般事故。',
      '　　三、事故原因。事故原因正在调查。',
      '　　此为终报。',
    ]);
    expect(checkReportText(t)).toEqual([]);
  });

  it('writes a forest fire as 基本情况/处置情况/研判/下一步 with the area in 公顷', () => {
    const t = draftReportText({
      kind: 'initial',
      incident: {
        category: 'forest_fire',
        grade: 'III',
        nearMiss: false,
        source: 'phone',
        occurredAt: '2026-03-28T05:50:00.000Z',
        receivedAt: '2026-03-28T06:26:00.000Z',
        address: '东岗镇石门村凤凰山南坡',
        summary: '山林起火，火头向东北方向蔓延，镇扑火队已到场扑救',
        casualties: { deaths: 0, missing: 0 },
        burnedAreaHa: 20,
        caller: { name: '赵某', unit: '东岗镇人民政府' },
        accidentUnit: null,
        measures: [{ type: 'dispatch', text: '区森林消防大队45人赶赴火场', at: '2026-03-28T06:40:00.000Z' }],
      },
      zone: SH,
    });
    const lines = t.split('\n');
    expect(lines[0]).toBe('关于东岗镇石门村凤凰山南坡森林火灾的首报');
    expect(lines[3]).toContain(
      '初步估算过火面积约20公顷。火灾暂未造成人员死亡和受伤；暂未发现人员下落不明。',
    );
    expect(lines[5]).toBe('　　三、研判情况。按初步估算的受害森林面积，初步研判为较大森林火灾。');
    expect(checkReportText(t)).toEqual([]);
  });
});

describe('the checklist finds what REPORT-STYLE §6 forbids', () => {
  it('flags the old template’s faults', () => {
    const old = [
      '2026年3月5日3时0分，我局接报城镇燃气：建设路18号 老王家常菜馆，现将有关情况报告如下：',
      '（一）事故发生单位概况：区消防救援大队。',
      '（六）其他应当报告的情况：报告人 wangfang；已告知：无；事件等级：一般（Ⅳ级）。',
    ].join('\n');
    const ids = checkReportText(old, { callerUnit: '区消防救援大队' }).map((f) => f.id);
    expect(new Set(ids)).toEqual(new Set(['F01', 'F05', 'F06', 'F19', 'F20', 'F25', 'C01']));
  });
});

describe('grade basis with injuries', () => {
  it('never says 无人员伤亡 when injuries were entered, and severity-unknown is not 轻伤 or 重伤', () => {
    const r = gradeIncident({ category: 'urban_gas', casualties: { injuredUnknown: 3 } });
    expect(r.grade).toBe('IV');
    expect(r.reasons).toEqual(['无人员死亡、重伤和直接经济损失（另有受伤（伤情待核） 3 人） → 一般']);
    const many = gradeIncident({ category: 'urban_gas', casualties: { injuredUnknown: 40 } });
    expect(many.grade).toBe('IV'); // 40 of unknown severity do not make 10 重伤 (较大)
    const none = gradeIncident({ category: 'urban_gas', casualties: {} });
    expect(none.reasons).toEqual(['无人员伤亡和直接经济损失 → 一般']);
  });

  it('reports the severity-unknown injured as such in the draft', () => {
    const t = draftReportText({
      kind: 'initial',
      incident: gasCall({ casualties: { injuredUnknown: 3 } }),
      zone: SH,
    });
    expect(t).toContain(
      '（四）人员伤亡和直接经济损失。事故已造成3人受伤（伤情正在核实）；暂未发现人员下落不明。',
    );
  });
});
