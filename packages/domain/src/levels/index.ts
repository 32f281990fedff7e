export * from './calendar.ts';
export * from './classification.ts';
export * from './condition.ts';
export * from './copy-number.ts';
export * from './display.ts';
export * from './level.ts';
export * from './marking.ts';
export * from './period.ts';
