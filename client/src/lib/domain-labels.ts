import { gradeLabel as gradeLabelZh, gradeName as gradeNameZh } from '@shared/domain/grading';
import type { CategoryCode, Grade } from '@shared/domain/incident-types';
import { categoryName as categoryNameZh } from '@shared/domain/report-text';
import { zoneName } from '@shared/domain/zone-name';
import { useCallback, useMemo } from 'react';
import { type Lang, useLang } from './i18n';
import { getBureauZone } from './time';

/**
 * Domain words as the console's language says them. Chinese is the law's own wording (shared/domain);
 * English mode says the same in English. Report texts drafted for upstream stay Chinese.
 */
const CATEGORY_EN: Record<CategoryCode, string> = {
  hazardous_chemicals: 'Hazardous chemicals',
  road_traffic: 'Road traffic',
  construction: 'Construction',
  urban_gas: 'Urban gas',
  fire: 'Fire',
  industry_trade: 'Industry and trade',
  special_equipment: 'Special equipment',
  other_accident: 'Other accident',
  flood: 'Flood',
  drought: 'Drought',
  meteorological: 'Meteorological',
  earthquake: 'Earthquake',
  geological: 'Geological',
  forest_fire: 'Forest fire',
  grassland_fire: 'Grassland fire',
  public_health: 'Public health event',
  social_security: 'Social security event',
};

const GRADE_EN: Record<Grade, string> = {
  I: 'Extremely serious (I)',
  II: 'Serious (II)',
  III: 'Major (III)',
  IV: 'Ordinary (IV)',
};

export function categoryLabel(code: CategoryCode, lang: Lang): string {
  return lang === 'en' ? (CATEGORY_EN[code] ?? code) : categoryNameZh(code);
}

export function gradeText(grade: Grade | null, lang: Lang): string {
  if (lang === 'zh') return gradeLabelZh(grade);
  return grade ? GRADE_EN[grade] : 'Not graded';
}

/** The bureau's zone as people say it: 北京时间 / Beijing Time. */
export function bureauZoneName(lang: Lang, at = Date.now()): string {
  return zoneName(getBureauZone(), lang, at);
}

export function useDomainLabels() {
  const lang = useLang();
  const category = useCallback((code: CategoryCode) => categoryLabel(code, lang), [lang]);
  const grade = useCallback((g: Grade | null) => gradeText(g, lang), [lang]);
  return useMemo(() => ({ lang, category, grade }), [lang, category, grade]);
}

/**
 * The grade basis (shared/domain/grading's reasons, the regulation's words) in English, phrase by
 * phrase: numbers and the officer's own reason pass through as written.
 */
const REASON_EN: [RegExp, string][] = [
  [/重伤（含急性工业中毒）(\d+) 人/g, '$1 seriously injured (incl. acute industrial poisoning)'],
  [/死亡 (\d+) 人/g, '$1 dead'],
  [/直接经济损失 ([\d.]+) 万元/g, 'direct economic loss ¥$1 × 10,000'],
  [/过火面积 ([\d.]+) 公顷（不作定级依据）/g, '$1 ha burned (does not grade)'],
  [/过火面积 ([\d.]+) 公顷/g, '$1 ha burned'],
  [/受害森林面积 ([\d.]+) 公顷/g, '$1 ha of forest damaged'],
  [/受害草原面积 ([\d.]+) 公顷/g, '$1 ha of grassland damaged'],
  [/无受害草原面积/g, 'no grassland damaged'],
  [
    /（不足 10 公顷）且无人员死亡、重伤 → 草原火警，不定级/g,
    ' (under 10 ha) and no death or serious injury → grassland fire alarm (火警), not graded',
  ],
  [/重伤 (\d+) 人/g, '$1 seriously injured'],
  [/无受害森林面积和人员伤亡/g, 'no forest damaged and no casualties'],
  [/危及 (\d+) 人生命安全/g, '$1 lives endangered'],
  [/被困或下落不明 (\d+) 人/g, '$1 trapped or missing'],
  [/紧急疏散转移 (\d+) 人/g, '$1 evacuated'],
  [/造成严重环境污染/g, 'serious environmental pollution'],
  [/危及重要场所和设施安全/g, 'key sites and facilities endangered'],
  [/无人员伤亡和直接经济损失/g, 'no casualties and no direct economic loss'],
  [/无过火面积和人员伤亡/g, 'no burned area and no casualties'],
  [/社会安全事件无法定分级/g, 'social security events have no statutory grade'],
  [/人工定级/g, 'manual grade'],
  [/，?高于核定的/g, ', above the assessed'],
  [/低于核定的/g, ' is below the assessed'],
  [/不予采用（核定等级为下限）/g, 'not applied (the assessed grade is the floor)'],
  [/不予采用/g, ' not applied'],
  [/未填写理由/g, 'no reason given'],
  [/待定级/g, 'not yet graded'],
  [/未定级/g, 'not graded'],
  [/5000 万元以上不足 1 亿元/g, '¥50M to under ¥100M'],
  [/1000 万元以上不足 5000 万元/g, '¥10M to under ¥50M'],
  [/不足 1000 万元/g, 'under ¥10M'],
  [/1 亿元以上/g, '¥100M or more'],
  [/(\d+) 公顷以上不足 (\d+) 公顷/g, '$1 to under $2 ha'],
  [/(\d+) 公顷以上/g, '$1 ha or more'],
  [/不足 (\d+) 公顷/g, 'under $1 ha'],
  [/(\d+)–(\d+) 人/g, '$1–$2 people'],
  [/(\d+) 人以上/g, '$1 or more people'],
  [/较大涉险事故/g, 'major near-miss accident'],
  [/特别重大/g, 'Extremely serious'],
  [/重大/g, 'Serious'],
  [/较大/g, 'Major'],
  [/一般/g, 'Ordinary'],
  [/（Ⅰ级）/g, ' (I)'],
  [/（Ⅱ级）/g, ' (II)'],
  [/（Ⅲ级）/g, ' (III)'],
  [/（Ⅳ级）/g, ' (IV)'],
  [/（/g, ' ('],
  [/）/g, ')'],
  [/：/g, ': '],
  [/，/g, ', '],
];

export function gradeReasonText(reason: string, lang: Lang): string {
  if (lang === 'zh') return reason;
  return REASON_EN.reduce((text, [pattern, english]) => text.replace(pattern, english), reason);
}

const GRADE_SHORT_EN: Record<Grade, string> = {
  I: 'Extremely serious',
  II: 'Serious',
  III: 'Major',
  IV: 'Ordinary',
};

/** The grade's name alone (较大 / Major), for axes and filters. */
export function gradeShort(grade: Grade | null, lang: Lang): string {
  if (lang === 'zh') return gradeNameZh(grade);
  return grade ? GRADE_SHORT_EN[grade] : 'Not graded';
}
