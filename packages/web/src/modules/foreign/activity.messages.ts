// Strings of the foreign module's activities part (涉外活动台账, the activity's page and its steps).
export const activityMessages = {
  'nav.foreignActivities': { zh: '涉外活动台账', en: 'Activity ledger' },
} as const;
