import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDeviceToken, createStaff, signIn, signInAdmin } from './support/api.ts';
import { useServerAndBrowser } from './support/suite.ts';

/** Calls announced in Chinese and then in English, as one screen is set to. */
const suite = useServerAndBrowser();

async function announced(page: Page): Promise<{ display: string; lang: string }[]> {
  return page.evaluate(() => ((window as unknown as { __hallflowAnnouncements?: { display: string; lang: string }[] }).__hallflowAnnouncements ?? []).map((a) => ({ display: a.display, lang: a.lang })));
}

describe('calls in two languages', () => {
  it('[L15][L3] a window screen set to Chinese then English announces each call twice over, in that order; a lobby left in Chinese says it once', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const password = await createStaff(admin, 'voice-clerk', 'clerk', '陈静');
    const { api: clerk } = await signIn(suite.server.url, 'voice-clerk', password);
    const both = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await both.goto(`${suite.server.url}/display/window/3?device=${await createDeviceToken(admin, 'window', 'demo-w3')}&voicelang=zh-en`);
    const lobby = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await lobby.goto(`${suite.server.url}/display/lobby?device=${await createDeviceToken(admin, 'lobby')}`);
    await both.getByTestId('window-state').waitFor();
    await lobby.getByTestId('lobby').waitFor();

    await clerk('POST', '/api/halls/demo/tickets', { categoryId: 'demo-C' });
    await clerk('POST', '/api/halls/demo/windows/demo-w3/open');
    await clerk('POST', '/api/halls/demo/windows/demo-w3/call-next');

    await both.waitForFunction(() => ((window as unknown as { __hallflowAnnouncements?: unknown[] }).__hallflowAnnouncements ?? []).length >= 2);
    expect(await announced(both)).toEqual([
      { display: '请 C001 号 到 3 号窗口办理', lang: 'zh-CN' },
      { display: 'Ticket C001, please go to window 3', lang: 'en-US' },
    ]);
    await lobby.waitForFunction(() => ((window as unknown as { __hallflowAnnouncements?: unknown[] }).__hallflowAnnouncements ?? []).length >= 1);
    expect(await announced(lobby)).toEqual([{ display: '请 C001 号 到 3 号窗口办理', lang: 'zh-CN' }]);
  });
});
