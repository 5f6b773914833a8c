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
import { WALK_MINUTES, handlingOf, nearestFirst, slotPlaces, staffWindows, workloadByQueue } from './staffing.ts';

export const SIM_DATE = '2026-11-25';
const HALL = 'demo';
/** Bookings in flight at once before the day starts: enough to book 3,000 in seconds on a 2-core machine. */
const BOOKING_CONCURRENCY = 8;
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

export interface DayClock {
  /** The server's time now, in ms, from its health answer and the known speed. */
  now(): number;
  /** Runs `fn` when the server's clock reaches `at` (ms). */
  at(at: number, fn: () => void): void;
  /** Waits `minutes` of the server's time. */
  pause(minutes: number): Promise<void>;
  /** Waits until the server's clock reaches `at` (ms): a step that spent time in requests waits only what is left of it. */
  until(at: number): Promise<void>;
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
    until: (at) => new Promise((resolve) => setTimeout(resolve, Math.max(0, (at - now()) / speed))),
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
  /** Why they were sent home: the door's arrival verdict or the refusal's code. */
  sentHomeBy: Record<string, number>;
  /** Visitors who could book no slot at all, by the last refusal's code. */
  unbookedBy: Record<string, number>;
  /** Visitors whose day had not ended when the hall closed. */
  unfinished: number;
  /** The server's time when the day's bookings were all made (they must be made before the first arrivals). */
  bookedBy: string;
  /** Minutes each party stood in the door's line before staff took them (the simulator's own watch: the system sees a party only once screened). */
  doorLineMinutes: number[];
  /** The wait each admitted visitor's phone showed right after admission (ticket id → minutes). */
  phoneEstimates: Map<string, number>;
  /** Where they were: still at the door (or coming back to it), admitted and waiting for a call, or between the two (the holding area). */
  unfinishedAt: { door: number; inside: number; holding: number };
}

/** Runs the day on the server at `url` (signed in as `adminPassword`); resolves when every visitor's day is over. */
export async function runDay(url: string, adminPassword: string, options: SimOptions, onReady?: (links: Record<string, string>) => void): Promise<DayLog> {
  const anonymous = createApiClient({ baseUrl: url });
  const log: DayLog = { serverErrors: [], cameToDoor: 0, sentHome: 0, sentHomeBy: {}, unbookedBy: {}, bookedBy: '', doorLineMinutes: [], phoneEstimates: new Map(), unfinished: 0, unfinishedAt: { door: 0, inside: 0, holding: 0 } };
  const sendHome = (why: string) => {
    log.sentHome++;
    log.sentHomeBy[why] = (log.sentHomeBy[why] ?? 0) + 1;
  };
  const signIn = async (username: string, password: string) => {
    const { token } = await anonymous<LoginResponse>('POST', '/api/auth/login', { username, password });
    return createApiClient({ baseUrl: url, token: () => token });
  };
  const admin = await signIn('admin', adminPassword);
  /**
   * A request of the day: its answer, or the code it was refused with (a 4xx
   * is part of the day; a 5xx or no answer is recorded as a failure of the
   * system). The code comes with the answer, not in a shared variable: lanes,
   * clerks and phones run at once.
   */
  const request = async <T>(what: string, run: () => Promise<T>): Promise<{ value: T | null; code: string }> => {
    try {
      return { value: await run(), code: '' };
    } catch (error) {
      if (error instanceof ApiError && error.status >= 500) log.serverErrors.push(`${what}: ${error.status} ${error.message}`);
      else if (!(error instanceof ApiError)) log.serverErrors.push(`${what}: ${String(error)}`);
      return { value: null, code: error instanceof ApiError ? error.code : 'UNKNOWN' };
    }
  };
  const attempt = async <T>(what: string, run: () => Promise<T>): Promise<T | null> => (await request(what, run)).value;

  // The hall: capacity, places enough for the day, and as many windows as asked.
  await admin('PUT', `/api/halls/${HALL}/crowd-config`, { maxOccupancy: options.capacity, staffOnFloor: 0, holdingCapacity: options.holdingCapacity, batchSize: options.batchSize });
  const settings = await admin<Record<string, unknown>>('GET', `/api/halls/${HALL}/appointment-settings`);
  const slots = slotsOfDay(options);
  const catalogue = await anonymous<ServiceCatalogue>('GET', `/api/halls/${HALL}/services`);
  const plan = planDay(options, { items: catalogue.items, bundles: catalogue.bundles });
  await admin('PUT', `/api/halls/${HALL}/appointment-settings`, { ...settings, ...slotPlaces(plan, catalogue, slots.length, options.slotHeadroom) });
  const handlingMinutes = handlingOf(catalogue, options.handlingScale);
  await staffWindows(admin, options, workloadByQueue(plan, catalogue, handlingMinutes));
  const rand = random(options.seed + 1);

  // Staff: door lanes, one clerk per window.
  const staffPassword = 'sim-password-1';
  const account = async (username: string, role: 'door' | 'clerk', displayName: string) => {
    await admin('POST', '/api/staff', { username, displayName, role, hallId: HALL, password: staffPassword });
    return signIn(username, staffPassword);
  };
  const door = await account('sim-door', 'door', '门岗');
  const clock = await dayClock(admin, options.speed);

  // Bookings, before the hall opens, several at a time as visitors book at once: the preferred slot, else the nearest one the hall still has a place in.
  const booked = new Map<number, AppointmentView>();
  const slotNames = slots.map((s) => s.slot);
  const book = async (visitor: PlannedVisitor) => {
    let code = '';
    for (const slot of nearestFirst(slotNames, visitor.slot)) {
      const body = { ...visitor.booking, date: SIM_DATE, slot, name: nameOf(visitor.index), mobile: `139${String(10_000_000 + visitor.index).slice(-8)}`, idNumber: residentId(visitor.index), partySize: visitor.partySize };
      try {
        booked.set(visitor.index, await anonymous<AppointmentView>('POST', `/api/halls/${HALL}/appointments`, body));
        return;
      } catch (error) {
        code = error instanceof ApiError ? `${error.code} ${error.message}` : 'UNKNOWN';
        if (!(error instanceof ApiError) || error.status >= 500) log.serverErrors.push(`book: ${String(error)}`);
        if (!code.startsWith('SLOT_FULL')) break;
      }
    }
    log.unbookedBy[code] = (log.unbookedBy[code] ?? 0) + 1;
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: BOOKING_CONCURRENCY }, async () => {
      while (next < plan.length) await book(plan[next++]!);
    }),
  );
  log.bookedBy = new Date(clock.now()).toISOString();

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
  /** When each visitor in the door's line joined it. */
  const joinedLine = new Map<number, number>();
  const joinLine = (visitor: PlannedVisitor) => {
    joinedLine.set(visitor.index, clock.now());
    doorQueue.push(visitor);
  };
  const inside = new Map<string, Inside>();
  const expected = plan.filter((v) => v.arrivesAfterSlotMinutes !== null && booked.has(v.index)).length;
  let finished = 0;
  /** Visitors told the holding area is full, on their way back to the door. */
  let comingBack = 0;
  const done = () => finished++;

  for (const visitor of plan) {
    if (visitor.arrivesAfterSlotMinutes === null || !booked.has(visitor.index)) continue;
    clock.at(localInstant(booked.get(visitor.index)!.slot) + visitor.arrivesAfterSlotMinutes * 60_000, () => {
      log.cameToDoor++;
      joinLine(visitor);
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
      // The party's time at the door includes the staff's requests: on a slow machine they eat into it, not add to it.
      const reached = clock.now();
      log.doorLineMinutes.push((reached - (joinedLine.get(visitor.index) ?? reached)) / 60_000);
      const code = booked.get(visitor.index)!.code;
      const { value: found, code: lookupRefusal } = await request('check-in', () => door<CheckInResponse>('POST', `/api/halls/${HALL}/check-ins`, { code }));
      if (!found || found.arrival === 'too_late' || found.arrival === 'too_early') {
        sendHome(found ? found.arrival : lookupRefusal);
        done();
        continue;
      }
      const people = [reading(visitor.health), ...Array.from({ length: visitor.partySize - 1 }, () => reading('green'))];
      const { value: screened, code: refusal } = await request('screen', () =>
        door<{ admitted: boolean }>('POST', `/api/halls/${HALL}/screenings`, { name: nameOf(visitor.index), categoryId: found.appointment.categoryId, appointmentCode: code, people }),
      );
      await clock.until(reached + options.doorMinutes * 60_000);
      if (!screened && (refusal === 'HOLDING_FULL' || refusal === 'HOLDING_FULL_KEPT')) {
        // B4: told to come back when there is room to wait; they do, ten minutes later (B6: their appointment kept for it).
        comingBack++;
        clock.at(clock.now() + 10 * 60_000, () => {
          comingBack--;
          joinLine(visitor);
        });
        continue;
      }
      if (!screened?.admitted) {
        if (!screened) sendHome(refusal);
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
        if (!visitor) continue;
        const phoneToken = admitted!.phoneTokens[ticket.id]!;
        inside.set(ticket.id, { visitor, phoneToken });
        // The visitor looks at the phone once inside: the wait it shows is what the day's estimate error is measured on.
        void attempt('phone', () => anonymous<{ estimatedWaitMinutes: number | null }>('GET', `/api/public/tickets/${phoneToken}`)).then((status) => {
          if (status?.estimatedWaitMinutes != null) log.phoneEstimates.set(ticket.id, status.estimatedWaitMinutes);
        });
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
      // The visitor walks to the window, then is served; the clerk's requests count in those minutes, not on top of them.
      const atWindow = clock.now() + (WALK_MINUTES - 0.5 + rand()) * 60_000;
      await clock.until(atWindow);
      await attempt('start', () => api('POST', `/api/halls/${HALL}/tickets/${ticket.id}/start`));
      const typical = handlingMinutes(inside.get(ticket.id)?.visitor.booking, ticket.categoryId);
      await clock.until(atWindow + Math.max(1, typical * Math.exp(normal(rand, -0.06, 0.35))) * 60_000);
      const completed = await attempt('complete', () => api<{ ticket: { state: string } }>('POST', `/api/halls/${HALL}/tickets/${ticket.id}/complete`));
      // A routed 一件事 goes on to its next window; its visitor's day ends at the last.
      if (completed?.ticket.state === 'done') afterService(ticket.id);
    }
  };

  await Promise.all([...Array.from({ length: options.doorLanes }, lane), batches(), ...Array.from({ length: options.windows }, (_, i) => clerk(i + 1))]);
  log.unfinished = expected - finished;
  log.unfinishedAt = { door: doorQueue.length + comingBack, inside: inside.size, holding: Math.max(0, log.unfinished - doorQueue.length - comingBack - inside.size) };
  return log;
}
