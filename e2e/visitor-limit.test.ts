import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * AC7 in the page: a booking page whose live stream is refused for its
 * address's rate still states the rules in force, read over HTTP (LV13), and
 * is none the worse for it. A server of its own, with a limit of two: one page
 * opening (a connection and a join) uses it up.
 */
const SUITE = 'visitor-limit';
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ env: { VISITOR_REALTIME_RATE_LIMIT: '2' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a booking page refused a live stream (AC7)', () => {
  it('[AC7][LV13] the first page of an address goes live; the next, refused REALTIME_RATE_LIMITED, shows the same rules from HTTP, asked once, not every few seconds', async () => {
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
    const first = await browser.newPage(phone);
    await first.goto(`${server.url}/checkin/book`);
    await expect.poll(() => first.getByTestId('booking-level').getAttribute('data-source'), { timeout: 5_000 }).toBe('stream');

    const second = await browser.newPage(phone);
    // What the server answers on the second page's socket: the handshake's refusal comes as a frame.
    const frames: string[] = [];
    second.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
    // Its HTTP asks for the level, which count against the address's public limit with every other phone's.
    let levelAsks = 0;
    second.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/prevention-level')) levelAsks++;
    });
    await second.goto(`${server.url}/checkin/book`);
    await second.getByTestId('booking-level-rules').getByText('出示绿色健康码').waitFor();
    expect(await second.getByTestId('booking-level').getAttribute('data-source')).toBe('http');
    expect(await second.getByTestId('booking-level').getAttribute('data-level')).toBe('strict');
    expect(frames.some((frame) => frame.includes('"code":"REALTIME_RATE_LIMITED"'))).toBe(true);
    // Still on HTTP a few seconds on: the page waits at least 15 s before it asks for a stream again,
    // and asked for the level once, not every 3 s: the next ask is some 30 s away (LV13).
    await second.waitForTimeout(7_000);
    expect(await second.getByTestId('booking-level').getAttribute('data-source')).toBe('http');
    expect(levelAsks).toBe(1);
    expect(await first.getByTestId('booking-level').getAttribute('data-source')).toBe('stream');
    await screenshot(second, SUITE, 'booking-level-over-http');
    await first.close();
    await second.close();
  });
});
