import { useCallback } from 'react';
import { type Lang, useLang } from './i18n';

/** Fills `{name}` placeholders; an unknown name stays as written. */
export function fillVars(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export type FeatureTranslate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

/**
 * A page's own words, shipped in that page's lazily loaded code rather than in the console's first
 * load: both languages sit in the feature's chunk, so switching language never flashes the other one.
 * `en` must have every key of `zh` (the Chinese dictionary is the reference).
 */
export function featureDictionary<K extends string>(dictionaries: Record<Lang, Record<K, string>>) {
  const translate = (lang: Lang, key: K, vars?: Record<string, string | number>): string =>
    fillVars(dictionaries[lang][key] ?? dictionaries.zh[key] ?? key, vars);
  function useFeatureT(): FeatureTranslate<K> {
    const lang = useLang();
    return useCallback<FeatureTranslate<K>>((key, vars) => translate(lang, key, vars), [lang]);
  }
  return { translate, useFeatureT };
}
