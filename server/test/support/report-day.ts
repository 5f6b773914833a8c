/**
 * A fixture day whose report figures are worked out by hand (RP1–RP5,
 * FR1–FR3). It is built only through the API, as the door and the clerks
 * would, by whatever drives it: `app.inject` with a manual clock in the
 * server tests, a real server in the browser tests (where `wait` cannot move
 * the clock, so only counts are compared there).
 *
 * 10:00  the door screens four visitors: 张三 with a companion (one reading
 *        37.5 °C, rechecked 36.8: both pass), 李四 (red code: turned away),
 *        王五 (38.0 °C, no recheck: turned away).
 * 10:06  batch 1 admits 张三's party (A001); the desk issues G001 (开饭店一件事,
 *        one window), F001 (新生儿出生一件事, routed), D001 (公积金) and
 *        E001 (不动产转移登记 as an item).
 * 10:10  window 2 calls A001 (start 10:12, done 10:20: 8 min);
 *        window 1 calls G001 (never started, done 10:30: 20 min).
 * 10:20  window 7 calls F001 (done 10:25: 5 min), which moves on to C;
 * 10:26  window 4 calls F001 (done 10:36: 10 min), then D001 (10:36), a no-show at 10:40.
 * 10:40  window 5 calls and starts E001 (done 10:55: 15 min).
 * Ratings: A001 5, G001 2 (slow), F001 4, E001 3.
 */
export interface Driver {
  call<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, token: string, body?: unknown): Promise<T>;
  /** Rate as the visitor does from the phone, with the ticket's phone-page token. */
  rate(phoneToken: string, body: object): Promise<void>;
  /** Move the hall's clock on (server tests); a no-op against a real server. */
  wait(minutes: number): void;
  tokens: { door: string; clerks: [string, string, string, string, string] };
}

const green = { healthCode: 'green', temperature: 36.5, mask: true, symptoms: { fever: false, cough: false, other: false } };

export async function buildReportDay(d: Driver): Promise<{ tickets: Record<string, { id: string; number: string }>; phone: Record<string, string> }> {
  const [c1, c2, c3, c4, c5] = d.tokens.clerks;
  const hall = (method: 'POST' | 'PUT', url: string, token: string, body?: unknown) => d.call(method, `/api/halls/demo${url}`, token, body);
  await hall('POST', '/screenings', d.tokens.door, { name: '张三', categoryId: 'demo-A', people: [green, { ...green, temperature: 37.5, temperatureRecheck: 36.8, manualVerification: { method: 'staff_lookup' } }] });
  await hall('POST', '/screenings', d.tokens.door, { name: '李四', categoryId: 'demo-A', people: [{ ...green, healthCode: 'red' }] });
  await hall('POST', '/screenings', d.tokens.door, { name: '王五', categoryId: 'demo-A', people: [{ ...green, temperature: 38 }] });
  d.wait(6);
  const batch = (await hall('POST', '/batches', d.tokens.door)) as { tickets: { id: string; number: string }[]; phoneTokens: Record<string, string> };
  const phone: Record<string, string> = { ...batch.phoneTokens };
  const issue = async (body: object) => {
    const { ticket, phoneToken } = (await hall('POST', '/tickets', c1, body)) as { ticket: { id: string; number: string }; phoneToken: string };
    phone[ticket.id] = phoneToken;
    return ticket;
  };
  const tickets = {
    A001: batch.tickets[0]!,
    G001: await issue({ bundleId: 'demo-open-restaurant' }),
    F001: await issue({ bundleId: 'demo-newborn' }),
    D001: await issue({ categoryId: 'demo-D' }),
    E001: await issue({ categoryId: 'demo-E', itemIds: ['demo-property-transfer'] }),
  };
  const open = (token: string, window: number) => hall('POST', `/windows/demo-w${window}/open`, token);
  await open(c1, 2);
  await open(c2, 1);
  await open(c3, 7);
  await open(c4, 4);
  await open(c5, 5);
  const next = (token: string, window: number) => hall('POST', `/windows/demo-w${window}/call-next`, token);
  const act = (token: string, ticket: { id: string }, verb: string) => hall('POST', `/tickets/${ticket.id}/${verb}`, token);
  d.wait(4); // 10:10
  await next(c1, 2);
  await next(c2, 1);
  d.wait(2); // 10:12
  await act(c1, tickets.A001, 'start');
  d.wait(8); // 10:20
  await act(c1, tickets.A001, 'complete');
  await next(c3, 7);
  d.wait(5); // 10:25
  await act(c3, tickets.F001, 'complete');
  d.wait(1); // 10:26
  await next(c4, 4);
  d.wait(4); // 10:30
  await act(c2, tickets.G001, 'complete');
  d.wait(6); // 10:36
  await act(c4, tickets.F001, 'complete');
  await next(c4, 4);
  d.wait(4); // 10:40
  await act(c4, tickets.D001, 'no-show');
  await next(c5, 5);
  await act(c5, tickets.E001, 'start');
  d.wait(15); // 10:55
  await act(c5, tickets.E001, 'complete');
  await d.rate(phone[tickets.A001.id]!, { level: 5 });
  await d.rate(phone[tickets.G001.id]!, { level: 2, reasons: ['slow'] });
  await d.rate(phone[tickets.F001.id]!, { level: 4 });
  await d.rate(phone[tickets.E001.id]!, { level: 3 });
  return { tickets, phone };
}

/** What the fixture day's report says, worked out by hand from the story above (counts only). */
export const REPORT_DAY_COUNTS = {
  door: { screenedPeople: 4, admittedPeople: 2, deniedPeople: 2, fevers: 1, rechecks: 1, manualVerifications: 1, deniedByReason: [{ code: 'CODE_RED', count: 1 }, { code: 'FEVER', count: 1 }] },
  tickets: { issued: 5, served: 4, noShows: 1, transfers: 0 },
};

/**
 * The four reductions of the fixture day. 开饭店: the merged list of its four
 * items has 7 materials (each item's own lists add up to 3 + 4 + 3 + 3 = 13),
 * one window, one working day, one trip, against 25 · 4 · 16 · 6 before:
 * (25 − 7) ÷ 25 = 0.72, (4 − 1) ÷ 4 = 0.75, (16 − 1) ÷ 16 = 0.938, (6 − 1) ÷ 6 = 0.833.
 * 新生儿出生: 4 materials (3 + 2 + 2 = 7 on their own), windows 7 and 4, one day and one trip; no before figures.
 * 不动产转移登记: its own 4 materials, one window, one day, one trip; no before figures.
 */
export const REPORT_DAY_REDUCTIONS = [
  { kind: 'bundle', id: 'demo-newborn', cases: 1, now: { materials: 4, steps: 2, days: 1, trips: 1 }, materialsSum: 7, before: null, reduction: null },
  { kind: 'bundle', id: 'demo-open-restaurant', cases: 1, now: { materials: 7, steps: 1, days: 1, trips: 1 }, materialsSum: 13, before: { materials: 25, steps: 4, days: 16, trips: 6 }, reduction: { materials: 0.72, steps: 0.75, days: 0.938, trips: 0.833 } },
  { kind: 'item', id: 'demo-property-transfer', cases: 1, now: { materials: 4, steps: 1, days: 1, trips: 1 }, materialsSum: 4, before: null, reduction: null },
  { kind: 'total', id: 'total', cases: 1, now: { materials: 7, steps: 1, days: 1, trips: 1 }, materialsSum: 13, before: { materials: 25, steps: 4, days: 16, trips: 6 }, reduction: { materials: 0.72, steps: 0.75, days: 0.938, trips: 0.833 } },
];
