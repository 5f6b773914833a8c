import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, ROOT } from './support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'hallflow-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `pnpm start`'s script the way a person would, and returns what it printed once it serves. */
async function start(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!output.includes('HallFlow is running') && child.exitCode === null) {
    if (Date.now() > deadline) throw new Error(`start did not finish:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}`, child, exited, output: () => output };
}

describe('pnpm start', () => {
  it('[A7][A9][A23] serves the landing page, the three apps and the API, and prints the first admin password, the demo accounts and every demo screen link once', async () => {
    const env = { DATABASE_PATH: join(dir, 'start.db') };
    const first = await start(env);
    try {
      const password = /First admin account \(shown only this once\): admin \/ (\S+)/.exec(first.output())?.[1];
      expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
      expect(first.output()).toMatch(/\/display\/lobby\?device=\S+/);
      // A23: the demo hall's screens, every window's screen and rating pad too, and its staff accounts, printed once.
      expect(first.output()).toMatch(/\/display\/outdoor\?device=\S+/);
      for (const n of [1, 8]) {
        expect(first.output()).toMatch(new RegExp(`/display/window/${n}\\?device=\\S+`));
        expect(first.output()).toMatch(new RegExp(`/display/rating/${n}\\?device=\\S+`));
      }
      const demoPasswords = Object.fromEntries(['door', 'clerk', 'supervisor'].map((role) => [role, new RegExp(`${role}\\s+demo-${role} / (\\S+)`).exec(first.output())?.[1]]));
      for (const role of ['door', 'clerk', 'supervisor']) expect(demoPasswords[role], role).toMatch(/^[A-Za-z2-9]{16}$/);
      const demoLogin = await fetch(`${first.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'demo-clerk', password: demoPasswords.clerk }),
      });
      expect(demoLogin.status).toBe(200);
      const landing = await fetch(`${first.url}/`);
      const landingHtml = await landing.text();
      for (const link of ['/clerk/', '/checkin/', '/checkin/book', '/display/', '/api/docs']) expect(landingHtml).toContain(`href="${link}"`);
      for (const path of ['/display/lobby', '/clerk/', '/checkin/', '/checkin/book', '/t/some-token']) {
        const page = await fetch(`${first.url}${path}`);
        expect(page.status, path).toBe(200);
        expect(await page.text(), path).toContain('<script');
      }
      const login = await fetch(`${first.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      const openapi = await fetch(`${first.url}/api/openapi.json`);
      expect(openapi.status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0); // graceful shutdown
    }
    const second = await start(env);
    try {
      expect(second.output()).not.toContain('First admin account');
      expect(second.output()).not.toContain('demo-clerk');
      expect(second.output()).not.toContain('?device=');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });

  it('[A10] a bad environment variable stops the server with a message naming it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: join(ROOT, 'server'),
      env: { ...process.env, PORT: 'not-a-port', DATABASE_PATH: join(dir, 'bad.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('PORT');
  });

  it('[A10] with a certificate and key the server speaks HTTPS (door cameras need it); one without the other stops it, naming the variable', async () => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']);
    expect(made.status, made.stderr?.toString()).toBe(0);
    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: join(ROOT, 'server'),
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_PATH: join(dir, 'tls.db'), TLS_CERT_FILE: cert, TLS_KEY_FILE: key },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const deadline = Date.now() + 30_000;
      while (!output.includes('HallFlow is running')) {
        if (Date.now() > deadline || server.exitCode !== null) throw new Error(`no start:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(output).toContain(`https://localhost:${port}/`);
      const health = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        httpsGet({ host: '127.0.0.1', port, path: '/api/health', ca: readFileSync(cert) }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        }).on('error', reject);
      });
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }

    const half = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: join(ROOT, 'server'),
      env: { ...process.env, PORT: String(port), DATABASE_PATH: join(dir, 'tls.db'), TLS_CERT_FILE: cert },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let complaint = '';
    half.stderr.on('data', (chunk: Buffer) => (complaint += chunk.toString()));
    expect(await new Promise<number | null>((resolve) => half.once('exit', resolve))).toBe(1);
    expect(complaint).toContain('TLS_KEY_FILE');
  });
});
