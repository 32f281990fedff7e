export * from './decide.ts';
export * from './verdict.ts';
