// One file per area; each area appends its export here.
export * from './core.ts';
export * from './crowd.ts';
export * from './ratings.ts';
export * from './appointments.ts';
export * from './catalogue.ts';
export * from './trust.ts';
export * from './follow-ups.ts';
export * from './prevention-levels.ts';
export * from './queue-counts.ts';
export * from './party-counts.ts';
export * from './slot-counts.ts';
