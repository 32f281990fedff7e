// The work calendar's kinds of day, their labels and limits, without the schema library (the web app
// imports these as values; ../workdays.ts builds the schemas from them).
export const DAY_KINDS = ['holiday', 'working_weekend'] as const;
export type DayKindName = (typeof DAY_KINDS)[number];
export const DAY_KIND_LABELS: Record<DayKindName, { zh: string; en: string }> = {
  holiday: { zh: '节假日（放假）', en: 'Public holiday' },
  working_weekend: { zh: '调休上班日', en: 'Working weekend day' },
};

/** Limits shared by the schema, the form and the database (work_calendar_day.name). */
export const LIMITS = { name: 50 } as const;
