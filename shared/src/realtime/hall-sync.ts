import type { HallEventEnvelope } from '../domain/events.ts';
import { applyHallEvent } from '../domain/hall-state.ts';
import type { HallSnapshot } from '../domain/types.ts';
import type { JoinResult } from './protocol.ts';
import { PROTOCOL_VERSION } from './protocol.ts';

/** `revoked`: the server no longer accepts this screen's or person's credential (A17); only a new pairing or sign-in helps. */
export type ConnectionStatus = 'connecting' | 'live' | 'offline' | 'outdated' | 'revoked';

/** The part of a Socket.IO client HallSync needs; a fake can stand in for tests. */
export interface SyncSocket {
  readonly connected: boolean;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  on(event: 'connect_error', listener: (error: Error & { data?: unknown }) => void): unknown;
  on(event: 'hall:changed', listener: (envelope: HallEventEnvelope) => void): unknown;
  emit(event: 'hall:join', request: { hallId: string; lastSeq: number | null }, ack: (result: JoinResult) => void): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export interface HallSyncListener {
  /** The state changed (after a snapshot, a catch-up, or a live event). */
  state?(state: HallSnapshot): void;
  /**
   * One event was applied, exactly once per seq. `live` is false while
   * catching up after a reconnect, so screens can decide what to announce.
   */
  event?(envelope: HallEventEnvelope, context: { live: boolean; state: HallSnapshot }): void;
  status?(status: ConnectionStatus): void;
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
 */
export class HallSync {
  #state: HallSnapshot | null = null;
  #status: ConnectionStatus = 'connecting';
  #joining = false;
  #rejoinWanted = false;
  /** Identifies the join in flight; an ack from an older attempt (before a disconnect) is ignored. */
  #joinAttempt = 0;
  #buffer: HallEventEnvelope[] = [];
  #listeners = new Set<HallSyncListener>();
  readonly #socket: SyncSocket;
  readonly #hallId: string;

  constructor(socket: SyncSocket, hallId: string, initial: HallSnapshot | null = null) {
    this.#socket = socket;
    this.#hallId = hallId;
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
      else this.#setStatus('offline');
    });
    socket.on('hall:changed', (envelope) => this.#receive(envelope));
    if (socket.connected) this.#join();
  }

  get state(): HallSnapshot | null {
    return this.#state;
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  get lastSeq(): number | null {
    return this.#state?.seq ?? null;
  }

  subscribe(listener: HallSyncListener): () => void {
    this.#listeners.add(listener);
    if (this.#state) listener.state?.(this.#state);
    listener.status?.(this.#status);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
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

  #onJoined(result: JoinResult): void {
    if (!result.ok) {
      this.#setStatus('offline');
      return;
    }
    if (result.protocolVersion !== PROTOCOL_VERSION) {
      this.#outdated();
      return;
    }
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

  #receive(envelope: HallEventEnvelope): void {
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

  #apply(envelope: HallEventEnvelope, live: boolean): void {
    if (!this.#state || envelope.seq !== this.#state.seq + 1) return;
    this.#state = applyHallEvent(this.#state, envelope);
    const state = this.#state;
    for (const listener of this.#listeners) listener.event?.(envelope, { live, state });
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

  #outdated(): void {
    this.#setStatus('outdated');
    this.#socket.disconnect();
    for (const listener of this.#listeners) listener.reloadRequired?.();
  }
}
