/**
 * `pnpm sim`: a hall's day, simulated through the real API on a server whose
 * clock runs faster. `pnpm sim -- --json` ends with one JSON object of what
 * the system did; `pnpm sim -- --live` runs slowly enough to watch the
 * screens. Every figure of the day is a flag (`--visitors 300 --windows 6`)
 * or comes from a JSON file (`--config day.json`).
 */
import { percentile } from './metrics.ts';
import { parseOptions } from './options.ts';
import { simulate } from './simulate.ts';

let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const say = (line: string) => (options.json ? process.stderr : process.stdout).write(`${line}\n`);
say(`Simulating ${options.visitors} visitors, ${options.windows} windows, capacity ${options.capacity}, at ${options.speed}× …`);
const result = await simulate(options, (links) => {
  if (!options.live) return;
  say('Watch it live:');
  for (const [name, link] of Object.entries(links)) say(`  ${name.padEnd(8)} ${link}`);
});
if (options.json) console.log(JSON.stringify({ ...result.report, serverErrors: result.log.serverErrors.length, realSeconds: Math.round(result.realSeconds) }));
else {
  for (const [key, value] of Object.entries(result.report)) say(`${key.padEnd(34)} ${JSON.stringify(value)}`);
  say(`${'server errors'.padEnd(34)} ${result.log.serverErrors.length}`);
  say(`${'came / sent home / unfinished'.padEnd(34)} ${result.log.cameToDoor} / ${result.log.sentHome} / ${result.log.unfinished}`);
  say(`${"door's line p90 (simulator's watch)".padEnd(34)} ${Math.round((percentile(result.log.doorLineMinutes, 90) ?? 0) * 10) / 10} min`);
  say(`${'bookings made by'.padEnd(34)} ${result.log.bookedBy}`);
  say(`${'no slot booked, by reason'.padEnd(34)} ${JSON.stringify(result.log.unbookedBy)}`);
  say(`${'sent home by reason'.padEnd(34)} ${JSON.stringify(result.log.sentHomeBy)}`);
  say(`${'unfinished: door / holding / inside'.padEnd(34)} ${result.log.unfinishedAt.door} / ${result.log.unfinishedAt.holding} / ${result.log.unfinishedAt.inside}`);
  say(`${'real seconds'.padEnd(34)} ${Math.round(result.realSeconds)}`);
}
if (result.log.serverErrors.length > 0) {
  console.error(result.log.serverErrors.slice(0, 10).join('\n'));
  process.exitCode = 1;
}
