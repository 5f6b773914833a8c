import type { ScreenVisitorResponse } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStaff, signIn, signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { createHall, createHallStaff, pairScreen } from './support/halls.ts';
import { cutOff, SCREEN_SIZES } from './support/layout.ts';
import { useServerAndBrowser } from './support/suite.ts';

const SUITE = 'hours-diversion';
const suite = useServerAndBrowser();
const green = { healthCode: 'green', temperature: 36.4, mask: true, symptoms: { fever: false, cough: false, other: false } };

async function signInPage(page: Page, path: string, username: string, password: string) {
  await page.goto(`${suite.server.url}${path}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('opening hours and diversion, as staff and visitors meet them', () => {
  it('[H5][H9][A1] the hall settings carry the official calendar; a day of two sessions offers no time between them', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    await createHall(admin, { id: 'split', name: '分时段中心', categories: { A: ['综合受理', 'General'] }, windows: { 1: ['A'] } });
    const password = await createHallStaff(admin, 'split', 'split-sup', 'supervisor', '分时段主管');
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInPage(page, '/clerk/#settings', 'split-sup', password);
    const hours = page.getByTestId('opening-hours');
    // H5: the shipped calendar is the hall's default, editable here.
    await expect.poll(() => hours.getByTestId('hours-holidays').inputValue()).toContain('2026-10-01');
    expect(await hours.getByTestId('hours-holidays').inputValue()).toContain('2027-02-07');
    expect(await hours.getByTestId('hours-makeup').inputValue()).toContain('2026-10-10');
    await hours.getByTestId('hours-wed').fill('08:30-12:00, 14:00-17:30');
    await hours.getByRole('button', { name: '保存' }).click();
    await hours.getByRole('status').waitFor();
    await screenshot(page, SUITE, 'hours-settings');

    // H9, A1: today (Wednesday) a visitor is offered the morning and the afternoon, nothing in between.
    const phone = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${suite.server.url}/checkin/book?hall=split`);
    await phone.getByTestId('book-service').selectOption({ label: '综合受理（其他事项）Other General' });
    await phone.getByRole('radio', { name: /^14:00/ }).waitFor({ state: 'attached' });
    const times = await phone.getByTestId('book-slot').getByRole('radio').evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).value));
    expect(times).toContain('11:30');
    expect(times.filter((time) => time >= '12:00' && time < '14:00')).toEqual([]);
  });

  it('[D1][D2][D3][L12] when the hall is full the door names the other halls open now, with their own wait, then those opening later today, and this hall\'s later free times', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    await createHall(admin, { id: 'nearby', name: '邻近分中心', categories: { A: ['社保医保', 'Social insurance'] }, windows: { 1: ['A'] } });
    await admin('POST', '/api/halls/nearby/windows/nearby-w1/open');
    for (let i = 0; i < 2; i++) await admin('POST', '/api/halls/nearby/tickets', { categoryId: 'nearby-A' });
    // D3: a hall offering the service that opens at 11:00 today (its staff from 10:30) is named after those open now, with that time.
    await createHall(admin, { id: 'later', name: '晚开分中心', categories: { A: ['社保医保', 'Social insurance'] }, windows: { 1: ['A'] } });
    const laterHours = await admin<{ hours: { weekly: Record<string, unknown> } }>('GET', '/api/halls/later/policies');
    await admin('PUT', '/api/halls/later/hours', { ...laterHours.hours, weekly: { ...laterHours.hours.weekly, wed: [{ open: '11:00', close: '17:30' }] } });
    // The demo hall fills up with one visitor of 社保医保.
    const supervisorPassword = await createStaff(admin, 'divert-sup', 'supervisor');
    const { api: supervisor } = await signIn(suite.server.url, 'divert-sup', supervisorPassword);
    await supervisor('PUT', '/api/halls/demo/crowd-config', { maxOccupancy: 1, staffOnFloor: 0 });
    const screened = await supervisor<ScreenVisitorResponse>('POST', '/api/halls/demo/screenings', { name: '满员者', categoryId: 'demo-C', people: [green] });
    expect(screened.admitted).toBe(true);
    await supervisor('POST', '/api/halls/demo/batches');
    await supervisor('POST', '/api/halls/demo/screenings', { name: '等候者', categoryId: 'demo-C', people: [green] });

    const door = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInPage(door, '/checkin/', 'divert-sup', supervisorPassword);
    await door.getByTestId('hall-full').waitFor();
    const suggestions = door.getByTestId('diversion');
    await suggestions.getByText('邻近分中心').waitFor();
    expect(await suggestions.innerText()).toContain('约等 30 分钟'); // 2 waiting, one window, 10 minutes a case so far (E2)
    await suggestions.getByText('晚开分中心').waitFor();
    expect(await suggestions.innerText()).toMatch(/邻近分中心[\s\S]*晚开分中心[^\n]*10:30 起可取号/);
    expect(await door.getByTestId('later-slots').innerText()).toMatch(/2026年11月25日 星期三 10:30（余\d+）/);
    await screenshot(door, SUITE, 'door-full-diversion');
    // The outdoor screen says the same to those still outside (D2, D3).
    const outdoor = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await outdoor.goto(`${suite.server.url}/display/outdoor?device=${await pairScreen(admin, 'demo', 'outdoor')}&voice=off`);
    const outside = outdoor.getByTestId('outdoor-diversion');
    await outside.getByText('晚开分中心').waitFor();
    expect(await outside.innerText()).toMatch(/邻近分中心[\s\S]*约等 30 分钟[\s\S]*晚开分中心[\s\S]*10:30 起可取号/);
    await screenshot(outdoor, SUITE, 'outdoor-full-diversion');
    // L12: with the suggestions shown, the outdoor screen still fits whole at every size a hall's screen comes in.
    for (const size of SCREEN_SIZES) {
      await outdoor.setViewportSize(size);
      expect(await cutOff(outdoor), `${size.width}×${size.height}`).toEqual([]);
    }
    await outdoor.setViewportSize({ width: 1080, height: 1920 });
    await screenshot(outdoor, SUITE, 'outdoor-full-diversion-portrait');
    await supervisor('PUT', '/api/halls/demo/crowd-config', { maxOccupancy: null, staffOnFloor: 6 });
  });
});
