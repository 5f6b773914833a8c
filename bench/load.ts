/**
 * A load generator in its own process: `concurrency` keep-alive connections
 * sending one kind of request for `ms` milliseconds, through autocannon (its
 * own HTTP client: a fetch-based loop could not send more than about 2,000
 * requests a second here, so it, not the server, was what the figures
 * measured). Prints one JSON line: { count, errors, statuses, p50, p99 }
 * (latencies in ms), and `seconds`, how long the measured requests took.
 * `node load.ts <url> <method> <token|-> <concurrency> <ms> <body template|->`;
 * in the body, `{{n}}` becomes a running number, `{{id}}` a valid resident
 * ID number made from it (bookings need a new ID each) and `{{slot}}` one of
 * the day's 30-minute slots from 08:30, `{{category}}` the next of the
 * comma-separated LOAD_CATEGORIES in turn (walk-ins take places of a slot
 * open now, so one queue's places run out within seconds).
 */
import autocannon from 'autocannon';

const [url = '', method = 'POST', token = '-', concurrencyText = '16', msText = '3000', template = '-'] = process.argv.slice(2);

function residentId(n: number): string {
  const first17 = `11010119${String(50 + (n % 40)).padStart(2, '0')}${String(1 + (Math.floor(n / 40) % 12)).padStart(2, '0')}${String(1 + (Math.floor(n / 480) % 28)).padStart(2, '0')}${String(Math.floor(n / 13_440) % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

let n = Number(process.env.LOAD_OFFSET ?? 0);
const categories = (process.env.LOAD_CATEGORIES ?? 'demo-A').split(',');
const body = (): string | undefined => {
  if (template === '-') return undefined;
  const i = n++;
  const slot = 8 * 60 + 30 + 30 * (i % 17);
  return template
    .replaceAll('{{n}}', String(i))
    .replaceAll('{{category}}', categories[i % categories.length]!)
    .replaceAll('{{id}}', residentId(i))
    .replaceAll('{{slot}}', `${String(Math.floor(slot / 60)).padStart(2, '0')}:${String(slot % 60).padStart(2, '0')}`);
};
const headers: Record<string, string> = template === '-' ? {} : { 'content-type': 'application/json' };
if (token !== '-') headers.authorization = `Bearer ${token}`;

const statuses: Record<string, number> = {};
if (process.env.LOAD_CLERKS) {
  await clerks(process.env.LOAD_CLERKS.split(','));
  process.exit(0);
}
// LOAD_AMOUNT: send that many requests instead of sending for `ms` (a load that uses up what a hall has, the door's
// places of the slot open now, is timed over a count that stays within it; `seconds` is then how long they took).
const amount = Number(process.env.LOAD_AMOUNT ?? 0);
const started = performance.now();
const result = await autocannon({
  url,
  connections: Number(concurrencyText),
  ...(amount > 0 ? { amount } : { duration: Number(msText) / 1000 }),
  requests: [{ method: method as 'POST', headers, setupRequest: (request) => ({ ...request, body: body() }) }],
  // Every answer is counted by status below; autocannon's own error count is transport failures.
  setupClient: (client) => client.on('response', (status: number) => void (statuses[status] = (statuses[status] ?? 0) + 1)),
});
const answered = Object.values(statuses).reduce((sum, k) => sum + k, 0);
const serverErrors = Object.entries(statuses).reduce((sum, [status, k]) => sum + (Number(status) >= 500 ? k : 0), 0);
const succeeded = Object.entries(statuses).reduce((sum, [status, k]) => sum + (Number(status) < 300 ? k : 0), 0);
const seconds = amount > 0 ? (performance.now() - started) / 1000 : Number(msText) / 1000;
console.log(JSON.stringify({ count: answered, succeeded, seconds, errors: serverErrors + result.errors + result.timeouts, statuses, p50: result.latency.p50, p99: result.latency.p99 }));

/**
 * LOAD_CLERKS (window ids): a clerk per window, each on one keep-alive
 * connection, calling the next ticket (callNext), starting its service and
 * completing it, as a clerk's console does, again and again, for `ms`; `url`
 * is the hall's address (…/api/halls/demo). A call that finds nobody is
 * answered but not counted. Prints { count (commands answered 2xx), calls
 * (with a ticket), completed, errors, statuses, p50, p99 }.
 */
async function clerks(windowIds: string[]): Promise<void> {
  let calls = 0;
  let completed = 0;
  const runs = await Promise.all(
    windowIds.map((windowId) => {
      // One connection per clerk, so the ticket it called is this closure's.
      let called: string | undefined;
      return autocannon({
        url,
        connections: 1,
        duration: Number(msText) / 1000,
        headers,
        requests: [
          {
            method: 'POST',
            path: `${new URL(url).pathname}/windows/${windowId}/call-next`,
            onResponse: (status, body) => {
              statuses[status] = (statuses[status] ?? 0) + 1;
              const ticket = status === 200 ? (JSON.parse(body) as { ticket: { id: string } | null }).ticket : null;
              if (ticket) calls++;
              called = ticket?.id;
            },
          },
          {
            method: 'POST',
            // Nobody called: back to the call (autocannon starts the sequence again when a later request is not built).
            setupRequest: (request) => (called ? { ...request, path: `${new URL(url).pathname}/tickets/${called}/start` } : (undefined as never)),
            onResponse: (status) => void (statuses[status] = (statuses[status] ?? 0) + 1),
          },
          {
            method: 'POST',
            setupRequest: (request) => (called ? { ...request, path: `${new URL(url).pathname}/tickets/${called}/complete` } : (undefined as never)),
            onResponse: (status) => {
              statuses[status] = (statuses[status] ?? 0) + 1;
              if (status === 200) completed++;
            },
          },
        ],
      });
    }),
  );
  const serverErrors = Object.entries(statuses).reduce((sum, [status, k]) => sum + (Number(status) >= 500 ? k : 0), 0);
  const transport = runs.reduce((sum, run) => sum + run.errors + run.timeouts, 0);
  const latency = (key: 'p50' | 'p99') => Math.max(...runs.map((run) => run.latency[key]));
  const succeeded = Object.entries(statuses).reduce((sum, [status, k]) => sum + (Number(status) < 300 ? k : 0), 0);
  console.log(JSON.stringify({ count: succeeded, succeeded, calls, completed, errors: serverErrors + transport, statuses, p50: latency('p50'), p99: latency('p99') }));
}
