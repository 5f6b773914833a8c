import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/**
 * The address a realtime connection comes from, judged as Fastify judges an
 * HTTP request's (`request.ip`): X-Forwarded-For is believed only from the
 * proxies in TRUST_PROXY, so a hall's reverse proxy or a city's load balancer
 * does not make every visitor behind it look like one address (AC7), and a
 * visitor cannot pick an address by sending the header.
 */
export function clientAddressOf(trustProxy: string[] | false): (request: IncomingMessage) => string {
  if (!trustProxy) return (request) => request.socket.remoteAddress ?? '';
  const trust = proxyAddr.compile(trustProxy);
  return (request) => proxyAddr(request, trust);
}
