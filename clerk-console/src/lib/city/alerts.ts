import type { CityAlert } from '@hallflow/shared';
import type { Lang } from '@hallflow/shared/i18n';

const ALERTS: Record<CityAlert, { zh: string; en: string }> = {
  high: { zh: '人流预警', en: 'Crowded' },
  very_high: { zh: '人流严重预警', en: 'Very crowded' },
  full: { zh: '已满员', en: 'Full' },
  holding_full: { zh: '候场区已满', en: 'Holding area full' },
  no_window: { zh: '有人等候但无窗口开放', en: 'People waiting, no window open' },
};

export const alertText = (alert: CityAlert, lang: Lang) => ALERTS[alert][lang];
export const percentOf = (inside: number, capacity: number) => (capacity === 0 ? 0 : Math.round((100 * inside) / capacity));
