import {
  ACCIDENT_CATEGORIES,
  type CategoryClass,
  type CategoryCode,
  type Grade,
  type GradeResult,
  type GradingInput,
  NATURAL_DISASTER_CATEGORIES,
} from './incident-types';

const ACCIDENTS = new Set<CategoryCode>(ACCIDENT_CATEGORIES);
const NATURAL = new Set<CategoryCode>(NATURAL_DISASTER_CATEGORIES);

export function classOf(category: CategoryCode): CategoryClass {
  if (ACCIDENTS.has(category)) return 'accident';
  if (NATURAL.has(category)) return 'natural_disaster';
  return category === 'public_health' ? 'public_health' : 'social_security';
}

const NAMES: Record<Grade, string> = { I: '特别重大', II: '重大', III: '较大', IV: '一般' };
const NUMERALS: Record<Grade, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' };
/** Most serious first. */
const ORDER: Grade[] = ['I', 'II', 'III', 'IV'];

export function gradeName(grade: Grade | null): string {
  return grade ? NAMES[grade] : '未定级';
}

/** e.g. '较大（Ⅲ级）'. */
export function gradeLabel(grade: Grade | null): string {
  return grade ? `${NAMES[grade]}（${NUMERALS[grade]}级）` : '未定级';
}

/** The more serious of two grades. */
export function higherGrade(a: Grade, b: Grade): Grade {
  return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b;
}

/** Thresholds for I, II, III; "以上" includes the number. Below the last one is IV. */
interface Scale {
  floors: [number, number, number];
  ranges: Record<Grade, string>;
  describe: (value: number) => string;
}

const band = (value: number, scale: Scale): Grade =>
  ORDER.find((_, i) => i < 3 && value >= scale.floors[i]!) ?? 'IV';

const reason = (value: number, scale: Scale): { grade: Grade; text: string } => {
  const grade = band(value, scale);
  return { grade, text: `${scale.describe(value)} → ${NAMES[grade]}（${scale.ranges[grade]}）` };
};

/** Yuan as 万元, e.g. 12345678 → '1234.5678'. */
export function wanYuan(yuan: number): string {
  return String(Number((yuan / 10_000).toFixed(4)));
}

const DEATHS: Scale = {
  floors: [30, 10, 3],
  ranges: { I: '30 人以上', II: '10–29 人', III: '3–9 人', IV: '0–2 人' },
  describe: (n) => `死亡 ${n} 人`,
};
const SERIOUS: Scale = {
  floors: [100, 50, 10],
  ranges: { I: '100 人以上', II: '50–99 人', III: '10–49 人', IV: '0–9 人' },
  describe: (n) => `重伤（含急性工业中毒）${n} 人`,
};
const LOSS: Scale = {
  floors: [100_000_000, 50_000_000, 10_000_000],
  ranges: {
    I: '1 亿元以上',
    II: '5000 万元以上不足 1 亿元',
    III: '1000 万元以上不足 5000 万元',
    IV: '不足 1000 万元',
  },
  describe: (yuan) => `直接经济损失 ${wanYuan(yuan)} 万元`,
};
/** 森林防火条例 第四十条: the damaged forest area (受害森林面积), not the burned area. */
const FOREST_AREA: Scale = {
  floors: [1000, 100, 1],
  ranges: {
    I: '1000 公顷以上',
    II: '100 公顷以上不足 1000 公顷',
    III: '1 公顷以上不足 100 公顷',
    IV: '不足 1 公顷',
  },
  describe: (ha) => `受害森林面积 ${ha} 公顷`,
};
/** 国家草原火灾应急预案: damaged grassland (受害草原面积); below 10 ha with no casualty a 火警. */
const GRASSLAND_AREA: Scale = {
  floors: [8000, 5000, 1000],
  ranges: {
    I: '8000 公顷以上',
    II: '5000 公顷以上不足 8000 公顷',
    III: '1000 公顷以上不足 5000 公顷',
    IV: '10 公顷以上不足 1000 公顷',
  },
  describe: (ha) => `受害草原面积 ${ha} 公顷`,
};
/** The fire plans' casualty bands: deaths 1–2 / 3–9 / 10–29 / 30 and more. */
const FIRE_DEATHS: Scale = {
  floors: [30, 10, 3],
  ranges: { I: '30 人以上', II: '10–29 人', III: '3–9 人', IV: '1–2 人' },
  describe: (n) => `死亡 ${n} 人`,
};
/** … and serious injuries 1–9 / 10–49 / 50–99 / 100 and more. */
const FIRE_SERIOUS: Scale = {
  floors: [100, 50, 10],
  ranges: { I: '100 人以上', II: '50–99 人', III: '10–49 人', IV: '1–9 人' },
  describe: (n) => `重伤 ${n} 人`,
};
/** Below this damaged grassland, with no death or serious injury, a grassland fire is a 火警. */
export const GRASSLAND_ALARM_BELOW_HA = 10;

type Figure = { value: number; scale: Scale };

/** People figures that do not move the grade but must not be hidden behind "无人员伤亡". */
const OTHER_PEOPLE: [keyof GradingInput['casualties'], string][] = [
  ['missing', '下落不明'],
  ['minorInjuries', '轻伤'],
  ['injuredUnknown', '受伤（伤情待核）'],
  ['trapped', '被困'],
];

/** The "nothing reached a band" text: says what was entered instead of claiming no casualties. */
function noneText(input: GradingInput, whatCounts: string, emptyText: string): string {
  const c = input.casualties;
  const others = OTHER_PEOPLE.filter(([f]) => (c[f] ?? 0) > 0).map(([f, name]) => `${name} ${c[f]} 人`);
  return others.length === 0 ? emptyText : `${whatCounts}（另有${others.join('、')}）`;
}

/** The highest band over the figures; each figure that is present gives a reason. */
function byFigures(figures: Figure[], none: string): { grade: Grade; reasons: string[] } {
  let grade: Grade = 'IV';
  const reasons: string[] = [];
  for (const { value, scale } of figures) {
    if (value <= 0) continue;
    const r = reason(value, scale);
    grade = higherGrade(grade, r.grade);
    reasons.push(r.text);
  }
  if (reasons.length === 0) reasons.push(`${none} → 一般`);
  return { grade, reasons };
}

function nearMissReasons(input: GradingInput): string[] {
  const c = input.casualties;
  const trappedOrMissing = (c.trapped ?? 0) + (c.missing ?? 0);
  const reasons: string[] = [];
  if ((c.endangered ?? 0) >= 10) reasons.push(`危及 ${c.endangered} 人生命安全（10 人以上）`);
  if (trappedOrMissing >= 3) reasons.push(`被困或下落不明 ${trappedOrMissing} 人（3 人以上）`);
  if ((c.evacuated ?? 0) >= 500) reasons.push(`紧急疏散转移 ${c.evacuated} 人（500 人以上）`);
  if (input.seriousPollution) reasons.push('造成严重环境污染');
  if (input.keyFacilityDanger) reasons.push('危及重要场所和设施安全');
  return reasons.map((r) => `${r} → 较大涉险事故`);
}

/** The regulation's grade is a floor: the officer may raise it, never lower it. */
function applyManual(
  computed: { grade: Grade; reasons: string[] },
  basis: 'regulation_493' | 'forest_fire' | 'grassland_fire',
  input: GradingInput,
): { grade: Grade; basis: GradeResult['basis']; reasons: string[] } {
  const manual = input.manualGrade;
  if (!manual || manual === computed.grade) return { ...computed, basis };
  if (higherGrade(manual, computed.grade) === manual) {
    const why = input.manualReason?.trim() || '未填写理由';
    const text = `人工定级 ${gradeLabel(manual)}，高于核定的 ${gradeLabel(computed.grade)}：${why}`;
    return { grade: manual, basis: 'manual', reasons: [...computed.reasons, text] };
  }
  const text = `人工定级 ${gradeLabel(manual)}低于核定的 ${gradeLabel(computed.grade)}，不予采用（核定等级为下限）`;
  return { ...computed, basis, reasons: [...computed.reasons, text] };
}

export function gradeIncident(input: GradingInput): GradeResult {
  const c = input.casualties;
  const deaths = { value: c.deaths ?? 0, scale: DEATHS };
  const serious = { value: (c.seriousInjuries ?? 0) + (c.poisoned ?? 0), scale: SERIOUS };
  const cls = classOf(input.category);

  if (cls === 'accident') {
    const loss = { value: input.directLossYuan ?? 0, scale: LOSS };
    const graded = applyManual(
      byFigures(
        [deaths, serious, loss],
        noneText(input, '无人员死亡、重伤和直接经济损失', '无人员伤亡和直接经济损失'),
      ),
      'regulation_493',
      input,
    );
    const near = graded.grade === 'IV' ? nearMissReasons(input) : [];
    return { ...graded, reasons: [...graded.reasons, ...near], nearMiss: near.length > 0 };
  }
  if (input.category === 'forest_fire' || input.category === 'grassland_fire') return gradeFire(input);
  if (cls === 'social_security') {
    const text = input.manualGrade
      ? `社会安全事件无法定分级，人工定级 ${gradeLabel(input.manualGrade)}不予采用`
      : '社会安全事件无法定分级';
    return { grade: null, basis: 'none', reasons: [text], nearMiss: false };
  }
  if (input.manualGrade) {
    const why = input.manualReason?.trim() || '未填写理由';
    return {
      grade: input.manualGrade,
      basis: 'manual',
      reasons: [`人工定级 ${gradeLabel(input.manualGrade)}：${why}`],
      nearMiss: false,
    };
  }
  return { grade: null, basis: 'none', reasons: ['待定级'], nearMiss: false };
}

/** The burned area is recorded and said, but does not grade a fire. */
function burnedNote(input: GradingInput): string[] {
  const ha = input.burnedAreaHa ?? 0;
  return ha > 0 ? [`过火面积 ${ha} 公顷（不作定级依据）`] : [];
}

/**
 * Forest fires by damaged forest area (森林防火条例 第四十条), grassland fires by damaged grassland
 * area (国家草原火灾应急预案), each with the casualty bands; the highest wins. A grassland fire below
 * 10 ha with no death or serious injury is a 火警, not a graded fire.
 */
function gradeFire(input: GradingInput): GradeResult {
  const c = input.casualties;
  const deaths = { value: c.deaths ?? 0, scale: FIRE_DEATHS };
  const serious = { value: c.seriousInjuries ?? 0, scale: FIRE_SERIOUS };
  if (input.category === 'forest_fire') {
    const area = { value: input.damagedForestHa ?? 0, scale: FOREST_AREA };
    const graded = applyManual(
      byFigures(
        [area, deaths, serious],
        noneText(input, '无受害森林面积和人员死亡、重伤', '无受害森林面积和人员伤亡'),
      ),
      'forest_fire',
      input,
    );
    return { ...graded, reasons: [...graded.reasons, ...burnedNote(input)], nearMiss: false };
  }
  const ha = input.damagedGrasslandHa ?? 0;
  const figures = [deaths, serious];
  if (ha >= GRASSLAND_ALARM_BELOW_HA) figures.unshift({ value: ha, scale: GRASSLAND_AREA });
  if (figures.every((f) => f.value <= 0)) {
    const area = ha > 0 ? `受害草原面积 ${ha} 公顷` : '无受害草原面积';
    const alarm = `${area}（不足 ${GRASSLAND_ALARM_BELOW_HA} 公顷）且无人员死亡、重伤 → 草原火警，不定级`;
    const reasons = [alarm, ...burnedNote(input)];
    if (input.manualGrade) {
      const why = input.manualReason?.trim() || '未填写理由';
      const text = `人工定级 ${gradeLabel(input.manualGrade)}：${why}`;
      return { grade: input.manualGrade, basis: 'manual', reasons: [...reasons, text], nearMiss: false };
    }
    return { grade: null, basis: 'grassland_fire', reasons, nearMiss: false };
  }
  const below = ha > 0 && ha < GRASSLAND_ALARM_BELOW_HA ? [`受害草原面积 ${ha} 公顷（不足 10 公顷）`] : [];
  const graded = applyManual(byFigures(figures, ''), 'grassland_fire', input);
  return { ...graded, reasons: [...graded.reasons, ...below, ...burnedNote(input)], nearMiss: false };
}
