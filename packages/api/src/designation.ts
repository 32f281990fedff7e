// 定密 (designation): the contract of /api/designation, in parts (set-up, items, statistics).
export * from './designation/common.ts';
export * from './designation/items.ts';
export * from './designation/labels.ts';
export * from './designation/setup.ts';
export * from './designation/stats.ts';
