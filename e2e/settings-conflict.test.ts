import type { LevelPresets } from '@hallflow/shared';
import type { ApiClient, AuditLogResponse, HallPolicies } from '@hallflow/shared/api';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStaff, signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

/**
 * LV1 through the pages, between two supervisors: each has the same form open
 * and changes a different field. The second one's form follows the first one's
 * save in the field it has not touched; when the first one's save lands
 * between the second one's read and its save (its request is held in the
 * network, as on a slow line, while the first one saves), the server refuses
 * the stale version (409 POLICY_CHANGED) and the form reads again and resends;
 * when the presets keep changing, the supervisor reads the catalogue's message,
 * sees the newest values beside their own edit and saves again. A form with
 * nothing changed does not save at all. Every change is made on the pages;
 * the API only reads what was stored.
 */
const SUITE = 'settings-conflict';
const suite = useServerAndBrowser();
const SECONDS = { timeout: 5_000 };
let adminApi: ApiClient | null = null;
const admin = async () => (adminApi ??= (await signInAdmin(suite.server.url)).api);
const presetsNow = async () => (await (await admin())<{ presets: LevelPresets }>('GET', '/api/halls/demo/prevention-level')).presets;

/** A new supervisor of the demo hall, signed in to the clerk console at `hash`. */
async function supervisorPage(username: string, hash: '#levels' | '#settings'): Promise<Page> {
  const password = await createStaff(await admin(), username, 'supervisor', username);
  const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${suite.server.url}/clerk/${hash}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  return page;
}

async function presetsPage(username: string): Promise<Page> {
  const page = await supervisorPage(username, '#levels');
  await page.getByTestId('levels-presets').waitFor();
  return page;
}

/** On the 防控等级 page: 加强's share of the limit at which batches start, typed and saved, as a supervisor does. */
async function saveElevatedShare(page: Page, percent: number): Promise<void> {
  const form = page.getByTestId('levels-presets');
  await form.getByTestId('preset-elevated-share').fill(String(percent));
  await form.getByTestId('presets-save').click();
  await form.getByRole('status').waitFor(SECONDS);
}

/**
 * Holds the page's saves of the presets in the network until the test lets
 * each go, and records the server's answers to them: the way to have another
 * supervisor's save land between this page's read and its save.
 */
async function holdPresetSaves(page: Page) {
  const held: Route[] = [];
  const answers: number[] = [];
  const isSave = (method: string, url: string) => method === 'PUT' && url.endsWith('/api/halls/demo/prevention-level/presets');
  page.on('response', (response) => {
    if (isSave(response.request().method(), response.url())) answers.push(response.status());
  });
  await page.route('**/api/halls/demo/prevention-level/presets', async (route) => {
    if (isSave(route.request().method(), route.request().url())) held.push(route);
    else await route.continue();
  });
  return {
    answers,
    /** The next save the page sends, once it is sent. */
    async next(): Promise<Route> {
      await expect.poll(() => held.length, SECONDS).toBeGreaterThan(0);
      return held.shift()!;
    },
    /** From now on, saves go straight through. */
    stop: () => page.unroute('**/api/halls/demo/prevention-level/presets'),
  };
}

describe('two supervisors edit the same settings', () => {
  it('[LV1][LV9] level presets: the second supervisor\'s form follows the first one\'s save in the field it has not touched, keeps its own edit, and its save stores both', async () => {
    const before = await presetsNow();
    const first = await presetsPage('presets-first');
    const second = await presetsPage('presets-second');
    const theirs = second.getByTestId('levels-presets');
    // Nothing changed yet: nothing to save.
    expect(await theirs.getByTestId('presets-save').isDisabled()).toBe(true);
    expect(await theirs.getByTestId('nothing-changed').innerText()).toBe('未作修改，无需保存');

    await theirs.getByTestId('preset-normal-temperature').click();
    expect(await theirs.getByTestId('presets-save').isEnabled()).toBe(true);
    await saveElevatedShare(first, 60);
    await expect.poll(() => theirs.getByTestId('preset-elevated-share').inputValue(), SECONDS).toBe('60');
    expect(await theirs.getByTestId('preset-normal-temperature').isChecked()).toBe(!before.normal.checks.temperatureCheck);
    expect(await theirs.getByTestId('changed-meanwhile').count()).toBe(0);

    await theirs.getByTestId('presets-save').click();
    await theirs.getByRole('status').getByText('预设已保存').waitFor(SECONDS);
    const saved = await presetsNow();
    expect(saved.elevated.batchAboveSharePercent).toBe(60);
    expect(saved.normal.checks.temperatureCheck).toBe(!before.normal.checks.temperatureCheck);
    expect(await theirs.getByTestId('presets-save').isDisabled()).toBe(true);
    await first.close();
    await second.close();
  });

  it('[LV1][LV9] level presets: the first supervisor saves while the second one\'s save is on its way; the server refuses the stale version, and the second one\'s form reads again and resends, storing both changes', async () => {
    const before = await presetsNow();
    const first = await presetsPage('presets-first-2');
    const second = await presetsPage('presets-second-2');
    const theirs = second.getByTestId('levels-presets');
    const network = await holdPresetSaves(second);

    await theirs.getByTestId('preset-normal-mask').click();
    await theirs.getByTestId('presets-save').click();
    const stale = await network.next();
    await saveElevatedShare(first, 70);
    await stale.continue();
    await network.stop();
    await theirs.getByRole('status').getByText('预设已保存').waitFor(SECONDS);
    expect(network.answers).toEqual([409, 200]);
    expect(await theirs.getByRole('alert').count()).toBe(0);
    expect(await theirs.getByTestId('preset-elevated-share').inputValue()).toBe('70');
    expect(await theirs.getByTestId('preset-normal-mask').isChecked()).toBe(!before.normal.checks.maskCheck);

    const saved = await presetsNow();
    expect(saved.elevated.batchAboveSharePercent).toBe(70);
    expect(saved.normal.checks.maskCheck).toBe(!before.normal.checks.maskCheck);
    await first.close();
    await second.close();
  });

  it('[LV1][LV9] level presets: while they keep changing under the second supervisor\'s save, it says so in Chinese from the catalogue, shows the newest values beside its own edit, and saving again stores both', async () => {
    const before = await presetsNow();
    const first = await presetsPage('presets-first-3');
    const second = await presetsPage('presets-second-3');
    const theirs = second.getByTestId('levels-presets');
    const network = await holdPresetSaves(second);

    await theirs.getByTestId('preset-normal-symptoms').click();
    await theirs.getByTestId('presets-save').click();
    // The form reads and resends twice by itself; each time the first supervisor saves again in between.
    for (const percent of [40, 45, 50]) {
      const stale = await network.next();
      await saveElevatedShare(first, percent);
      await stale.continue();
    }
    const alert = theirs.getByRole('alert');
    await alert.waitFor(SECONDS);
    expect(await alert.innerText()).toBe('此项设置刚被更改（防控等级切换或他人保存），请再保存一次');
    expect(network.answers).toEqual([409, 409, 409]);
    await expect.poll(() => theirs.getByTestId('preset-elevated-share').inputValue(), SECONDS).toBe('50');
    expect(await theirs.getByTestId('preset-normal-symptoms').isChecked()).toBe(!before.normal.checks.symptomsCheck);
    await theirs.evaluate((form) => form.scrollIntoView());
    await screenshot(second, SUITE, 'presets-changed-while-saving');

    await network.stop();
    await theirs.getByTestId('presets-save').click();
    await theirs.getByRole('status').getByText('预设已保存').waitFor(SECONDS);
    expect(await alert.count()).toBe(0);
    const saved = await presetsNow();
    expect(saved.elevated.batchAboveSharePercent).toBe(50);
    expect(saved.normal.checks.symptomsCheck).toBe(!before.normal.checks.symptomsCheck);
    await first.close();
    await second.close();
  });

  it('[LV1][C5] a settings form with nothing changed does not save: every save button is off until a field differs from the server\'s value, and Enter in the crowd settings records nothing', async () => {
    const api = await admin();
    const page = await supervisorPage('unchanged-crowd', '#settings');
    const forms = ['appointment-settings', 'screening-policy', 'opening-hours', 'crowd-settings', 'calling-policy'].map((id) => page.getByTestId(id));
    const saveOf = (form: (typeof forms)[number]) => form.getByRole('button', { name: '保存', exact: true });
    const crowd = page.getByTestId('crowd-settings');
    await crowd.waitFor();
    expect(await Promise.all(forms.map((form) => saveOf(form).isDisabled()))).toEqual(forms.map(() => true));

    const sent: unknown[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().endsWith('/crowd-config')) sent.push(request.postDataJSON());
    });
    const recorded = async () => (await api<AuditLogResponse>('GET', '/api/audit-log?hallId=demo&action=updateCrowdConfig')).entries;
    const earlier = (await recorded()).length;
    const { batchSize } = (await api<HallPolicies>('GET', '/api/halls/demo/policies')).capacity;
    await crowd.getByTestId('batch-size').press('Enter');
    // Typing the same value again is no change either.
    await crowd.getByTestId('batch-size').fill(String(batchSize + 1));
    expect(await saveOf(crowd).isEnabled()).toBe(true);
    await crowd.getByTestId('batch-size').fill(String(batchSize));
    expect(await saveOf(crowd).isDisabled()).toBe(true);
    await crowd.getByTestId('batch-size').press('Enter');

    await crowd.getByTestId('batch-size').fill(String(batchSize + 1));
    await saveOf(crowd).click();
    await crowd.getByRole('status').waitFor(SECONDS);
    expect(await saveOf(crowd).isDisabled()).toBe(true);
    // Only the real change was sent, with the one field changed (C5), and recorded.
    expect(sent).toEqual([{ batchSize: batchSize + 1, crowd: {} }]);
    expect((await recorded()).length).toBe(earlier + 1);
    expect((await api<HallPolicies>('GET', '/api/halls/demo/policies')).capacity.batchSize).toBe(batchSize + 1);
    await page.close();
  });
});
