import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Check } from '../errors.ts';
import {
  type AssessmentInput,
  assessmentsDue,
  bestAssessmentResult,
  checkAssessment,
  yearsInPost,
} from './assessment.ts';
import type { AspectRating, AssessmentResult } from './enums.ts';

const codes = (c: Check) => (c.ok ? [] : c.violations.map((x) => x.code));
const T = '2026-11-27';

describe('R-PER-07 the yearly assessment', () => {
  const best: [AspectRating, AspectRating, AspectRating, AssessmentResult][] = [
    ['meets', 'meets', 'meets', 'excellent'],
    ['meets', 'partly', 'meets', 'basic'],
    ['partly', 'partly', 'fails', 'fail'],
  ];
  for (const [d, u, t, res] of best) {
    test(`R-PER-07 aspects ${d}/${u}/${t} allow at best ${res}`, () =>
      assert.equal(bestAssessmentResult({ discipline: d, duties: u, training: t }), res));
  }
  const ok: AssessmentInput = {
    year: 2025,
    ratings: { discipline: 'meets', duties: 'meets', training: 'meets' },
    result: 'pass',
    trainingShortfall: 0,
    firstYear: 2020,
  };
  const cases: [string, Partial<AssessmentInput>, string[]][] = [
    ['a plain pass', {}, []],
    ['excellent when every aspect meets', { result: 'excellent' }, []],
    ['the current year', { year: 2026 }, []],
    ['next year', { year: 2027 }, ['assessment_year_invalid']],
    ['before the first year in post', { year: 2019 }, ['assessment_year_invalid']],
    [
      'a pass with a failed aspect',
      { ratings: { discipline: 'fails', duties: 'meets', training: 'meets' } },
      ['assessment_result_too_high'],
    ],
    [
      'a fail with a failed aspect',
      { ratings: { discipline: 'fails', duties: 'meets', training: 'meets' }, result: 'fail' },
      [],
    ],
    ['a lower result than the aspects allow is the assessor\u2019s call', { result: 'basic' }, []],
    [
      'training rated as meeting with a shortfall',
      { trainingShortfall: 2 },
      ['assessment_training_shortfall'],
    ],
    [
      'training rated partly with a shortfall',
      {
        trainingShortfall: 2,
        ratings: { discipline: 'meets', duties: 'meets', training: 'partly' },
        result: 'basic',
      },
      [],
    ],
  ];
  for (const [name, patch, expected] of cases) {
    test(`R-PER-07 ${name}: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(codes(checkAssessment({ ...ok, ...patch }, T)), expected));
  }
  test('R-PER-07 the refusal names the weak aspects and the best result allowed', () => {
    const c = checkAssessment(
      { ...ok, ratings: { discipline: 'meets', duties: 'partly', training: 'meets' } },
      T,
    );
    assert.equal(c.ok ? '' : c.violations[0]?.zh, '履行保密义务和责任基本符合，考核结果最高为基本合格');
  });
  test('R-PER-07 R-PER-04 a training shortfall is refused under R-PER-04', () => {
    const c = checkAssessment({ ...ok, trainingShortfall: 1.5 }, T);
    assert.equal(c.ok ? '' : c.violations[0]?.rule, 'R-PER-04');
  });
  test('R-PER-07 the years a post touches', () => {
    assert.deepEqual(yearsInPost('2024-11-01', null, T), [2024, 2025, 2026]);
    assert.deepEqual(yearsInPost('2024-11-01', '2025-01-10', T), [2024, 2025]);
    assert.deepEqual(yearsInPost('2026-01-01', '2027-01-01', T), [2026]);
  });
  const due: [string, number[], number[], string, string[]][] = [
    [
      'nothing assessed: every past year',
      [2024, 2025, 2026],
      [],
      T,
      ['2024:2025-01-31!', '2025:2026-01-31!'],
    ],
    ['the current year is not due yet', [2026], [], T, []],
    ['assessed years are not due', [2024, 2025], [2024], T, ['2025:2026-01-31!']],
    ['on the due day: due, not overdue', [2025], [], '2026-01-31', ['2025:2026-01-31']],
  ];
  for (const [name, years, done, today, expected] of due) {
    test(`R-PER-07 ${name}: ${expected.join(', ') || 'none'}`, () =>
      assert.deepEqual(
        assessmentsDue(years, done, today).map((d) => `${d.year}:${d.dueOn}${d.overdue ? '!' : ''}`),
        expected,
      ));
  }
});
