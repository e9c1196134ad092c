import { useCallback, useSyncExternalStore } from 'react';
import { type MessageKey, zh } from './i18n-zh';

export type Lang = 'zh' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'duty.lang';
// Chinese is the console's first language and ships in the first load; English loads when chosen.
const dictionaries: Partial<Record<Lang, Record<MessageKey, string>>> = { zh };

async function loadDictionary(lang: Lang): Promise<void> {
  if (dictionaries[lang]) return;
  if (lang === 'en') dictionaries.en = (await import('./i18n-en')).en;
}
const htmlLang: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

const stored = readStoredLang();
let current: Lang = 'zh';
const listeners = new Set<() => void>();

function applyToDocument(lang: Lang): void {
  // Pure helpers of the console (labels, words) are also used by the server's tests, without a page.
  if (typeof document === 'undefined') return;
  document.documentElement.lang = htmlLang[lang];
  document.title = translate(lang, 'app.name');
}

/** Resolves once the stored language's words are loaded: the console renders after it. */
export const languageReady: Promise<void> = loadDictionary(stored).then(
  () => {
    current = stored;
    applyToDocument(current);
  },
  () => applyToDocument(current),
);

export async function setLang(lang: Lang): Promise<void> {
  if (lang === current) return;
  await loadDictionary(lang);
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  applyToDocument(lang);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, () => current);
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = (dictionaries[lang] ?? zh)[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export function useT(): Translate {
  const lang = useLang();
  return useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang]);
}
