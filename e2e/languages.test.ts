import type { TicketResponse } from '@hallflow/shared/api';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDeviceToken, createStaff, signIn, signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const SUITE = 'languages';
const suite = useServerAndBrowser();
const HAN = /[\u3400-\u9fff]/;

/** The text a person reads in a part of the page. */
const text = (locator: Locator) => locator.innerText();

describe('a screen and the phone in the chosen language', () => {
  it('[L16] the phone starts in the browser\'s language, switches at the tap of a toggle, keeps the choice, and writes dates and numbers as the language does', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const password = await createStaff(admin, 'lang-clerk', 'clerk');
    const { api: clerk } = await signIn(suite.server.url, 'lang-clerk', password);
    await clerk('POST', '/api/halls/demo/tickets', { categoryId: 'demo-D' });
    const mine = await clerk<TicketResponse>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-D' });

    // A visitor whose phone is set to English.
    const context = await suite.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    await phone.goto(`${suite.server.url}/t/${mine.phoneToken}`);
    const main = phone.locator('main');
    await phone.getByTestId('phone-state').getByText('Waiting').waitFor();
    expect(await text(main)).not.toMatch(HAN);
    expect(await text(phone.getByTestId('phone-position'))).toBe('Ahead of you: 1 in line');
    expect(await text(phone.getByTestId('phone-issued'))).toMatch(/^Taken on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ at \d{2}:\d{2}$/);
    expect(await phone.getByTestId('phone-lang-en').getAttribute('aria-pressed')).toBe('true');
    await screenshot(phone, SUITE, 'phone-english');

    // 中文: everything in Chinese at once, with the date as Chinese writes it; kept over a reload.
    await phone.getByTestId('phone-lang-zh').click();
    await phone.getByTestId('phone-state').getByText('等候叫号').waitFor();
    const chinese = (await text(main)).replaceAll(mine.ticket.number, '');
    expect(chinese).not.toMatch(/[A-Za-z]/);
    expect(await text(phone.getByTestId('phone-position'))).toBe('前面还有 1 人');
    expect(await text(phone.getByTestId('phone-issued'))).toMatch(/^取号时间 \d{1,2}月\d{1,2}日星期[一二三四五六日] \d{2}:\d{2}$/);
    await screenshot(phone, SUITE, 'phone-chinese');
    await phone.reload();
    await phone.getByTestId('phone-state').getByText('等候叫号').waitFor();
    expect(await phone.evaluate(() => localStorage.getItem('hallflow.phone.lang'))).toBe('zh');
    await context.close();

    // A phone set to Chinese starts in Chinese.
    const chineseContext = await suite.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true });
    const other = await chineseContext.newPage();
    await other.goto(`${suite.server.url}/t/${mine.phoneToken}`);
    await other.getByTestId('phone-state').getByText('等候叫号').waitFor();
    expect(await other.getByTestId('phone-lang-zh').getAttribute('aria-pressed')).toBe('true');
    await chineseContext.close();
  });

  it('[L16][L9] an outdoor screen set to English by its URL shows no Chinese and keeps it; its settings panel sets both languages or Chinese only', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const token = await createDeviceToken(admin, 'outdoor');
    const context = await suite.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const outdoor = await context.newPage();
    await outdoor.goto(`${suite.server.url}/display/outdoor?device=${token}&voice=off&lang=en`);
    const screen = outdoor.locator('.outdoor');
    await screen.waitFor();
    await outdoor.getByTestId('entry-rules').waitFor();
    expect(await text(screen)).not.toMatch(HAN);
    expect(await text(outdoor.getByTestId('screen-clock'))).toMatch(/^\d{2}:\d{2}:\d{2}\s+[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+$/);
    await screenshot(outdoor, SUITE, 'outdoor-english');

    // Kept: the same screen started again without the parameter is still English.
    await outdoor.goto(`${suite.server.url}/display/outdoor?device=${token}`);
    await outdoor.getByTestId('entry-rules').waitFor();
    expect(await text(screen)).not.toMatch(HAN);

    // The settings panel: both languages (Chinese first, English beneath).
    await outdoor.getByTestId('settings-toggle').click();
    await outdoor.getByTestId('settings-lang').selectOption('zh-en');
    await outdoor.getByTestId('settings-toggle').click();
    await screen.getByText('入场须知').waitFor();
    const both = await text(screen);
    expect(both).toMatch(HAN);
    expect(both).toContain('Entry rules');

    // Chinese only, from the URL: no English words (digits and the unit °C stay).
    await outdoor.goto(`${suite.server.url}/display/outdoor?device=${token}&lang=zh`);
    await outdoor.getByTestId('entry-rules').waitFor();
    expect((await text(screen)).replaceAll('°C', '')).not.toMatch(/[A-Za-z]/);
    expect(await text(outdoor.getByTestId('screen-clock'))).toMatch(/\d{1,2}月\d{1,2}日星期/);
    await screenshot(outdoor, SUITE, 'outdoor-chinese');

    // A fresh screen (nothing saved) shows both, as screens always did.
    const fresh = await suite.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await fresh.newPage();
    await page.goto(`${suite.server.url}/display/outdoor?device=${token}`);
    await page.getByTestId('entry-rules').waitFor();
    const freshText = await text(page.locator('.outdoor'));
    expect(freshText).toMatch(HAN);
    expect(freshText).toContain('Entry rules');
    await fresh.close();
    await context.close();
  });
});
