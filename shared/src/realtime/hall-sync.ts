import type { Audience } from '../domain/audience.projections.ts';
import { applyHallEvent } from '../domain/hall-state.ts';
import { applyPhoneEvent, applyPublicEvent } from '../domain/public-state.ts';
import type { AudienceStream, JoinResult } from './protocol.ts';
import { AUDIENCE_EVENT, HEARTBEAT, PROTOCOL_VERSION } from './protocol.ts';

type State<A extends Audience> = AudienceStream[A]['state'];
type Envelope<A extends Audience> = AudienceStream[A]['envelope'];

/** How each audience applies its own events (R3, PV4): the same pure reducers the server's tests use. */
const APPLY: { [A in Audience]: (state: State<A>, envelope: Envelope<A>) => State<A> } = {
  staff: applyHallEvent,
  public: applyPublicEvent,
  phone: applyPhoneEvent,
};

/** A node that cannot check credentials for a moment (UNAVAILABLE): back within a few seconds. */
const RETRY_UNAVAILABLE = { minMs: 1_000, spreadMs: 2_000 };
/**
 * AC7: a visitor refused for its address's rate (REALTIME_RATE_LIMITED): the
 * window is a minute, so not before 15 s, and spread over half a minute so a
 * lobby's phones do not come back together. The booking page reads the level
 * over HTTP meanwhile (LV13).
 */
export const RETRY_RATE_LIMITED = { minMs: 15_000, spreadMs: 30_000 };

/** `revoked`: the server no longer accepts this screen's or person's credential (A17); only a new pairing or sign-in helps. */
export type ConnectionStatus = 'connecting' | 'live' | 'offline' | 'outdated' | 'revoked';

/** The part of a Socket.IO client HallSync needs; a fake can stand in for tests. */
export interface SyncSocket {
  readonly connected: boolean;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  on(event: 'connect_error', listener: (error: Error & { data?: unknown }) => void): unknown;
  on(event: 'hall:changed' | 'hall:public', listener: (envelope: never) => void): unknown;
  on(event: 'hall:beat', listener: (beat: { at: string }) => void): unknown;
  emit(event: 'hall:join', request: { hallId: string; lastSeq: number | null }, ack: (result: JoinResult) => void): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export interface HallSyncListener<A extends Audience = 'staff'> {
  /** The state changed (after a snapshot, a catch-up, or a live event). */
  state?(state: State<A>): void;
  /**
   * One event was applied, exactly once per seq. `live` is false while
   * catching up after a reconnect, so screens can decide what to announce.
   */
  event?(envelope: Envelope<A>, context: { live: boolean; state: State<A>; serverTime: string }): void;
  status?(status: ConnectionStatus): void;
  /** A join was answered: the server's time at that moment (screens keep the hall's clock by it). */
  joined?(serverTime: string): void;
  /** R8: the server's beat, with its time. */
  beat?(serverTime: string): void;
  /** The server speaks a newer protocol: the page must reload. */
  reloadRequired?(): void;
}

/**
 * Keeps one hall's state in step with the server, exactly once per seq.
 *
 * On every (re)connect it joins with the last seq it applied; the server
 * answers with the missed events or a snapshot. Live events are applied only
 * when they are the next seq; an older one is a duplicate and dropped, a gap
 * triggers a re-join. So no event is ever applied twice or skipped (rule R2).
 * Each audience (staff, a public screen, a phone) has its own stream and
 * state shape; a join answered for another audience is refused (PV1).
 */
export class HallSync<A extends Audience = 'staff'> {
  #state: State<A> | null = null;
  #status: ConnectionStatus = 'connecting';
  #joining = false;
  #rejoinWanted = false;
  /** Identifies the join in flight; an ack from an older attempt (before a disconnect) is ignored. */
  #joinAttempt = 0;
  #buffer: Envelope<A>[] = [];
  #listeners = new Set<HallSyncListener<A>>();
  /** Server time of the newest snapshot or event: screens show and judge time by the hall's clock, not their own. */
  #serverTime = '';
  readonly #socket: SyncSocket;
  readonly #hallId: string;
  readonly #audience: A;

  /** When the server was last heard from (a beat, an event, a join answer), by this device's clock. */
  #lastHeard = Date.now();
  #watchdog: ReturnType<typeof setInterval> | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(socket: SyncSocket, hallId: string, audience: A = 'staff' as A, initial: State<A> | null = null) {
    this.#socket = socket;
    this.#hallId = hallId;
    this.#audience = audience;
    // R8: screens and staff apps hear a beat every 2 s; five seconds of silence is a lost link, even one the
    // network did not close (a Wi-Fi that drops packets). Phones rely on Socket.IO's slower ping instead.
    socket.on('hall:beat', (beat) => {
      this.#lastHeard = Date.now();
      for (const listener of this.#listeners) listener.beat?.(beat.at);
    });
    if (audience !== 'phone') {
      this.#watchdog = setInterval(() => this.#checkHeard(), 1_000);
      (this.#watchdog as { unref?: () => void }).unref?.();
    }
    this.#state = initial;
    socket.on('connect', () => this.#join());
    socket.on('disconnect', (reason) => {
      // An ack for a join sent before the drop never arrives: forget it, the next connect joins afresh.
      this.#joining = false;
      this.#rejoinWanted = false;
      this.#joinAttempt++;
      this.#buffer = [];
      this.#setStatus('offline');
      // Closed by the server (a credential withdrawn, A17): Socket.IO will not retry by itself, so ask once; the handshake says why.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      const data = error.data as { reload?: boolean; code?: string } | undefined;
      if (data?.reload) this.#outdated();
      else if (data?.code === 'UNAUTHORIZED') this.#revoked();
      else {
        this.#setStatus('offline');
        // Refused for now, not for ever (a relay that cannot reach its primary): Socket.IO does not retry a refused handshake by itself.
        if (data?.code === 'UNAVAILABLE') this.#retryLater(RETRY_UNAVAILABLE);
        // AC7: too many visitor connections from this address this minute: try again well within the next minute.
        else if (data?.code === 'REALTIME_RATE_LIMITED') this.#retryLater(RETRY_RATE_LIMITED);
      }
    });
    socket.on(AUDIENCE_EVENT[audience], (envelope: Envelope<A>) => this.#receive(envelope));
    if (socket.connected) this.#join();
  }

  get state(): State<A> | null {
    return this.#state;
  }

  /** The server's time at the newest snapshot or event (ISO), '' before the first. */
  get serverTime(): string {
    return this.#serverTime;
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  get lastSeq(): number | null {
    return this.#state?.seq ?? null;
  }

  subscribe(listener: HallSyncListener<A>): () => void {
    this.#listeners.add(listener);
    if (this.#state) listener.state?.(this.#state);
    listener.status?.(this.#status);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    if (this.#watchdog) clearInterval(this.#watchdog);
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#listeners.clear();
    this.#socket.disconnect();
  }

  #join(): void {
    if (this.#joining) {
      this.#rejoinWanted = true;
      return;
    }
    this.#joining = true;
    this.#rejoinWanted = false;
    this.#buffer = [];
    const attempt = ++this.#joinAttempt;
    this.#socket.emit('hall:join', { hallId: this.#hallId, lastSeq: this.lastSeq }, (result) => {
      if (attempt !== this.#joinAttempt) return;
      this.#joining = false;
      this.#onJoined(result);
      if (this.#rejoinWanted && this.#socket.connected) this.#join();
    });
  }

  #onJoined(joined: JoinResult): void {
    if (!joined.ok) {
      this.#setStatus('offline');
      // AC7: a visitor's join refused for its address's rate: join again later on the same connection.
      if (joined.code === 'REALTIME_RATE_LIMITED') this.#retryLater(RETRY_RATE_LIMITED);
      return;
    }
    if (joined.protocolVersion !== PROTOCOL_VERSION) {
      this.#outdated();
      return;
    }
    if (joined.audience !== this.#audience) {
      this.#setStatus('offline');
      return;
    }
    const result = joined as Extract<JoinResult<A>, { ok: true }>;
    this.#lastHeard = Date.now();
    this.#serverTime = result.serverTime;
    for (const listener of this.#listeners) listener.joined?.(result.serverTime);
    if (result.mode === 'snapshot') {
      this.#state = result.snapshot;
      this.#emitState();
    } else {
      for (const envelope of result.events) this.#apply(envelope, false);
      if (result.events.length > 0) this.#emitState();
    }
    // Live events that raced the join reply: apply those that follow on.
    const buffered = this.#buffer;
    this.#buffer = [];
    this.#setStatus('live');
    for (const envelope of buffered) this.#receive(envelope);
  }

  #checkHeard(): void {
    if (!this.#socket.connected || this.#status !== 'live' || Date.now() - this.#lastHeard <= HEARTBEAT.silenceMs) return;
    // Silence: the link is dead though not closed. Say so, and connect again (the join catches up by seq).
    this.#setStatus('offline');
    this.#socket.disconnect();
    this.#lastHeard = Date.now();
    this.#socket.connect();
  }

  #receive(envelope: Envelope<A>): void {
    this.#lastHeard = Date.now();
    if (envelope.hallId !== this.#hallId) return;
    if (this.#joining || !this.#state) {
      this.#buffer.push(envelope);
      return;
    }
    const expected = this.#state.seq + 1;
    if (envelope.seq < expected) return; // already applied: a duplicate
    if (envelope.seq > expected) {
      this.#join(); // a gap: fetch what we missed from the log
      return;
    }
    this.#apply(envelope, true);
    this.#emitState();
  }

  #apply(envelope: Envelope<A>, live: boolean): void {
    if (!this.#state || envelope.seq !== this.#state.seq + 1) return;
    this.#state = (APPLY[this.#audience] as (state: State<A>, envelope: Envelope<A>) => State<A>)(this.#state, envelope);
    if (envelope.at > this.#serverTime) this.#serverTime = envelope.at;
    const state = this.#state;
    const serverTime = this.#serverTime;
    for (const listener of this.#listeners) listener.event?.(envelope, { live, state, serverTime });
  }

  #emitState(): void {
    const state = this.#state;
    if (!state) return;
    for (const listener of this.#listeners) listener.state?.(state);
  }

  #setStatus(status: ConnectionStatus): void {
    if (this.#status === status || this.#status === 'outdated' || this.#status === 'revoked') return;
    this.#status = status;
    for (const listener of this.#listeners) listener.status?.(status);
  }

  /** The credential is refused: stop retrying (it would be refused forever) and say so. */
  #revoked(): void {
    this.#setStatus('revoked');
    this.#socket.disconnect();
  }

  /** Connects again (or, still connected, joins again) after a jittered pause, so refused clients do not return in lockstep. */
  #retryLater(delay: { minMs: number; spreadMs: number }): void {
    if (this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      if (!this.#socket.connected) this.#socket.connect();
      else if (this.#status !== 'live') this.#join();
    }, delay.minMs + Math.random() * delay.spreadMs);
  }

  #outdated(): void {
    this.#setStatus('outdated');
    this.#socket.disconnect();
    for (const listener of this.#listeners) listener.reloadRequired?.();
  }
}
