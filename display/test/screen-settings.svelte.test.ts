import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { reloadDelay } from '../src/lib/reload-guard';
import { DEFAULT_SETTINGS, ScreenSettings, settingsFromUrl, type SettingsStorage } from '../src/lib/screen-settings.svelte';
import { PHONE_LANG_KEY, PhoneLang, phoneLangFrom, ScreenWords, type DisplayLang } from '../src/lib/screen-words.svelte';

class MemoryStorage implements SettingsStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('screen settings', () => {
  it('[L9] the URL wins over what was saved, what was saved over the defaults, and the result is saved per kind of screen', () => {
    const storage = new MemoryStorage();
    storage.setItem('hallflow.settings.lobby', JSON.stringify({ voice: false, volume: 0.3, voiceLang: 'en', lang: 'alt', orientation: 'portrait' }));
    const url = new URLSearchParams('voice=on&volume=80&orientation=landscape&lang=klingon');
    const settings = new ScreenSettings(storage, 'hallflow.settings.lobby', settingsFromUrl(url));
    expect([settings.voice, settings.volume, settings.voiceLang, settings.lang, settings.orientation]).toEqual([true, 0.8, 'en', 'alt', 'landscape']);
    expect(JSON.parse(storage.getItem('hallflow.settings.lobby')!)).toEqual({ voice: true, volume: 0.8, voiceLang: 'en', lang: 'alt', orientation: 'landscape', langVersion: 2 });
    expect(storage.getItem('hallflow.settings.window')).toBeNull();
  });

  it('[L9] a damaged saved entry or nonsense in the URL falls back to the defaults; volume stays within 0–1', () => {
    const storage = new MemoryStorage();
    storage.setItem('k', '{not json');
    const settings = new ScreenSettings(storage, 'k', settingsFromUrl(new URLSearchParams('voice=maybe&volume=loud&voicelang=fr')));
    expect({ voice: settings.voice, volume: settings.volume, voiceLang: settings.voiceLang, lang: settings.lang, orientation: settings.orientation }).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromUrl(new URLSearchParams('volume=250')).volume).toBe(1);
    expect(settingsFromUrl(new URLSearchParams('volume=-3')).volume).toBe(0);
    settings.update({ volume: Number.NaN });
    expect(settings.volume).toBe(1);
  });

  it('[L9] a change from the settings panel is live for whatever reads it, and survives a reload', () => {
    const storage = new MemoryStorage();
    const settings = new ScreenSettings(storage, 'hallflow.settings.window');
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(`${settings.voice ? 'on' : 'off'}@${settings.volume}`);
      });
    });
    flushSync();
    settings.update({ voice: false, volume: 0.4 });
    flushSync();
    stop();
    expect(seen).toEqual(['on@1', 'off@0.4']);
    const reloaded = new ScreenSettings(storage, 'hallflow.settings.window');
    expect([reloaded.voice, reloaded.volume]).toEqual([false, 0.4]);
  });
});

describe('a screen\'s and a phone\'s language', () => {
  it('[L16] a screen shows both languages by default; lang=zh, en or zh-en from the URL is kept; a screen saved before L16 keeps both', () => {
    const storage = new MemoryStorage();
    expect(new ScreenSettings(storage, 'hallflow.settings.outdoor').lang).toBe('zh-en');
    const english = new ScreenSettings(storage, 'hallflow.settings.outdoor', settingsFromUrl(new URLSearchParams('lang=en')));
    expect(english.lang).toBe('en');
    expect(new ScreenSettings(storage, 'hallflow.settings.outdoor').lang).toBe('en'); // kept without the URL
    expect(settingsFromUrl(new URLSearchParams('lang=zh-en')).lang).toBe('zh-en');
    expect(settingsFromUrl(new URLSearchParams('lang=zh')).lang).toBe('zh');
    // Saved by an older app, whose 'zh' was Chinese with English beneath: still both.
    storage.setItem('hallflow.settings.lobby', JSON.stringify({ voice: true, volume: 1, voiceLang: 'zh', lang: 'zh', orientation: 'auto' }));
    expect(new ScreenSettings(storage, 'hallflow.settings.lobby').lang).toBe('zh-en');
    // Chosen as Chinese only since: kept.
    new ScreenSettings(storage, 'hallflow.settings.lobby').update({ lang: 'zh' });
    expect(new ScreenSettings(storage, 'hallflow.settings.lobby').lang).toBe('zh');
  });

  it('[L16] the words follow the language: one language, or Chinese with English beneath; dates and numbers as the language writes them', () => {
    let lang: DisplayLang = 'zh-en';
    const words = new ScreenWords(() => lang);
    expect([words.first('outdoorFull'), words.second('outdoorFull'), words.line('lobbyWatch')]).toEqual(['厅内已满，请稍候', 'The hall is full; please wait', '请留意叫号 · Please watch for your number']);
    lang = 'en';
    expect([words.first('outdoorFull'), words.second('outdoorFull'), words.line('lobbyWatch')]).toEqual(['The hall is full; please wait', '', 'Please watch for your number']);
    const at = '2026-11-25T06:05:00Z';
    expect(words.date(at, 'Asia/Shanghai')).toBe('Wednesday 25 November');
    expect(words.time(at, 'Asia/Shanghai')).toBe('14:05');
    expect(words.number(12345)).toBe('12,345');
    lang = 'zh';
    expect([words.first('outdoorFull'), words.second('outdoorFull')]).toEqual(['厅内已满，请稍候', '']);
    expect(words.date(at, 'Asia/Shanghai')).toBe('11月25日星期三');
  });

  it('[L16] the phone starts in the browser\'s language, Chinese first, and keeps the visitor\'s choice on the device', () => {
    expect(phoneLangFrom(null, ['en-US', 'zh-CN'])).toBe('en');
    expect(phoneLangFrom(null, ['zh-TW', 'en'])).toBe('zh');
    expect(phoneLangFrom(null, ['fr-FR'])).toBe('zh');
    expect(phoneLangFrom(null, [])).toBe('zh');
    const storage = new MemoryStorage();
    const phone = new PhoneLang(storage, ['zh-CN']);
    expect(phone.lang).toBe('zh');
    phone.set('en');
    expect(storage.getItem(PHONE_LANG_KEY)).toBe('en');
    expect(new PhoneLang(storage, ['zh-CN']).lang).toBe('en');
  });
});

describe('reloading for a new protocol version', () => {
  it('[L11] the first reload is immediate; another within 30 seconds waits for the rest of the gap', () => {
    const now = 1_000_000;
    expect(reloadDelay(null, now)).toBe(0);
    expect(reloadDelay(now - 60_000, now)).toBe(0);
    expect(reloadDelay(now - 10_000, now)).toBe(20_000);
    expect(reloadDelay(now + 5_000, now)).toBe(0); // a clock set back must not block reloads for good
  });
});

describe('calls in two languages', () => {
  it('[L15] a screen set to both speaks each call in Chinese, then in English; the setting comes from the URL and is kept', async () => {
    const { spokenLangs } = await import('../src/lib/screen-settings.svelte');
    expect(spokenLangs('zh-en')).toEqual(['zh', 'en']);
    expect(spokenLangs('en')).toEqual(['en']);
    const storage = new MemoryStorage();
    const settings = new ScreenSettings(storage, 'hallflow.settings.window', settingsFromUrl(new URLSearchParams('voicelang=zh-en')));
    expect(settings.voiceLang).toBe('zh-en');
    flushSync();
    expect(new ScreenSettings(storage, 'hallflow.settings.window', {}).voiceLang).toBe('zh-en');
  });
});
