import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

export interface StaticAppsOptions {
  /** Folder that holds display/, clerk-console/ and checkin/ with their dist/ builds. */
  appsDir: string;
}

const APPS = [
  { dir: 'display', prefix: '/display/', extra: ['/t/:token'] },
  { dir: 'clerk-console', prefix: '/clerk/', extra: [] },
  // PR1: a ticket's printout sits beside its phone page, at /t/<token>/print.
  { dir: 'checkin', prefix: '/checkin/', extra: ['/t/:token/print'] },
] as const;

/** A23: every entry point of HallFlow, for visitors, staff and screens. */
const LANDING_LINKS = [
  {
    group: '办事群众 Visitors',
    links: [
      { href: '/checkin/book', title: '网上预约', en: 'Book an appointment', note: '选择事项、日期和时段，凭预约码入场 · Choose a service and a time; enter with your code', testId: 'landing-book' },
      { href: '/checkin/book?find', title: '查找我的预约', en: 'Find my booking', note: '凭身份证号和手机号查看、改约或取消 · With your ID number and mobile: view, change or cancel', testId: 'landing-find' },
    ],
  },
  {
    group: '工作人员 Staff',
    links: [
      { href: '/checkin/', title: '入口核验', en: 'Door check-in', note: '扫码、健康核验、候场与分批放行 · Scan, screen, hold and admit in batches', testId: 'landing-door' },
      { href: '/clerk/', title: '窗口工作台', en: 'Clerk console', note: '叫号办理；主管：窗口总览、报表、大厅设置、人员与屏幕 · Call and serve; supervisors: overview, reports, settings, staff & screens', testId: 'landing-clerk' },
    ],
  },
  {
    group: '屏幕 Screens',
    links: [
      { href: '/display/', title: '大厅显示屏', en: 'Screens', note: '大厅主屏、窗口屏、评价器、户外屏：用管理员在“人员与屏幕”中给出的链接打开 · Lobby, window, rating pad and outdoor screens open with the link an admin gives under Staff & screens', testId: 'landing-screens' },
      { href: '/api/docs', title: 'API 文档', en: 'API docs', note: 'OpenAPI: /api/openapi.json', testId: 'landing-api' },
    ],
  },
] as const;

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function landingPage(): string {
  const groups = LANDING_LINKS.map(
    (group) =>
      `<section><h2>${escapeHtml(group.group)}</h2><div class="cards">` +
      group.links
        .map((link) => `<a class="card" href="${link.href}" data-testid="${link.testId}"><strong>${escapeHtml(link.title)}</strong><span class="en">${escapeHtml(link.en)}</span><span class="note">${escapeHtml(link.note)}</span></a>`)
        .join('') +
      `</div></section>`,
  ).join('');
  const style = [
    ':root{color-scheme:light;--blue:#1f5fbf;--ink:#1f2933;--muted:#616e7c;--bg:#f0f4f8}',
    '*{box-sizing:border-box}',
    'body{margin:0;font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}',
    'header{background:#0b1d33;color:#fff;padding:2.5rem 1.5rem 2rem}',
    'header div,main{max-width:64rem;margin:0 auto}',
    'header h1{margin:0;font-size:2rem;display:flex;align-items:center;gap:.8rem}',
    'header h1 img{width:2.6rem;height:2.6rem}',
    'header p{margin:.5rem 0 0;color:#c9d6e3}',
    'main{padding:1.5rem}',
    'h2{font-size:1.1rem;color:var(--muted);margin:1.5rem 0 .6rem}',
    '.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:1rem}',
    '.card{display:grid;gap:.25rem;background:#fff;border-radius:12px;padding:1.1rem 1.2rem;text-decoration:none;color:inherit;border:1px solid #d9e2ec;box-shadow:0 1px 2px rgba(0,0,0,.04)}',
    '.card:hover,.card:focus-visible{border-color:var(--blue);box-shadow:0 2px 8px rgba(31,95,191,.18);outline:none}',
    '.card strong{font-size:1.35rem;color:var(--blue)}',
    '.en{color:var(--muted)}',
    '.note{font-size:.9rem;color:var(--muted);margin-top:.3rem}',
    'footer{max-width:64rem;margin:0 auto;padding:1rem 1.5rem 2rem;color:var(--muted);font-size:.85rem}',
  ].join('');
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>HallFlow 政务服务大厅</title>` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" type="image/svg+xml" href="/favicon.svg">` +
    `<style>${style}</style></head><body>` +
    `<header><div><h1><img src="/favicon.svg" alt="">HallFlow 政务服务大厅</h1><p>排队叫号、预约与入场人流管控 · Queues, appointments and crowd control for government service halls</p></div></header>` +
    `<main>${groups}</main>` +
    `<footer>首次启动时，终端会打印管理员与演示账号的密码和演示屏幕链接；管理员之后可在“窗口工作台 › 人员与屏幕”中再次找到演示屏幕链接。 · The first start prints the admin's and the demo accounts' passwords and the demo screens' links; an admin finds the demo links again under Clerk console › Staff & screens.</footer>` +
    `</body></html>`
  );
}

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

    const landing = landingPage();
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(landing));
  },
  { name: 'static-apps' },
);
