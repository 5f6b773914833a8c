/**
 * A separate process holding many screens' realtime connections (HallSync,
 * as the display app uses it). The parent test talks to it over IPC:
 * { type: 'status' } → how many are live and their last seqs;
 * { type: 'report' } → each client's applied seqs, called tickets and final state;
 * { type: 'offline', index, ms } → disconnect one client for a while.
 */
import { isPublicCallEvent } from '@hallflow/shared';
import { connectHall, HallSync, type HallSocket } from '@hallflow/shared/realtime';

const [url = '', token = '', count = '1', protocol] = process.argv.slice(2);

let reloads = 0;

interface Client {
  socket: HallSocket;
  sync: HallSync<'public'>;
  seqs: number[];
  calls: string[];
}

const clients: Client[] = Array.from({ length: Number(count) }, () => {
  const socket = connectHall({ url, credential: 'device', token });
  // Pretend to be an old screen build when asked: its handshake carries an older protocol version.
  if (protocol !== undefined) (socket.auth as { protocolVersion: number }).protocolVersion = Number(protocol);
  const sync = new HallSync(socket, 'demo', 'public');
  const client: Client = { socket, sync, seqs: [], calls: [] };
  sync.subscribe({
    event: (envelope) => {
      client.seqs.push(envelope.seq);
      if (isPublicCallEvent(envelope.event) && envelope.event.type === 'ticket.called') client.calls.push(envelope.event.ticket.id);
    },
    reloadRequired: () => {
      reloads++;
    },
  });
  return client;
});

process.on('message', (message: { type: string; index?: number; ms?: number }) => {
  if (message.type === 'status') {
    process.send?.({ live: clients.filter((c) => c.sync.status === 'live').length, lastSeqs: clients.map((c) => c.sync.lastSeq), reloads, statuses: clients.map((c) => c.sync.status) });
  } else if (message.type === 'report') {
    process.send?.({ clients: clients.map((c) => ({ seqs: c.seqs, calls: c.calls, state: c.sync.state })) });
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
