import { Type, type Static } from '@sinclair/typebox';

/** 好差评: five levels, 5 = 非常满意 … 1 = 非常不满意. */
export const RATING_LEVELS = [
  { level: 5, zh: '非常满意', en: 'Very satisfied' },
  { level: 4, zh: '满意', en: 'Satisfied' },
  { level: 3, zh: '基本满意', en: 'Basically satisfied' },
  { level: 2, zh: '不满意', en: 'Dissatisfied' },
  { level: 1, zh: '非常不满意', en: 'Very dissatisfied' },
] as const;

/** Reasons offered for the two lowest levels (F3). */
export const RATING_REASONS = {
  slow: { zh: '办理时间长', en: 'Took too long' },
  attitude: { zh: '服务态度差', en: 'Unfriendly service' },
  unclear: { zh: '告知不清楚', en: 'Unclear guidance' },
  repeat: { zh: '需多次跑动', en: 'Had to come back again' },
  materials: { zh: '材料要求不合理', en: 'Unreasonable paperwork' },
  other: { zh: '其他', en: 'Other' },
} as const;
export type RatingReason = keyof typeof RATING_REASONS;

export const RateServiceBodySchema = Type.Object(
  {
    level: Type.Integer({ minimum: 1, maximum: 5 }),
    reasons: Type.Optional(Type.Array(Type.Union(Object.keys(RATING_REASONS).map((key) => Type.Literal(key))), { uniqueItems: true, maxItems: 6 })),
    comment: Type.Optional(Type.String({ maxLength: 300 })),
    /** F6: for a routed 一件事, the window whose part of the service is rated (each window that served it is rated on its own). */
    windowId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** FU4: a mobile number the visitor leaves for the 回访 of a low rating; seen only by the supervisor handling it. */
    contactPhone: Type.Optional(Type.String({ pattern: '^1[3-9]\\d{9}$', description: '11-digit mobile number (I2)' })),
  },
  { additionalProperties: false },
);
export type RateServiceBody = Static<typeof RateServiceBodySchema>;

/** F4: a service can be rated for this long after it ended. */
export const RATING_WINDOW_HOURS = 24;

export type RatingCheck = { ok: true } | { ok: false; code: 'NOT_DONE' | 'ALREADY_RATED' | 'REASONS_REQUIRED' | 'TOO_LATE'; message: string };

/** F1–F4: a rating is accepted for a finished ticket, once, with reasons when low, within 24 hours. */
export function checkRating(
  ticket: { state: string; finishedAt: string | null; rating: number | null },
  body: RateServiceBody,
  now: Date,
): RatingCheck {
  if (ticket.state !== 'done' || !ticket.finishedAt) return { ok: false, code: 'NOT_DONE', message: '办结后才能评价 · Only a completed service can be rated' };
  if (ticket.rating !== null) return { ok: false, code: 'ALREADY_RATED', message: '该业务已评价 · This service has already been rated' };
  if (body.level <= 2 && (body.reasons ?? []).length === 0) {
    return { ok: false, code: 'REASONS_REQUIRED', message: 'body/reasons: 请选择不满意的原因 · Choose at least one reason for a low rating' };
  }
  if (now.getTime() - Date.parse(ticket.finishedAt) > RATING_WINDOW_HOURS * 3_600_000) {
    return { ok: false, code: 'TOO_LATE', message: '评价已超过 24 小时 · Ratings are accepted within 24 hours of the service' };
  }
  return { ok: true };
}

export type RatingTarget = { ok: true; windowId: string | null } | { ok: false; status: 400 | 409; code: 'WRONG_WINDOW' | 'ALREADY_RATED'; message: string };

/**
 * F6: which window a rating is for. A routed 一件事 is rated per window that
 * served it (the last one when none is named), once each; any other ticket
 * once, for the window that finished it.
 */
export function ratingTarget(
  ticket: { windowId: string | null; routed: boolean },
  servedWindows: readonly string[],
  ratedWindows: readonly (string | null)[],
  wanted: string | undefined,
): RatingTarget {
  const windowId = wanted ?? ticket.windowId;
  const allowed = ticket.routed ? servedWindows : [ticket.windowId];
  if (wanted !== undefined && !allowed.includes(wanted)) {
    return { ok: false, status: 400, code: 'WRONG_WINDOW', message: `body/windowId ${wanted}: 该窗口未办理此业务 · this window did not serve this ticket` };
  }
  const already = ticket.routed ? ratedWindows.includes(windowId) : ratedWindows.length > 0;
  if (already) return { ok: false, status: 409, code: 'ALREADY_RATED', message: '该业务已评价 · This service has already been rated' };
  return { ok: true, windowId };
}
