/**
 * Natural disasters (灾害过程, DESIGN §2.6): types, the 快报表 figures of one unit, and the names of
 * reports, filings and obligations shared by server and console (自然灾害情况统计调查制度, 应急〔2020〕19号).
 */

export const DISASTER_TYPES = [
  'flood',
  'drought',
  'typhoon',
  'hail',
  'cold',
  'snow',
  'sandstorm',
  'earthquake',
  'geological',
  'forest_fire',
  'grassland_fire',
  'biological',
  'marine',
  'other',
] as const;
export type DisasterType = (typeof DISASTER_TYPES)[number];

type Label = { zh: string; en: string };

export const DISASTER_TYPE_LABELS: Record<DisasterType, Label> = {
  flood: { zh: '洪涝', en: 'Flood' },
  drought: { zh: '干旱', en: 'Drought' },
  typhoon: { zh: '台风', en: 'Typhoon' },
  hail: { zh: '风雹', en: 'Wind and hail' },
  cold: { zh: '低温冷冻', en: 'Low temperature and frost' },
  snow: { zh: '雪灾', en: 'Snow' },
  sandstorm: { zh: '沙尘暴', en: 'Sandstorm' },
  earthquake: { zh: '地震', en: 'Earthquake' },
  geological: { zh: '崩塌/滑坡/泥石流', en: 'Collapse, landslide, debris flow' },
  forest_fire: { zh: '森林火灾', en: 'Forest fire' },
  grassland_fire: { zh: '草原火灾', en: 'Grassland fire' },
  biological: { zh: '生物灾害', en: 'Biological disaster' },
  marine: { zh: '海洋灾害', en: 'Marine disaster' },
  other: { zh: '其他', en: 'Other' },
};

/** Sub-type suggestions (the console offers them; any text is accepted). */
export const DISASTER_SUBTYPES: Partial<Record<DisasterType, Label[]>> = {
  flood: [
    { zh: '暴雨洪涝', en: 'Rainstorm flood' },
    { zh: '山洪', en: 'Flash flood' },
    { zh: '城市内涝', en: 'Urban waterlogging' },
  ],
  drought: [
    { zh: '农业干旱', en: 'Agricultural drought' },
    { zh: '人畜饮水困难', en: 'Drinking water shortage' },
  ],
  hail: [
    { zh: '大风', en: 'Gale' },
    { zh: '冰雹', en: 'Hail' },
    { zh: '龙卷风', en: 'Tornado' },
    { zh: '雷电', en: 'Lightning' },
  ],
  cold: [
    { zh: '低温冷害', en: 'Chilling' },
    { zh: '霜冻', en: 'Frost' },
    { zh: '冰冻', en: 'Freezing' },
  ],
  geological: [
    { zh: '崩塌', en: 'Collapse' },
    { zh: '滑坡', en: 'Landslide' },
    { zh: '泥石流', en: 'Debris flow' },
    { zh: '地面塌陷', en: 'Ground subsidence' },
  ],
  biological: [
    { zh: '病虫害', en: 'Pests and diseases' },
    { zh: '鼠害', en: 'Rodents' },
  ],
};

export type DisasterState = 'developing' | 'stable' | 'closed';
export const DISASTER_STATES: readonly DisasterState[] = ['developing', 'stable', 'closed'];

/**
 * 快报表 figures of one unit (cumulative for the disaster), in the form's column order: people, then crops,
 * then houses, then the direct loss (REPORT-STYLE.md §4.5).
 */
export const FIGURE_FIELDS = [
  'affected',
  'dead',
  'missing',
  'relocated',
  'needAssistance',
  'cropAffectedHa',
  'cropDamagedHa',
  'cropLostHa',
  'housesCollapsed',
  'housesSevere',
  'housesGeneral',
  'directLossWanYuan',
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];
export type DisasterFigures = Record<FigureField, number>;

const PEOPLE = { zh: '人', en: 'persons' };
const ROOMS = { zh: '间', en: 'rooms' };
const HA = { zh: '公顷', en: 'ha' };

export const FIGURE_LABELS: Record<FigureField, Label & { unit: Label }> = {
  affected: { zh: '受灾人口', en: 'Affected population', unit: PEOPLE },
  dead: { zh: '死亡人口', en: 'Dead', unit: PEOPLE },
  missing: { zh: '失踪人口', en: 'Missing', unit: PEOPLE },
  relocated: { zh: '紧急转移安置人口', en: 'Emergency relocation', unit: PEOPLE },
  needAssistance: { zh: '需紧急生活救助人口', en: 'Needing basic-needs assistance', unit: PEOPLE },
  housesCollapsed: { zh: '倒塌房屋', en: 'Houses collapsed', unit: ROOMS },
  housesSevere: { zh: '严重损坏房屋', en: 'Houses severely damaged', unit: ROOMS },
  housesGeneral: { zh: '一般损坏房屋', en: 'Houses generally damaged', unit: ROOMS },
  cropAffectedHa: { zh: '农作物受灾面积', en: 'Crop area affected', unit: HA },
  cropDamagedHa: { zh: '农作物成灾面积', en: 'Crop area damaged', unit: HA },
  cropLostHa: { zh: '农作物绝收面积', en: 'Crop area lost', unit: HA },
  directLossWanYuan: { zh: '直接经济损失', en: 'Direct economic loss', unit: { zh: '万元', en: '10k yuan' } },
};

/** The integer-valued figures (people and rooms); areas and losses may carry decimals. */
export const WHOLE_FIGURES: readonly FigureField[] = [
  'affected',
  'dead',
  'missing',
  'relocated',
  'needAssistance',
  'housesCollapsed',
  'housesSevere',
  'housesGeneral',
];

export const ZERO_FIGURES: DisasterFigures = Object.freeze(
  Object.fromEntries(FIGURE_FIELDS.map((f) => [f, 0])) as DisasterFigures,
) as DisasterFigures;

/** Rounded to 6 decimals: 0.1 + 0.2 is 0.3, not 0.30000000000000004. */
export function roundFigure(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** The sum of units' figures, field by field, each rounded to 6 decimals (no float noise). */
export function sumFigures(list: DisasterFigures[]): DisasterFigures {
  const out = { ...ZERO_FIGURES };
  for (const f of FIGURE_FIELDS) {
    let s = 0;
    for (const item of list) s += item[f] ?? 0;
    out[f] = roundFigure(s);
  }
  return out;
}

export function sameFigures(a: DisasterFigures, b: DisasterFigures): boolean {
  return FIGURE_FIELDS.every((f) => roundFigure(a[f]) === roundFigure(b[f]));
}

/** Dead plus missing: the severe-disaster threshold (≥ 10 by default) counts both. */
export function deadMissing(f: DisasterFigures): number {
  return (f.dead ?? 0) + (f.missing ?? 0);
}

export type DisasterRecipient = 'city' | 'province' | 'ministry';
export const DISASTER_RECIPIENTS: readonly DisasterRecipient[] = ['city', 'province', 'ministry'];
export const RECIPIENT_LABELS: Record<DisasterRecipient, Label> = {
  city: { zh: '市应急管理局', en: 'City bureau' },
  province: { zh: '省应急管理厅', en: 'Provincial department' },
  ministry: { zh: '应急管理部', en: 'Ministry' },
};
export type DisasterReportKind = 'initial' | 'followup' | 'daily' | 'verify';
export const DISASTER_REPORT_KINDS: readonly DisasterReportKind[] = [
  'initial',
  'followup',
  'daily',
  'verify',
];
export const REPORT_KIND_LABELS: Record<DisasterReportKind, Label> = {
  initial: { zh: '初报', en: 'Initial report' },
  followup: { zh: '续报', en: 'Follow-up report' },
  daily: { zh: '24小时零报告', en: '24-hour zero report' },
  verify: { zh: '核报', en: 'Verification report' },
};
export type FilingKind = 'initial' | 'update' | 'daily' | 'verified';
export const FILING_KINDS: readonly FilingKind[] = ['initial', 'update', 'daily', 'verified'];

export type DisasterObligationKind =
  | 'initial' // key initial:city | initial:province | initial:ministry          (unitId null)
  | 'followup_change' // key followup_change:<ISO instant of the change>      (unitId null)
  | 'periodic' // drought 续报, key periodic:<n>, n = 1, 2, …                  (unitId null)
  | 'daily' // district 24-h zero report, key daily:<yyyy-MM-dd>             (unitId null)
  | 'township_daily' // key township_daily:<unitId>:<yyyy-MM-dd>            (unitId = township)
  | 'township_verify' // township 核报, key township_verify:<unitId>          (unitId = township)
  | 'verify'; // district 核报, key verify                                    (unitId null)
export const DISASTER_OBLIGATION_KINDS: readonly DisasterObligationKind[] = [
  'initial',
  'followup_change',
  'periodic',
  'daily',
  'township_daily',
  'township_verify',
  'verify',
];

/** The clock values of natural disasters (DESIGN §2.6): a profile's optional `disasters` block. */
export interface DisasterClockValues {
  /** 初报 within this many hours of when it happened. */
  initialHours: number;
  /** Dead + missing at or above this: severe (also to the province and the ministry). */
  severeDeadMissing: number;
  /** 续报 within this many hours of a change of the figures. */
  followupChangeHours: number;
  /** The district's 24-hour zero report, each day by this local time (figures to the previous 24:00). */
  dailyAt: string;
  /** The townships' daily figures, by this local time. */
  townshipDailyAt: string;
  /** 核报: townships within this many working days of "stable". */
  townshipVerifyWorkingDays: number;
  /** 核报: the district within this many more working days. */
  districtVerifyWorkingDays: number;
  /** Drought: 续报 every this many days. */
  droughtFollowupDays: number;
}

export const DEFAULT_DISASTER_CLOCKS: DisasterClockValues = {
  initialHours: 2,
  severeDeadMissing: 10,
  followupChangeHours: 2,
  dailyAt: '09:00',
  townshipDailyAt: '08:00',
  townshipVerifyWorkingDays: 2,
  districtVerifyWorkingDays: 3,
  droughtFollowupDays: 10,
};
