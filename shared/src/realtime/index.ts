export * from './protocol.ts';
export * from './hall-sync.ts';
export * from './connect.ts';
