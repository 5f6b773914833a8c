import { Type, type Static } from '@sinclair/typebox';
import { TicketViewSchema } from '../domain/types.ts';
import { Id } from './common.schemas.ts';

/** R9: older finished tickets, a page at a time, latest first; `before` is the previous page's `next`. */
export const FinishedTicketsQuerySchema = Type.Object(
  {
    windowId: Type.Optional(Id),
    before: Type.Optional(Type.String({ minLength: 1, maxLength: 120, pattern: '^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z~[A-Za-z0-9_-]+$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type FinishedTicketsQuery = Static<typeof FinishedTicketsQuerySchema>;

export const FinishedTicketsPageSchema = Type.Object({
  tickets: Type.Array(TicketViewSchema),
  /** Pass as `before` for the next (older) page; null when this page is the last. */
  next: Type.Union([Type.String(), Type.Null()]),
});
export type FinishedTicketsPage = Static<typeof FinishedTicketsPageSchema>;
