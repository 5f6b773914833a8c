/**
 * A separate process holding many screens' realtime connections (HallSync,
 * as the display app uses it). `url` may list several nodes, comma-separated:
 * client i starts on node i mod n and, when its node stops answering, moves
 * to the next (as a load balancer would send it), carrying its state so it
 * catches up by seq. The parent test talks to it over IPC:
 * { type: 'status' } → how many are live and their last seqs;
 * { type: 'report' } → each client's applied seqs, called tickets and final state;
 * { type: 'offline', index, ms } → disconnect one client for a while.
 */
import { isPublicCallEvent } from '@hallflow/shared';
import { connectHall, HallSync, type HallSocket } from '@hallflow/shared/realtime';

const [urlList = '', token = '', count = '1', protocol, hallId = 'demo'] = process.argv.slice(2);
const urls = urlList.split(',');

let reloads = 0;

interface Client {
  socket: HallSocket;
  sync: HallSync<'public'>;
  node: number;
  seqs: number[];
  calls: string[];
  moves: number;
}

function attach(client: Client, initial: HallSync<'public'>['state']): void {
  const socket = connectHall({ url: urls[client.node]!, credential: 'device', token });
  // Pretend to be an old screen build when asked: its handshake carries an older protocol version.
  if (protocol !== undefined && protocol !== '') (socket.auth as { protocolVersion: number }).protocolVersion = Number(protocol);
  const sync = new HallSync(socket, hallId, 'public', initial);
  client.socket = socket;
  client.sync = sync;
  sync.subscribe({
    event: (envelope) => {
      client.seqs.push(envelope.seq);
      if (isPublicCallEvent(envelope.event) && envelope.event.type === 'ticket.called') client.calls.push(envelope.event.ticket.id);
    },
    reloadRequired: () => {
      reloads++;
    },
  });
  if (urls.length > 1) {
    // The node is gone (refused connections): move on to the next one with what this screen already shows.
    socket.io.on('reconnect_attempt', (attempt) => {
      if (attempt < 2 || client.sync !== sync) return;
      const state = sync.state;
      sync.close();
      client.node = (client.node + 1) % urls.length;
      client.moves++;
      attach(client, state);
    });
  }
}

const clients: Client[] = Array.from({ length: Number(count) }, (_, index) => {
  const client = { node: index % urls.length, seqs: [], calls: [], moves: 0 } as unknown as Client;
  attach(client, null);
  return client;
});

process.on('message', (message: { type: string; index?: number; ms?: number }) => {
  if (message.type === 'status') {
    process.send?.({ live: clients.filter((c) => c.sync.status === 'live').length, lastSeqs: clients.map((c) => c.sync.lastSeq), reloads, statuses: clients.map((c) => c.sync.status) });
  } else if (message.type === 'report') {
    process.send?.({ clients: clients.map((c) => ({ seqs: c.seqs, calls: c.calls, state: c.sync.state, node: c.node, moves: c.moves })) });
  } else if (message.type === 'offline' && message.index !== undefined) {
    const client = clients[message.index]!;
    client.socket.disconnect();
    setTimeout(() => client.socket.connect(), message.ms ?? 0);
    process.send?.({ offline: message.index });
  } else if (message.type === 'exit') {
    for (const client of clients) client.sync.close();
    process.exit(0);
  }
});
process.send?.({ ready: true });
