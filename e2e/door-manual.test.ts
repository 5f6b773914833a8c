import { describe, expect, it } from 'vitest';
import { createStaff, signInAdmin } from './support/api.ts';
import { publishScreenshot } from './support/browser.ts';
import { choose, openDoor } from './support/door.ts';
import { printToPdf } from './support/pdf.ts';
import { useServerAndBrowser } from './support/suite.ts';

/** A visitor without a smartphone or a health code, from the door to a ticket on paper. */
const SUITE = 'door-manual';
const suite = useServerAndBrowser();

describe('a visitor without a smartphone', () => {
  it('[MV1][MV2][S10][PR1] the door checks them by hand (the page asks for the method first), they go on, and leave the batch with a printed ticket', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const password = await createStaff(admin, 'door-manual', 'door', '门岗三');
    const door = await suite.browser.newPage({ viewport: { width: 1280, height: 900 }, hasTouch: true });
    await openDoor(door, suite.server.url, 'door-manual', password);

    // A walk-in (the demo hall takes walk-ins while places are free) with no phone at all.
    await door.getByTestId('walkin-name').fill('张老伯');
    await door.getByTestId('walkin-category').selectOption({ label: 'C · 社保医保' });
    const person = door.getByTestId('person-0');
    await person.getByTestId('manual-0').check();
    await choose(door, 0, '绿码', '现场发放口罩');
    await door.getByTestId('temperature').fill('36.6');
    await door.getByTestId('temperature').press('Enter');
    await door.getByTestId('screen-missing').getByText('请选择第1人的人工核验方式').waitFor();
    expect(await door.getByTestId('verdict').count()).toBe(0);

    await person.getByText('身份证与纸质通行证核对').click();
    await publishScreenshot(door, SUITE, 'door-manual-check');
    await door.getByTestId('temperature').press('Enter');
    await door.getByTestId('verdict').waitFor();
    expect(await door.getByTestId('verdict').getAttribute('data-verdict')).toBe('admit');
    await door.getByTestId('verdict-dismiss').click();

    // The batch: the visitor has no phone to scan the QR with, so the door prints the ticket.
    await door.getByTestId('admit-batch').click();
    await door.getByTestId('ticket-handout').waitFor();
    const number = await door.getByTestId('handout-number').innerText();
    const [slip] = await Promise.all([door.waitForEvent('popup'), door.getByTestId('handout-print').click()]);
    await slip.locator('html[data-print-ready="true"]').waitFor();
    const [printed] = await printToPdf(slip);
    expect(printed!.widthMm).toBeCloseTo(80, 0);
    expect(printed!.text.replace(/\s+/g, '')).toContain(number);
  });
});
