import type { Page } from 'playwright-core';

/** The screen sizes a hall's TVs and tablets come in (landscape TV, older TV or laptop, portrait TV). */
export const SCREEN_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1080, height: 1920 },
] as const;

/**
 * What is cut off on the page as shown: every visible element that reaches
 * past the viewport, or whose content does not fit inside it (spilling over
 * its neighbours or clipped). Empty when everything can be seen whole.
 */
export async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const TOLERANCE = 2;
    const found: string[] = [];
    const describe = (el: Element) => {
      const testId = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
      return `${el.tagName.toLowerCase()}${testId ? `[${testId}]` : ''}${el.classList.length ? `.${Array.from(el.classList).filter((c) => !c.startsWith('svelte-')).join('.')}` : ''} "${text}"`;
    };
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || style.display === 'contents') continue;
      const rect = el.getBoundingClientRect();
      // Visually hidden helpers (screen-reader text) are 1 px boxes.
      if (rect.width <= 1 || rect.height <= 1) continue;
      if (rect.bottom > innerHeight + TOLERANCE || rect.right > innerWidth + TOLERANCE || rect.left < -TOLERANCE || rect.top < -TOLERANCE) {
        found.push(`${describe(el)} reaches past the screen (${Math.round(rect.left)},${Math.round(rect.top)}–${Math.round(rect.right)},${Math.round(rect.bottom)} of ${innerWidth}×${innerHeight})`);
        continue;
      }
      if (style.display === 'inline' || el instanceof SVGElement) continue;
      const html = el as HTMLElement;
      if (html.scrollHeight > html.clientHeight + TOLERANCE || html.scrollWidth > html.clientWidth + TOLERANCE) {
        found.push(`${describe(el)} does not fit (${html.scrollWidth}×${html.scrollHeight} in ${html.clientWidth}×${html.clientHeight})`);
      }
    }
    return found;
  });
}
