import type { TicketResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { createStaff, signIn, signInAdmin } from './support/api.ts';
import { useServerAndBrowser } from './support/suite.ts';

const suite = useServerAndBrowser();

describe("a clerk reads the window's finished tickets", () => {
  it('[R9] the history loads a page at a time, latest first, and follows the ticket the clerk just finished', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const password = await createStaff(admin, 'clerk-h', 'clerk', '郑洁');
    const { api: clerk } = await signIn(suite.server.url, 'clerk-h', password);
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${suite.server.url}/clerk/`);
    await page.getByTestId('login-username').fill('clerk-h');
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('window-select').selectOption({ label: '4号窗口' });
    await page.getByTestId('window-open').click();
    await page.getByTestId('call-next').waitFor();
    // Earlier in the day: 22 visitors served at window 4 (the page shows 20 at a time).
    const served: string[] = [];
    for (let n = 0; n < 22; n++) {
      const issued = await clerk<TicketResponse>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-C' });
      await clerk('POST', '/api/halls/demo/windows/demo-w4/call-next');
      await clerk('POST', `/api/halls/demo/tickets/${issued.ticket.id}/complete`);
      served.push(issued.ticket.number);
    }
    const next = await clerk<TicketResponse>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-C' });
    const history = page.getByTestId('served-history');
    await history.getByText('本窗口今日已办结').click();
    await history.getByTestId(`served-${served.at(-1)}`).waitFor();
    expect(await history.locator('li').count()).toBe(20);
    expect(await history.getByTestId(`served-${served[0]}`).count()).toBe(0);
    await history.getByTestId('served-history-more').click();
    await history.getByTestId(`served-${served[0]}`).waitFor();
    expect(await history.locator('li').count()).toBe(22);
    expect(await history.getByTestId('served-history-more').count()).toBe(0);

    // The clerk serves the next visitor through the page (F1 calls, the button finishes): it tops the open list.
    await page.keyboard.press('F1');
    await page.getByTestId('current-ticket-number').getByText(next.ticket.number).waitFor();
    await page.getByTestId('complete').click();
    await history.locator('li').first().getByText(next.ticket.number).waitFor();
    await page.close();
  });
});
