import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

export interface StaticAppsOptions {
  /** Folder that holds display/, clerk-console/ and checkin/ with their dist/ builds. */
  appsDir: string;
}

const APPS = [
  { dir: 'display', prefix: '/display/', title: '大厅显示屏 Screens', extra: ['/t/:token'] },
  { dir: 'clerk-console', prefix: '/clerk/', title: '窗口工作台 Clerk console', extra: [] },
  { dir: 'checkin', prefix: '/checkin/', title: '入口核验 Door check-in & booking', extra: [] },
] as const;

/**
 * Serves the three built Svelte apps. Each is a single-page app: any path
 * under its prefix that is not a file gets its index.html.
 */
export default fp<StaticAppsOptions>(
  async (app, options) => {
    let first = true;
    let favicon: Buffer | null = null;
    for (const spa of APPS) {
      const root = resolve(options.appsDir, spa.dir, 'dist');
      const indexFile = join(root, 'index.html');
      if (!existsSync(indexFile)) {
        app.log.warn({ app: spa.dir }, `${spa.dir} is not built (run pnpm build); ${spa.prefix} will answer 404`);
        continue;
      }
      await app.register(fastifyStatic, { root, prefix: spa.prefix, wildcard: false, decorateReply: first, index: false });
      first = false;
      const html = readFileSync(indexFile, 'utf8');
      const icon = join(root, 'favicon.svg');
      if (!favicon && existsSync(icon)) favicon = readFileSync(icon);
      const sendIndex = async (_request: unknown, reply: { type(t: string): { send(b: string): unknown } }) =>
        reply.type('text/html; charset=utf-8').send(html);
      const bare = spa.prefix.slice(0, -1);
      app.get(bare, { schema: { hide: true } }, sendIndex);
      app.get(spa.prefix, { schema: { hide: true } }, sendIndex);
      app.get(`${spa.prefix}*`, { schema: { hide: true } }, sendIndex);
      for (const path of spa.extra) app.get(path, { schema: { hide: true } }, sendIndex);
    }

    // Browsers ask for /favicon.ico on every page (the apps link their own copy, the landing page this one): never a 404.
    if (favicon) {
      const icon = favicon;
      const sendIcon = async (_request: unknown, reply: { header(k: string, v: string): unknown; type(t: string): { send(b: Buffer): unknown } }) => {
        reply.header('cache-control', 'public, max-age=86400');
        return reply.type('image/svg+xml').send(icon);
      };
      app.get('/favicon.ico', { schema: { hide: true } }, sendIcon);
      app.get('/favicon.svg', { schema: { hide: true } }, sendIcon);
    }

    app.get('/', { schema: { hide: true } }, async (_request, reply) => {
      const links = APPS.map((spa) => `<li><a href="${spa.prefix}">${spa.title}</a></li>`).join('');
      return reply
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>HallFlow 政务大厅</title>` +
            `<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" type="image/svg+xml" href="/favicon.svg">` +
            `<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}a{font-size:1.4rem}li{margin:.8rem 0}</style>` +
            `</head><body><h1>HallFlow 政务服务大厅</h1><ul>${links}<li><a href="/api/docs">API 文档 API docs</a></li></ul></body></html>`,
        );
    });
  },
  { name: 'static-apps' },
);
