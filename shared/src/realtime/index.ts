export * from './protocol.ts';
export * from './hall-sync.ts';
export * from './connect.ts';
export * from './hall-store.ts';
