export * from './enums.ts';
export * from './import.ts';
export * from './inventory.ts';
export * from './read.ts';
export * from './rules.ts';
export * from './state.ts';
export * from './steps.ts';
