/** Where a screen keeps its settings between reloads: localStorage in the browser, a stand-in in tests. */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** L16: a screen's display language: Chinese only, English only, both (the default), or (the lobby) alternating. */
export type ScreenLang = 'zh' | 'en' | 'zh-en' | 'alt';
/** L15: Chinese, English, or each call in Chinese and then in English. */
export type VoiceLang = 'zh' | 'en' | 'zh-en';

/** L15: the languages a call is spoken in, in order. */
export function spokenLangs(voiceLang: VoiceLang): ('zh' | 'en')[] {
  return voiceLang === 'zh-en' ? ['zh', 'en'] : [voiceLang];
}
export type Orientation = 'auto' | 'landscape' | 'portrait';

export interface ScreenSettingsValues {
  voice: boolean;
  /** 0–1. */
  volume: number;
  voiceLang: VoiceLang;
  /** L16: what the screen is written in: Chinese, English, both at once, or (the lobby's big call) alternating every few seconds. */
  lang: ScreenLang;
  orientation: Orientation;
}

export const DEFAULT_SETTINGS: ScreenSettingsValues = { voice: true, volume: 1, voiceLang: 'zh', lang: 'zh-en', orientation: 'auto' };

/**
 * Saved settings carry this mark since `lang` also means "only this language"
 * (L16). Before, every screen saved `lang: 'zh'` for "Chinese with English
 * beneath"; such an entry is read as both languages, so nothing changes.
 */
const LANG_VERSION = 2;

const oneOf = <T extends string>(value: string | null | undefined, allowed: readonly T[]): T | undefined =>
  allowed.find((option) => option === value);

function clampVolume(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return undefined;
  // Accept 0–1, or a percentage as installers tend to type it (?volume=80).
  return Math.min(1, Math.max(0, n > 1 ? n / 100 : n));
}

/** Keeps the values that are valid settings, from a URL or from storage; anything else is ignored. */
function validSettings(raw: { voice?: unknown; volume?: unknown; voiceLang?: unknown; lang?: unknown; orientation?: unknown }): Partial<ScreenSettingsValues> {
  const found: Partial<ScreenSettingsValues> = {};
  if (typeof raw.voice === 'boolean') found.voice = raw.voice;
  const volume = clampVolume(raw.volume);
  if (volume !== undefined) found.volume = volume;
  const voiceLang = oneOf(String(raw.voiceLang), ['zh', 'en', 'zh-en'] as const);
  if (voiceLang) found.voiceLang = voiceLang;
  const lang = oneOf(String(raw.lang), ['zh', 'en', 'zh-en', 'alt'] as const);
  if (lang) found.lang = lang;
  const orientation = oneOf(String(raw.orientation), ['auto', 'landscape', 'portrait'] as const);
  if (orientation) found.orientation = orientation;
  return found;
}

/** The settings a URL asks for (?voice=off&volume=80&voicelang=en&lang=en&orientation=portrait); unknown values are ignored. */
export function settingsFromUrl(params: URLSearchParams): Partial<ScreenSettingsValues> {
  const voice = params.get('voice');
  return validSettings({
    voice: voice === 'on' ? true : voice === 'off' ? false : undefined,
    volume: params.get('volume'),
    voiceLang: params.get('voicelang') ?? params.get('voiceLang'),
    lang: params.get('lang'),
    orientation: params.get('orientation'),
  });
}

function parseStored(raw: string | null): Partial<ScreenSettingsValues> {
  if (!raw) return {};
  try {
    const stored = JSON.parse(raw) as Record<string, unknown>;
    const found = validSettings(stored);
    // L16: an entry saved before the languages could be chosen one by one said 'zh' for both.
    if (stored.langVersion !== LANG_VERSION && found.lang === 'zh') delete found.lang;
    return found;
  } catch {
    return {}; // a damaged entry must never keep a screen from starting
  }
}

/**
 * L9: one screen's voice and display settings. The URL wins over what was
 * saved (an installer configures a TV by its URL once), and every value, from
 * the URL or the settings panel, is saved in localStorage per kind of screen
 * so it survives the reloads of weeks of running.
 */
export class ScreenSettings {
  #values = $state<ScreenSettingsValues>({ ...DEFAULT_SETTINGS });

  constructor(
    private readonly storage: SettingsStorage,
    private readonly key: string,
    fromUrl: Partial<ScreenSettingsValues> = {},
  ) {
    this.#values = { ...DEFAULT_SETTINGS, ...parseStored(storage.getItem(key)), ...fromUrl };
    this.#save();
  }

  get voice() {
    return this.#values.voice;
  }
  get volume() {
    return this.#values.volume;
  }
  get voiceLang() {
    return this.#values.voiceLang;
  }
  get lang() {
    return this.#values.lang;
  }
  get orientation() {
    return this.#values.orientation;
  }

  update(change: Partial<ScreenSettingsValues>): void {
    const { volume: asked, ...rest } = change;
    const volume = asked === undefined ? undefined : clampVolume(asked);
    this.#values = { ...this.#values, ...rest, ...(volume === undefined ? {} : { volume }) };
    this.#save();
  }

  #save(): void {
    try {
      this.storage.setItem(this.key, JSON.stringify({ ...this.#values, langVersion: LANG_VERSION }));
    } catch {
      // Storage full or disabled (private mode): the settings still hold until the next reload.
    }
  }
}
