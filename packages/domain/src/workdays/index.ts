export * from './workdays.ts';
