/**
 * A process holding many screens' connections, for the realtime benchmarks.
 * `node screen-clients.ts <kind> <url> <token> <count>`, kind `hallflow`
 * (Socket.IO, joined to the hall's public stream, as a lobby is), `bare`
 * (the same Socket.IO client and join against a bare Socket.IO server: the
 * baseline of a join storm) or `ws` (a raw WebSocket, the baseline of a call). Over IPC the parent asks:
 *   { type: 'open' }              → connect every client (the parent times a storm from here,
 *                                   not from the process start);
 *   { type: 'status' }            → how many are joined;
 *   { type: 'watch', event, ticketId } → each client's receive time of that event of that ticket ('*': any);
 *   { type: 'cycle' }             → disconnect all, connect and join again;
 *   { type: 'exit' }.
 */
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';

const [kind = 'hallflow', url = '', token = '', countText = '1'] = process.argv.slice(2);
const count = Number(countText);
const now = () => performance.timeOrigin + performance.now();

let joined = 0;
let watching: { event: string; ticketId: string; times: number[]; sample?: string } | null = null;

type Envelope = { event?: { type?: string; ticket?: { id?: string } } };
/**
 * Both kinds do what a screen does with a message, no more: the Socket.IO
 * client has parsed it already, the raw one parses it here; then the event's
 * type and ticket id are compared. (Until 2026-11-29 the Socket.IO kind stringified
 * every envelope again to search it, work the raw kind did not do.)
 */
function received(envelope: Envelope) {
  if (watching && envelope.event?.type === watching.event && (watching.ticketId === '*' || envelope.event.ticket?.id === watching.ticketId)) {
    watching.times.push(now());
    // Once per watch (after the time is taken): the bytes the raw baseline then broadcasts.
    watching.sample ??= JSON.stringify(envelope);
  }
}

type Client = { close(): void; open(): void };

function hallflowClient(): Client {
  let socket: Socket;
  const open = () => {
    socket = io(url, { transports: ['websocket'], auth: { protocolVersion: 2, credential: 'device', token }, reconnection: true, reconnectionDelay: 200, reconnectionDelayMax: 2_000 });
    let isJoined = false;
    socket.on('connect', () =>
      socket.emit('hall:join', { hallId: 'demo', lastSeq: null }, (answer: { ok: boolean }) => {
        if (answer.ok && !isJoined) {
          isJoined = true;
          joined++;
        }
      }),
    );
    // `joined` counts the screens joined now: one that lost its link counts again once it has joined again.
    socket.on('disconnect', () => {
      if (isJoined) joined--;
      isJoined = false;
    });
    socket.on('hall:public', received);
  };
  open();
  return { close: () => socket.disconnect(), open };
}

/**
 * A raw WebSocket that, like the Socket.IO client above, connects again after
 * a reset (200 ms later): under 10,000 connections the loopback may reset a
 * few, and a reset without a listener for 'error' ended the whole process.
 */
function wsClient(): Client {
  let current: { socket: WebSocket; closing: boolean };
  const open = () => {
    const link = { socket: new WebSocket(url), closing: false };
    current = link;
    let isOpen = false;
    link.socket.on('open', () => {
      isOpen = true;
      joined++;
    });
    link.socket.on('message', (data) => received(JSON.parse(data.toString()) as Envelope));
    link.socket.on('error', () => undefined); // 'close' follows, and decides
    link.socket.on('close', () => {
      if (isOpen) joined--;
      isOpen = false;
      if (!link.closing) setTimeout(open, 200);
    });
  };
  open();
  return {
    close: () => {
      current.closing = true;
      current.socket.close();
    },
    open,
  };
}

const clients: Client[] = [];
async function openAll() {
  for (let i = 0; i < count; i++) {
    clients.push(kind === 'ws' ? wsClient() : hallflowClient());
    // Connect in slices, so the process itself is not the bottleneck of a storm.
    if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
  }
}

process.on('message', (message: { type: string; event?: string; ticketId?: string }) => {
  if (message.type === 'open') {
    process.send?.({ opening: true });
    void openAll();
  } else if (message.type === 'status') process.send?.({ joined });
  else if (message.type === 'watch') {
    watching = { event: message.event!, ticketId: message.ticketId!, times: [] };
    process.send?.({ watching: true });
  } else if (message.type === 'report') process.send?.({ times: watching?.times ?? [], sample: watching?.sample });
  else if (message.type === 'cycle') {
    // Each closed link takes itself off `joined` (Socket.IO at once, a raw socket when its close completes).
    for (const client of clients) client.close();
    for (const client of clients) client.open();
    process.send?.({ cycling: true });
  } else if (message.type === 'exit') {
    for (const client of clients) client.close();
    process.exit(0);
  }
});
process.send?.({ ready: true });
