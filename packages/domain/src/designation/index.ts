export * from './authority.ts';
export * from './designators.ts';
export * from './matter.ts';
export * from './rules.ts';
