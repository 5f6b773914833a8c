import { DEFAULT_LEVEL_PRESETS, PROTOCOL_VERSION, levelRules, type HallInfo, type JoinResult, type PublicHallState } from '@hallflow/shared';
import { HallSync, type SyncSocket } from '@hallflow/shared/realtime';
import { afterEach, describe, expect, it, vi } from 'vitest';

const loadLevel = vi.fn();
vi.mock('../src/lib/booking/booking-api', () => ({ loadLevel: (...args: unknown[]) => loadLevel(...args) }));
const { followLevel } = await import('../src/lib/booking/live-level');
const { CONNECT_GRACE_MS, FALLBACK_JITTER, FALLBACK_MS, VISIBLE_MIN_GAP_MS } = await import('../src/lib/booking/level-fallback');
/** The longest and shortest jittered wait between two HTTP asks. */
const LONGEST = FALLBACK_MS * (1 + FALLBACK_JITTER);
const SHORTEST = FALLBACK_MS * (1 - FALLBACK_JITTER);

/** A Socket.IO client stand-in: connects when told, answers a join with the snapshot given, and delivers public events. */
class FakeSocket implements SyncSocket {
  connected = false;
  readonly handlers = new Map<string, ((...args: never[]) => void)[]>();
  constructor(private readonly snapshot: () => PublicHallState) {}
  on(event: string, listener: (...args: never[]) => void): unknown {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
    return this;
  }
  emit(_event: 'hall:join', _request: unknown, ack: (result: JoinResult) => void): unknown {
    ack({ ok: true, audience: 'public', protocolVersion: PROTOCOL_VERSION, serverTime: '2026-11-25T02:00:00.000Z', mode: 'snapshot', snapshot: this.snapshot() } as JoinResult);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const listener of this.handlers.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
  /** AC7: while set, a connection attempt is refused as the server refuses a visitor over its address's rate. */
  refusing = false;
  connect(): unknown {
    if (this.refusing) {
      this.fire('connect_error', Object.assign(new Error('Too many live connections from this network'), { data: { code: 'REALTIME_RATE_LIMITED', reload: false } }));
      return this;
    }
    this.connected = true;
    this.fire('connect');
    return this;
  }
  disconnect(): unknown {
    this.connected = false;
    this.fire('disconnect', 'transport close');
    return this;
  }
}

/** A browser tab: in view or not, saying so as `document` does. */
class FakePage extends EventTarget {
  hidden = false;
  set(hidden: boolean) {
    this.hidden = hidden;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

const hall = (level: 'normal' | 'strict'): HallInfo => ({ id: 'demo', name: '市民服务中心', nameEn: 'City', timezone: 'Asia/Shanghai', capacity: 54, holdingCapacity: 30, batchSize: 6, levelRules: levelRules(level, DEFAULT_LEVEL_PRESETS[level]) });
const state = (level: 'normal' | 'strict', seq: number) => ({ seq, hall: hall(level) }) as unknown as PublicHallState;

/** Time passes with the server's beat every 2 s (R8), as on a live link. */
async function liveFor(socket: FakeSocket, ms: number) {
  for (let t = 0; t < ms; t += 2_000) {
    await vi.advanceTimersByTimeAsync(2_000);
    socket.fire('hall:beat', { at: '2026-11-25T02:00:00.000Z' });
  }
}

afterEach(() => {
  vi.useRealTimers();
  loadLevel.mockReset();
});

const strictOverHttp = { level: 'strict', lines: [{ zh: '出示绿色健康码', en: 'Show a green health code' }] };

describe('the level on a visitor page follows the live stream', () => {
  it('[LV13][LV8] HTTP only while the stream is not live: not at all when it goes live within the grace; after a drop the stream\'s level stays until the next gentle turn; back live, it shows at once and the asking stops', async () => {
    vi.useFakeTimers();
    loadLevel.mockResolvedValue(strictOverHttp);
    let current = state('normal', 7);
    const socket = new FakeSocket(() => current);
    const shown: { level: string; source: string }[] = [];
    const stop = followLevel('demo', (level) => shown.push({ level: level.level, source: level.source }), new HallSync(socket, 'demo', 'public'), new FakePage());

    // Opening: the stream is live within the grace, so nothing is asked over HTTP.
    await vi.advanceTimersByTimeAsync(CONNECT_GRACE_MS - 500);
    socket.connect();
    expect(shown).toEqual([{ level: 'normal', source: 'stream' }]);
    await liveFor(socket, LONGEST * 3);
    expect(loadLevel).not.toHaveBeenCalled();
    // A level.changed on the stream shows at once.
    socket.fire('hall:public', { hallId: 'demo', seq: 8, at: '2026-11-25T02:01:00.000Z', event: { type: 'level.changed', hall: hall('strict') } });
    expect(shown.at(-1)).toEqual({ level: 'strict', source: 'stream' });

    // A drop (a relay gone): the page keeps what the stream said and does not ask at once, with every phone behind it.
    socket.refusing = true;
    socket.disconnect();
    await vi.advanceTimersByTimeAsync(SHORTEST - 1);
    expect(loadLevel).not.toHaveBeenCalled();
    expect(shown.at(-1)).toEqual({ level: 'strict', source: 'stream' });
    await vi.advanceTimersByTimeAsync(LONGEST - SHORTEST + 1);
    expect(loadLevel).toHaveBeenCalledTimes(1);
    expect(shown.at(-1)?.source).toBe('http');

    // The stream comes back: its level shows at once, and nothing more is asked.
    current = state('normal', 9);
    socket.refusing = false;
    socket.connect();
    expect(shown.at(-1)).toEqual({ level: 'normal', source: 'stream' });
    await liveFor(socket, LONGEST * 3);
    expect(loadLevel).toHaveBeenCalledTimes(1);
    stop();
  });

  it('[AC7][LV13] a page refused its stream asks over HTTP at once, then about every 30 s, jittered (never the 3 s that used up a NAT\'s public limit), until the stream is granted', async () => {
    vi.useFakeTimers();
    loadLevel.mockResolvedValue(strictOverHttp);
    const socket = new FakeSocket(() => state('normal', 3));
    socket.refusing = true;
    const shown: { level: string; source: string }[] = [];
    const sync = new HallSync(socket, 'demo', 'public');
    const stop = followLevel('demo', (level) => shown.push({ level: level.level, source: level.source }), sync, new FakePage());
    const askedAt: number[] = [];
    loadLevel.mockImplementation(() => {
      askedAt.push(Date.now());
      return Promise.resolve(strictOverHttp);
    });
    const start = Date.now();
    // Refused at the handshake (AC7); HallSync tries again after 15–45 s and is refused again.
    socket.connect();
    await vi.advanceTimersByTimeAsync(0);
    expect(askedAt).toEqual([start]);
    expect(shown).toEqual([{ level: 'strict', source: 'http' }]);

    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(sync.status).toBe('offline');
    const gaps = askedAt.slice(1).map((at, i) => at - askedAt[i]!);
    // Five minutes: 8 to 13 asks after the first, each wait within 22.5–37.5 s, and not all alike (jittered).
    expect(gaps.length).toBeGreaterThanOrEqual(8);
    expect(gaps.length).toBeLessThanOrEqual(13);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(22_500);
      expect(gap).toBeLessThanOrEqual(37_500);
    }
    expect(new Set(gaps).size).toBeGreaterThan(1);

    // Granted at last: the stream's own level, and the asking stops.
    socket.refusing = false;
    socket.connect();
    expect(shown.at(-1)).toEqual({ level: 'normal', source: 'stream' });
    const asked = askedAt.length;
    await liveFor(socket, LONGEST * 3);
    expect(askedAt).toHaveLength(asked);
    stop();
  });

  it('[LV13] a page in the background that loses its stream asks nothing until it is back in view, then at once', async () => {
    vi.useFakeTimers();
    loadLevel.mockResolvedValue(strictOverHttp);
    const socket = new FakeSocket(() => state('normal', 3));
    const page = new FakePage();
    const stop = followLevel('demo', () => undefined, new HallSync(socket, 'demo', 'public'), page);
    socket.connect();
    page.set(true);
    // A phone's browser drops the sockets of a tab in the background.
    socket.refusing = true;
    socket.disconnect();
    await vi.advanceTimersByTimeAsync(LONGEST * 4);
    expect(loadLevel).not.toHaveBeenCalled();
    page.set(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(loadLevel).toHaveBeenCalledTimes(1);
    stop();
  });

  it('[LV13] a hidden page asks nothing; back in view it asks at once, but not again when flicked within a few seconds', async () => {
    vi.useFakeTimers();
    loadLevel.mockResolvedValue(strictOverHttp);
    const socket = new FakeSocket(() => state('normal', 3));
    socket.refusing = true;
    const page = new FakePage();
    const stop = followLevel('demo', () => undefined, new HallSync(socket, 'demo', 'public'), page);
    socket.connect();
    await vi.advanceTimersByTimeAsync(0);
    expect(loadLevel).toHaveBeenCalledTimes(1);

    page.set(true);
    await vi.advanceTimersByTimeAsync(LONGEST * 4);
    expect(loadLevel).toHaveBeenCalledTimes(1);
    page.set(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(loadLevel).toHaveBeenCalledTimes(2);
    // Away and back within a few seconds: what it shows is fresh, nothing is asked.
    page.set(true);
    await vi.advanceTimersByTimeAsync(VISIBLE_MIN_GAP_MS - 1_000);
    page.set(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(loadLevel).toHaveBeenCalledTimes(2);
    // ...and the gentle turn goes on from there.
    await vi.advanceTimersByTimeAsync(LONGEST);
    expect(loadLevel).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(LONGEST * 2);
    expect(loadLevel).toHaveBeenCalledTimes(3);
  });
});
