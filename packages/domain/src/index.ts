export * from './access/index.ts';
export * from './approvals/engine.ts';
export * from './approvals/flows.ts';
export * from './errors.ts';
export * from './levels/index.ts';
export * from './orgs/enums.ts';
export * from './system/policy.ts';
export * from './system/separation.ts';
