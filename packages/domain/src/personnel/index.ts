export * from './assessment.ts';
export * from './commitments.ts';
export * from './eligibility.ts';
export * from './enums.ts';
export * from './exit.ts';
export * from './leaving.ts';
export * from './matters.ts';
export * from './training.ts';
