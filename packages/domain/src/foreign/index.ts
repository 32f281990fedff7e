export * from './materials.ts';
export * from './visitor.ts';
