// The strings every part of the foreign-affairs web module shares (each part has its own *.messages.ts).
export const messages = {
  'nav.foreign': { zh: '涉外活动', en: 'Foreign affairs' },
} as const;
