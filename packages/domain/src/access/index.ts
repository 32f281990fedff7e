export * from './decide.ts';
export * from './rule.ts';
export * from './verdict.ts';
