import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { evaluateRead, type ReadableRecord, type Reader } from '../access/rule.ts';
import { checkMarkReported, chinaTime, deadlineState, INCIDENT_READ, incidentDeadline } from './incidents.ts';

describe('R-INC-01 the 24-hour report deadline', () => {
  const cases: [string, string, string][] = [
    ['an ordinary day', '2026-03-06T01:30:00Z', '2026-03-07 09:30'],
    ['month end (30 November → 1 December, China time)', '2026-11-30T03:00:00Z', '2026-12-01 11:00'],
    ['year end', '2026-12-31T15:59:00Z', '2027-01-01 23:59'],
    ['leap day: 28 February → 29 February 2028', '2028-02-28T02:00:00Z', '2028-02-29 10:00'],
    ['leap day: 29 February → 1 March 2028', '2028-02-29T02:00:00Z', '2028-03-01 10:00'],
    ['no leap day in 2027: 28 February → 1 March', '2027-02-28T02:00:00Z', '2027-03-01 10:00'],
    ['a Saturday counts (no working days)', '2026-11-28T02:00:00Z', '2026-11-29 10:00'],
    ['China midnight crossing in UTC daytime', '2026-02-28T16:30:00Z', '2026-03-02 00:30'],
  ];
  for (const [name, at, want] of cases)
    test(`R-INC-01 ${name}`, () => assert.equal(chinaTime(incidentDeadline(new Date(at))), want));

  test('R-INC-01 always exactly 24 hours on the clock (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-30'), noInvalidDate: true }),
        (d) => {
          assert.equal(incidentDeadline(d).getTime() - d.getTime(), 86_400_000);
        },
      ),
    );
  });

  const deadline = new Date('2026-03-07T01:30:00Z');
  const states: [string, Date, 'open' | 'reported', string][] = [
    ['due with more than 6 hours left', new Date('2026-03-06T12:00:00Z'), 'open', 'due'],
    ['near in the last 6 hours', new Date('2026-03-06T20:00:00Z'), 'open', 'near'],
    ['overdue after the deadline', new Date('2026-03-07T01:31:00Z'), 'open', 'overdue'],
    ['reported is reported', new Date('2026-03-09T00:00:00Z'), 'reported', 'reported'],
  ];
  for (const [name, now, status, want] of states)
    test(`R-INC-01 ${name}`, () =>
      assert.equal(deadlineState({ status, reportDeadline: deadline }, now), want));

  test('R-INC-01 reported once: a second report is a conflict naming when', () => {
    assert.equal(checkMarkReported({ status: 'open', reportedAt: null }).allowed, true);
    const v = checkMarkReported({ status: 'reported', reportedAt: new Date('2026-03-06T02:00:00Z') });
    assert.ok(!v.allowed && v.kind === 'conflict' && v.reason.zh.includes('2026-03-06 10:00'));
  });
});

describe('R-INC-01 R-PER-01 who reads an incident', () => {
  const record: ReadableRecord = {
    orgId: 'o',
    level: 'secret',
    status: 'open',
    handlerPersonId: 'custodian',
    knowScope: { personIds: [], departmentIds: ['d'], positions: [] },
    sentTo: [],
    deciders: [],
  };
  const reader = (o: Partial<Reader>): Reader => ({
    personId: 'x',
    orgId: 'o',
    departmentId: null,
    position: null,
    clearance: 'secret',
    roles: ['staff'],
    ...o,
  });
  const cases: [string, Partial<Reader>, boolean][] = [
    ['the secrecy officer', { roles: ['secrecy_officer'] }, true],
    ['the leader', { roles: ['leader'] }, true],
    ['the custodian', { personId: 'custodian' }, true],
    ['someone in the knowledge scope', { departmentId: 'd' }, true],
    ['someone else', {}, false],
    ['the secrecy officer below the level', { roles: ['secrecy_officer'], clearance: 'confidential' }, false],
    ['another organisation’s leader', { roles: ['leader'], orgId: 'p' }, false],
  ];
  for (const [name, r, want] of cases)
    test(`R-INC-01 R-PER-01 ${name}`, () =>
      assert.equal(evaluateRead(INCIDENT_READ, reader(r), record), want));
});
