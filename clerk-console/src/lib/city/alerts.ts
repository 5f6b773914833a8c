import type { CityAlert } from '@hallflow/shared';
import type { Lang } from '@hallflow/shared/i18n';
import { t, type MessageKey } from '../i18n';

const ALERTS: Record<CityAlert, MessageKey> = {
  high: 'cityAlertHigh',
  very_high: 'cityAlertVeryHigh',
  full: 'cityAlertFull',
  holding_full: 'cityAlertHoldingFull',
  no_window: 'cityAlertNoWindow',
};

export const alertText = (alert: CityAlert, lang: Lang) => t(lang, ALERTS[alert]);
export const percentOf = (inside: number, capacity: number) => (capacity === 0 ? 0 : Math.round((100 * inside) / capacity));
