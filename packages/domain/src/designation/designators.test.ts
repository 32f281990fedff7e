import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../levels/calendar.ts';
import {
  absenceOn,
  certificateValidOn,
  checkAbsence,
  checkAppointment,
  type Designator,
  type DesignatorAbsence,
  mayDecide,
} from './designators.ts';

const TODAY = '2026-03-10';

const head: Designator = { personId: 'head', kind: 'statutory', vetted: true, role: 'A' };
const a: Designator = {
  personId: 'p-a',
  kind: 'appointed',
  appointedBy: 'head',
  letterRef: '定密授〔2026〕1号',
  certificate: { number: 'DM-2025-0001', validUntil: '2027-12-31' },
  vetted: true,
  role: 'A',
  partnerPersonId: 'p-b',
};
const b: Designator = {
  ...a,
  personId: 'p-b',
  letterRef: '定密授〔2026〕2号',
  certificate: { number: 'DM-2025-0002', validUntil: '2027-12-31' },
  role: 'B',
  partnerPersonId: 'p-a',
};
const awayA: DesignatorAbsence = { personId: 'p-a', reason: '出差', from: '2026-03-09', to: '2026-03-12' };

describe('R-DES-04 appointment of designators', () => {
  const codes = (x: Designator, y: Designator, today = TODAY) => {
    const r = checkAppointment(x, y, today);
    return r.ok ? [] : r.violations.map((v) => v.code);
  };
  // [name, appointer, appointee, expected codes]
  const cases: [string, Designator, Designator, string[]][] = [
    ['the head appoints A with letter, certificate and vetting', head, a, []],
    ['the head appoints B standing in for A', head, b, []],
    ['an appointed designator cannot appoint', a, { ...b, appointedBy: 'p-a' }, ['appointed_cannot_appoint']],
    ['no authorisation letter', head, { ...a, letterRef: ' ' }, ['authorisation_letter_missing']],
    ['no certificate', head, { ...a, certificate: undefined }, ['certificate_missing']],
    [
      'certificate expired yesterday',
      head,
      { ...a, certificate: { number: 'DM-1', validUntil: '2026-03-09' } },
      ['certificate_expired'],
    ],
    [
      'certificate valid through today',
      head,
      { ...a, certificate: { number: 'DM-1', validUntil: TODAY } },
      [],
    ],
    [
      'certificate date malformed',
      head,
      { ...a, certificate: { number: 'DM-1', validUntil: '2026-13-01' } },
      ['certificate_date_invalid'],
    ],
    ['not vetted', head, { ...a, vetted: false }, ['designator_not_vetted']],
    [
      'appointing the head',
      head,
      { ...head, personId: 'deputy' },
      [
        'statutory_needs_no_appointment',
        'appointed_by_missing',
        'authorisation_letter_missing',
        'certificate_missing',
      ],
    ],
    ['appointing oneself', head, { ...a, personId: 'head' }, ['appoint_self']],
    ['appointer named differently', head, { ...a, appointedBy: 'someone' }, ['appointer_mismatch']],
    ['B without its A', head, { ...b, partnerPersonId: undefined }, ['role_b_without_partner']],
    ['own partner', head, { ...a, partnerPersonId: 'p-a' }, ['partner_is_self']],
    [
      'everything wrong at once',
      a,
      {
        ...b,
        appointedBy: undefined,
        letterRef: undefined,
        certificate: undefined,
        vetted: false,
        partnerPersonId: '',
      },
      [
        'appointed_cannot_appoint',
        'appointed_by_missing',
        'authorisation_letter_missing',
        'certificate_missing',
        'designator_not_vetted',
        'role_b_without_partner',
      ],
    ],
  ];
  for (const [name, x, y, exp] of cases) {
    test(`R-DES-04 checkAppointment: ${name} → ${exp.join(', ') || 'ok'}`, () => {
      assert.deepEqual(codes(x, y), exp);
      const r = checkAppointment(x, y, TODAY);
      if (!r.ok) for (const v of r.violations) assert.ok(v.zh && v.en && v.rule?.startsWith('R-DES-0'));
    });
  }

  const certs: [string | undefined, string, boolean][] = [
    ['2026-03-10', '2026-03-10', true],
    ['2026-03-10', '2026-03-11', false],
    ['2024-02-29', '2024-02-29', true],
    ['2024-02-29', '2024-03-01', false],
    [undefined, '2026-01-01', false],
  ];
  for (const [until, day, valid] of certs) {
    test(`R-DES-04 certificate valid until ${until} is ${valid ? 'valid' : 'not valid'} on ${day}`, () => {
      assert.equal(
        certificateValidOn(until === undefined ? undefined : { number: 'DM-1', validUntil: until }, day),
        valid,
      );
    });
  }
});

describe('R-DES-05 A/B roles', () => {
  // [name, designator, absences, today, allowed, actingRole, codes]
  const cases: [string, Designator, DesignatorAbsence[], string, boolean, 'A' | 'B', string[]][] = [
    ['A decides', a, [], TODAY, true, 'A', ['appointed_designator', 'acting_as_a']],
    ['the head decides', head, [], TODAY, true, 'A', ['statutory_designator', 'acting_as_a']],
    ['B while A is present', b, [], TODAY, false, 'B', ['role_b_while_a_present']],
    ['B while A is away', b, [awayA], TODAY, true, 'B', ['appointed_designator', 'acting_as_b']],
    [
      'B on the first day of the absence',
      b,
      [awayA],
      '2026-03-09',
      true,
      'B',
      ['appointed_designator', 'acting_as_b'],
    ],
    [
      'B on the last day of the absence',
      b,
      [awayA],
      '2026-03-12',
      true,
      'B',
      ['appointed_designator', 'acting_as_b'],
    ],
    ['B the day after the absence', b, [awayA], '2026-03-13', false, 'B', ['role_b_while_a_present']],
    ['B the day before the absence', b, [awayA], '2026-03-08', false, 'B', ['role_b_while_a_present']],
    [
      'B while someone else is away',
      b,
      [{ ...awayA, personId: 'p-x' }],
      TODAY,
      false,
      'B',
      ['role_b_while_a_present'],
    ],
    [
      'B with an absence without reason',
      b,
      [{ ...awayA, reason: ' ' }],
      TODAY,
      false,
      'B',
      ['role_b_while_a_present'],
    ],
    ['A while recorded absent', a, [awayA], TODAY, false, 'A', ['designator_recorded_absent']],
    [
      'B with an expired certificate while A is away',
      { ...b, certificate: { number: 'DM-2', validUntil: '2026-03-01' } },
      [awayA],
      TODAY,
      false,
      'B',
      ['certificate_expired'],
    ],
    [
      'A with an expired certificate',
      { ...a, certificate: { number: 'DM-1', validUntil: '2026-03-09' } },
      [],
      TODAY,
      false,
      'A',
      ['certificate_expired'],
    ],
    ['A not vetted', { ...a, vetted: false }, [], TODAY, false, 'A', ['designator_not_vetted']],
    [
      'B without partner',
      { ...b, partnerPersonId: undefined },
      [awayA],
      TODAY,
      false,
      'B',
      ['role_b_without_partner'],
    ],
    [
      'B and A both away',
      b,
      [awayA, { personId: 'p-b', reason: '休假', from: TODAY, to: TODAY }],
      TODAY,
      false,
      'B',
      ['designator_recorded_absent'],
    ],
  ];
  for (const [name, d, abs, today, allowed, role, codes] of cases) {
    test(`R-DES-05 mayDecide: ${name} → ${allowed ? `allowed as ${role}` : codes.join(', ')}`, () => {
      const r = mayDecide(d, abs, today);
      assert.equal(r.allowed, allowed);
      assert.equal(r.actingRole, role);
      assert.deepEqual(
        r.reasons.map((x) => x.code),
        codes,
      );
      for (const x of r.reasons) assert.ok(x.zh && x.en);
    });
  }

  test('R-DES-05 an incomplete absence of A is named as the reason B cannot act', () => {
    const r = mayDecide(b, [{ ...awayA, reason: '' }], TODAY);
    assert.match(r.reasons[0]!.zh, /不完整/u);
  });

  const absences: [string, DesignatorAbsence, string[]][] = [
    ['complete', awayA, []],
    ['no reason', { ...awayA, reason: '' }, ['absence_reason_missing']],
    ['reversed', { ...awayA, from: '2026-03-12', to: '2026-03-09' }, ['absence_dates_reversed']],
    ['bad date', { ...awayA, to: '2026-02-30' }, ['absence_dates_invalid']],
    ['no person', { ...awayA, personId: '' }, ['absence_person_missing']],
    ['one day', { ...awayA, to: awayA.from }, []],
  ];
  for (const [name, abs, codes] of absences) {
    test(`R-DES-05 checkAbsence: ${name}`, () => {
      const r = checkAbsence(abs);
      assert.deepEqual(r.ok ? [] : r.violations.map((v) => v.code), codes);
    });
  }

  test('R-DES-05 property: on any day at most one of an A/B pair may decide, and exactly one if both are qualified', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays('2026-03-01', n));
    const absence = fc.tuple(fc.constantFrom('p-a', 'p-b'), day, fc.integer({ min: 0, max: 10 })).map(
      ([personId, from, len]): DesignatorAbsence => ({
        personId,
        reason: '出差',
        from,
        to: addDays(from, len),
      }),
    );
    fc.assert(
      fc.property(fc.array(absence, { maxLength: 4 }), day, (abs, today) => {
        const deciders = [a, b].filter((d) => mayDecide(d, abs, today).allowed);
        const aAway = absenceOn('p-a', abs, today) !== undefined;
        const bAway = absenceOn('p-b', abs, today) !== undefined;
        const expected = !aAway ? ['p-a'] : bAway ? [] : ['p-b'];
        assert.deepEqual(
          deciders.map((d) => d.personId),
          expected,
        );
      }),
    );
  });
});
