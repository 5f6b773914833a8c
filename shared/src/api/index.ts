export * from './common.schemas.ts';
export * from './auth.schemas.ts';
export * from './door.schemas.ts';
export * from './tickets.schemas.ts';
export * from './hall-admin.schemas.ts';
export * from './crowd.schemas.ts';
export * from './client.ts';
export * from './session.ts';
