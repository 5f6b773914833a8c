import type { AppointmentView } from '@hallflow/shared/api';
import { createApiClient } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { publishScreenshot, screenshot } from './support/browser.ts';
import { watchProblems } from './support/console.ts';
import { useServerAndBrowser } from './support/suite.ts';

const SUITE = 'booking';
const suite = useServerAndBrowser();

function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

const phone = () => suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** Counts the booking requests a page sends (checks in the page must stop wrong input before any). */
function countPosts(page: Page, path: RegExp): () => number {
  let sent = 0;
  page.on('request', (request) => void (request.method() === 'POST' && path.test(new URL(request.url()).pathname) && sent++));
  return () => sent;
}

async function bookByApi(over: Record<string, unknown>): Promise<AppointmentView> {
  const api = createApiClient({ baseUrl: suite.server.url });
  return api<AppointmentView>('POST', '/api/halls/demo/appointments', { categoryId: 'demo-C', date: '2026-11-25', slot: '11:00', name: '王预约', partySize: 1, ...over });
}

describe('booking on a phone', () => {
  it('[A20][A21] nothing is chosen first; a wrong mobile and a long name are refused before sending; the confirmation names everything and keeps its address through reload and Back', async () => {
    const page = await phone();
    const problems = watchProblems(page);
    const booked = countPosts(page, /\/appointments$/);
    await page.goto(`${suite.server.url}/checkin/book`);
    await page.getByTestId('find-link').waitFor();
    expect(await page.getByTestId('book-service').inputValue()).toBe('');
    await page.getByTestId('book-slot').getByText('请先选择办理事项').waitFor();
    await page.getByTestId('booking-level').waitFor(); // as a visitor reads the rules before booking

    // Sent untouched: every missing part is named, nothing leaves the page.
    await page.getByTestId('book-submit').click();
    const alert = page.getByTestId('book-problems');
    expect(await alert.innerText()).toMatch(/请选择办理事项[\s\S]*请选择预约时段[\s\S]*请填写姓名[\s\S]*11位手机号[\s\S]*身份证号/);
    await page.getByTestId('book-service').selectOption({ label: '社会保障卡申领 Social security card' });
    await page.getByRole('radio', { name: /^10:30/ }).check();
    const longName = '欧阳'.repeat(21); // 42 characters: one too many is refused, not cut
    await page.getByTestId('book-name').fill(longName);
    await page.getByTestId('book-mobile').fill('12345');
    await page.getByTestId('book-id').fill(residentId('44030419850612013'));
    await page.getByTestId('book-submit').click();
    await alert.getByText('姓名最多40个字').waitFor();
    expect(await alert.innerText()).toContain('请输入11位手机号');
    expect(await page.getByTestId('book-name').inputValue()).toBe(longName);
    await screenshot(page, SUITE, 'book-refused');
    expect(booked()).toBe(0);

    await page.getByTestId('book-name').fill('陈大文');
    await page.getByTestId('book-mobile').fill('13912345678');
    await alert.waitFor({ state: 'detached' });
    await page.getByTestId('book-submit').click();
    const confirmation = page.getByTestId('booking-confirmation');
    await confirmation.waitFor();
    expect(booked()).toBe(1);
    const code = await page.getByTestId('booking-code').innerText();
    expect(new URL(page.url()).searchParams.get('appointment')).toBe(code);
    expect(await confirmation.getByRole('heading').first().innerText()).toContain('预约成功');
    expect(await page.getByTestId('booking-service').innerText()).toContain('社会保障卡申领');
    expect(await page.getByTestId('booking-hall').innerText()).toContain('市民服务中心 · 人民路100号');
    expect(await page.getByTestId('booking-date').innerText()).toContain('2026年11月25日 星期三');
    expect(await page.getByTestId('booking-time').innerText()).toBe('10:30–11:00');
    expect(await page.getByTestId('booking-arrive').innerText()).toContain('请于 10:00–10:45 到大厅入口签到');
    expect(await page.getByTestId('booking-materials').innerText()).toMatch(/本人身份证原件[\s\S]*近期免冠照片/);
    expect(await page.getByTestId('booking-rules').innerText()).toContain('体温');
    await publishScreenshot(page, SUITE, 'booking-confirmed', { fullPage: true });

    // The confirmation is a page of its own: a reload shows it again.
    await page.reload();
    await page.getByTestId('booking-code').getByText(code).waitFor();
    // To the change page and Back: the confirmation again; Back once more: the form.
    await page.getByTestId('manage-link').click();
    await page.getByTestId('manage-current').waitFor();
    await page.goBack();
    await page.getByTestId('booking-code').getByText(code).waitFor();
    await page.goBack();
    await page.getByTestId('book-service').waitFor();
    expect(booked()).toBe(1);
    expect(problems.problems.filter((problem) => !problem.includes('favicon'))).toEqual([]);
  });

  it('[A20][A14][A4] the change page starts at the current time; cancelling asks first, and "keep it" keeps it', async () => {
    const appointment = await bookByApi({ mobile: '13712340808', idNumber: residentId('44030419880808016') });
    const page = await phone();
    await page.goto(`${suite.server.url}/checkin/book?hall=demo&code=${appointment.code}`);
    const current = page.getByRole('radio', { name: /^11:00/ });
    await current.waitFor({ state: 'attached' });
    await expect.poll(() => current.isChecked()).toBe(true);
    expect(await page.locator('label.slot.current').innerText()).toContain('当前');
    expect(await page.getByTestId('manage-reschedule').isDisabled()).toBe(true); // moving to where it is makes no sense
    await screenshot(page, SUITE, 'manage-current-slot');

    await page.getByTestId('manage-last4').fill('0808');
    await page.getByRole('radio', { name: /^11:30/ }).check();
    await page.getByTestId('manage-reschedule').click();
    await page.getByTestId('booking-confirmation').getByText('改约成功').waitFor();
    expect(await page.getByTestId('booking-time').innerText()).toBe('11:30–12:00');

    await page.getByTestId('manage-link').click();
    await page.getByTestId('manage-last4').fill('0808');
    await page.getByTestId('manage-cancel').click();
    const ask = page.getByTestId('manage-cancel-confirmation');
    expect(await ask.innerText()).toContain('确定要取消 2026年11月25日 星期三 11:30 的预约吗');
    await screenshot(page, SUITE, 'manage-cancel-confirm');
    await page.getByTestId('manage-cancel-no').click();
    await ask.waitFor({ state: 'detached' });
    const api = createApiClient({ baseUrl: suite.server.url });
    expect((await api<AppointmentView>('GET', `/api/appointments/${appointment.code}`)).status).toBe('booked');

    await page.getByTestId('manage-cancel').click();
    await page.getByTestId('manage-cancel-yes').click();
    await page.getByTestId('manage-cancelled').waitFor();
    expect((await api<AppointmentView>('GET', `/api/appointments/${appointment.code}`)).status).toBe('cancelled');
  });

  it('[A22][A21] find my booking by the full ID number and mobile: a short mobile is refused in the page, a wrong one finds nothing, the right pair lists the bookings', async () => {
    const idNumber = residentId('44030419900101027');
    const first = await bookByApi({ mobile: '13655556666', idNumber, slot: '14:00' });
    const second = await bookByApi({ mobile: '13655556666', idNumber, date: '2026-11-26', slot: '09:30', categoryId: 'demo-E' });
    await bookByApi({ mobile: '13655556666', idNumber: residentId('44030419900101035'), slot: '14:00' }); // someone else on the same phone
    const page = await phone();
    const sent = countPosts(page, /\/appointments\/find$/);
    await page.goto(`${suite.server.url}/checkin/book`);
    await page.getByTestId('find-link').click();
    expect(new URL(page.url()).searchParams.has('find')).toBe(true);

    await page.getByTestId('find-id').fill(idNumber);
    await page.getByTestId('find-mobile').fill('12345');
    await page.getByTestId('find-submit').click();
    await page.getByTestId('find-problems').getByText('请输入11位手机号').waitFor();
    expect(sent()).toBe(0);

    await page.getByTestId('find-mobile').fill('13655550000');
    await page.getByTestId('find-submit').click();
    await page.getByTestId('find-none').waitFor();

    await page.getByTestId('find-mobile').fill('13655556666');
    await page.getByTestId('find-submit').click();
    await expect.poll(() => page.getByTestId('find-result').count()).toBe(2);
    const results = await page.getByTestId('find-results').innerText();
    expect(results).toMatch(new RegExp(`2026年11月25日 星期三 14:00[\\s\\S]*${first.code}[\\s\\S]*2026年11月26日 星期四 09:30[\\s\\S]*${second.code}`));
    expect(results).not.toContain(idNumber);
    await publishScreenshot(page, SUITE, 'booking-find', { fullPage: true });
    await page.getByTestId('find-view').first().click();
    await page.getByTestId('booking-code').getByText(first.code).waitFor();
    expect(sent()).toBe(2);
  });
});
