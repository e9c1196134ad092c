import { gradeLabel as gradeLabelZh } from '@shared/domain/grading';
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
  forest_fire: 'Forest and grassland fire',
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
