import {
  HEADQUARTERS,
  type HeadquartersCode,
  RESPONSE_LEVEL_NAMES,
  type ResponseLevel,
  WARNING_LEVEL_NAMES,
  WARNING_TYPES,
  type WarningLevel,
  type WarningTypeCode,
} from '@shared/domain/warning-types';
import { useMemo } from 'react';
import { type Lang, useLang } from './i18n';

/** Warning types, colours, headquarters and response levels in the console's language. */
export function warningWords(lang: Lang) {
  const zh = lang === 'zh';
  const type = (code: WarningTypeCode) => (zh ? WARNING_TYPES[code].zh : WARNING_TYPES[code].en);
  const level = (code: WarningLevel) =>
    zh
      ? `${WARNING_LEVEL_NAMES[code].zh}（${WARNING_LEVEL_NAMES[code].grade}）`
      : WARNING_LEVEL_NAMES[code].en;
  const hq = (code: HeadquartersCode) => (zh ? HEADQUARTERS[code].zh : HEADQUARTERS[code].en);
  const responseLevel = (code: ResponseLevel) =>
    zh ? `${RESPONSE_LEVEL_NAMES[code]}级` : `Level ${RESPONSE_LEVEL_NAMES[code]}`;
  return {
    type,
    level,
    hq,
    responseLevel,
    /** '暴雨橙色预警' / 'Rainstorm orange warning'. */
    warning: (w: { type: WarningTypeCode; level: WarningLevel }) =>
      zh
        ? `${WARNING_TYPES[w.type].zh}${WARNING_LEVEL_NAMES[w.level].zh}预警`
        : `${WARNING_TYPES[w.type].en} ${WARNING_LEVEL_NAMES[w.level].en.toLowerCase()} warning`,
    /** '防汛Ⅳ级应急响应' / 'Flood and drought HQ level Ⅳ response'. */
    response: (r: { headquarters: HeadquartersCode; level: ResponseLevel }) =>
      zh
        ? `${HEADQUARTERS[r.headquarters].short}${RESPONSE_LEVEL_NAMES[r.level]}级应急响应`
        : `${HEADQUARTERS[r.headquarters].en} level ${RESPONSE_LEVEL_NAMES[r.level]} response`,
  };
}

export function useWarningWords() {
  const lang = useLang();
  return useMemo(() => warningWords(lang), [lang]);
}
