// 涉外活动 (foreign-affairs activities): the activities part's rules (activity.ts, access.ts,
// briefing.ts); the visitors & materials part adds its own files and a line here.
export * from './access.ts';
export * from './activity.ts';
export * from './briefing.ts';
export * from './materials.ts';
export * from './visitor.ts';
