import { describe, expect, it } from 'vitest';
import { createDeviceToken, createStaff, signIn, signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const SUITE = 'crowd';
const suite = useServerAndBrowser();

describe('batches through the door app, with the outdoor screen beside it', () => {
  it('[B2][C4][X1][L6][PV2] batches under a small limit, an exit that makes room, the outdoor screen following, and a supervisor\'s override at capacity', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const supervisorPassword = await createStaff(admin, 'crowd-sup', 'supervisor', '值班主管');
    const outdoorToken = await createDeviceToken(admin, 'outdoor');
    const { api: supervisor } = await signIn(suite.server.url, 'crowd-sup', supervisorPassword);
    await supervisor('PUT', '/api/halls/demo/crowd-config', { maxOccupancy: 4, staffOnFloor: 0, batchSize: 3, holdingCapacity: 10 });
    const green = { healthCode: 'green', temperature: 36.4, mask: true, symptoms: { fever: false, cough: false, other: false } };
    for (const [name, size] of [['周一', 2], ['吴二', 1], ['郑三', 2]] as const) {
      await supervisor('POST', '/api/halls/demo/screenings', { name, categoryId: 'demo-A', people: Array.from({ length: size }, () => green) });
    }

    const outdoor = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await outdoor.goto(`${suite.server.url}/display/outdoor?device=${outdoorToken}`);
    await outdoor.getByTestId('holding-count').getByText('5').waitFor();
    const door = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await door.goto(`${suite.server.url}/checkin/`);
    await door.getByTestId('login-username').fill('crowd-sup');
    await door.getByTestId('login-password').fill(supervisorPassword);
    await door.getByTestId('login-submit').click();
    await door.getByTestId('city-overview').getByText('市民服务中心').waitFor(); // a supervisor sees every hall

    // Batch 1: 周一 (2) and 吴二 (1) fit the batch of 3; 郑三's party of 2 waits, whole.
    await door.getByTestId('admit-batch').click();
    await door.getByTestId('batch-result').getByText('第1批已放行').waitFor();
    await door.getByTestId('handout-done').click(); // each ticket's QR was shown for the visitors' phones (B5)
    await outdoor.getByTestId('batch-announcement').getByText('第 1 批 请以下人员入场').waitFor();
    await screenshot(door, SUITE, 'door-batch-1');
    const firstBatch = await door.getByTestId('batch-result').innerText();
    const ticket = firstBatch.match(/周\*\s*→\s*(A\d{3})/)![1]!;
    const wuTicket = firstBatch.match(/吴\*\s*→\s*(A\d{3})/)![1]!;
    // PV2: the entrance shows the batch's ticket numbers, never the names the door sees.
    const outdoorFirst = await outdoor.getByTestId('batch-announcement').innerText();
    expect(outdoorFirst).toContain(ticket);
    expect(outdoorFirst).toContain(wuTicket);
    expect(outdoorFirst).not.toMatch(/周|吴|\*/);
    await screenshot(outdoor, SUITE, 'outdoor-batch-1');

    // 3 of 4 inside: the party of 2 does not fit; nobody is split.
    await door.getByTestId('admit-batch').click();
    await door.getByTestId('batch-result').getByText('full', { exact: false }).waitFor();

    // 周一's party leaves through the exit scanner: room for the next batch.
    await door.getByTestId('exit-scan').fill(ticket);
    await door.getByTestId('exit-scan').press('Enter');
    await door.getByTestId('exit-message').getByText('已离场').waitFor();
    await door.getByTestId('admit-batch').click();
    await door.getByTestId('batch-result').getByText('第2批已放行').waitFor();
    await door.getByTestId('handout-done').click();
    await outdoor.getByTestId('batch-announcement').getByText('第 2 批 请以下人员入场').waitFor();
    const zhengTicket = (await door.getByTestId('batch-result').innerText()).match(/郑\*\s*→\s*(A\d{3})/)![1]!;
    expect(await outdoor.getByTestId('batch-announcement').innerText()).toContain(zhengTicket);
    expect(await outdoor.getByTestId('batch-announcement').innerText()).not.toContain('郑');
    await door.getByTestId('occupancy').getByText('3').waitFor();
    await screenshot(door, SUITE, 'door-batch-2');
    await screenshot(outdoor, SUITE, 'outdoor-batch-2');
    const spoken = await outdoor.evaluate(() =>
      ((window as unknown as { __hallflowAnnouncements?: { display: string }[] }).__hallflowAnnouncements ?? []).map((a) => a.display),
    );
    expect(spoken).toHaveLength(2);
    expect(spoken[1]).toBe(`第2批 请以下人员入场：${zhengTicket}`);

    // C4: two more arrive; one fills the hall, and only the supervisor's override, with a reason, lets the other in.
    for (const name of ['钱四', '孙五']) await supervisor('POST', '/api/halls/demo/screenings', { name, categoryId: 'demo-A', people: [green] });
    await door.getByTestId('admit-batch').click();
    await door.getByTestId('batch-result').getByText('第3批已放行').waitFor();
    await door.getByTestId('handout-done').click();
    await door.getByTestId('hall-full').waitFor();
    await expect.poll(() => door.getByTestId('override').isDisabled()).toBe(true); // a reason first
    await door.getByTestId('override-reason').fill('急诊证明，领导批准');
    await door.getByTestId('override').click();
    await door.getByTestId('batch-result').getByText('第4批已放行').waitFor();
    await door.getByTestId('handout-done').click(); // 孙五 gets the ticket QR like any admitted visitor
    await door.getByTestId('occupancy').getByText('5').waitFor();
    const log = await fetch(`${suite.server.url}/api/halls/demo/entry-log.csv?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z`, {
      headers: { authorization: `Bearer ${(await signIn(suite.server.url, 'crowd-sup', supervisorPassword)).token}` },
    }).then((r) => r.text());
    expect(log).toContain('急诊证明，领导批准');
  });
});
