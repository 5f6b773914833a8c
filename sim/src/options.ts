import { readFileSync } from 'node:fs';

/** Everything a simulated day is made of; every figure can be set by a flag (`--windows 24`) or a JSON file (`--config day.json`). */
export interface SimOptions {
  /** Visitors with an appointment across the day's slots. */
  visitors: number;
  /** Clerks' windows open for the day. */
  windows: number;
  /**
   * Windows serve only the queues listed for them (the demo hall's, and a
   * first queue and one overflow for each added window). Off by default:
   * every window also serves every other queue as overflow after its own
   * (Q5), as a hall with 无差别综合窗口 does, so no queue's backlog fills the
   * hall while windows of other queues stand idle.
   */
  fixedWindows: boolean;
  /**
   * The places a slot offers in each queue, as a share of an even spread of
   * the queue's bookings over the slots: a visitor whose preferred slot is
   * full books the nearest slot with a place, so the booking limits flatten
   * the peak.
   */
  slotHeadroom: number;
  /** The hall's capacity (people inside at once) and its batches. */
  capacity: number;
  holdingCapacity: number;
  batchSize: number;
  /** Shares of visitors: yellow or red health code, fever, not coming at all, coming late, booking a 一件事 bundle. */
  badCodeShare: number;
  feverShare: number;
  noShowShare: number;
  lateShare: number;
  bundleShare: number;
  /** Share of finished services rated on the phone, and of those, rated low. */
  ratingShare: number;
  lowRatingShare: number;
  /**
   * Handling time at a window, as a share of the typical minutes of each
   * item the ticket holds there. The catalogue's are for a full case; a hall
   * of 3,000 visitors a day at 24 windows has about 4.6 window-minutes per
   * visitor over its day, and at 0.22 (about 3 minutes a case, plus a minute
   * to walk to the window) its windows keep a fifth of their time spare for
   * the peak. At 0.3 the same day needs more than the windows have.
   */
  handlingScale: number;
  /** Door lanes screening in parallel, and the time one party takes at the door (minutes). */
  doorLanes: number;
  doorMinutes: number;
  /** The first and last appointment slots (local HH:MM); the day is 2026-11-25, a Wednesday. */
  firstSlot: string;
  lastSlot: string;
  /** How many times faster than real time the day runs. */
  speed: number;
  /** Watchable: a slow clock and links to the lobby, outdoor and a phone screen. */
  live: boolean;
  json: boolean;
  seed: number;
}

export const DEFAULT_OPTIONS: SimOptions = {
  visitors: 3000,
  windows: 24,
  fixedWindows: false,
  slotHeadroom: 1.1,
  capacity: 150,
  holdingCapacity: 60,
  batchSize: 15,
  badCodeShare: 0.05,
  feverShare: 0.02,
  noShowShare: 0.03,
  lateShare: 0.06,
  bundleShare: 0.1,
  ratingShare: 0.7,
  lowRatingShare: 0.04,
  handlingScale: 0.22,
  doorLanes: 4,
  doorMinutes: 0.5,
  firstSlot: '08:30',
  lastSlot: '17:00',
  speed: 400,
  live: false,
  json: false,
  seed: 20261125,
};

const NUMBERS = Object.keys(DEFAULT_OPTIONS).filter((key) => typeof DEFAULT_OPTIONS[key as keyof SimOptions] === 'number') as (keyof SimOptions)[];
const FLAGS = Object.keys(DEFAULT_OPTIONS).filter((key) => typeof DEFAULT_OPTIONS[key as keyof SimOptions] === 'boolean') as (keyof SimOptions)[];

/** `--visitors 300 --windows 6 --json`, `--config day.json`; unknown flags and bad values stop the run, naming them. */
export function parseOptions(argv: readonly string[]): SimOptions {
  const options: Record<string, unknown> = { ...DEFAULT_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
    const name = arg.slice(2);
    if (name === 'config') {
      Object.assign(options, JSON.parse(readFileSync(argv[++i] ?? '', 'utf8')) as object);
    } else if (FLAGS.includes(name as keyof SimOptions)) {
      options[name] = true;
    } else if (NUMBERS.includes(name as keyof SimOptions)) {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number, got ${argv[i]}`);
      options[name] = value;
    } else if (name === 'firstSlot' || name === 'lastSlot') {
      const value = argv[++i] ?? '';
      if (!/^\d{2}:\d{2}$/.test(value)) throw new Error(`--${name} needs HH:MM, got ${value}`);
      options[name] = value;
    } else {
      throw new Error(`Unknown option --${name}; known: ${[...NUMBERS, ...FLAGS, 'firstSlot', 'lastSlot', 'config'].join(', ')}`);
    }
  }
  if (options.live && !argv.includes('--speed')) options.speed = 30;
  return options as unknown as SimOptions;
}
