import { randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** 128 bits of randomness, URL-safe: for bearer tokens and visitors' ticket links. */
export const newToken = (): string => randomBytes(16).toString('base64url');
