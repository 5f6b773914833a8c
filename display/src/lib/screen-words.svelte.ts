import { getContext, setContext } from 'svelte';
import { say, type MessageKey } from './messages';

/** L16: what a screen or the phone is written in: Chinese only, English only, or Chinese with English beneath. */
export type DisplayLang = 'zh' | 'en' | 'zh-en';

type Params = Record<string, string | number>;

/** An instant to format, as milliseconds (Intl formats numbers and dates alike). */
const instant = (at: Date | number | string): number => (typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : at.getTime());
type Pair = { zh: string; en: string };

/** The locale of dates, times and numbers for a display language (both languages: the Chinese one leads). */
export function localeOf(lang: DisplayLang): string {
  return lang === 'en' ? 'en-GB' : 'zh-CN';
}

/**
 * L16: the words of one screen or phone in its chosen language. A text has a
 * first line (Chinese, or English on an English screen) and a second one
 * (English beneath Chinese, only when both are shown: otherwise empty), so a
 * component keeps one layout for every language. Dates, times and numbers
 * are formatted for the language, in the hall's zone.
 */
export class ScreenWords {
  readonly #lang: () => DisplayLang;

  constructor(lang: () => DisplayLang) {
    this.#lang = lang;
  }

  get lang(): DisplayLang {
    return this.#lang();
  }

  /** The language a single-language text is written in (Chinese when both are shown). */
  get main(): 'zh' | 'en' {
    return this.lang === 'en' ? 'en' : 'zh';
  }

  get both(): boolean {
    return this.lang === 'zh-en';
  }

  first(key: MessageKey, params: Params = {}): string {
    return say(key, this.main, params);
  }

  /** English beneath the Chinese when both are shown, else nothing. */
  second(key: MessageKey, params: Params = {}): string {
    return this.both ? say(key, 'en', params) : '';
  }

  /** One line: "中文 · English" when both are shown, else the one language. */
  line(key: MessageKey, params: Params = {}): string {
    return this.both ? `${say(key, 'zh', params)} · ${say(key, 'en', params)}` : this.first(key, params);
  }

  /** Inline, one after the other: "中文 English" when both are shown. */
  inline(key: MessageKey, params: Params = {}): string {
    return this.both ? `${say(key, 'zh', params)} ${say(key, 'en', params)}` : this.first(key, params);
  }

  /** The same for a text that comes in both languages already (a hall's name, a rule). */
  firstOf(pair: Pair): string {
    return this.main === 'en' ? pair.en : pair.zh;
  }
  secondOf(pair: Pair): string {
    return this.both ? pair.en : '';
  }
  lineOf(pair: Pair): string {
    return this.both ? `${pair.zh} · ${pair.en}` : this.firstOf(pair);
  }

  number(n: number): string {
    return new Intl.NumberFormat(localeOf(this.lang)).format(n);
  }

  time(at: Date | number | string, timeZone: string, seconds = false): string {
    return new Intl.DateTimeFormat(localeOf(this.lang), { timeZone, hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hour12: false }).format(instant(at));
  }

  date(at: Date | number | string, timeZone: string): string {
    return new Intl.DateTimeFormat(localeOf(this.lang), { timeZone, month: 'long', day: 'numeric', weekday: 'long' }).format(instant(at));
  }
}

const WORDS = Symbol('screen-words');

/** The app gives every component of a screen its words (typed context, Symbol key). */
export function provideWords(words: ScreenWords): void {
  setContext(WORDS, words);
}

/** A component's words; outside a screen (a unit test) both languages, as screens always showed. */
export function useWords(): ScreenWords {
  return getContext<ScreenWords | undefined>(WORDS) ?? new ScreenWords(() => 'zh-en');
}

/** The phone's choice: kept on the device; otherwise the browser's languages decide, Chinese first. */
export const PHONE_LANG_KEY = 'hallflow.phone.lang';

export function phoneLangFrom(saved: string | null, browserLanguages: readonly string[]): 'zh' | 'en' {
  if (saved === 'zh' || saved === 'en') return saved;
  for (const language of browserLanguages) {
    const tag = language.toLowerCase();
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}

/** L16: the visitor's language on their phone, switched by a toggle and kept on the device. */
export class PhoneLang {
  #lang = $state<'zh' | 'en'>('zh');

  constructor(private readonly storage: { getItem(key: string): string | null; setItem(key: string, value: string): void }, browserLanguages: readonly string[]) {
    let saved: string | null = null;
    try {
      saved = storage.getItem(PHONE_LANG_KEY);
    } catch {
      saved = null;
    }
    this.#lang = phoneLangFrom(saved, browserLanguages);
  }

  get lang(): 'zh' | 'en' {
    return this.#lang;
  }

  set(lang: 'zh' | 'en'): void {
    this.#lang = lang;
    try {
      this.storage.setItem(PHONE_LANG_KEY, lang);
    } catch {
      // private mode: the choice holds until the page is closed
    }
  }
}
