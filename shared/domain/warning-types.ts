/**
 * Warnings (预警) and emergency responses (应急响应): the types, colours and levels as data.
 *
 * The meteorological signals and the colours each may take follow the annex of 《气象灾害预警信号发布与
 * 传播办法》(中国气象局令第16号, 2007-06-11): 14 signals — 台风, 暴雨, 暴雪, 寒潮, 大风 in blue,
 * yellow, orange and red; 沙尘暴, 高温, 雷电, 大雾, 道路结冰 without blue; 干旱 and 冰雹 orange and
 * red only; 霜冻 blue, yellow and orange; 霾 yellow and orange. Besides them the district receives the
 * forest fire danger warning (森林火险预警, 林草 and 气象, four colours) and the geological hazard
 * meteorological risk warning (地质灾害气象风险预警, 自然资源 and 气象, four colours; 蓝色 rarely
 * published). A type a province adds is one more row here.
 */

export const WARNING_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** 红 > 橙 > 黄 > 蓝: a higher rank is more severe (一级 is red). */
export const WARNING_RANK: Record<WarningLevel, number> = { red: 4, orange: 3, yellow: 2, blue: 1 };

export const WARNING_LEVEL_NAMES: Record<WarningLevel, { zh: string; en: string; grade: string }> = {
  red: { zh: '红色', en: 'Red', grade: '一级' },
  orange: { zh: '橙色', en: 'Orange', grade: '二级' },
  yellow: { zh: '黄色', en: 'Yellow', grade: '三级' },
  blue: { zh: '蓝色', en: 'Blue', grade: '四级' },
};

const ALL: readonly WarningLevel[] = ['blue', 'yellow', 'orange', 'red'];
const NO_BLUE: readonly WarningLevel[] = ['yellow', 'orange', 'red'];

export const WARNING_TYPES = {
  typhoon: { zh: '台风', en: 'Typhoon', levels: ALL },
  rainstorm: { zh: '暴雨', en: 'Rainstorm', levels: ALL },
  blizzard: { zh: '暴雪', en: 'Blizzard', levels: ALL },
  cold_wave: { zh: '寒潮', en: 'Cold wave', levels: ALL },
  gale: { zh: '大风', en: 'Gale', levels: ALL },
  sandstorm: { zh: '沙尘暴', en: 'Sandstorm', levels: NO_BLUE },
  heat: { zh: '高温', en: 'Heat', levels: NO_BLUE },
  drought: { zh: '干旱', en: 'Drought', levels: ['orange', 'red'] },
  lightning: { zh: '雷电', en: 'Lightning', levels: NO_BLUE },
  hail: { zh: '冰雹', en: 'Hail', levels: ['orange', 'red'] },
  frost: { zh: '霜冻', en: 'Frost', levels: ['blue', 'yellow', 'orange'] },
  fog: { zh: '大雾', en: 'Heavy fog', levels: NO_BLUE },
  haze: { zh: '霾', en: 'Haze', levels: ['yellow', 'orange'] },
  road_icing: { zh: '道路结冰', en: 'Road icing', levels: NO_BLUE },
  forest_fire: { zh: '森林火险', en: 'Forest fire danger', levels: ALL },
  geo_hazard: { zh: '地质灾害气象风险', en: 'Geological hazard risk', levels: ALL },
} as const satisfies Record<string, { zh: string; en: string; levels: readonly WarningLevel[] }>;

export type WarningTypeCode = keyof typeof WARNING_TYPES;
export const WARNING_TYPE_CODES = Object.keys(WARNING_TYPES) as WarningTypeCode[];

/** Whether this type is ever issued in this colour (高温 has no blue). */
export function levelAllowed(type: WarningTypeCode, level: WarningLevel): boolean {
  return (WARNING_TYPES[type].levels as readonly WarningLevel[]).includes(level);
}

/** '暴雨橙色预警'. */
export function warningLabel(type: WarningTypeCode, level: WarningLevel): string {
  return `${WARNING_TYPES[type].zh}${WARNING_LEVEL_NAMES[level].zh}预警`;
}

export const RESPONSE_LEVELS = ['I', 'II', 'III', 'IV'] as const;
export type ResponseLevel = (typeof RESPONSE_LEVELS)[number];
/** Ⅰ级 is the highest. */
export const RESPONSE_RANK: Record<ResponseLevel, number> = { I: 4, II: 3, III: 2, IV: 1 };
export const RESPONSE_LEVEL_NAMES: Record<ResponseLevel, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' };

/** The headquarters (指挥部) that start a response; `short` names the response ('防汛Ⅳ级应急响应'). */
export const HEADQUARTERS = {
  flood_drought: { zh: '防汛抗旱指挥部', short: '防汛', en: 'Flood and drought HQ' },
  forest_fire: { zh: '森林防灭火指挥部', short: '森林防灭火', en: 'Forest fire HQ' },
  disaster_reduction: { zh: '减灾委员会', short: '救灾', en: 'Disaster reduction committee' },
  earthquake: { zh: '抗震救灾指挥部', short: '地震', en: 'Earthquake relief HQ' },
  safety: { zh: '安全生产委员会', short: '安全生产', en: 'Work safety committee' },
  emergency: { zh: '突发事件应急指挥部', short: '突发事件', en: 'Emergency HQ' },
} as const satisfies Record<string, { zh: string; short: string; en: string }>;
export type HeadquartersCode = keyof typeof HEADQUARTERS;
export const HEADQUARTERS_CODES = Object.keys(HEADQUARTERS) as HeadquartersCode[];

/** '防汛Ⅳ级应急响应'. */
export function responseLabel(hq: HeadquartersCode, level: ResponseLevel): string {
  return `${HEADQUARTERS[hq].short}${RESPONSE_LEVEL_NAMES[level]}级应急响应`;
}

/**
 * The signal colours as on the official icons; the text colour on each is chosen for contrast
 * (WCAG AA): white on red and blue, near-black on orange and yellow.
 */
export const WARNING_COLOURS: Record<WarningLevel, { bg: string; fg: string }> = {
  red: { bg: '#d9001b', fg: '#ffffff' },
  orange: { bg: '#ff7f00', fg: '#1a1a1a' },
  yellow: { bg: '#ffd400', fg: '#1a1a1a' },
  blue: { bg: '#0052d9', fg: '#ffffff' },
};

/** A response shows in its level's colour as the warnings do: Ⅰ red … Ⅳ blue. */
export const RESPONSE_COLOUR_LEVEL: Record<ResponseLevel, WarningLevel> = {
  I: 'red',
  II: 'orange',
  III: 'yellow',
  IV: 'blue',
};
