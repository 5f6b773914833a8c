export * from './types.ts';
export * from './events.ts';
export * from './hall-state.ts';
export * from './screening.rules.ts';
export * from './party.rules.ts';
export * from './ticket.rules.ts';
export * from './batch.rules.ts';
export * from './calling.rules.ts';
