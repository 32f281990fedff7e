import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Check } from '../errors.ts';
import {
  checkTrainingPolicy,
  checkTrainingSession,
  DEFAULT_TRAINING_POLICY,
  requiredTrainingHours,
  type TrainingPolicy,
  type TrainingSession,
  trainingHours,
  trainingStatus,
} from './training.ts';

const codes = (c: Check) => (c.ok ? [] : c.violations.map((x) => x.code));
const s = (heldOn: string, hours: number, attendeeIds: string[] = ['p1']): TrainingSession => ({
  heldOn,
  hours,
  attendeeIds,
});

describe('R-PER-04 thresholds (D81: a working day counts 6 class hours)', () => {
  test('R-PER-04 defaults: 4 class hours for everyone, 3 working days (18 class hours) for key-site staff', () => {
    assert.equal(requiredTrainingHours(false), 4);
    assert.equal(requiredTrainingHours(true), 18);
  });
  test('R-PER-04 a unit counting 8 hours a day asks 24 of key-site staff', () => {
    assert.equal(requiredTrainingHours(true, { ...DEFAULT_TRAINING_POLICY, hoursPerDay: 8 }), 24);
  });
  test('R-PER-04 key-site staff never need less than everybody', () => {
    assert.equal(
      requiredTrainingHours(true, { ...DEFAULT_TRAINING_POLICY, minHours: 20, keySiteMinDays: 1 }),
      20,
    );
  });
  const policies: [string, Partial<TrainingPolicy>, string[]][] = [
    ['the default', {}, []],
    ['0 hours', { minHours: 0 }, ['training_min_hours_out_of_range']],
    ['31 days', { keySiteMinDays: 31 }, ['training_min_days_out_of_range']],
    ['9 hours a day', { hoursPerDay: 9 }, ['training_hours_per_day_out_of_range']],
    ['reminder on 02-29', { remindFrom: '02-29' }, ['training_remind_from_invalid']],
    ['reminder on 13-01', { remindFrom: '13-01' }, ['training_remind_from_invalid']],
    ['reminder on 12-01', { remindFrom: '12-01' }, []],
  ];
  for (const [name, patch, expected] of policies) {
    test(`R-PER-04 policy ${name}: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(codes(checkTrainingPolicy({ ...DEFAULT_TRAINING_POLICY, ...patch })), expected));
  }
});

describe('R-PER-04 sessions', () => {
  const cases: [string, TrainingSession, string[]][] = [
    ['a good session', s('2026-03-01', 2), []],
    ['half hours', s('2026-03-01', 1.5), []],
    ['a third of an hour', s('2026-03-01', 1 / 3), ['training_hours_invalid']],
    ['no hours', s('2026-03-01', 0), ['training_hours_invalid']],
    ['201 hours', s('2026-03-01', 201), ['training_hours_invalid']],
    ['in the future', s('2026-11-28', 2), ['training_date_future']],
    ['in 1900', s('1900-01-01', 2), ['training_date_invalid']],
    ['nobody attended', s('2026-03-01', 2, []), ['training_attendees_missing']],
    ['an attendee twice', s('2026-03-01', 2, ['p1', 'p1']), ['training_attendee_duplicate']],
  ];
  for (const [name, x, expected] of cases) {
    test(`R-PER-04 recording ${name}: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(codes(checkTrainingSession(x, '2026-11-27')), expected));
  }
});

describe('R-PER-04 hours per year and the shortfall', () => {
  const sessions = [
    s('2025-12-31', 8),
    s('2026-01-01', 2),
    s('2026-06-15', 1.5, ['p1', 'p2']),
    s('2026-12-10', 3), // after today: not yet attended
    s('2026-07-01', 6, ['p2']),
  ];
  const T = '2026-11-27';
  test('R-PER-04 only the sessions of the calendar year, attended, up to today', () => {
    assert.equal(trainingHours('p1', sessions, 2026, T), 3.5);
    assert.equal(trainingHours('p1', sessions, 2025, T), 8);
    assert.equal(trainingHours('p2', sessions, 2026, T), 7.5);
    assert.equal(trainingHours('p3', sessions, 2026, T), 0);
  });
  const cases: [string, string, boolean, number, string, number, boolean][] = [
    // name, person, key site, year, today, shortfall, todo
    ['short before the reminder day: no todo yet', 'p1', false, 2026, '2026-09-30', 0.5, false],
    ['short from the reminder day on: a todo', 'p1', false, 2026, '2026-10-01', 0.5, true],
    ['enough hours', 'p2', false, 2026, T, 0, false],
    ['key-site staff 18 hours', 'p2', true, 2026, T, 10.5, true],
    ['a past year short stays a todo', 'p3', false, 2025, T, 4, true],
    ['a past year complete', 'p1', false, 2025, T, 0, false],
    ['next year: not a todo yet', 'p1', false, 2027, T, 4, false],
  ];
  for (const [name, who, key, year, today, shortfall, todo] of cases) {
    test(`R-PER-04 ${name}: short ${shortfall}, todo ${todo}`, () => {
      const r = trainingStatus(who, key, sessions, year, today);
      assert.equal(r.shortfall, shortfall);
      assert.equal(r.todo, todo);
      assert.equal(r.required, key ? 18 : 4);
    });
  }
  test('R-PER-04 shortfall + attended covers the requirement, never negative (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 365 }), fc.integer({ min: 1, max: 16 }), fc.boolean())),
        fc.boolean(),
        (raw, key) => {
          const ss = raw.map(([day, halves, mine]) =>
            s(
              new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10),
              halves / 2,
              mine ? ['p1'] : ['p2'],
            ),
          );
          const r = trainingStatus('p1', key, ss, 2026, '2026-12-31');
          assert.ok(r.shortfall >= 0);
          assert.equal(r.shortfall, Math.max(0, r.required - r.attended));
          assert.equal(r.todo, r.shortfall > 0);
        },
      ),
    );
  });
});
