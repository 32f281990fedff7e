import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { KnowScope } from '../levels/classification.ts';
import { LEVELS, type Level } from '../levels/level.ts';
import { CLEARANCES, type Clearance } from '../orgs/enums.ts';
import { type AccessSubject, decideAccess, inKnowScope, readRefused } from './decide.ts';

const subject = (clearance: Clearance, extra: Partial<AccessSubject> = {}): AccessSubject => ({
  personId: 'p-1',
  orgId: 'org-a',
  departmentId: 'd-1',
  position: '处长',
  clearance,
  supervisedOrgIds: ['org-s'],
  ...extra,
});

// Written out by hand (not derived from the code under test): may this clearance know this level?
const COVERS: Record<Clearance, Level[]> = {
  none: ['public', 'internal', 'work_secret'],
  confidential: ['public', 'internal', 'work_secret', 'confidential'],
  secret: ['public', 'internal', 'work_secret', 'confidential', 'secret'],
  top_secret: ['public', 'internal', 'work_secret', 'confidential', 'secret', 'top_secret'],
};

type ScopeCase = { name: string; scope: KnowScope; inScope: boolean; empty: boolean };
const scopeCases: ScopeCase[] = [];
for (const person of [false, true]) {
  for (const dept of [false, true]) {
    for (const pos of [false, true]) {
      scopeCases.push({
        name: `person ${person ? 'in' : 'out'}, department ${dept ? 'in' : 'out'}, position ${pos ? 'in' : 'out'}`,
        scope: {
          personIds: person ? ['p-9', 'p-1'] : ['p-9'],
          departmentIds: dept ? ['d-1'] : ['d-9'],
          positions: pos ? ['科长', '处长'] : ['科长'],
        },
        inScope: person || dept || pos,
        empty: false,
      });
    }
  }
}
scopeCases.push({
  name: 'empty scope',
  scope: { personIds: [], departmentIds: [], positions: [] },
  inScope: false,
  empty: true,
});

const orgCases = [
  { name: 'own organisation', orgId: 'org-a', code: null },
  { name: 'other organisation', orgId: 'org-b', code: 'other_organisation' },
  { name: 'supervised organisation', orgId: 'org-s', code: 'supervised_organisation' },
] as const;

describe('access decision', () => {
  for (const clearance of CLEARANCES) {
    for (const level of LEVELS) {
      test(`R-PER-01 R-DES-08a clearance ${clearance} × level ${level}: every scope × organisation combination`, () => {
        for (const sc of scopeCases) {
          for (const oc of orgCases) {
            const expected: string[] = [];
            if (!COVERS[clearance].includes(level)) expected.push('clearance_insufficient');
            if (sc.empty) expected.push('know_scope_empty');
            else if (!sc.inScope) expected.push('not_in_know_scope');
            if (oc.code) expected.push(oc.code);
            const d = decideAccess(subject(clearance), { orgId: oc.orgId, level, knowScope: sc.scope });
            const label = `${clearance}/${level}/${sc.name}/${oc.name}`;
            assert.deepEqual(
              d.reasons.map((r) => r.code),
              expected,
              label,
            );
            assert.equal(d.allowed, expected.length === 0, label);
          }
        }
      });
    }
  }

  test('R-PER-01 R-DES-08a R-DES-09 all three reasons at once, each bilingual with its rule and field', () => {
    const d = decideAccess(subject('none'), {
      orgId: 'org-b',
      level: 'top_secret',
      knowScope: { personIds: ['p-2'], departmentIds: [], positions: [] },
    });
    assert.equal(d.allowed, false);
    assert.deepEqual(
      d.reasons.map((r) => [r.code, r.rule, r.field]),
      [
        ['clearance_insufficient', 'R-PER-01', 'clearance'],
        ['not_in_know_scope', 'R-DES-08a', 'knowScope'],
        ['other_organisation', 'R-DES-08a', 'orgId'],
      ],
    );
    for (const r of d.reasons) {
      assert.match(r.zh, /\p{Script=Han}{4}/u);
      assert.match(r.en, /[A-Za-z]+ [A-Za-z]+/u);
    }
    assert.match(d.reasons[0]?.zh ?? '', /绝密/);
    assert.match(d.reasons[0]?.en ?? '', /top secret/);
  });

  test('R-PER-01 the clearance message names the clearance held and the level asked', () => {
    const d = decideAccess(subject('confidential'), {
      orgId: 'org-a',
      level: 'secret',
      knowScope: { personIds: ['p-1'], departmentIds: [], positions: [] },
    });
    assert.deepEqual(d.reasons.length, 1);
    assert.match(d.reasons[0]?.zh ?? '', /秘密.*机密/u);
    assert.match(d.reasons[0]?.en ?? '', /Confidential.*secret record/u);
  });

  test('R-DES-09 supervising an organisation does not give access to its records', () => {
    const d = decideAccess(subject('top_secret'), {
      orgId: 'org-s',
      level: 'internal',
      knowScope: { personIds: ['p-1'], departmentIds: [], positions: [] },
    });
    assert.equal(d.allowed, false);
    assert.equal(d.reasons[0]?.rule, 'R-DES-09');
    assert.match(d.reasons[0]?.zh ?? '', /统计汇总/);
  });

  test('R-DES-08a a subject without department or position matches only by person', () => {
    const scope: KnowScope = { personIds: [], departmentIds: [''], positions: [''] };
    const s = subject('top_secret', { departmentId: null, position: null });
    assert.equal(inKnowScope(s, scope), false);
    assert.equal(inKnowScope({ ...s, departmentId: '', position: '' }, scope), false);
    assert.equal(inKnowScope(s, { ...scope, personIds: ['p-1'] }), true);
  });

  test('R-DES-08a subject without supervisedOrgIds: another organisation is simply other', () => {
    const { supervisedOrgIds: _, ...bare } = subject('top_secret');
    const d = decideAccess(bare, {
      orgId: 'org-s',
      level: 'public',
      knowScope: { personIds: ['p-1'], departmentIds: [], positions: [] },
    });
    assert.deepEqual(
      d.reasons.map((r) => r.code),
      ['other_organisation'],
    );
  });

  test('R-LVL-01 an empty scope admits nobody, even a top-secret holder of the own organisation', () => {
    const d = decideAccess(subject('top_secret'), {
      orgId: 'org-a',
      level: 'confidential',
      knowScope: { personIds: [], departmentIds: [], positions: [] },
    });
    assert.deepEqual(d, {
      allowed: false,
      reasons: [
        {
          code: 'know_scope_empty',
          zh: '该事项未确定知悉范围，任何人都不能知悉',
          en: 'The record has no need-to-know scope, so nobody may know it',
          field: 'knowScope',
          rule: 'R-LVL-01',
        },
      ],
    });
  });

  test('R-PER-01 allowed: clearance covers, in scope by position, own organisation', () => {
    assert.deepEqual(
      decideAccess(subject('secret'), {
        orgId: 'org-a',
        level: 'secret',
        knowScope: { personIds: [], departmentIds: [], positions: ['处长'] },
      }),
      { allowed: true, reasons: [] },
    );
  });
});

describe('R-PER-01 R-DES-08a the refusal of a record one may not read', () => {
  const scope = (personIds: string[]): KnowScope => ({ personIds, departmentIds: [], positions: [] });
  const what = { zh: '载体', en: 'Carrier' };
  const cases: [string, Clearance, Level, KnowScope, string[]][] = [
    [
      'clearance short: that reason alone, the scope not discussed',
      'confidential',
      'top_secret',
      scope([]),
      ['R-PER-01'],
    ],
    [
      'cleared, outside the scope: the scope reason',
      'top_secret',
      'secret',
      scope(['someone-else']),
      ['R-DES-08a'],
    ],
  ];
  for (const [name, clearance, level, knowScope, rules] of cases)
    test(`${name}`, () => {
      const e = readRefused(subject(clearance), { orgId: 'org-a', level, knowScope }, what);
      assert.equal(e.kind, 'forbidden');
      assert.deepEqual(
        e.details?.map((r) => r.rule),
        rules,
      );
    });
});
