/**
 * `pnpm bench` (realtime and commands): every figure beside a baseline
 * measured in the same run, on this machine, with the clients in other
 * processes on loopback. BENCH_SMOKE=1 runs it small (CI); BENCH_SCREENS
 * (e.g. "1000,5000,10000") sets the screen counts of a full run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Fastify, { type FastifyInstance } from 'fastify';
import { Server as SocketServer } from 'socket.io';
import { WebSocketServer } from 'ws';
import app, { httpOptions } from '../server/src/app.ts';
import { loadEnv } from '../server/src/config/env.ts';
import { offsetClock } from '../server/src/core/clock.ts';
import { issueTicketTx } from '../server/src/modules/tickets/issue.service.ts';
import { callNext } from '../server/src/modules/tickets/calling.service.ts';
import { completeTicket } from '../server/src/modules/tickets/ticket-flow.service.ts';
import { openWindow } from '../server/src/modules/tickets/window.service.ts';

const SMOKE = process.env.BENCH_SMOKE === '1';
const SCREENS = (process.env.BENCH_SCREENS ?? (SMOKE ? '200' : '1000,5000,10000')).split(',').map(Number);
const STORM = Number(process.env.BENCH_STORM ?? (SMOKE ? 200 : 5000));
const LOAD_MS = SMOKE ? 1_500 : 5_000;
const WARM_UP_MS = SMOKE ? 300 : 1_500;
/** BENCH_PARTS picks parts of a run, e.g. "calls,nodes" (all by default). */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'calls,storms,commands,memory,nodes').split(','));
/**
 * The command loads run in a process of their own when other parts run too: the server under load lives in the
 * benchmark's process, and after the screens' parts that process carried their heap and garbage (issueTicket read
 * 6,460/s there, 7,440-7,560/s in a process of its own).
 */
const COMMANDS_APART = PARTS.size > 1 && PARTS.delete('commands');
const PER_PROCESS = 2_500;
const PASSWORD = 'bench-password-1';
const here = import.meta.dirname;
const now = () => performance.timeOrigin + performance.now();

const dirs: string[] = [];
const children: ChildProcess[] = [];

async function hallflow(overrides: Record<string, string> = {}): Promise<{ app: FastifyInstance; url: string; admin: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'hallflow-bench-'));
  dirs.push(dir);
  const env = loadEnv({ DATABASE_PATH: join(dir, 'hall.db'), LOG_LEVEL: 'silent', ADMIN_INITIAL_PASSWORD: PASSWORD, APPS_DIR: '/nonexistent', HOUSEKEEPING_INTERVAL_MS: '0', PUBLIC_RATE_LIMIT: '100000000', LOGIN_RATE_LIMIT: '100000', CLOCK_START: '2026-11-25T10:00:00+08:00', ...overrides });
  const instance = Fastify({ ...httpOptions, logger: false });
  await instance.register(app, { env, clock: offsetClock(new Date(env.CLOCK_START!)) });
  await instance.listen({ port: 0, host: '127.0.0.1' });
  const address = instance.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = await instance.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: PASSWORD } });
  return { app: instance, url, admin: login.json<{ token: string }>().token };
}

/** A port nobody listens on now (the system picks it); a fixed range could meet a port this run's own clients were given. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * A HallFlow node in a process of its own (`server/src/server.ts`), as it
 * runs in production: a relay, or a second node on the shared file. Run in
 * the benchmark's own process, a second node would share the first one's
 * event loop, and its figures would measure that.
 */
async function nodeProcess(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const child = fork(join(here, '../server/src/server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    cwd: join(here, '../server'),
    env: { ...process.env, LOG_LEVEL: 'error', APPS_DIR: '/nonexistent', HOST: '127.0.0.1', PORT: String(port), CLOCK_START: '2026-11-25T10:00:00+08:00', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the node on port ${port} did not start`);
}

function spawnProcess(script: string, args: string[], execArgv: string[] = ['--import', 'tsx']) {
  const child = fork(join(here, script), args, { execArgv, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  children.push(child);
  const ask = <T>(message: object): Promise<T> =>
    new Promise((resolve) => {
      child.once('message', (reply) => resolve(reply as T));
      child.send(message);
    });
  const ready = new Promise<void>((resolve) => child.once('message', () => resolve()));
  return { child, ask, ready };
}

/** The last call a screen received, as JSON: what the raw `ws` baseline broadcasts, byte for byte but the ticket id. */
let lastSample = '';

/** Screens spread over processes of at most PER_PROCESS each. */
async function screens(kind: 'hallflow' | 'bare' | 'ws', url: string, token: string, count: number, onOpen: () => void = () => undefined) {
  const groups = Array.from({ length: Math.ceil(count / PER_PROCESS) }, (_, i) => Math.min(PER_PROCESS, count - i * PER_PROCESS));
  const processes = groups.map((n) => spawnProcess('screen-clients.ts', [kind === 'bare' ? 'hallflow' : kind, url, token, String(n)]));
  await Promise.all(processes.map((p) => p.ready));
  onOpen();
  await Promise.all(processes.map((p) => p.ask({ type: 'open' })));
  const joined = async () => (await Promise.all(processes.map((p) => p.ask<{ joined: number }>({ type: 'status' })))).reduce((sum, s) => sum + s.joined, 0);
  const allJoined = async (timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    while ((await joined()) < count) {
      if (Date.now() > deadline) throw new Error(`only ${await joined()} of ${count} screens joined`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** Receive times of `event` of `ticketId` ('*': any ticket), once all have it (or after 15 s). */
  const deliveries = async (ticketId: string, send: () => Promise<void> | void, event = 'ticket.called') => {
    await Promise.all(processes.map((p) => p.ask({ type: 'watch', event, ticketId })));
    const sentAt = now();
    await send();
    const deadline = Date.now() + 15_000;
    for (;;) {
      const reports = await Promise.all(processes.map((p) => p.ask<{ times: number[]; sample?: string }>({ type: 'report' })));
      const times = reports.flatMap((r) => r.times);
      lastSample = reports.find((r) => r.sample)?.sample ?? lastSample;
      if (times.length >= count || Date.now() > deadline) return times.map((t) => t - sentAt).sort((a, b) => a - b);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const cycle = async () => Promise.all(processes.map((p) => p.ask({ type: 'cycle' })));
  const stop = () => processes.forEach((p) => p.child.send({ type: 'exit' }));
  /**
   * Issues a ticket and waits until every screen has it, so the call that follows is timed on a quiet line:
   * otherwise a call made a few milliseconds after the issue queues behind the issue's own fan-out, and a
   * node one hop further (a relay) pays that queue where the writing node does not.
   */
  const issueQuietly = async (issue: () => Promise<{ ticket: { id: string } }>) => {
    let issued: { ticket: { id: string } } | null = null;
    await deliveries('*', async () => void (issued = await issue()), 'ticket.issued');
    return issued!;
  };
  return { allJoined, deliveries, issueQuietly, cycle, stop };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;
/** Call latencies (ms, sorted) seen by `count` screens on `node` while `writer` issues and calls tickets. */
async function callsSeenBy(node: string, writer: FastifyInstance, admin: string, token: string, count: number): Promise<number[]> {
  const crowd = await screens('hallflow', node, token, count);
  await crowd.allJoined();
  const headers = { authorization: `Bearer ${admin}` };
  const all: number[] = [];
  await writer.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/open', headers });
  for (let round = 0; round < (SMOKE ? 3 : 10); round++) {
    const issued = await crowd.issueQuietly(async () => (await writer.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers, payload: { categoryId: 'demo-A' } })).json());
    all.push(...(await crowd.deliveries(issued.ticket.id, async () => void (await writer.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/call-next', headers })))));
    await writer.inject({ method: 'POST', url: `/api/halls/demo/tickets/${issued.ticket.id}/complete`, headers });
  }
  crowd.stop();
  return all.sort((a, b) => a - b);
}

function line(name: string, value: string, baseline: string, ratio: number, goal = '') {
  console.log(`${name.padEnd(52)} ${value.padStart(22)}   baseline ${baseline.padEnd(22)} ratio ${ratio.toFixed(2)}${goal ? `   goal ${goal}` : ''}`);
}

async function deviceToken(instance: FastifyInstance, admin: string) {
  const made = await instance.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: { authorization: `Bearer ${admin}` }, payload: { name: 'bench lobby', kind: 'lobby' } });
  return made.json<{ token: string }>().token;
}

/**
 * The baseline of a join storm: the same clients, connecting and joining the
 * same way, against a bare Socket.IO server (same transport options) that
 * accepts any credential and answers each join with a snapshot of the size a
 * lobby's is. What it takes is what the harness and the transport cost.
 */
async function bareStorm(): Promise<number> {
  const http = Fastify({ logger: false });
  await http.listen({ port: 0, host: '127.0.0.1' });
  const bare = new SocketServer(http.server, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });
  const snapshot = { ok: true, snapshot: { padding: 'x'.repeat(2_400) } };
  bare.use((_socket, next) => next());
  bare.on('connection', (socket) => socket.on('hall:join', (_request: unknown, ack: (answer: unknown) => void) => ack(snapshot)));
  let started = 0;
  const crowd = await screens('bare', `http://127.0.0.1:${(http.server.address() as { port: number }).port}`, 'bare', STORM, () => (started = now()));
  await crowd.allJoined();
  const seconds = (now() - started) / 1000;
  crowd.stop();
  bare.local.disconnectSockets(true);
  bare.engine.close();
  await http.close();
  return seconds;
}

/** A served day: `count` tickets issued, called and completed at one window, straight through the commands. */
function pastDay(instance: FastifyInstance, count: number) {
  instance.commands.run('demo', (ctx) => openWindow(ctx, 'demo', 'demo-w8', { id: 'bench', name: '压测' }));
  for (let i = 0; i < count; i++) {
    instance.commands.run('demo', (ctx) => issueTicketTx(ctx, 'demo', { categoryId: 'demo-B', priority: false, partyId: null, partySize: 1 }));
    const called = instance.commands.run('demo', (ctx) => callNext(ctx, 'demo', 'demo-w8'));
    if (called.ticket) instance.commands.run('demo', (ctx) => completeTicket(ctx, 'demo', called.ticket!.id));
  }
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}${SMOKE ? ' (smoke run)' : ''}`);
try {
  // 4. Memory per connected screen, and none kept over three connect cycles. Measured first, in a fresh
  // process: the servers of the other parts leave garbage and timers behind that a later measure would count.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!PARTS.has('memory')) {
    // not asked for
  } else if (gc) {
    const server = await hallflow();
    const token = await deviceToken(server.app, server.admin);
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = heap();
    const count = SMOKE ? 200 : 5_000;
    const crowd = await screens('hallflow', server.url, token, count);
    await crowd.allJoined();
    const connected = heap();
    const afterCycles: number[] = [];
    for (let i = 0; i < 3; i++) {
      await crowd.cycle();
      await crowd.allJoined();
      afterCycles.push(heap());
    }
    crowd.stop();
    await server.app.close();
    const perScreen = (connected - before) / count / 1024;
    const growth = (afterCycles.at(-1)! - connected) / 1024 / 1024;
    line(`heap per connected screen (${count} screens)`, `${perScreen.toFixed(1)} KB`, 'earlier measure 11 KB', perScreen / 11);
    line('heap growth over three connect cycles', `${growth.toFixed(1)} MB`, `connected ${(connected / 1024 / 1024).toFixed(0)} MB`, afterCycles.at(-1)! / connected);
  } else {
    console.log('heap per screen: run with node --expose-gc (pnpm bench does)');
  }

  // 1. A call reaching every screen, against a raw ws server broadcasting the same bytes.
  for (const count of PARTS.has('calls') ? SCREENS : []) {
    const server = await hallflow();
    const token = await deviceToken(server.app, server.admin);
    const lobby = await screens('hallflow', server.url, token, count);
    await lobby.allJoined();
    const headers = { authorization: `Bearer ${server.admin}` };
    await server.app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w1/open', headers });
    const ours: number[][] = [];
    const answerMs: number[] = [];
    let lastCalled = '';
    for (let round = 0; round < (SMOKE ? 3 : 10); round++) {
      const issued = await lobby.issueQuietly(async () => (await server.app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers, payload: { categoryId: 'demo-A' } })).json());
      lastCalled = issued.ticket.id;
      ours.push(
        await lobby.deliveries(issued.ticket.id, async () => {
          const started = now();
          await server.app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w1/call-next', headers });
          answerMs.push(now() - started);
        }),
      );
      await server.app.inject({ method: 'POST', url: `/api/halls/demo/tickets/${issued.ticket.id}/complete`, headers });
    }
    // The bytes of our last call; each raw round puts its own id (a UUID's 36 characters) in the ticket's place.
    const sample = lastSample;
    if (!sample.includes(lastCalled)) throw new Error('no screen received the last call: nothing to broadcast as the baseline');
    lobby.stop();
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => wss.once('listening', resolve));
    const wsUrl = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
    const raw = await screens('ws', wsUrl, '', count);
    await raw.allJoined();
    const theirs: number[][] = [];
    for (let round = 0; round < (SMOKE ? 3 : 10); round++) {
      const marker = `raw-${round}-${Date.now()}`;
      const ticketId = marker.padEnd(36, 'x');
      const bytes = sample.replaceAll(lastCalled, ticketId);
      theirs.push(await raw.deliveries(ticketId, () => wss.clients.forEach((client) => client.send(bytes))));
    }
    raw.stop();
    wss.close();
    const flat = (rounds: number[][]) => rounds.flat().sort((a, b) => a - b);
    const a = flat(ours);
    const b = flat(theirs);
    const delivered = ours.reduce((sum, r) => sum + r.length, 0) / ours.length;
    line(`call → ${count} screens, p50`, ms(pct(a, 50)), `raw ws ${ms(pct(b, 50))}`, pct(a, 50) / pct(b, 50));
    line(`call → ${count} screens, p99`, ms(pct(a, 99)), `raw ws ${ms(pct(b, 99))}`, pct(a, 99) / pct(b, 99), '≤ 1.5× at 5,000');
    line(`call → ${count} screens, last screen`, ms(a.at(-1)!), `raw ws ${ms(b.at(-1)!)}`, a.at(-1)! / b.at(-1)!);
    line(`call → ${count} screens, delivered per call`, `${delivered.toFixed(0)} of ${count}`, 'every screen', delivered / count);
    line(`call at ${count} screens, the clerk's answer p50`, ms(pct(answerMs.sort((x, y) => x - y), 50)), 'fan-out after the answer', 1);
    await server.app.close();
  }

  if (PARTS.has('storms')) {
    // 2. Join storms: screens connecting at once, on a fresh hall and late in a day of 3,000 served tickets.
    const storm = async (label: string, prepare: (instance: FastifyInstance) => void) => {
      const server = await hallflow();
      prepare(server.app);
      const token = await deviceToken(server.app, server.admin);
      const lag = monitorEventLoopDelay({ resolution: 10 });
      lag.enable();
      const health: number[] = [];
      let probing = true;
      const probe = (async () => {
        while (probing) {
          const started = now();
          await fetch(`${server.url}/api/health`);
          health.push(now() - started);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      let started = 0;
      const crowd = await screens('hallflow', server.url, token, STORM, () => (started = now()));
      await crowd.allJoined();
      const seconds = (now() - started) / 1000;
      probing = false;
      await probe;
      lag.disable();
      crowd.stop();
      await server.app.close();
      return { seconds, lagP99: lag.percentile(99) / 1e6, healthP90: pct(health.sort((x, y) => x - y), 90) };
    };
    const bareSeconds = await bareStorm();
    line(`${STORM} screens joined, bare Socket.IO server`, `${bareSeconds.toFixed(1)} s`, 'goal 5 s', bareSeconds / 5);
    const fresh = await storm('fresh', () => undefined);
    line(`${STORM} screens joined, fresh hall`, `${fresh.seconds.toFixed(1)} s`, `bare Socket.IO ${bareSeconds.toFixed(1)} s`, fresh.seconds / bareSeconds);
    const late = await storm('late', (instance) => pastDay(instance, SMOKE ? 300 : 3_000));
    line(`${STORM} screens joined, fresh hall, against the goal`, `${fresh.seconds.toFixed(1)} s`, 'goal 5 s', fresh.seconds / 5, '≤ 5 s');
    line(`${STORM} screens joined, late in a ${SMOKE ? 300 : 3_000}-ticket day`, `${late.seconds.toFixed(1)} s`, `fresh ${fresh.seconds.toFixed(1)} s`, late.seconds / fresh.seconds);
    line('event-loop lag p99 during the storm (late day)', ms(late.lagP99), 'goal 200 ms', late.lagP99 / 200, '≤ 200 ms');
    line('/api/health p90 during the storm (late day)', ms(late.healthP90), `fresh ${ms(fresh.healthP90)}`, late.healthP90 / fresh.healthP90);
  }

  if (PARTS.has('commands')) {
    // 3. Durable commands per second (synchronous=FULL), with and without group commit, against a bare route.
    const bare = Fastify({ logger: false });
    bare.post('/ok', async () => ({ ok: true }));
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/ok`;
    // The rate counts the requests that did what they asked (2xx): a refusal is cheaper than the work and would flatter it.
    // Each load is measured after a warm-up of the same requests on the same server (not counted): the first
    // second of a cold process compiles its hot paths and fills its caches, and one run of LOAD_MS measured
    // that start-up as much as the steady rate (a cold run read 6,000 where the same server then held 7,000).
    // Not for the loads that use up what the hall has (the door's walk-ins take the places of the slot open now,
    // the clerks the waiting tickets): a warm-up would leave their measured run refusals and empty calls. They run
    // on the server the issue load has warmed.
    const load = async (url: string, token: string, body: string, offset = 0, env: Record<string, string> = {}, warmUp = true) => {
      if (warmUp) await generate(url, token, body, WARM_UP_MS, offset + 1_000_000, env);
      return generate(url, token, body, LOAD_MS, offset, env);
    };
    const generate = async (url: string, token: string, body: string, durationMs: number, offset: number, env: Record<string, string>) => {
      const generator = fork(join(here, 'load.ts'), [url, 'POST', token, '32', String(durationMs), body], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
        env: { ...process.env, LOAD_OFFSET: String(offset), LOAD_CATEGORIES: 'demo-A,demo-B,demo-C,demo-D,demo-E,demo-F,demo-G', ...env },
      });
      children.push(generator);
      let out = '';
      generator.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      await new Promise((resolve) => generator.once('exit', resolve));
      const result = JSON.parse(out.trim().split('\n').at(-1)!) as { count: number; succeeded: number; seconds?: number; errors: number; statuses: Record<string, number>; calls?: number };
      return { perSecond: result.succeeded / (result.seconds ?? durationMs / 1000), ...result };
    };
    const baseline = await load(bareUrl, '-', '-');
    const grouped = await hallflow();
    const single = await hallflow({ COMMAND_GROUPING: 'false' });
    const headersFor = (server: { admin: string }) => server.admin;
    for (const server of [grouped, single]) {
      await server.app.inject({ method: 'PUT', url: '/api/halls/demo/crowd-config', headers: { authorization: `Bearer ${server.admin}` }, payload: { holdingCapacity: 100_000, maxOccupancy: 100_000 } });
      const settings = (await server.app.inject({ method: 'GET', url: '/api/halls/demo/appointment-settings' })).json<Record<string, unknown>>();
      await server.app.inject({ method: 'PUT', url: '/api/halls/demo/appointment-settings', headers: { authorization: `Bearer ${server.admin}` }, payload: { ...settings, placesPerSlot: 500 } });
    }
    const issueBody = JSON.stringify({ categoryId: 'demo-A' });
    const issueGrouped = await load(`${grouped.url}/api/halls/demo/tickets`, headersFor(grouped), issueBody);
    const issueSingle = await load(`${single.url}/api/halls/demo/tickets`, headersFor(single), issueBody);
    // The goal, measured from outside on another machine: 669 req/s was 1.08 % of a bare Fastify route there (62k/s),
    // so ten times it is 6,690 req/s there, or 0.108 of the bare route measured here in the same run.
    line('issueTicket, durable, group commit', `${issueGrouped.perSecond.toFixed(0)} req/s`, `bare route ${baseline.perSecond.toFixed(0)} req/s`, issueGrouped.perSecond / baseline.perSecond, '≥ 0.108');
    line('issueTicket, durable, against the goal', `${issueGrouped.perSecond.toFixed(0)} req/s`, 'goal 6690 req/s', issueGrouped.perSecond / 6_690, '≥ 1');
    line('issueTicket, durable, group commit vs one commit each', `${issueGrouped.perSecond.toFixed(0)} req/s`, `one each ${issueSingle.perSecond.toFixed(0)} req/s`, issueGrouped.perSecond / issueSingle.perSecond);
    const screenBody = JSON.stringify({ name: '压测', categoryId: '{{category}}', people: [{ healthCode: 'green', temperature: 36.5, mask: true, symptoms: { fever: false, cough: false, other: false } }] });
    // The walk-ins take places of the slots open now (A12): the demo hall's seven queues have 7,000 at 500 a slot, which
    // the door used up within the 5 s, so the figure was that supply over 5 s, not the door's rate. Timed over 6,000.
    const screenGrouped = await load(`${grouped.url}/api/halls/demo/screenings`, headersFor(grouped), screenBody, 0, { LOAD_AMOUNT: String(SMOKE ? 1_000 : 6_000) }, false);
    line('screenVisitor, durable, group commit', `${screenGrouped.perSecond.toFixed(0)} req/s`, `bare route ${baseline.perSecond.toFixed(0)} req/s`, screenGrouped.perSecond / baseline.perSecond);
    // callNext: a clerk at each of the demo hall's eight windows calls the next ticket, starts and completes it, again
    // and again, over the queues the loads above filled (each a command of its own, as at a real window).
    const windowIds = Array.from({ length: 8 }, (_, i) => `demo-w${i + 1}`);
    // Every window's queues have people (the issue load filled demo-A only; screened parties wait for their batch).
    for (const categoryId of ['demo-B', 'demo-C', 'demo-D', 'demo-E', 'demo-F', 'demo-G']) {
      for (let i = 0; i < (SMOKE ? 200 : 2_000); i++) grouped.app.commands.run('demo', (ctx) => issueTicketTx(ctx, 'demo', { categoryId, priority: false, partyId: null, partySize: 1 }));
    }
    for (const windowId of windowIds) await grouped.app.inject({ method: 'POST', url: `/api/halls/demo/windows/${windowId}/open`, headers: { authorization: `Bearer ${grouped.admin}` } });
    const clerks = await load(`${grouped.url}/api/halls/demo`, headersFor(grouped), '-', 0, { LOAD_CLERKS: windowIds.join(',') }, false);
    const callsPerSecond = (clerks.calls ?? 0) / (LOAD_MS / 1000);
    line('callNext (+ start, complete), 8 clerks, durable', `${callsPerSecond.toFixed(0)} calls/s`, `bare route ${baseline.perSecond.toFixed(0)} req/s`, clerks.perSecond / baseline.perSecond);
    // Spread over the seven queues: one queue's 17 slots of 500 places (the most a slot takes) are 8,500 bookings, which a
    // fast run fills within the 5 s, and the figure would then be the harness's ceiling, not the server's rate.
    const bookBody = '{"categoryId":"{{category}}","date":"2026-11-26","slot":"{{slot}}","name":"压测","mobile":"13800138000","idNumber":"{{id}}","partySize":1}';
    const booked = await load(`${grouped.url}/api/halls/demo/appointments`, '-', bookBody);
    line('bookAppointment, durable, group commit', `${booked.perSecond.toFixed(0)} req/s`, `bare route ${baseline.perSecond.toFixed(0)} req/s`, booked.perSecond / baseline.perSecond);
    const failures = [baseline, issueGrouped, issueSingle, screenGrouped, clerks, booked].reduce((sum, r) => sum + r.errors, 0);
    console.log(`load runs: ${failures} server errors`);
    await Promise.all([bare.close(), grouped.app.close(), single.app.close()]);
  }

  // 5. Two nodes through Redis: a screen on the other node gets the call later by the relay's cost.
  if (process.env.BENCH_REDIS !== '0' && PARTS.has('nodes')) {
    const dir = mkdtempSync(join(tmpdir(), 'hallflow-bench-redis-'));
    dirs.push(dir);
    const shared = { DATABASE_PATH: join(dir, 'hall.db'), REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: `hallflow-bench-${process.pid}` };
    const writer = await hallflow(shared);
    const readerUrl = await nodeProcess({ ...shared, ADMIN_INITIAL_PASSWORD: PASSWORD, HOUSEKEEPING_INTERVAL_MS: '0' });
    const token = await deviceToken(writer.app, writer.admin);
    const count = SMOKE ? 100 : 1_000;
    const same = await callsSeenBy(writer.url, writer.app, writer.admin, token, count);
    const other = await callsSeenBy(readerUrl, writer.app, writer.admin, token, count);
    line(`call → ${count} screens on the other node (shared file, adapter), p50`, ms(pct(other, 50)), `same node ${ms(pct(same, 50))}`, pct(other, 50) / pct(same, 50));
    await writer.app.close();

    // MN: a primary and a relay that mirrors the hall from its Redis stream (the topology for several machines).
    const secret = 'bench-relay-secret-0123456789abcdefghij';
    const streams = { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: `hallflow-bench-relay-${process.pid}`, RELAY_SECRET: secret };
    const primary = await hallflow({ ...streams, ROLE: 'primary' });
    const relayUrl = await nodeProcess({ ...streams, ROLE: 'relay', PRIMARY_URL: primary.url });
    const relayToken = await deviceToken(primary.app, primary.admin);
    const onPrimary = await callsSeenBy(primary.url, primary.app, primary.admin, relayToken, count);
    const onRelay = await callsSeenBy(relayUrl, primary.app, primary.admin, relayToken, count);
    line(`call → ${count} screens on a relay, p50`, ms(pct(onRelay, 50)), `on the primary ${ms(pct(onPrimary, 50))}`, pct(onRelay, 50) / pct(onPrimary, 50), '≤ 1.3×');
    line(`call → ${count} screens on a relay, p99`, ms(pct(onRelay, 99)), `on the primary ${ms(pct(onPrimary, 99))}`, pct(onRelay, 99) / pct(onPrimary, 99));
    await primary.app.close();
  }

  if (COMMANDS_APART) {
    const apart = fork(join(here, 'realtime.ts'), [], { execArgv: process.execArgv, env: { ...process.env, BENCH_PARTS: 'commands' }, stdio: 'inherit' });
    children.push(apart);
    const code = await new Promise<number | null>((resolve) => apart.once('exit', resolve));
    if (code !== 0) throw new Error(`the command loads' process ended with ${code}`);
  }
} finally {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
