import { createApiClient, type AppointmentView } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { createStaff, signInAdmin } from './support/api.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { fakeCameraArgs, qrCameraFile } from './support/fake-camera.ts';
import { choose, openDoor } from './support/door.ts';
import { useServerAndBrowser } from './support/suite.ts';

const SUITE = 'door';
const suite = useServerAndBrowser();

function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

async function bookOnPhone(name: string, idNumber: string, partySize: number): Promise<string> {
  const phone = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(`${suite.server.url}/checkin/book`);
  await phone.getByTestId('book-service').selectOption({ label: '社会保障卡申领 Social security card' });
  await phone.getByText('10:30').waitFor();
  await phone.getByTestId('book-name').fill(name);
  await phone.getByTestId('book-mobile').fill('13912345678');
  await phone.getByTestId('book-id').fill(idNumber);
  await phone.getByTestId('book-party').selectOption(String(partySize));
  await screenshot(phone, SUITE, `book-form-${partySize}`);
  await phone.getByTestId('book-submit').click();
  await phone.getByTestId('booking-materials').getByText('近期免冠照片').waitFor(); // what this service needs
  await screenshot(phone, SUITE, `book-confirmed-${partySize}`);
  const code = await phone.getByTestId('booking-code').innerText();
  expect(await phone.getByTestId('booking-arrive').innerText()).toContain('10:00–10:45'); // the hall's check-in window for 10:30
  await phone.close();
  return code;
}

describe('the door, from booking to verdict', () => {
  it('[A1][A3][S1][S2] book on a phone (by code, or by name and mobile) → the door scans the code → screening → ADMIT; a red-code party → DENY with the reason', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const password = await createStaff(admin, 'door-e2e', 'door', '门岗');
    const greenCode = await bookOnPhone('陈大文', residentId('44030419850612003'), 2);
    const redCode = await bookOnPhone('林小红', residentId('44030419920101004'), 1);

    const door = await suite.browser.newPage({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    await door.goto(`${suite.server.url}/checkin/`);
    await door.getByTestId('login-username').fill('door-e2e');
    await door.getByTestId('login-password').fill(password);
    await door.getByTestId('login-submit').click();

    // Interaction 1: the USB scanner types the code and Enter.
    await door.getByTestId('scan-code').pressSequentially(greenCode);
    await door.getByTestId('scan-code').press('Enter');
    await door.getByTestId('scan-notice').getByText('陈*文').waitFor();
    expect(await door.getByTestId('walkin-name').inputValue()).toBe('陈*文');
    // Interaction 2: each person's code colour and mask (nothing is chosen beforehand), and temperatures.
    await choose(door, 0, '绿码', '已佩戴口罩');
    await choose(door, 1, '绿码', '现场发放口罩');
    await door.getByTestId('temperature').fill('36.5');
    await door.getByTestId('temperature-1').fill('36.7');
    await screenshot(door, SUITE, 'door-scanned');
    // Interaction 3: submit.
    await door.getByTestId('temperature-1').press('Enter');
    await door.getByTestId('verdict').waitFor();
    expect(await door.getByTestId('verdict').getAttribute('data-verdict')).toBe('admit');
    await screenshot(door, SUITE, 'door-admit');
    await door.getByTestId('verdict-dismiss').click();
    await door.getByTestId('holding-queue').getByText('陈*文').waitFor();

    // The second visitor forgot the code: name and the last four digits of the mobile.
    expect(redCode).toMatch(/^[A-Z2-9]{8}$/);
    await door.getByTestId('lookup-name').fill('林小红');
    await door.getByTestId('lookup-last4').fill('5678');
    await door.getByTestId('lookup-last4').press('Enter');
    await door.getByTestId('scan-notice').getByText('林*红').waitFor();
    await choose(door, 0, '红码', '已佩戴口罩');
    await door.getByTestId('temperature').fill('36.4');
    await door.getByTestId('screen-submit').click();
    await door.getByTestId('verdict').waitFor();
    expect(await door.getByTestId('verdict').getAttribute('data-verdict')).toBe('deny');
    expect(await door.getByTestId('verdict-reasons').innerText()).toContain('健康码为红码');
    await screenshot(door, SUITE, 'door-deny');
  });

  it('[A14][A15][S3] the visitor moves the booking on the phone (same code); the door reads the QR with the tablet camera; a high reading is rechecked → ADMIT', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const password = await createStaff(admin, 'door-camera', 'door', '门岗二');
    const anyone = createApiClient({ baseUrl: suite.server.url });
    const booked = await anyone<AppointmentView>('POST', '/api/halls/demo/appointments', {
      categoryId: 'demo-C',
      date: '2026-11-25',
      slot: '11:00',
      name: '周晓明',
      mobile: '13712340909',
      idNumber: residentId('44030419880808005'),
      partySize: 1,
    });

    // A city with two halls: the booking page asks which one, and offers that hall's services.
    await admin('POST', '/api/halls', { id: 'east', name: '东区分中心', nameEn: 'East Branch', floorAreaM2: 300, areaPerPersonM2: 10, staffOnFloor: 4, holdingCapacity: 20, batchSize: 6 });
    await admin('POST', '/api/halls/east/categories', { prefix: 'H', name: '出入境', nameEn: 'Exit and entry' });
    const chooser = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await chooser.goto(`${suite.server.url}/checkin/book`);
    await chooser.getByTestId('book-hall').selectOption({ label: '东区分中心 East Branch' });
    await chooser.getByTestId('book-service').getByText('出入境（其他事项）Other Exit and entry').waitFor({ state: 'attached' });
    expect(new URL(chooser.url()).searchParams.get('hall')).toBe('east');
    await chooser.close();

    // On the phone: the change link of the confirmation; the visitor picks 10:30 instead of their 11:00.
    const phone = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${suite.server.url}/checkin/book?hall=demo&code=${booked.code}`);
    await phone.getByTestId('manage-current').getByText('11:00').waitFor();
    await phone.getByTestId('manage-last4').fill('0909');
    await phone.getByRole('radio', { name: /^10:30/ }).check();
    await phone.getByTestId('manage-reschedule').click();
    await phone.getByTestId('booking-confirmation').waitFor();
    expect(await phone.getByTestId('booking-code').innerText()).toBe(booked.code);
    expect(await phone.getByTestId('booking-time').innerText()).toContain('10:30');
    expect(await phone.getByTestId('booking-date').innerText()).toContain('2026年11月25日 星期三');
    await screenshot(phone, SUITE, 'book-rescheduled');
    await phone.close();

    // At the door: the tablet camera sees the QR on the visitor's phone.
    const cameraBrowser = await launchBrowser(fakeCameraArgs(qrCameraFile(SUITE, booked.code)));
    try {
      const door = await cameraBrowser.newPage({ viewport: { width: 1024, height: 768 }, hasTouch: true });
      await door.goto(`${suite.server.url}/checkin/`);
      await door.getByTestId('login-username').fill('door-camera');
      await door.getByTestId('login-password').fill(password);
      await door.getByTestId('login-submit').click();
      await door.getByTestId('camera-open').click();
      await door.getByTestId('scan-notice').getByText('周*明').waitFor({ timeout: 10_000 });
      expect(await door.getByTestId('scan-notice').innerText()).toContain(booked.code);
      expect(await door.getByTestId('scan-code').inputValue()).toBe(''); // ready for the next scan
      expect(await door.getByTestId('camera').count()).toBe(0); // the camera closed after the read
      await choose(door, 0, '绿码', '已佩戴口罩');
      // A high first reading: the form asks for a rest and a second reading (S3).
      await door.getByTestId('temperature').fill('37.6');
      await door.getByTestId('recheck-hint-0').getByText('休息5分钟').waitFor();
      await door.getByTestId('recheck-0').fill('36.6');
      await door.getByTestId('recheck-0').press('Enter');
      await door.getByTestId('verdict').waitFor();
      expect(await door.getByTestId('verdict').getAttribute('data-verdict')).toBe('admit');
      await screenshot(door, SUITE, 'door-camera-admit');
    } finally {
      await cameraBrowser.close();
    }
  });

  it('[B7][A12][S8] a walk-in pair at a hall out of on-site places: the one with a red code is turned away and told what to do, the one who passed that none is left today', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const password = await createStaff(admin, 'door-noplace', 'door', '门岗四');
    const appointments = await admin<Record<string, unknown>>('GET', '/api/halls/demo/appointment-settings');
    const policy = await admin<Record<string, unknown>>('GET', '/api/halls/demo/screening-policy');
    // The hall takes walk-ins while places are free, but queue E has none today; companions may continue (S8).
    await admin('PUT', '/api/halls/demo/appointment-settings', { ...appointments, walkIns: 'on_site_if_free', placesByCategory: { ...(appointments.placesByCategory as object), 'demo-E': 0 } });
    await admin('PUT', '/api/halls/demo/screening-policy', { ...policy, companionsMayContinue: true });
    try {
      const door = await suite.browser.newPage({ viewport: { width: 1024, height: 768 }, hasTouch: true });
      await openDoor(door, suite.server.url, 'door-noplace', password);
      await door.getByTestId('walkin-name').fill('钱多多');
      await door.getByTestId('walkin-category').selectOption('demo-E');
      await door.getByRole('group', { name: '人数' }).getByRole('button', { name: '2' }).click();
      await choose(door, 0, '绿码', '已佩戴口罩');
      await door.getByTestId('temperature').fill('36.5');
      await choose(door, 1, '红码', '已佩戴口罩');
      await door.getByTestId('temperature-1').fill('36.6');
      await door.getByTestId('temperature-1').press('Enter');
      await door.getByTestId('verdict').waitFor();
      expect(await door.getByTestId('verdict').getAttribute('data-verdict')).toBe('deny');
      expect(await door.getByTestId('verdict-come-back').innerText()).toContain('已通过的人员：今日现场名额已满，请预约其他日期');
      expect(await door.getByTestId('verdict-person-0').innerText()).toContain('第1人：已通过，现场名额已满');
      expect(await door.getByTestId('verdict-person-1').innerText()).toContain('第2人：禁止入内');
      expect(await door.getByTestId('verdict-reasons').innerText()).toContain('红码');
      await door.getByTestId('verdict-next-steps').waitFor();
      await screenshot(door, SUITE, 'door-split-party-no-place');
      await door.getByTestId('verdict-dismiss').click();
      await door.close();
    } finally {
      await admin('PUT', '/api/halls/demo/appointment-settings', appointments);
      await admin('PUT', '/api/halls/demo/screening-policy', { ...(await admin<Record<string, unknown>>('GET', '/api/halls/demo/screening-policy')), companionsMayContinue: policy.companionsMayContinue });
    }
  });

  it('[B6][B4] the holding area is full: the scanned visitor is told when to come back and until when the appointment is kept', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const password = await createStaff(admin, 'door-full', 'door', '门岗三');
    const anyone = createApiClient({ baseUrl: suite.server.url });
    const book = (name: string, idNumber: string) =>
      anyone<AppointmentView>('POST', '/api/halls/demo/appointments', { categoryId: 'demo-C', date: '2026-11-25', slot: '10:30', name, mobile: '13712341010', idNumber, partySize: 1 });
    // The holding area is made full: someone waits there, and it holds no more than wait now.
    let { occupancy } = await admin<{ occupancy: { holding: number } }>('GET', '/api/halls/demo/occupancy');
    if (occupancy.holding === 0) {
      const waiting = await book('吴候场', residentId('44030419900303007'));
      const green = { healthCode: 'green', temperature: 36.5, mask: true, symptoms: { fever: false, cough: false, other: false } };
      await admin('POST', '/api/halls/demo/screenings', { name: '吴候场', categoryId: 'demo-C', appointmentCode: waiting.code, people: [green] });
      ({ occupancy } = await admin<{ occupancy: { holding: number } }>('GET', '/api/halls/demo/occupancy'));
    }
    const { capacity } = await admin<{ capacity: { holdingCapacity: number } }>('GET', '/api/halls/demo/policies');
    await admin('PUT', '/api/halls/demo/crowd-config', { holdingCapacity: occupancy.holding });
    const booked = await book('郑晓东', residentId('44030419900303006'));
    try {
      const door = await suite.browser.newPage({ viewport: { width: 1024, height: 768 }, hasTouch: true });
      await openDoor(door, suite.server.url, 'door-full', password);
      await door.getByTestId('scan-code').pressSequentially(booked.code);
      await door.getByTestId('scan-code').press('Enter');
      await door.getByTestId('scan-notice').getByText('郑*东').waitFor();
      await choose(door, 0, '绿码', '已佩戴口罩');
      await door.getByTestId('temperature').fill('36.5');
      await door.getByTestId('temperature').press('Enter');
      const refusal = door.getByTestId('screen-error');
      await refusal.getByText('预约保留至').waitFor();
      expect(await refusal.innerText()).toMatch(/候场区已满，请于 \d\d:\d\d 后再来，预约保留至 \d\d:\d\d/);
      expect(await door.getByTestId('verdict').count()).toBe(0);
      // Shown where the door can read it: the refusal is brought into view under the form.
      expect(await refusal.evaluate((line) => { const box = line.getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight; })).toBe(true);
      await screenshot(door, SUITE, 'door-holding-full-kept');
      // The appointment is not used; when the visitor is back, the door's scan says it is kept and until when.
      expect((await anyone<AppointmentView>('GET', `/api/appointments/${booked.code}`)).status).toBe('booked');
      const until = /预约保留至 (\d\d:\d\d)/.exec(await refusal.innerText())![1]!;
      await door.getByTestId('scan-code').pressSequentially(booked.code);
      await door.getByTestId('scan-code').press('Enter');
      await door.getByTestId('scan-notice').getByText(`保留至 ${until}`).waitFor();
      expect(await door.getByTestId('scan-notice').innerText()).toContain('郑*东');
      await screenshot(door, SUITE, 'door-kept-appointment-back');

      // B7: a hall where companions may continue; a party of two, one with a red code, still no room to wait.
      const policy = await admin<Record<string, unknown>>('GET', '/api/halls/demo/screening-policy');
      await admin('PUT', '/api/halls/demo/screening-policy', { ...policy, companionsMayContinue: true });
      try {
        const pair = await anyone<AppointmentView>('POST', '/api/halls/demo/appointments', {
          categoryId: 'demo-C', date: '2026-11-25', slot: '10:30', name: '冯晓两', mobile: '13712341111', idNumber: residentId('44030419900303008'), partySize: 2,
        });
        await door.getByTestId('scan-code').pressSequentially(pair.code);
        await door.getByTestId('scan-code').press('Enter');
        await door.getByTestId('scan-notice').getByText('冯*两').waitFor();
        await choose(door, 0, '绿码', '已佩戴口罩');
        await choose(door, 1, '红码', '已佩戴口罩');
        await door.getByTestId('temperature').fill('36.5');
        await door.getByTestId('temperature-1').fill('36.6');
        await door.getByTestId('temperature-1').press('Enter');
        await door.getByTestId('verdict').waitFor();
        expect(await door.getByTestId('verdict').getAttribute('data-verdict')).toBe('deny');
        expect(await door.getByTestId('verdict-come-back').innerText()).toMatch(/已通过的人员请于 \d\d:\d\d 后再来，预约保留至 \d\d:\d\d/);
        expect(await door.getByTestId('verdict-person-0').innerText()).toContain('已通过，候场区已满');
        expect(await door.getByTestId('verdict-reasons').innerText()).toContain('红码');
        await door.getByTestId('verdict-next-steps').waitFor();
        await screenshot(door, SUITE, 'door-split-party-no-room');
        await door.getByTestId('verdict-dismiss').click();
      } finally {
        const changed = await admin<Record<string, unknown>>('GET', '/api/halls/demo/screening-policy');
        await admin('PUT', '/api/halls/demo/screening-policy', { ...changed, companionsMayContinue: policy.companionsMayContinue });
      }
      await door.close();
    } finally {
      await admin('PUT', '/api/halls/demo/crowd-config', { holdingCapacity: capacity.holdingCapacity });
    }
  });
});

