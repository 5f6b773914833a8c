import type { AppointmentSettings, LevelPresets, ScreeningPolicy } from '@hallflow/shared';
import type { ApiClient, HallPolicies } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStaff, signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

/**
 * LV1 through the pages: a supervisor has the clerk console's hall settings
 * open while the hall's level is switched by someone else (through the API
 * here). Each form that holds a field a level switch writes — walk-ins in the
 * appointment settings, the admission mode behind the crowd form, the
 * extension of the opening hours — follows the switch in the fields nobody
 * touched, keeps a field being edited, and saving another field afterwards
 * keeps what the level wrote.
 */
const SUITE = 'settings-live';
const suite = useServerAndBrowser();
const SECONDS = { timeout: 5_000 };

/** The hall at 严格 (appointments only, batches, every check), and a supervisor's console open on the hall settings. */
async function openSettings(username: string): Promise<{ api: ApiClient; page: Page }> {
  const { api } = await signInAdmin(suite.server.url);
  await api('POST', '/api/prevention-levels', { target: { hallId: 'demo' }, level: 'strict', reason: '辖区出现确诊' });
  const password = await createStaff(api, username, 'supervisor', '设置主管');
  const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${suite.server.url}/clerk/#settings`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('settings').waitFor();
  return { api, page };
}

const relax = (api: ApiClient) => api('POST', '/api/prevention-levels', { target: { hallId: 'demo' }, level: 'elevated', reason: '疫情趋缓' });

describe('the hall settings follow a level switch made while they are open', () => {
  it('[LV1][A12] appointment settings: after a switch to 常态, saving the places keeps the level\'s walk-in policy, and the walk-ins field shows it in both languages', async () => {
    const { api, page } = await openSettings('live-appointments');
    const form = page.getByTestId('appointment-settings');
    // The demo hall's 严格 takes walk-ins on a free place; 常态 welcomes them with no place at all.
    expect(await form.getByTestId('walk-ins').inputValue()).toBe('on_site_if_free');

    await api('POST', '/api/prevention-levels', { target: { hallId: 'demo' }, level: 'normal', reason: '恢复常态' });
    await form.getByTestId('places-per-slot').fill('12');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('status').waitFor();
    const saved = await api<AppointmentSettings>('GET', '/api/halls/demo/appointment-settings');
    expect(saved).toMatchObject({ walkIns: 'welcome', placesPerSlot: 12 });
    await expect.poll(() => form.getByTestId('walk-ins').inputValue(), SECONDS).toBe('welcome');
    expect(await form.getByTestId('places-per-slot').inputValue()).toBe('12');
    expect(await form.getByTestId('walk-ins').locator('option:checked').innerText()).toBe('欢迎现场办理（无需名额）');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    expect(await form.getByTestId('walk-ins').locator('option:checked').innerText()).toBe('Welcome (no place needed)');
    await page.close();
  });

  it('[LV1][LV3][C5] crowd settings: after a switch to 加强, saving the batch size keeps the level\'s admission by batches above 80 % of the limit', async () => {
    const { api, page } = await openSettings('live-crowd');
    const form = page.getByTestId('crowd-settings');
    await form.waitFor();
    const before = await api<HallPolicies>('GET', '/api/halls/demo/policies');
    expect(before.crowd).toMatchObject({ admission: 'batches', batchAboveSharePercent: 100 });

    await relax(api);
    await form.getByTestId('batch-size').fill(String(before.capacity.batchSize + 3));
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('status').waitFor();
    const saved = await api<HallPolicies>('GET', '/api/halls/demo/policies');
    expect(saved.crowd).toMatchObject({ admission: 'batches_above_share', batchAboveSharePercent: 80 });
    expect(saved.capacity.batchSize).toBe(before.capacity.batchSize + 3);
    await page.close();
  });

  it('[LV1][H2] opening hours: after a switch to a level whose preset sets the extended hours, saving the last-ticket minutes keeps the level\'s extension, and the field shows it', async () => {
    const { api, page } = await openSettings('live-hours');
    const presets = (await api<{ presets: LevelPresets }>('GET', '/api/halls/demo/prevention-level')).presets;
    await api('PUT', '/api/halls/demo/prevention-level/presets', { ...presets, elevated: { ...presets.elevated, extendedMinutes: 45 } });
    const form = page.getByTestId('opening-hours');
    await form.waitFor();
    const before = (await api<HallPolicies>('GET', '/api/halls/demo/policies')).hours;
    expect(before.extendedMinutes).not.toBe(45);
    expect(await form.getByTestId('extended-minutes').inputValue()).toBe(String(before.extendedMinutes));

    await relax(api);
    await form.getByTestId('last-ticket-minutes').fill('20');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('status').waitFor();
    const saved = (await api<HallPolicies>('GET', '/api/halls/demo/policies')).hours;
    expect(saved).toMatchObject({ extendedMinutes: 45, lastTicketMinutes: 20 });
    await expect.poll(() => form.getByTestId('extended-minutes').inputValue(), SECONDS).toBe('45');
    await page.close();
  });

  it('[LV1][LV10] a switch being edited does not jump: the checks 加强 changes follow it, the one the supervisor unticked stays unticked, and the save stores both', async () => {
    const { api, page } = await openSettings('live-editing');
    const form = page.getByTestId('screening-policy');
    const switches = ['health-code-required', 'temperature-required', 'mask-required', 'symptoms-required'].map((id) => form.getByTestId(id));
    const shown = () => Promise.all(switches.map((box) => box.isChecked()));
    await form.waitFor();
    expect(await shown()).toEqual([true, true, true, true]);
    // The supervisor unticks the mask check, and before they save, 加强 (temperature and mask) is switched on.
    await form.getByTestId('mask-required').uncheck();
    await relax(api);
    await expect.poll(shown, SECONDS).toEqual([false, true, false, false]);
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('status').waitFor();
    const saved = await api<ScreeningPolicy>('GET', '/api/halls/demo/screening-policy');
    expect(saved).toMatchObject({ healthCodeRequired: false, temperatureRequired: true, maskRequired: false, symptomsRequired: false });
    await page.close();
  });

  it('[LV1][A12] a field the switch changed while the supervisor was changing it keeps their choice, the form says so in Chinese and English, and the save stores their choice', async () => {
    const { api, page } = await openSettings('live-clash');
    const form = page.getByTestId('appointment-settings');
    // The supervisor chooses appointments only, and before they save, 常态 (walk-ins welcome) is switched on.
    await form.getByTestId('walk-ins').selectOption('appointment_only');
    expect(await form.getByTestId('changed-meanwhile').count()).toBe(0);
    await api('POST', '/api/prevention-levels', { target: { hallId: 'demo' }, level: 'normal', reason: '恢复常态' });
    const notice = form.getByTestId('changed-meanwhile');
    await notice.waitFor(SECONDS);
    expect(await notice.innerText()).toContain('保存将以您的修改为准');
    expect(await form.getByTestId('walk-ins').inputValue()).toBe('appointment_only');
    await form.evaluate((element) => element.scrollIntoView());
    await screenshot(page, SUITE, 'appointments-changed-meanwhile');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    expect(await notice.innerText()).toContain('saving keeps your change');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').waitFor();
    expect(await notice.count()).toBe(0);
    expect(await api<AppointmentSettings>('GET', '/api/halls/demo/appointment-settings')).toMatchObject({ walkIns: 'appointment_only' });
    await page.close();
  });
});
