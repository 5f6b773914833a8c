import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './server.ts';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export function chromiumPath(): string {
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error(`Chromium not found (tried ${CANDIDATES.join(', ')}); install it with apt-get install -y chromium`);
  return found;
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs],
  });
  // A browser in China: pages that follow the browser's language (the phone, L16) start in Chinese; a test passes `locale` for another.
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ locale: 'zh-CN', ...options });
  browser.newPage = (options = {}) => newPage({ locale: 'zh-CN', ...options });
  return browser;
}

/** Where a test's screenshots go: e2e/test-output/<suite>/. */
export function outputDir(suite: string): string {
  const dir = join(ROOT, 'e2e', 'test-output', suite);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page: Page, suite: string, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const path = join(outputDir(suite), `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}

/** A screenshot kept for the README as well: docs/screenshots/<name>.png. */
export async function publishScreenshot(page: Page, suite: string, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const path = await screenshot(page, suite, name, options);
  const docs = join(ROOT, 'docs', 'screenshots');
  mkdirSync(docs, { recursive: true });
  copyFileSync(path, join(docs, `${name}.png`));
}
