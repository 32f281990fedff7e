import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkPassportLoan,
  checkPassportReturn,
  isPassportOverdue,
  type PassportState,
  type PassportStep,
  passportState,
  type TripForPassport,
} from './passport.ts';

const T = '2026-11-27';
const trip: TripForPassport = { id: 't1', approved: true, departOn: '2026-12-20', returnOn: '2026-12-30' };
const lent: PassportState = { status: 'lent', tripId: 't0', lentOn: '2026-11-01', dueBack: '2026-11-20' };

describe('R-PER-06a passport custody ledger', () => {
  const states: [string, PassportStep[], PassportState['status']][] = [
    ['never deposited', [], 'not_held'],
    ['deposited', [{ kind: 'deposit', on: '2026-01-05' }], 'held'],
    [
      'lent',
      [
        { kind: 'deposit', on: '2026-01-05' },
        { kind: 'lend', on: '2026-03-01', tripId: 't0', dueBack: '2026-03-20' },
      ],
      'lent',
    ],
    [
      'lent and returned',
      [
        { kind: 'deposit', on: '2026-01-05' },
        { kind: 'lend', on: '2026-03-01', tripId: 't0', dueBack: '2026-03-20' },
        { kind: 'return', on: '2026-03-15' },
      ],
      'held',
    ],
    [
      'given back for good',
      [
        { kind: 'deposit', on: '2026-01-05' },
        { kind: 'withdraw', on: '2026-06-01' },
      ],
      'not_held',
    ],
  ];
  for (const [name, steps, status] of states) {
    test(`R-PER-06a ${name}: ${status}`, () => assert.equal(passportState(steps).status, status));
  }
  const loans: [string, PassportState, TripForPassport, string[]][] = [
    ['held, approved trip', { status: 'held' }, trip, []],
    ['already lent', lent, trip, ['passport_already_lent']],
    ['not held', { status: 'not_held' }, trip, ['passport_not_held']],
    ['trip not approved', { status: 'held' }, { ...trip, approved: false }, ['passport_trip_not_approved']],
    [
      'trip over',
      { status: 'held' },
      { ...trip, departOn: '2026-11-01', returnOn: '2026-11-26' },
      ['passport_trip_over'],
    ],
  ];
  for (const [name, state, t, expected] of loans) {
    test(`R-PER-06a lending, ${name}: ${expected.join() || 'ok'}`, () => {
      const r = checkPassportLoan(state, t, T);
      assert.deepEqual(r.ok ? [] : r.violations.map((x) => x.code), expected);
    });
  }
  test('R-PER-06a a loan is due back 7 days after the return by default', () => {
    const r = checkPassportLoan({ status: 'held' }, trip, T);
    assert.deepEqual(r, { ok: true, dueBack: '2027-01-06' });
    assert.deepEqual(checkPassportLoan({ status: 'held' }, trip, T, 3), { ok: true, dueBack: '2027-01-02' });
  });
  const returns: [string, PassportState, string, string[]][] = [
    ['a lent passport today', lent, T, []],
    ['not lent', { status: 'held' }, T, ['passport_not_lent']],
    ['before the loan', lent, '2026-10-31', ['passport_return_date_invalid']],
    ['tomorrow', lent, '2026-11-28', ['passport_return_date_invalid']],
  ];
  for (const [name, state, on, expected] of returns) {
    test(`R-PER-06a returning, ${name}: ${expected.join() || 'ok'}`, () => {
      const c = checkPassportReturn(state, on, T);
      assert.deepEqual(c.ok ? [] : c.violations.map((x) => x.code), expected);
    });
  }
  test('R-PER-06a overdue after the due day only', () => {
    assert.equal(isPassportOverdue(lent, '2026-11-20'), false);
    assert.equal(isPassportOverdue(lent, '2026-11-21'), true);
    assert.equal(isPassportOverdue({ status: 'held' }, '2030-01-01'), false);
  });
});
