import { classOf, gradeIncident, gradeLabel, gradeName } from '@shared/domain/grading';
import type { Casualties, CategoryCode, GradingInput } from '@shared/domain/incident-types';
import { describe, expect, it } from 'vitest';

const accident = (casualties: Casualties, extra: Partial<GradingInput> = {}): GradingInput => ({
  category: 'hazardous_chemicals',
  casualties,
  ...extra,
});
const gradeOf = (input: GradingInput) => gradeIncident(input).grade;

describe('classOf', () => {
  it('puts each category in its class', () => {
    const cases: [CategoryCode, string][] = [
      ['road_traffic', 'accident'],
      ['other_accident', 'accident'],
      ['flood', 'natural_disaster'],
      ['forest_fire', 'natural_disaster'],
      ['grassland_fire', 'natural_disaster'],
      ['public_health', 'public_health'],
      ['social_security', 'social_security'],
    ];
    for (const [code, cls] of cases) expect(classOf(code)).toBe(cls);
  });
});

describe('production-safety accidents (493号令 第三条)', () => {
  it('grades deaths at each band edge, 以上 including the number', () => {
    expect([2, 3, 9, 10, 29, 30].map((deaths) => gradeOf(accident({ deaths })))).toEqual([
      'IV',
      'III',
      'III',
      'II',
      'II',
      'I',
    ]);
  });

  it('grades serious injuries at each band edge', () => {
    const grades = [9, 10, 49, 50, 99, 100].map((seriousInjuries) => gradeOf(accident({ seriousInjuries })));
    expect(grades).toEqual(['IV', 'III', 'III', 'II', 'II', 'I']);
  });

  it('adds acute industrial poisoning to serious injuries', () => {
    expect(gradeOf(accident({ seriousInjuries: 6, poisoned: 4 }))).toBe('III');
    expect(gradeOf(accident({ seriousInjuries: 6, poisoned: 3 }))).toBe('IV');
    expect(gradeOf(accident({ seriousInjuries: 60, poisoned: 40 }))).toBe('I');
  });

  it('grades direct economic loss at each band edge, in yuan', () => {
    const losses = [9_999_999, 10_000_000, 49_999_999, 50_000_000, 99_999_999, 100_000_000];
    expect(losses.map((directLossYuan) => gradeOf(accident({}, { directLossYuan })))).toEqual([
      'IV',
      'III',
      'III',
      'II',
      'II',
      'I',
    ]);
  });

  it('takes the highest grade any one figure reaches and explains each figure', () => {
    const result = gradeIncident(accident({ deaths: 3 }, { directLossYuan: 60_000_000 }));
    expect(result.grade).toBe('II');
    expect(result.basis).toBe('regulation_493');
    expect(result.reasons).toEqual([
      '死亡 3 人 → 较大（3–9 人）',
      '直接经济损失 6000 万元 → 重大（5000 万元以上不足 1 亿元）',
    ]);
    expect(gradeIncident(accident({}, { directLossYuan: 10_000_000 })).reasons).toEqual([
      '直接经济损失 1000 万元 → 较大（1000 万元以上不足 5000 万元）',
    ]);
  });

  it('does not count missing persons for the grade', () => {
    expect(gradeOf(accident({ deaths: 2, missing: 5 }))).toBe('IV');
  });

  it('is 一般 with nothing reported', () => {
    expect(gradeIncident(accident({}))).toEqual({
      grade: 'IV',
      basis: 'regulation_493',
      reasons: ['无人员伤亡和直接经济损失 → 一般'],
      nearMiss: false,
    });
  });

  it('lets the officer raise the grade, keeping the reason', () => {
    const result = gradeIncident(
      accident({ deaths: 3 }, { manualGrade: 'II', manualReason: '社会影响重大' }),
    );
    expect(result.grade).toBe('II');
    expect(result.basis).toBe('manual');
    expect(result.reasons).toContain('人工定级 重大（Ⅱ级），高于核定的 较大（Ⅲ级）：社会影响重大');
  });

  it('never lets the officer lower the grade below the regulation', () => {
    const result = gradeIncident(accident({ deaths: 10 }, { manualGrade: 'III', manualReason: '误报' }));
    expect(result.grade).toBe('II');
    expect(result.basis).toBe('regulation_493');
    expect(result.reasons).toContain(
      '人工定级 较大（Ⅲ级）低于核定的 重大（Ⅱ级），不予采用（核定等级为下限）',
    );
  });
});

describe('较大涉险事故 (near miss)', () => {
  const nearMiss = (input: GradingInput) => gradeIncident(input).nearMiss;

  it('is flagged at each threshold and not just below it', () => {
    expect(nearMiss(accident({ endangered: 10 }))).toBe(true);
    expect(nearMiss(accident({ endangered: 9 }))).toBe(false);
    expect(nearMiss(accident({ trapped: 3 }))).toBe(true);
    expect(nearMiss(accident({ trapped: 2, missing: 1 }))).toBe(true);
    expect(nearMiss(accident({ trapped: 1, missing: 1 }))).toBe(false);
    expect(nearMiss(accident({ evacuated: 500 }))).toBe(true);
    expect(nearMiss(accident({ evacuated: 499 }))).toBe(false);
    expect(nearMiss(accident({}, { seriousPollution: true }))).toBe(true);
    expect(nearMiss(accident({}, { keyFacilityDanger: true }))).toBe(true);
  });

  it('stays an 一般 accident and says why', () => {
    const result = gradeIncident(accident({ trapped: 2, missing: 1 }));
    expect(result.grade).toBe('IV');
    expect(result.reasons).toContain('被困或下落不明 3 人（3 人以上） → 较大涉险事故');
  });

  it('does not apply to a 较大 or higher accident, computed or raised', () => {
    expect(nearMiss(accident({ deaths: 3, endangered: 20 }))).toBe(false);
    expect(nearMiss(accident({ endangered: 20 }, { manualGrade: 'III', manualReason: '领导要求' }))).toBe(
      false,
    );
  });

  it('does not apply outside accidents', () => {
    expect(nearMiss({ category: 'forest_fire', casualties: { endangered: 100 } })).toBe(false);
    expect(nearMiss({ category: 'flood', casualties: { evacuated: 5000 } })).toBe(false);
  });
});

// Forest and grassland fires: tests/domain/fire-grading.test.ts.

describe('other categories', () => {
  it('gives 社会安全事件 no grade, ignoring a manual one', () => {
    expect(
      gradeIncident({ category: 'social_security', casualties: { deaths: 40 }, manualGrade: 'I' }),
    ).toEqual({
      grade: null,
      basis: 'none',
      reasons: ['社会安全事件无法定分级，人工定级 特别重大（Ⅰ级）不予采用'],
      nearMiss: false,
    });
  });

  it('takes the officer grade for natural disasters and public health, else leaves it ungraded', () => {
    expect(
      gradeIncident({ category: 'flood', casualties: {}, manualGrade: 'III', manualReason: '转移 3000 人' }),
    ).toEqual({
      grade: 'III',
      basis: 'manual',
      reasons: ['人工定级 较大（Ⅲ级）：转移 3000 人'],
      nearMiss: false,
    });
    expect(gradeIncident({ category: 'public_health', casualties: { deaths: 50 } })).toEqual({
      grade: null,
      basis: 'none',
      reasons: ['待定级'],
      nearMiss: false,
    });
  });
});

describe('grade names', () => {
  it('names each grade and labels it with its Roman numeral', () => {
    expect(gradeName('I')).toBe('特别重大');
    expect(gradeName('IV')).toBe('一般');
    expect(gradeLabel('III')).toBe('较大（Ⅲ级）');
    expect(gradeLabel('II')).toBe('重大（Ⅱ级）');
    expect(gradeLabel(null)).toBe('未定级');
  });
});
