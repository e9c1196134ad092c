import { useCallback } from 'react';
import { type Lang, type MessageKey, translate, useLang } from './i18n';

/** Fills `{name}` placeholders; an unknown name stays as written. */
export function fillVars(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A page's translator: its own words first, then the console's (the shell's and the shared
 * components' words stay in the main dictionaries), so a page's code calls one `t` for both.
 */
export type FeatureTranslate<K extends string> = (
  key: K | MessageKey,
  vars?: Record<string, string | number>,
) => string;

/** A page's own words in both languages; `en` must have every key of `zh` (Chinese is the reference). */
export type FeatureDictionary<K extends string> = Readonly<Record<Lang, Readonly<Record<K, string>>>>;

/**
 * A page's own words, shipped in that page's lazily loaded code rather than in the console's first
 * load: both languages sit in the feature's chunk, so switching language never flashes the other one.
 * Usage, in features/<f>/i18n.ts: `const words = featureDictionary({ zh, en });
 * export const useWords = () => useFeatureT(words);`
 */
export function featureDictionary<K extends string>(
  dictionaries: FeatureDictionary<K>,
): FeatureDictionary<K> {
  return dictionaries;
}

export function translateFeature<K extends string>(
  dictionaries: FeatureDictionary<K>,
  lang: Lang,
  key: K | MessageKey,
  vars?: Record<string, string | number>,
): string {
  const own = dictionaries[lang][key as K] ?? dictionaries.zh[key as K];
  return own === undefined ? translate(lang, key as MessageKey, vars) : fillVars(own, vars);
}

export function useFeatureT<K extends string>(dictionaries: FeatureDictionary<K>): FeatureTranslate<K> {
  const lang = useLang();
  return useCallback<FeatureTranslate<K>>(
    (key, vars) => translateFeature(dictionaries, lang, key, vars),
    [dictionaries, lang],
  );
}
