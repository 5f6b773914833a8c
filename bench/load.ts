/**
 * A load generator in its own process: `concurrency` loops sending one kind
 * of request for `ms` milliseconds, keep-alive. Prints one JSON line:
 * { count, errors, statuses, p50, p99 } (latencies in ms).
 * `node load.ts <url> <method> <token|-> <concurrency> <ms> <body template|->`;
 * in the body, `{{n}}` becomes a running number, `{{id}}` a valid resident
 * ID number made from it (bookings need a new ID each) and `{{slot}}` one of
 * the day's 30-minute slots from 08:30.
 */
export {};

const [url = '', method = 'POST', token = '-', concurrencyText = '16', msText = '3000', template = '-'] = process.argv.slice(2);

function residentId(n: number): string {
  const first17 = `11010119${String(50 + (n % 40)).padStart(2, '0')}${String(1 + (Math.floor(n / 40) % 12)).padStart(2, '0')}${String(1 + (Math.floor(n / 480) % 28)).padStart(2, '0')}${String(Math.floor(n / 13_440) % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

let n = Number(process.env.LOAD_OFFSET ?? 0);
const latencies: number[] = [];
const statuses: Record<string, number> = {};
let errors = 0;
const deadline = Date.now() + Number(msText);
const headers: Record<string, string> = { 'content-type': 'application/json' };
if (token !== '-') headers.authorization = `Bearer ${token}`;
const { 'content-type': _json, ...withoutBody } = headers;

async function loop() {
  while (Date.now() < deadline) {
    const i = n++;
    const slot = 8 * 60 + 30 + 30 * (i % 17);
    const body =
      template === '-'
        ? undefined
        : template
            .replaceAll('{{n}}', String(i))
            .replaceAll('{{id}}', residentId(i))
            .replaceAll('{{slot}}', `${String(Math.floor(slot / 60)).padStart(2, '0')}:${String(slot % 60).padStart(2, '0')}`);
    const started = performance.now();
    try {
      const response = await fetch(url, { method, headers: body ? headers : withoutBody, body });
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.status >= 500) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - started);
  }
}

await Promise.all(Array.from({ length: Number(concurrencyText) }, loop));
latencies.sort((a, b) => a - b);
const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
console.log(JSON.stringify({ count: latencies.length, errors, statuses, p50: at(50), p99: at(99) }));
