// The strings every part of the personnel web module shares (each part has its own *.messages.ts).
export const messages = {
  'nav.personnel': { zh: '涉密人员', en: 'Classified personnel' },
} as const;
