import type { DeviceKind } from '@hallflow/shared/api';

/**
 * The address a newly paired screen opens (L8): its kind's page, the window
 * number for window screens and rating pads, and the device token, which is
 * shown this once and never again.
 */
export function screenLink(origin: string, kind: DeviceKind, token: string, windowNumber?: number): string {
  // KS1: a self-service terminal is the check-in app's kiosk page.
  if (kind === 'kiosk') return `${origin}/checkin/kiosk?device=${encodeURIComponent(token)}`;
  const page = kind === 'window' || kind === 'rating' ? `${kind}/${windowNumber ?? 1}` : kind;
  return `${origin}/display/${page}?device=${encodeURIComponent(token)}`;
}
