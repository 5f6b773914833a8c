import { createApiClient, type AppointmentView } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStaff, signIn, signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { choose, openDoor, scan } from './support/door.ts';
import { useServerAndBrowser } from './support/suite.ts';

const SUITE = 'door-day';
const suite = useServerAndBrowser();
const TABLET = { width: 1280, height: 800 };

function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

let nextId = 100;
/** A visitor books on their phone beforehand (set up through the API; the door's own actions go through the page). */
async function book(name: string, slot: string, partySize = 1, mobile = '13912340000'): Promise<string> {
  const anyone = createApiClient({ baseUrl: suite.server.url });
  const id = residentId(`44030419900101${String(nextId++).padStart(3, '0')}`);
  const booked = await anyone<AppointmentView>('POST', '/api/halls/demo/appointments', { categoryId: 'demo-C', date: '2026-11-25', slot, name, mobile, idNumber: id, partySize });
  return booked.code;
}

const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName);

/** Every look-up the page sends, to prove a refused form sent nothing. */
function countLookups(page: Page): { readonly n: number } {
  const seen = { n: 0 };
  page.on('request', (request) => {
    if (request.url().endsWith('/check-ins')) seen.n++;
  });
  return seen;
}

describe('a working day at the door', () => {
  it('[A18][A3][S10][S3] the scanner is read at any moment: over a verdict, in another field; every answer leaves the scan field empty; Enter after a fever goes to the recheck', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const password = await createStaff(admin, 'door-day', 'door', '门岗小周');
    const first = await book('赵一鸣', '10:30');
    const early = await book('钱二丽', '11:30');
    const third = await book('孙三强', '10:30');

    const door = await suite.browser.newPage({ viewport: TABLET });
    await openDoor(door, suite.server.url, 'door-day', password);
    expect(await door.getByTestId('occupancy-correction').count()).toBe(0); // C3: door staff do not correct the count

    // The scanner types into the focused scan field: found, the scan field is empty, the focus is on the first code colour.
    await scan(door, first);
    await door.getByTestId('scan-notice').getByText('赵*鸣').waitFor();
    expect(await door.getByTestId('scan-notice').innerText()).toContain(first);
    expect(await door.getByTestId('scan-code').inputValue()).toBe('');
    expect(await focused(door)).toBe('code-green-0');

    // S10: an untouched form cannot pass anyone; the page says what is missing, in Chinese.
    await door.getByTestId('screen-submit').click();
    const missing = await door.getByTestId('screen-missing').innerText();
    expect(missing).toContain('请选择第1人的健康码颜色');
    expect(missing).toContain('请选择第1人是否佩戴口罩');
    expect(missing).toContain('请填写第1人的体温');
    expect(await door.getByTestId('verdict').count()).toBe(0);
    await screenshot(door, SUITE, 'door-missing');

    // S3: a high first reading; Enter goes to the recheck field, never to a denial, and an empty recheck does not submit.
    await choose(door, 0, '绿码', '已佩戴口罩');
    await door.getByTestId('temperature').fill('37.8');
    await door.getByTestId('temperature').press('Enter');
    await door.getByTestId('recheck-hint-0').getByText('请休息5分钟后复测').waitFor();
    expect(await focused(door)).toBe('recheck-0');
    await door.keyboard.press('Enter');
    expect(await focused(door)).toBe('recheck-0');
    expect(await door.getByTestId('verdict').count()).toBe(0);
    await door.keyboard.type('36.6');
    await door.keyboard.press('Enter');
    await door.getByTestId('verdict').waitFor();
    expect(await door.getByTestId('verdict').getAttribute('data-verdict')).toBe('admit');

    // While the verdict shows, the next visitor's code is scanned: the verdict closes and the code is looked up (too early).
    await scan(door, early);
    await door.getByTestId('scan-notice').getByText('来早了').waitFor();
    expect(await door.getByTestId('verdict').count()).toBe(0);
    expect(await door.getByTestId('scan-notice').innerText()).toContain(`请于 11:00 后再来（预约码 ${early}）`);
    expect(await door.getByTestId('scan-code').inputValue()).toBe('');
    expect(await focused(door)).toBe('scan-code');
    await screenshot(door, SUITE, 'door-too-early');

    // The next visitor; the staff member is typing a temperature when the first visitor's code is scanned again.
    await scan(door, third);
    await door.getByTestId('scan-notice').getByText('孙*强').waitFor();
    await choose(door, 0, '绿码', '现场发放口罩');
    await door.getByTestId('temperature').fill('36.4');
    await door.getByTestId('temperature').focus();
    await scan(door, first);
    // A3: already used, refused at look-up; the scanned keys went nowhere: the temperature is as typed, the scan field empty.
    await door.getByTestId('scan-notice').getByText('该预约已于 10:00 签到入场，不能重复使用').waitFor();
    expect(await door.getByTestId('temperature').inputValue()).toBe('36.4');
    expect(await door.getByTestId('scan-code').inputValue()).toBe('');
    expect(await door.getByTestId('walkin-name').inputValue()).toBe('孙*强');
    await screenshot(door, SUITE, 'door-already-checked-in');

    // A code that matches no appointment, scanned while the focus is on the submit button.
    await door.getByTestId('screen-submit').focus();
    await scan(door, 'ZZZZZZZZ');
    await door.getByTestId('scan-notice').getByText('预约码 ZZZZZZZZ 不存在，请核对后重新扫描').waitFor();
    expect(await door.getByTestId('scan-code').inputValue()).toBe('');
    expect(await door.getByTestId('verdict').count()).toBe(0);

    // The form for 孙三强 is still there: submit it.
    await door.getByTestId('screen-submit').click();
    await door.getByTestId('verdict').waitFor();
    expect(await door.getByTestId('verdict').getAttribute('data-verdict')).toBe('admit');
    await door.keyboard.press('Enter'); // a person's Enter on the verdict: next visitor
    await door.getByTestId('verdict').waitFor({ state: 'detached' });
    expect(await focused(door)).toBe('scan-code');
    await door.getByTestId('holding-queue').getByText('孙*强').waitFor();
    expect(await door.getByTestId('holding-queue').innerText()).toContain('赵*鸣');
  });

  it('[A3][A19] look-up by name and the last four digits of the mobile: the page names what is missing and sends nothing until it is right', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const password = await createStaff(admin, 'door-phone', 'door', '门岗小吴');
    await book('李四海', '10:30', 1, '13700005678');
    const door = await suite.browser.newPage({ viewport: TABLET });
    const lookups = countLookups(door);
    await openDoor(door, suite.server.url, 'door-phone', password);

    await door.getByTestId('lookup-last4').fill('5678');
    await door.getByTestId('lookup-last4').press('Enter');
    await door.getByTestId('scan-notice').getByText('请输入预约人姓名').waitFor();
    expect(await focused(door)).toBe('lookup-name');
    await door.getByTestId('lookup-name').fill('李四海');
    await door.getByTestId('lookup-last4').fill('56');
    await door.getByTestId('lookup-name').press('Enter');
    await door.getByTestId('scan-notice').getByText('请输入手机号后四位（4位数字）').waitFor();
    expect(lookups.n).toBe(0);

    await door.getByTestId('lookup-last4').fill('5679');
    await door.getByTestId('lookup-last4').press('Enter');
    await door.getByTestId('scan-notice').getByText('今天没有该姓名和手机后四位的预约，请核对').waitFor();
    expect(lookups.n).toBe(1);
    await door.getByTestId('lookup-last4').fill('5678');
    await door.getByTestId('lookup-last4').press('Enter');
    await door.getByTestId('scan-notice').getByText('李*海').waitFor();
    expect(lookups.n).toBe(2);
    expect(await door.getByTestId('lookup-name').inputValue()).toBe('');
    await choose(door, 0, '绿码', '已佩戴口罩');
    await door.getByTestId('temperature').fill('36.2');
    await door.getByTestId('temperature').press('Enter');
    await door.getByTestId('verdict').waitFor();
    await door.getByTestId('verdict-dismiss').click();

    // The same visitor again by name and mobile: already used.
    await door.getByTestId('lookup-name').fill('李四海');
    await door.getByTestId('lookup-last4').fill('5678');
    await door.getByTestId('lookup-last4').press('Enter');
    await door.getByTestId('scan-notice').getByText('不能重复使用').waitFor();
  });

  it('[S8][S9][S2] a supervisor sets the companions rule and next steps in the clerk console; the door admits the two who pass and turns away the one with fever, telling them where the fever clinic is', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const supervisorPassword = await createStaff(admin, 'sup-day', 'supervisor', '值班主管');
    const doorPassword = await createStaff(admin, 'door-party', 'door', '门岗小郑');
    const party = await book('周大福', '10:30', 3, '13600001111');

    const console = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await console.goto(`${suite.server.url}/clerk/#settings`);
    await console.getByTestId('login-username').fill('sup-day');
    await console.getByTestId('login-password').fill(supervisorPassword);
    await console.getByTestId('login-submit').click();
    const policy = console.getByTestId('screening-policy');
    await policy.getByTestId('companions-continue').check();
    await policy.getByTestId('next-health-code').fill('请联系所在社区，或拨打12345咨询');
    await policy.getByTestId('next-fever-clinic').fill('东城区人民医院发热门诊');
    await policy.getByTestId('next-fever-address').fill('东城路12号');
    await policy.getByTestId('next-mask-point').fill('入口左侧志愿者服务台');
    await policy.getByRole('button').click();
    await policy.getByRole('status').waitFor();
    await screenshot(console, SUITE, 'console-screening-policy');
    await console.close();

    const door = await suite.browser.newPage({ viewport: TABLET });
    await openDoor(door, suite.server.url, 'door-party', doorPassword);
    await scan(door, party);
    await door.getByTestId('scan-notice').getByText('周*福').waitFor();
    await choose(door, 0, '绿码', '已佩戴口罩');
    await door.getByTestId('temperature').fill('36.5');
    await choose(door, 1, '绿码', '已佩戴口罩');
    await door.getByTestId('temperature-1').fill('38.4');
    await door.getByTestId('temperature-1').press('Enter');
    expect(await focused(door)).toBe('recheck-1');
    await door.keyboard.type('38.3');
    await choose(door, 2, '绿码', '现场发放口罩');
    await door.getByTestId('temperature-2').fill('36.6');
    await door.getByTestId('temperature-2').press('Enter');

    const verdict = door.getByTestId('verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('partial');
    expect(await door.getByTestId('verdict-person-0').innerText()).toContain('第1人：准予入场');
    expect(await door.getByTestId('verdict-person-1').innerText()).toContain('第2人：禁止入内');
    expect(await door.getByTestId('verdict-reasons').innerText()).toContain('第2人：体温异常（发热）');
    expect(await door.getByTestId('verdict-next-steps').innerText()).toContain('请到发热门诊就诊：东城区人民医院发热门诊（东城路12号）');
    await screenshot(door, SUITE, 'door-partial');
    await door.getByTestId('verdict-dismiss').click();
    await door.getByTestId('holding-queue').getByText('周*福').waitFor();
    expect(await door.getByTestId('holding-queue').innerText()).toContain('2人');

    // A walk-in with a red code and no mask: the hall's instruction and its mask point.
    await door.getByTestId('walkin-name').fill('吴小六');
    await choose(door, 0, '红码', '未戴口罩');
    await door.getByTestId('temperature').fill('36.5');
    await door.getByTestId('screen-submit').click();
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('deny');
    const steps = await door.getByTestId('verdict-next-steps').innerText();
    expect(steps).toContain('请联系所在社区，或拨打12345咨询');
    expect(steps).toContain('请到口罩发放点领取口罩：入口左侧志愿者服务台');
    await screenshot(door, SUITE, 'door-deny-next-steps');
  });

  it('[B5][C3][A19] after a batch each ticket QR is shown large, one at a time; a supervisor corrects the count from the door app, with a reason', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const password = await createStaff(admin, 'sup-door', 'supervisor', '主管老王');
    const { token } = await signIn(suite.server.url, 'sup-door', password);
    const door = await suite.browser.newPage({ viewport: TABLET });
    await openDoor(door, suite.server.url, 'sup-door', password);

    // Whoever is still holding from the tests before goes in first; then two walk-ins.
    if (await door.getByTestId('admit-batch').isEnabled()) {
      await door.getByTestId('admit-batch').click();
      await door.getByTestId('ticket-handout').waitFor();
      await door.getByTestId('handout-done').click();
    }
    for (const name of ['冯七七', '陈八妹']) {
      await door.getByTestId('walkin-name').fill(name);
      await choose(door, 0, '绿码', '已佩戴口罩');
      await door.getByTestId('temperature').fill('36.3');
      await door.getByTestId('screen-submit').click();
      await door.getByTestId('verdict').waitFor();
      await door.keyboard.press('Enter');
    }
    await door.getByTestId('holding-queue').getByText('陈*妹').waitFor();
    await door.getByTestId('admit-batch').click();

    // B5: one ticket at a time, large, with its number and masked name; next and previous by button and arrow key.
    const handout = door.getByTestId('ticket-handout');
    await handout.waitFor();
    expect(await door.getByTestId('handout-name').innerText()).toBe('冯*七');
    expect(await door.getByTestId('handout-count').innerText()).toBe('第 1 / 2 位');
    const firstNumber = await door.getByTestId('handout-number').innerText();
    expect(firstNumber).toMatch(/^A\d{3}$/);
    const qr = handout.getByRole('img');
    expect(await qr.count()).toBe(1);
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(300);
    const firstLink = await handout.getByTestId('ticket-link').getAttribute('href');
    await screenshot(door, SUITE, 'door-ticket-handout');
    await door.getByTestId('handout-next').click();
    await door.getByTestId('handout-name').getByText('陈*妹').waitFor();
    const secondLink = await handout.getByTestId('ticket-link').getAttribute('href');
    expect(secondLink).not.toBe(firstLink);
    await door.keyboard.press('ArrowLeft');
    await door.getByTestId('handout-name').getByText('冯*七').waitFor();
    await door.keyboard.press('ArrowRight');
    await door.getByTestId('handout-count').getByText('第 2 / 2 位').waitFor();

    // What the visitor's phone opens from the QR: their own ticket.
    const phone = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(secondLink!);
    await phone.getByText((await door.getByTestId('handout-number').innerText()).trim()).first().waitFor();
    await phone.close();

    // Done closes it; the batch's list shows them again; a scan closes it and is looked up.
    await door.getByTestId('handout-done').click();
    await handout.waitFor({ state: 'detached' });
    expect(await door.getByTestId('batch-result').innerText()).toContain(firstNumber);
    await door.getByTestId('show-ticket-qr').click();
    await handout.waitFor();
    await scan(door, 'ZZZZZZZZ');
    await handout.waitFor({ state: 'detached' });
    await door.getByTestId('scan-notice').getByText('预约码 ZZZZZZZZ 不存在').waitFor();

    // C3: the supervisor counts the people inside and corrects the figure, with a reason.
    const inside = Number((await door.getByTestId('occupancy').getAttribute('aria-valuenow')) ?? '0');
    const correction = door.getByTestId('occupancy-correction');
    await correction.getByTestId('correct-reason').fill('少');
    await correction.getByTestId('correct-submit').click();
    const refused = await correction.getByTestId('correct-error').innerText();
    expect(refused).toContain('请填写实际人数');
    expect(refused).toContain('请填写原因，4–200个字');
    expect(await door.getByTestId('occupancy').getAttribute('aria-valuenow')).toBe(String(inside));
    await correction.getByTestId('correct-inside').fill(String(inside + 3));
    await correction.getByTestId('correct-reason').fill('现场清点，有三位陪同人员未扫码');
    await correction.getByTestId('correct-submit').click();
    await correction.getByTestId('correct-message').getByText(`已校正：${inside} → ${inside + 3}（已记录）`).waitFor();
    await door.getByTestId('occupancy').getByText(String(inside + 3)).waitFor();
    await screenshot(door, SUITE, 'door-supervisor-correction');
    const log = await fetch(`${suite.server.url}/api/halls/demo/entry-log.csv?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((response) => response.text());
    expect(log).toContain(`${inside} → ${inside + 3}: 现场清点，有三位陪同人员未扫码`);
  });
});
