import { randomFillSync, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

const TOKEN_BYTES = 16;
/** R10: random bytes drawn 4 KB at a time (a call into the system's generator per token was a tenth of an issue); each is used once. */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

/** 128 bits of randomness, URL-safe: for bearer tokens and visitors' ticket links. */
export function newToken(): string {
  if (poolOffset + TOKEN_BYTES > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const token = pool.toString('base64url', poolOffset, poolOffset + TOKEN_BYTES);
  poolOffset += TOKEN_BYTES;
  return token;
}
