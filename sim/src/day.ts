/**
 * One simulated day, driven through the real HTTP API against a real server
 * whose clock runs `speed` times faster: visitors book, come (or not) to the
 * door, are screened by door staff, wait in the holding area, are admitted in
 * batches, called and served at the windows, rate the service and leave.
 */
import { createApiClient, type AdmitBatchResponse, type ApiClient, type AppointmentView, type CallResponse, type CheckInResponse, type LoginResponse, type ServiceCatalogue } from '@hallflow/shared/api';
import { ApiError } from '@hallflow/shared/api';
import { normal, planDay, random, slotsOfDay, type PlannedVisitor } from './plan.ts';
import type { SimOptions } from './options.ts';

export const SIM_DATE = '2026-11-25';
const HALL = 'demo';
/** Visitors' ID numbers: valid GB 11643 numbers, one per visitor (one appointment per ID and day). */
function residentId(n: number): string {
  const first17 = `4101021980${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (Math.floor(n / 12) % 28)).padStart(2, '0')}${String(Math.floor(n / 336)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗';
const GIVEN = '伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华';
const nameOf = (n: number) => SURNAMES[n % SURNAMES.length]! + GIVEN[(n * 7) % GIVEN.length]! + GIVEN[(n * 13 + 3) % GIVEN.length]!;

/** Windows beyond the demo hall's eight serve these queues (by prefix), most preferred first. */
const EXTRA_WINDOW_QUEUES = [['A', 'B'], ['C', 'D'], ['E', 'F'], ['G', 'A'], ['B', 'C'], ['D', 'E'], ['F', 'G'], ['C', 'A']];

export interface DayClock {
  /** The server's time now, in ms, from its health answer and the known speed. */
  now(): number;
  /** Runs `fn` when the server's clock reaches `at` (ms). */
  at(at: number, fn: () => void): void;
  /** Waits `minutes` of the server's time. */
  pause(minutes: number): Promise<void>;
}

export async function dayClock(api: ApiClient, speed: number): Promise<DayClock> {
  const health = await api<{ time: string }>('GET', '/api/health');
  const origin = Date.parse(health.time);
  const realOrigin = Date.now();
  const now = () => origin + (Date.now() - realOrigin) * speed;
  return {
    now,
    at: (at, fn) => void setTimeout(fn, Math.max(0, (at - now()) / speed)),
    pause: (minutes) => new Promise((resolve) => setTimeout(resolve, (minutes * 60_000) / speed)),
  };
}

const localInstant = (hhmm: string) => Date.parse(`${SIM_DATE}T${hhmm}:00+08:00`);

interface Inside {
  visitor: PlannedVisitor;
  phoneToken: string;
}

export interface DayLog {
  /** Requests answered with a 5xx: the run is broken if any. */
  serverErrors: string[];
  /** Visitors the plan sent to the door, and those it sent home (no place for a late one). */
  cameToDoor: number;
  sentHome: number;
  /** Visitors whose day had not ended when the hall closed. */
  unfinished: number;
}

/** Runs the day on the server at `url` (signed in as `adminPassword`); resolves when every visitor's day is over. */
export async function runDay(url: string, adminPassword: string, options: SimOptions, onReady?: (links: Record<string, string>) => void): Promise<DayLog> {
  const anonymous = createApiClient({ baseUrl: url });
  const log: DayLog = { serverErrors: [], cameToDoor: 0, sentHome: 0, unfinished: 0 };
  const signIn = async (username: string, password: string) => {
    const { token } = await anonymous<LoginResponse>('POST', '/api/auth/login', { username, password });
    return createApiClient({ baseUrl: url, token: () => token });
  };
  const admin = await signIn('admin', adminPassword);
  /** The code of the last refusal (a 4xx is part of the day); a 5xx is recorded as a failure of the system. */
  let refusal = '';
  const attempt = async <T>(what: string, run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (error) {
      refusal = error instanceof ApiError ? error.code : 'UNKNOWN';
      if (error instanceof ApiError && error.status >= 500) log.serverErrors.push(`${what}: ${error.status} ${error.message}`);
      else if (!(error instanceof ApiError)) log.serverErrors.push(`${what}: ${String(error)}`);
      return null;
    }
  };

  // The hall: capacity, places enough for the day, and as many windows as asked.
  await admin('PUT', `/api/halls/${HALL}/crowd-config`, { maxOccupancy: options.capacity, staffOnFloor: 0, holdingCapacity: options.holdingCapacity, batchSize: options.batchSize });
  const settings = await admin<Record<string, unknown>>('GET', `/api/halls/${HALL}/appointment-settings`);
  const slots = slotsOfDay(options);
  await admin('PUT', `/api/halls/${HALL}/appointment-settings`, { ...settings, placesPerSlot: Math.min(500, Math.ceil((options.visitors / slots.length) * 3) + 10), placesByCategory: {} });
  for (let number = 9; number <= options.windows; number++) {
    const prefixes = EXTRA_WINDOW_QUEUES[(number - 9) % EXTRA_WINDOW_QUEUES.length]!;
    await admin('POST', `/api/halls/${HALL}/windows`, { number, categoryIds: prefixes.map((p) => `${HALL}-${p}`) });
  }
  const catalogue = await anonymous<ServiceCatalogue>('GET', `/api/halls/${HALL}/services`);
  const handling = new Map<string, number>();
  for (const item of catalogue.items) handling.set(item.categoryId, Math.max(handling.get(item.categoryId) ?? 0, item.typicalMinutes));
  const plan = planDay(options, { items: catalogue.items, bundles: catalogue.bundles });
  const rand = random(options.seed + 1);

  // Staff: door lanes, one clerk per window.
  const staffPassword = 'sim-password-1';
  const account = async (username: string, role: 'door' | 'clerk', displayName: string) => {
    await admin('POST', '/api/staff', { username, displayName, role, hallId: HALL, password: staffPassword });
    return signIn(username, staffPassword);
  };
  const door = await account('sim-door', 'door', '门岗');
  const clock = await dayClock(admin, options.speed);

  // Bookings, before the hall opens.
  const booked = new Map<number, AppointmentView>();
  for (const visitor of plan) {
    const appointment = await attempt('book', () =>
      anonymous<AppointmentView>('POST', `/api/halls/${HALL}/appointments`, {
        ...visitor.booking,
        date: SIM_DATE,
        slot: visitor.slot,
        name: nameOf(visitor.index),
        mobile: `139${String(10_000_000 + visitor.index).slice(-8)}`,
        idNumber: residentId(visitor.index),
        partySize: visitor.partySize,
      }),
    );
    if (appointment) booked.set(visitor.index, appointment);
  }

  if (onReady) {
    const device = async (kind: string, windowId?: string) =>
      (await admin<{ token: string }>('POST', `/api/halls/${HALL}/devices`, { name: `sim ${kind}`, kind, ...(windowId ? { windowId } : {}) })).token;
    onReady({
      lobby: `${url}/display/lobby?device=${await device('lobby')}`,
      outdoor: `${url}/display/outdoor?device=${await device('outdoor')}`,
      window: `${url}/display/window/1?device=${await device('window', `${HALL}-w1`)}`,
      door: `${url}/checkin/`,
    });
  }

  const byCode = new Map([...booked].map(([index, appointment]) => [appointment.code, plan[index]!]));
  // Who is where: arrivals waiting at the door, visitors inside by ticket.
  const doorQueue: PlannedVisitor[] = [];
  const inside = new Map<string, Inside>();
  const expected = plan.filter((v) => v.arrivesAfterSlotMinutes !== null && booked.has(v.index)).length;
  let finished = 0;
  const done = () => finished++;

  for (const visitor of plan) {
    if (visitor.arrivesAfterSlotMinutes === null || !booked.has(visitor.index)) continue;
    clock.at(localInstant(visitor.slot) + visitor.arrivesAfterSlotMinutes * 60_000, () => {
      log.cameToDoor++;
      doorQueue.push(visitor);
    });
  }

  const reading = (health: PlannedVisitor['health']) => ({
    healthCode: health === 'red' || health === 'yellow' ? health : 'green',
    temperature: health === 'fever' ? 38.4 : Math.round(normal(rand, 36.5, 0.2) * 10) / 10,
    ...(health === 'fever' ? { temperatureRecheck: 38.2 } : {}),
    mask: true,
    symptoms: { fever: health === 'fever', cough: false, other: false },
  });

  // The day ends when every visitor who came has left (or was turned away), or when the hall closes.
  const dayOver = () => finished >= expected || clock.now() > localInstant('18:30');

  // The door: each lane looks the appointment up, screens the party, and takes the next.
  const lane = async () => {
    while (!dayOver()) {
      const visitor = doorQueue.shift();
      if (!visitor) {
        await clock.pause(0.5);
        continue;
      }
      await clock.pause(options.doorMinutes);
      const code = booked.get(visitor.index)!.code;
      const found = await attempt('check-in', () => door<CheckInResponse>('POST', `/api/halls/${HALL}/check-ins`, { code }));
      if (!found || found.arrival === 'too_late' || found.arrival === 'too_early') {
        log.sentHome++;
        done();
        continue;
      }
      const people = [reading(visitor.health), ...Array.from({ length: visitor.partySize - 1 }, () => reading('green'))];
      const screened = await attempt('screen', () =>
        door<{ admitted: boolean }>('POST', `/api/halls/${HALL}/screenings`, { name: nameOf(visitor.index), categoryId: found.appointment.categoryId, appointmentCode: code, people }),
      );
      if (!screened && refusal === 'HOLDING_FULL') {
        // B4: told to come back when there is room to wait; they do, ten minutes later.
        clock.at(clock.now() + 10 * 60_000, () => doorQueue.push(visitor));
        continue;
      }
      if (!screened?.admitted) {
        if (!screened) log.sentHome++;
        done();
      }
    }
  };

  // Batches: every minute the door looks at the gauge, and admits the next batch when people wait and there is room.
  const batches = async () => {
    while (!dayOver()) {
      await clock.pause(1);
      const gauge = await attempt('occupancy', () => door<{ occupancy: { holding: number }; free: number }>('GET', `/api/halls/${HALL}/occupancy`));
      if (!gauge || gauge.occupancy.holding === 0 || gauge.free === 0) continue;
      const admitted = await attempt('batch', () => door<AdmitBatchResponse>('POST', `/api/halls/${HALL}/batches`));
      for (const ticket of admitted?.tickets ?? []) {
        const party = admitted!.parties.find((p) => p.ticketId === ticket.id);
        const visitor = party?.appointmentCode ? byCode.get(party.appointmentCode) : undefined;
        if (visitor) inside.set(ticket.id, { visitor, phoneToken: admitted!.phoneTokens[ticket.id]! });
      }
    }
  };

  // A visitor after the service: rates it on the phone (or not), and leaves by the exit scanner or unseen.
  const afterService = (ticketId: string) => {
    const visitor = inside.get(ticketId);
    if (!visitor) return;
    inside.delete(ticketId);
    done();
    if (rand() < options.ratingShare) {
      const low = rand() < options.lowRatingShare;
      void attempt('rate', () => anonymous('POST', `/api/public/tickets/${visitor.phoneToken}/rating`, low ? { level: 2, reasons: ['slow'] } : { level: rand() < 0.8 ? 5 : 4 }));
    }
    if (rand() < 0.85) clock.at(clock.now() + 3 * 60_000, () => void attempt('exit', () => door('POST', `/api/halls/${HALL}/exits`, { code: visitor.phoneToken })));
  };

  // The windows: each clerk calls, serves for the queue's handling time, completes, and calls again.
  const clerk = async (number: number) => {
    const api = await account(`sim-clerk-${number}`, 'clerk', `窗口${number}`);
    const windowId = `${HALL}-w${number}`;
    const opened = await attempt('open', () => api('POST', `/api/halls/${HALL}/windows/${windowId}/open`));
    if (!opened) return;
    while (!dayOver()) {
      const call = await attempt('call', () => api<CallResponse>('POST', `/api/halls/${HALL}/windows/${windowId}/call-next`));
      const ticket = call?.ticket;
      if (!ticket) {
        await clock.pause(1);
        continue;
      }
      await clock.pause(0.5 + rand()); // the visitor walks to the window
      await attempt('start', () => api('POST', `/api/halls/${HALL}/tickets/${ticket.id}/start`));
      const typical = (handling.get(ticket.categoryId) ?? 8) * options.handlingScale;
      await clock.pause(Math.max(1, typical * Math.exp(normal(rand, -0.06, 0.35))));
      const completed = await attempt('complete', () => api<{ ticket: { state: string } }>('POST', `/api/halls/${HALL}/tickets/${ticket.id}/complete`));
      // A routed 一件事 goes on to its next window; its visitor's day ends at the last.
      if (completed?.ticket.state === 'done') afterService(ticket.id);
    }
  };

  await Promise.all([...Array.from({ length: options.doorLanes }, lane), batches(), ...Array.from({ length: options.windows }, (_, i) => clerk(i + 1))]);
  log.unfinished = expected - finished;
  return log;
}
