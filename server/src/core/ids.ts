import { randomFillSync } from 'node:crypto';

/** R10: random bytes drawn 4 KB at a time (a call into the system's generator per token was a tenth of an issue); each is used once. */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomBytesFromPool(count: number): number {
  if (poolOffset + count > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const start = poolOffset;
  poolOffset += count;
  return start;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A row id: a UUID version 7 (RFC 9562), the time in milliseconds first, then
 * 74 random bits. R10: rows made one after another get neighbouring keys, so
 * a group commit's new rows share the last page of each primary-key index;
 * random (version 4) keys put every new row on a page of its own, and the
 * commit wrote one more WAL frame per row and index (issueTicket: 3.2 frames
 * per ticket with random keys).
 */
export function newId(): string {
  const time = Date.now().toString(16).padStart(12, '0');
  const o = randomBytesFromPool(10);
  const b = pool;
  const randA = `7${HEX[b[o]!]!.slice(1)}${HEX[b[o + 1]!]}`;
  const variant = `${HEX[(b[o + 2]! & 0x3f) | 0x80]}${HEX[b[o + 3]!]}`;
  const randB = `${HEX[b[o + 4]!]}${HEX[b[o + 5]!]}${HEX[b[o + 6]!]}${HEX[b[o + 7]!]}${HEX[b[o + 8]!]}${HEX[b[o + 9]!]}`;
  return `${time.slice(0, 8)}-${time.slice(8)}-${randA}-${variant}-${randB}`;
}

const TOKEN_BYTES = 16;

/** 128 bits of randomness, URL-safe: for bearer tokens and visitors' ticket links. */
export function newToken(): string {
  const o = randomBytesFromPool(TOKEN_BYTES);
  return pool.toString('base64url', o, o + TOKEN_BYTES);
}

/**
 * A token kept in a unique index that grows all day (a ticket's link for the
 * visitor's phone): the second it was made, in 8 hex digits (which sort as
 * the time does; base64url's alphabet does not), before the 128 random bits,
 * so new tokens land on the index's last page, as `newId`'s rows do. It tells
 * its holder no more than the ticket shows them anyway, and is as hard to
 * guess as `newToken`.
 */
export function newIndexedToken(): string {
  return Math.floor(Date.now() / 1000).toString(16).padStart(8, '0') + newToken();
}
