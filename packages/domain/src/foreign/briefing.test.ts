// R-FOR-04: a participant's briefing covers the activity when held before its start, within the validity
// (once a year by default, configurable), signed, and covering every topic.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BRIEFING_TOPICS } from '../personnel/enums.ts';
import { briefingStatus, type HeldBriefing } from './briefing.ts';

const all = [...BRIEFING_TOPICS];
const b = (heldOn: string, over: Partial<HeldBriefing> = {}): HeldBriefing => ({
  heldOn,
  topics: all,
  signed: true,
  ...over,
});

describe('R-FOR-04 once a year is enough', () => {
  const rows: [string, HeldBriefing[], string, number | undefined, boolean | string][] = [
    ['no briefing', [], '2026-07-01', undefined, 'none'],
    ['the day before', [b('2026-06-30')], '2026-07-01', undefined, true],
    ['on the day', [b('2026-07-01')], '2026-07-01', undefined, true],
    ['after the start does not count', [b('2026-07-02')], '2026-07-01', undefined, 'none'],
    ['11 months before: still valid', [b('2025-08-01')], '2026-07-01', undefined, true],
    ['exactly a year before: expired', [b('2025-07-01')], '2026-07-01', undefined, 'expired'],
    ['a year and a day before: expired', [b('2025-06-30')], '2026-07-01', undefined, 'expired'],
    ['validity 6 months: 7 months before expired', [b('2025-12-01')], '2026-07-01', 6, 'expired'],
    ['validity 24 months: 18 months before valid', [b('2025-01-01')], '2026-07-01', 24, true],
    ['unsigned', [b('2026-06-01', { signed: false })], '2026-07-01', undefined, 'unsigned'],
    ['a topic missing', [b('2026-06-01', { topics: all.slice(1) })], '2026-07-01', undefined, 'incomplete'],
    [
      'an old full one and a new partial one: the best reason',
      [b('2024-01-01'), b('2026-06-01', { topics: all.slice(1) })],
      '2026-07-01',
      undefined,
      'incomplete',
    ],
    [
      'one valid among invalid ones',
      [b('2026-06-01', { signed: false }), b('2026-05-01')],
      '2026-07-01',
      undefined,
      true,
    ],
  ];
  for (const [name, list, startsOn, months, want] of rows)
    test(name, () => {
      const s = briefingStatus(list, startsOn, months);
      if (want === true) assert.equal(s.valid, true);
      else assert.equal(s.valid === false ? s.reason : 'valid', want);
    });
});
