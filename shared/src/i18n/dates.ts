import type { Lang } from './index.ts';

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const english = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' });

/**
 * A calendar date (YYYY-MM-DD, already the hall's local date) as people read
 * it, with its weekday: 2026年11月26日 星期四 in Chinese, Thu 26 Nov 2026 in English.
 */
export function formatDay(date: string, lang: Lang): string {
  const noon = new Date(`${date}T12:00:00Z`);
  if (lang === 'zh') return `${noon.getUTCFullYear()}年${noon.getUTCMonth() + 1}月${noon.getUTCDate()}日 ${WEEKDAYS_ZH[noon.getUTCDay()]}`;
  const parts = Object.fromEntries(english.formatToParts(noon).map((part) => [part.type, part.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}
