import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/**
 * AC6: security headers on every response, and a content security policy
 * that lets the apps load only their own scripts and talk only to their own
 * server: no inline script, no third-party origin, no framing. Inline styles
 * stay allowed (the landing page, Svelte's style directives). A hall may run
 * plain HTTP on its LAN, so requests are not upgraded to HTTPS by policy.
 */
export default fp(
  async (app) => {
    await app.register(helmet, {
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
    });
  },
  { name: 'security-headers' },
);
