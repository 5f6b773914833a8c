export * from './domain/index.ts';
export * from './realtime/protocol.ts';
