export * from './errors.ts';
export * from './orgs/enums.ts';
