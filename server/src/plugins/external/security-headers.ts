import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/** PR1/PR2: the printable slips, `/t/<token>/print` and `/checkin/book/<code>/print`. */
const PRINT_PAGE = /^\/(t\/[A-Za-z0-9_-]{16,64}|checkin\/book\/[A-Za-z0-9]{4,16})\/print\/?$/;

/**
 * AC6: security headers on every response, and a content security policy
 * that lets the apps load only their own scripts and talk only to their own
 * server: no inline script, no third-party origin, no framing. Inline styles
 * stay allowed (the landing page, Svelte's style directives). A hall may run
 * plain HTTP on its LAN, so requests are not upgraded to HTTPS by policy.
 */
const HELMET_OPTIONS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      mediaSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // The camera for QR codes is the door page's own; nothing is embedded cross-origin.
  crossOriginEmbedderPolicy: false,
};

/**
 * The headers `helmet` sets, computed once. Every directive above is a fixed
 * string, so every response gets the same set; R10: `@fastify/helmet` built
 * the middleware again on each request (parsing the policy each time), 3.5 %
 * of a durable `issueTicket`.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(HELMET_OPTIONS)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
})();

export default fp(
  async (app) => {
    app.addHook('onRequest', async (_request, reply) => {
      reply.headers(SECURITY_HEADERS);
    });
    // PR4: a slip's print page may be framed by the hall's own pages only (the terminal prints it from a hidden frame); nothing else may be framed.
    app.addHook('onSend', async (request, reply, payload) => {
      if (PRINT_PAGE.test(request.url.split('?')[0]!)) {
        const csp = reply.getHeader('content-security-policy');
        if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
      }
      return payload;
    });
  },
  { name: 'security-headers' },
);
