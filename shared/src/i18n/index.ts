/** Simplified Chinese first; English available everywhere. */
export type Lang = 'zh' | 'en';

export interface Bilingual {
  zh: string;
  en: string;
}

export type Dictionary<K extends string> = Record<K, Bilingual>;

/** Looks up a key in a dictionary for a language; `{name}` placeholders are filled from `params`. */
export function translate<K extends string>(dictionary: Dictionary<K>, lang: Lang, key: K, params: Record<string, string | number> = {}): string {
  const template = dictionary[key][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The language a page starts in: ?lang=en, else a saved choice, else Chinese. */
export function initialLang(search: string, saved: string | null): Lang {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  return saved === 'en' ? 'en' : 'zh';
}

let current: Lang = 'zh';

/** The language the person using this page reads; messages built outside a component (an API refusal) use it. */
export function useLang(lang: Lang): void {
  current = lang;
}

export function currentLang(): Lang {
  return current;
}

export * from './errors.ts';
export * from './operations.ts';
export { formatDay } from './dates.ts';
