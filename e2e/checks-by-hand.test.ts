import type { LevelPresets } from '@hallflow/shared';
import { describe, expect, it } from 'vitest';
import { createStaff, signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { openDoor } from './support/door.ts';
import { useServerAndBrowser } from './support/suite.ts';

/**
 * LV10 through the pages: a supervisor switches on a check by hand in the
 * clerk console's hall settings, and the door follows within seconds, for
 * the party already holding (需复检 with that check) and for the next visitor
 * (the form asks it). The level and its presets are set through the API; the
 * door's screening, the switch and the re-check go through the pages.
 */
const SUITE = 'checks-by-hand';
const suite = useServerAndBrowser();
const SECONDS = { timeout: 5_000 };

describe('the checks in force, switched by hand in the hall settings', () => {
  it('[LV10][LV1][LV2] a supervisor switches the symptom check on: the party the door let into holding without it shows 需复检：症状, the next visitor is asked about symptoms, and the re-check asks symptoms only', async () => {
    const { api } = await signInAdmin(suite.server.url);
    // Set-up: 加强 (temperature and mask, no symptoms) admitting by batch and taking walk-ins, so a walk-in holds.
    const presets = (await api<{ presets: LevelPresets }>('GET', '/api/halls/demo/prevention-level')).presets;
    await api('PUT', '/api/halls/demo/prevention-level/presets', { ...presets, elevated: { ...presets.elevated, admission: 'batches', walkIns: 'welcome' } });
    await api('POST', '/api/prevention-levels', { target: { hallId: 'demo' }, level: 'elevated', reason: '周边出现病例' });
    const doorPassword = await createStaff(api, 'hand-door', 'door', '门岗小刘');
    const supervisorPassword = await createStaff(api, 'hand-supervisor', 'supervisor', '值班主管');

    // The door screens a walk-in as door staff do: name, mask, temperature, Enter. No symptom is asked at 加强.
    const door = await suite.browser.newPage({ viewport: { width: 1280, height: 900 }, hasTouch: true });
    await openDoor(door, suite.server.url, 'hand-door', doorPassword);
    await door.getByTestId('walkin-name').fill('赵春燕');
    await door.getByTestId('temperature').waitFor();
    expect(await door.getByTestId('symptoms-0').count()).toBe(0);
    await door.getByTestId('person-0').getByText('已佩戴口罩', { exact: true }).click();
    await door.getByTestId('temperature').fill('36.5');
    await door.getByTestId('temperature').press('Enter');
    expect(await door.getByTestId('verdict').getAttribute('data-verdict')).toBe('admit');
    await door.getByTestId('verdict-dismiss').click();
    const party = door.getByTestId('holding-party').filter({ hasText: '赵*燕' });
    await party.waitFor();
    expect(await party.getByTestId('recheck-badge').count()).toBe(0);

    // The supervisor finds the four checks in force in the hall settings, as 加强 set them, and switches symptoms on.
    const console = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await console.goto(`${suite.server.url}/clerk/#settings`);
    await console.getByTestId('login-username').fill('hand-supervisor');
    await console.getByTestId('login-password').fill(supervisorPassword);
    await console.getByTestId('login-submit').click();
    const checks = console.getByTestId('screening-policy').getByTestId('checks-in-force');
    await checks.waitFor();
    const switches = { code: checks.getByTestId('health-code-required'), temperature: checks.getByTestId('temperature-required'), mask: checks.getByTestId('mask-required'), symptoms: checks.getByTestId('symptoms-required') };
    expect([await switches.code.isChecked(), await switches.temperature.isChecked(), await switches.mask.isChecked(), await switches.symptoms.isChecked()]).toEqual([false, true, true, false]);
    await checks.getByText('入场须询问有无发热、咳嗽等症状').click();
    expect(await switches.symptoms.isChecked()).toBe(true);
    await console.getByTestId('screening-policy').getByRole('button', { name: '保存' }).click();
    await console.getByTestId('screening-policy').getByRole('status').waitFor();
    await console.getByTestId('screening-policy').evaluate((form) => form.scrollIntoView());
    await screenshot(console, SUITE, 'console-checks-in-force');
    // The same switches in English, from the console's catalogue.
    await console.getByRole('button', { name: 'English', exact: true }).click();
    await checks.getByText('Visitors are asked about fever, cough and other symptoms').waitFor();
    await checks.getByText('The temperature is taken at the door').waitFor();

    // The door, without a reload: the holding party is marked for the symptoms it was never asked about.
    const badge = party.getByTestId('recheck-badge');
    await badge.waitFor(SECONDS);
    expect(await badge.innerText()).toBe('需复检：症状');
    // LV2: the next visitor's form now asks about symptoms.
    await door.getByTestId('symptoms-0').waitFor(SECONDS);
    await screenshot(door, SUITE, 'door-recheck-after-hand-edit');

    // The re-check asks the symptoms only; nothing ticked, the party passes and keeps its place.
    await party.getByTestId('recheck-open').click();
    const form = door.getByTestId('recheck-form');
    await form.getByTestId('cough-0').waitFor();
    expect(await form.getByTestId('temperature').count()).toBe(0);
    expect(await form.getByTestId('mask-own-0').count()).toBe(0);
    expect(await form.getByTestId('code-green-0').count()).toBe(0);
    await form.getByTestId('recheck-submit').click();
    await door.getByTestId('recheck-outcome').getByText('赵*燕 复检通过，原位候场').waitFor();
    await expect.poll(() => party.getByTestId('recheck-badge').count(), SECONDS).toBe(0);
    await console.close();
    await door.close();
  });

  it('[LV1][LV10] the hall settings follow a level switch made while they are open: the four switches move with it, and saving the threshold afterwards keeps the new level\'s checks', async () => {
    const { api } = await signInAdmin(suite.server.url);
    await api('POST', '/api/prevention-levels', { target: { hallId: 'demo' }, level: 'strict', reason: '辖区出现确诊' });
    const supervisorPassword = await createStaff(api, 'open-supervisor', 'supervisor', '设置主管');
    const console = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await console.goto(`${suite.server.url}/clerk/#settings`);
    await console.getByTestId('login-username').fill('open-supervisor');
    await console.getByTestId('login-password').fill(supervisorPassword);
    await console.getByTestId('login-submit').click();
    const form = console.getByTestId('screening-policy');
    const switches = ['health-code-required', 'temperature-required', 'mask-required', 'symptoms-required'].map((id) => form.getByTestId(id));
    const shown = () => Promise.all(switches.map((box) => box.isChecked()));
    await form.waitFor();
    expect(await shown()).toEqual([true, true, true, true]);

    // Someone else relaxes the hall to 加强 (temperature and mask) while the page is open.
    await api('POST', '/api/prevention-levels', { target: { hallId: 'demo' }, level: 'elevated', reason: '疫情趋缓' });
    await expect.poll(shown, SECONDS).toEqual([false, true, true, false]);
    await form.getByTestId('fever-threshold').fill('37.5');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('status').waitFor();
    const saved = await api<{ feverThresholdC: number; healthCodeRequired: boolean; temperatureRequired: boolean; maskRequired: boolean; symptomsRequired: boolean }>('GET', '/api/halls/demo/screening-policy');
    expect(saved).toMatchObject({ feverThresholdC: 37.5, healthCodeRequired: false, temperatureRequired: true, maskRequired: true, symptomsRequired: false });
    await console.close();
  });
});
