import type { Page } from 'playwright-core';

/** Opens the door app and signs in, as the door staff do at the start of a shift. */
export async function openDoor(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/checkin/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('scan-code').waitFor();
}

/** A USB scanner: the code typed as fast as the browser takes keys, then Enter, into whatever has the focus. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/** Clicks one person's health-code colour and mask, as a staff member taps them on the tablet. */
export async function choose(page: Page, person: number, code: '绿码' | '黄码' | '红码', mask: '已佩戴口罩' | '现场发放口罩' | '未戴口罩'): Promise<void> {
  const fields = page.getByTestId(`person-${person}`);
  await fields.getByText(code, { exact: true }).click();
  await fields.getByText(mask, { exact: true }).click();
}
