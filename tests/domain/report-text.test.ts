import { CATEGORIES } from '@shared/domain/incident-types';
import {
  categoryName,
  chineseNumeral,
  draftReportText,
  type ReportIncident,
  reportTitle,
} from '@shared/domain/report-text';
import { describe, expect, it } from 'vitest';

const SH = 'Asia/Shanghai';
const crash = (extra: Partial<ReportIncident> = {}): ReportIncident => ({
  title: '某路口两车相撞事故',
  category: 'road_traffic',
  grade: 'III',
  nearMiss: false,
  occurredAt: '2026-03-05T02:40:00+08:00',
  receivedAt: '2026-03-04T19:00:00Z',
  address: 'XX区XX路与XX路交叉口',
  summary: '一辆重型货车与一辆小型客车相撞。',
  casualties: { deaths: 3, missing: 1, seriousInjuries: 2, minorInjuries: 4 },
  directLossYuan: 1_234_500,
  caller: {
    name: '张三',
    unit: 'XX区交警大队',
    post: '值班民警',
    phone: '13800000000',
    alreadyTold: '区政府总值班室',
  },
  measures: ['交警、消防、120 已到场', '现场已封控'],
  ...extra,
});

describe('report titles', () => {
  it('numbers 续报 among follow-ups in Chinese', () => {
    expect(reportTitle(1, 'initial', 0)).toBe('首报');
    expect(reportTitle(2, 'followup', 0)).toBe('续报一');
    expect(reportTitle(3, 'followup', 1)).toBe('续报二');
    expect(reportTitle(12, 'followup', 10)).toBe('续报十一');
    expect(reportTitle(22, 'followup', 19)).toBe('续报二十');
    expect(reportTitle(100, 'followup', 98)).toBe('续报九十九');
    expect(reportTitle(101, 'final', 99)).toBe('终报');
  });

  it('writes Chinese numerals with 零 for inner gaps', () => {
    expect([1, 10, 11, 20, 21, 99, 100, 105, 110, 1005, 1010].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零五',
      '一百一十',
      '一千零五',
      '一千零一十',
    ]);
    expect(() => chineseNumeral(0)).toThrow();
  });
});

describe('categoryName', () => {
  it('names all 16 categories', () => {
    expect(CATEGORIES.map(categoryName)).toEqual([
      '危险化学品',
      '道路交通',
      '建设施工',
      '城镇燃气',
      '火灾',
      '工贸',
      '特种设备',
      '其他事故',
      '洪涝',
      '干旱',
      '气象',
      '地震',
      '地质',
      '森林草原火灾',
      '公共卫生事件',
      '社会安全事件',
    ]);
  });
});

describe('首报 draft', () => {
  it('gives the six items of 条例 第十二条 as numbered paragraphs', () => {
    expect(draftReportText({ kind: 'initial', incident: crash(), zone: SH }).split('\n')).toEqual([
      '2026年3月5日3时0分，我局接报某路口两车相撞事故，现将有关情况报告如下：',
      '（一）事故发生单位概况：XX区交警大队。',
      '（二）事故发生的时间、地点以及事故现场情况：2026年3月5日2时40分，XX区XX路与XX路交叉口，发生道路交通事件。',
      '（三）事故的简要经过：一辆重型货车与一辆小型客车相撞。',
      '（四）事故已经造成或者可能造成的伤亡人数（包括下落不明的人数）和初步估计的直接经济损失：死亡 3 人，下落不明 1 人，重伤 2 人，轻伤 4 人；直接经济损失初步估计 123.45 万元。',
      '（五）已经采取的措施：1. 交警、消防、120 已到场；2. 现场已封控。',
      '（六）其他应当报告的情况：报告人 张三（XX区交警大队 值班民警）；联系电话 13800000000；已告知：区政府总值班室；事件等级：较大（Ⅲ级）。',
    ]);
  });

  it('marks what is not yet known and states zero casualties', () => {
    const lines = draftReportText({
      kind: 'initial',
      incident: crash({
        category: 'hazardous_chemicals',
        grade: 'IV',
        nearMiss: true,
        casualties: { poisoned: 2, trapped: 3 },
        directLossYuan: undefined,
        caller: { name: '李四' },
        measures: [],
      }),
      zone: SH,
    }).split('\n');
    expect(lines[1]).toBe('（一）事故发生单位概况：待核实。');
    expect(lines[4]).toBe(
      '（四）事故已经造成或者可能造成的伤亡人数（包括下落不明的人数）和初步估计的直接经济损失：死亡 0 人，下落不明 0 人，重伤 0 人，急性工业中毒 2 人，轻伤 0 人，被困 3 人；直接经济损失正在核实。',
    );
    expect(lines[5]).toBe('（五）已经采取的措施：正在核实。');
    expect(lines[6]).toBe(
      '（六）其他应当报告的情况：报告人 李四；已告知：无；事件等级：一般（Ⅳ级），属较大涉险事故。',
    );
  });

  it('writes times on the wall clock of the zone and says when there is no legal grade', () => {
    const lines = draftReportText({
      kind: 'initial',
      incident: crash({ category: 'social_security', grade: null, occurredAt: '2026-03-05T16:05:00Z' }),
      zone: SH,
    }).split('\n');
    expect(lines[2]).toContain('2026年3月6日0时5分');
    expect(lines[6]).toContain('事件等级：社会安全事件，不分级。');
  });
});

describe('续报 draft', () => {
  it('reports only what changed since the last report', () => {
    const previous = crash({
      grade: 'IV',
      casualties: { deaths: 1, missing: 1, seriousInjuries: 2, minorInjuries: 4 },
    });
    const now = crash({ measures: [...previous.measures, '伤员已送医'] });
    expect(draftReportText({ kind: 'followup', incident: now, previous, zone: SH })).toBe(
      [
        '某路口两车相撞事故续报如下：',
        '一、死亡人数由 1 人变为 3 人。',
        '二、事件等级由一般（Ⅳ级）调整为较大（Ⅲ级）。',
        '三、新采取的措施：1. 伤员已送医。',
      ].join('\n'),
    );
  });

  it('reports loss changes in 万元', () => {
    const text = draftReportText({
      kind: 'followup',
      incident: crash({ directLossYuan: 15_000_000 }),
      previous: crash(),
      zone: SH,
    });
    expect(text).toBe('某路口两车相撞事故续报如下：\n一、直接经济损失由 123.45 万元变为 1500 万元。');
  });

  it('says so when nothing changed', () => {
    expect(draftReportText({ kind: 'followup', incident: crash(), previous: crash(), zone: SH })).toBe(
      '某路口两车相撞事故续报如下：\n暂无新的变化。',
    );
  });
});

describe('终报 draft', () => {
  it('summarises the outcome and the final figures', () => {
    expect(
      draftReportText({
        kind: 'final',
        incident: crash({ outcome: '现场清理完毕，道路恢复通行' }),
        zone: SH,
      }),
    ).toBe(
      [
        '某路口两车相撞事故终报如下：',
        '一、处置结果：现场清理完毕，道路恢复通行。',
        '二、最终伤亡和损失：死亡 3 人，下落不明 1 人，重伤 2 人，轻伤 4 人；直接经济损失初步估计 123.45 万元。',
        '三、事件等级：较大（Ⅲ级）。',
        '四、采取的主要措施：1. 交警、消防、120 已到场；2. 现场已封控。',
      ].join('\n'),
    );
  });
});
