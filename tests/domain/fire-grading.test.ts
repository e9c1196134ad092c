import { gradeIncident } from '@shared/domain/grading';
import type { Casualties, GradingInput } from '@shared/domain/incident-types';
import { describe, expect, it } from 'vitest';

// DESIGN §2.2: forest fires by 受害森林面积 (森林防火条例 第四十条), grassland fires by 受害草原面积
// (国家草原火灾应急预案), each with the casualty bands; below 10 ha of grassland and no casualty, a 火警.
const forest = (
  damagedForestHa: number,
  casualties: Casualties = {},
  burnedAreaHa?: number,
): GradingInput => ({
  category: 'forest_fire',
  casualties,
  damagedForestHa,
  ...(burnedAreaHa === undefined ? {} : { burnedAreaHa }),
});
const grassland = (damagedGrasslandHa: number, casualties: Casualties = {}): GradingInput => ({
  category: 'grassland_fire',
  casualties,
  damagedGrasslandHa,
});
const gradeOf = (input: GradingInput) => gradeIncident(input).grade;

describe('forest fires by damaged forest area', () => {
  it('grades the damaged area at each band edge (1, 100, 1000 ha)', () => {
    expect([0.5, 0.99, 1, 99.9, 100, 999.9, 1000, 5000].map((ha) => gradeOf(forest(ha)))).toEqual([
      'IV',
      'IV',
      'III',
      'III',
      'II',
      'II',
      'I',
      'I',
    ]);
    expect(gradeIncident(forest(100))).toEqual({
      grade: 'II',
      basis: 'forest_fire',
      reasons: ['受害森林面积 100 公顷 → 重大（100 公顷以上不足 1000 公顷）'],
      nearMiss: false,
    });
  });

  it('150 ha burned but 80 ha of forest damaged → 较大: the burned area is kept but does not grade', () => {
    expect(gradeIncident(forest(80, {}, 150))).toEqual({
      grade: 'III',
      basis: 'forest_fire',
      reasons: [
        '受害森林面积 80 公顷 → 较大（1 公顷以上不足 100 公顷）',
        '过火面积 150 公顷（不作定级依据）',
      ],
      nearMiss: false,
    });
    // A burned area alone, however large, leaves a fire 一般.
    expect(gradeOf({ category: 'forest_fire', casualties: {}, burnedAreaHa: 5000 })).toBe('IV');
  });

  it('casualty bands: deaths 1–2/3–9/10–29/≥30, serious injuries 1–9/10–49/50–99/≥100; the highest wins', () => {
    expect([1, 2, 3, 9, 10, 29, 30].map((deaths) => gradeOf(forest(0, { deaths })))).toEqual([
      'IV',
      'IV',
      'III',
      'III',
      'II',
      'II',
      'I',
    ]);
    expect(
      [1, 9, 10, 49, 50, 99, 100].map((seriousInjuries) => gradeOf(forest(0, { seriousInjuries }))),
    ).toEqual(['IV', 'IV', 'III', 'III', 'II', 'II', 'I']);
    expect(gradeIncident(forest(0.5, { deaths: 3 }))).toEqual({
      grade: 'III',
      basis: 'forest_fire',
      reasons: ['受害森林面积 0.5 公顷 → 一般（不足 1 公顷）', '死亡 3 人 → 较大（3–9 人）'],
      nearMiss: false,
    });
    expect(gradeOf(forest(150, { seriousInjuries: 100 }))).toBe('I');
    // Loss does not grade a fire.
    expect(gradeOf({ ...forest(0.5), directLossYuan: 200_000_000 })).toBe('IV');
  });
});

describe('grassland fires by damaged grassland area', () => {
  it('grades the damaged area at each band edge (10, 1000, 5000, 8000 ha)', () => {
    expect([10, 999.9, 1000, 4999, 5000, 7999, 8000].map((ha) => gradeOf(grassland(ha)))).toEqual([
      'IV',
      'IV',
      'III',
      'III',
      'II',
      'II',
      'I',
    ]);
  });

  it('900 ha → 一般, not 重大 as forest bands would have it', () => {
    expect(gradeIncident(grassland(900))).toEqual({
      grade: 'IV',
      basis: 'grassland_fire',
      reasons: ['受害草原面积 900 公顷 → 一般（10 公顷以上不足 1000 公顷）'],
      nearMiss: false,
    });
  });

  it('below 10 ha with no death or serious injury is a 火警, not graded', () => {
    expect(gradeIncident(grassland(5))).toEqual({
      grade: null,
      basis: 'grassland_fire',
      reasons: ['受害草原面积 5 公顷（不足 10 公顷）且无人员死亡、重伤 → 草原火警，不定级'],
      nearMiss: false,
    });
    expect(gradeOf(grassland(9.99))).toBeNull();
    expect(gradeOf(grassland(0))).toBeNull();
    // Minor injuries do not make it a graded fire.
    expect(gradeOf(grassland(5, { minorInjuries: 4 }))).toBeNull();
  });

  it('a death or serious injury grades it whatever the area, by the casualty bands', () => {
    expect(gradeIncident(grassland(5, { deaths: 1 }))).toEqual({
      grade: 'IV',
      basis: 'grassland_fire',
      reasons: ['死亡 1 人 → 一般（1–2 人）', '受害草原面积 5 公顷（不足 10 公顷）'],
      nearMiss: false,
    });
    expect(gradeOf(grassland(0, { seriousInjuries: 10 }))).toBe('III');
    expect(gradeOf(grassland(900, { deaths: 10 }))).toBe('II');
    expect(gradeOf(grassland(8000, { deaths: 3 }))).toBe('I');
  });

  it('the officer may raise a grade but not lower it below the bands', () => {
    expect(gradeOf({ ...grassland(900), manualGrade: 'III', manualReason: '威胁居民点' })).toBe('III');
    expect(gradeOf({ ...grassland(5000), manualGrade: 'IV' })).toBe('II');
  });
});
