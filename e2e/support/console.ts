import type { Page } from 'playwright-core';

/**
 * Everything a page complains about while a test drives it: console errors
 * and warnings, uncaught exceptions, and requests answered 404 (or any 4xx/5xx
 * when `allStatuses`). Read `problems` at the end; it should be empty.
 */
export function watchProblems(page: Page, options: { allStatuses?: boolean } = {}): { problems: string[] } {
  const watch = { problems: [] as string[] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() === 404 || (options.allStatuses && response.status() >= 400)) watch.problems.push(`${response.status()} ${response.url()}`);
  });
  return watch;
}
