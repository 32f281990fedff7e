import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StateSecretLevel } from '../levels/level.ts';
import { ADMIN_LEVELS, type AdminLevel, ORG_KINDS, type OrgKind } from '../orgs/enums.ts';
import {
  canDesignate,
  canOriginallyDesignate,
  checkGrant,
  type DesignationOrg,
  type EscalationCandidate,
  effectiveAuthority,
  escalationTarget,
  frequentProducer,
  type Grant,
  grantFilingBureauLevel,
  grantingAuthority,
  grantStatus,
  levelsUpToEn,
  levelsUpToZh,
  statutoryAuthority,
} from './authority.ts';

const TODAY = '2026-03-01';

// ---------------------------------------------------------------------------------------------
// The statutory table, written out by hand from 保密法 第17条 and seed 003 (not from the code):
// '3' = 绝密/机密/秘密, '2' = 机密/秘密, '0' = none.
const STATUTORY: Record<AdminLevel, Record<OrgKind, 0 | 2 | 3>> = {
  central: { party_gov: 3, institution: 0, enterprise: 0, secrecy_bureau: 3, security_organ: 3 },
  province: { party_gov: 3, institution: 0, enterprise: 0, secrecy_bureau: 3, security_organ: 3 },
  city: { party_gov: 2, institution: 0, enterprise: 0, secrecy_bureau: 2, security_organ: 3 },
  county: { party_gov: 0, institution: 0, enterprise: 0, secrecy_bureau: 0, security_organ: 3 },
  township: { party_gov: 0, institution: 0, enterprise: 0, secrecy_bureau: 0, security_organ: 3 },
};
// How many levels each proposed level needs: 秘密 1, 机密 2, 绝密 3.
const NEEDS: Record<StateSecretLevel, 1 | 2 | 3> = { confidential: 1, secret: 2, top_secret: 3 };

type GrantCase = 'none' | 'valid_secret' | 'expired' | 'granted_by_granted';
const GRANT_CASES: GrantCase[] = ['none', 'valid_secret', 'expired', 'granted_by_granted'];

const grantFor = (orgId: string, c: GrantCase): Grant[] => {
  const base: Grant = {
    id: `g-${c}`,
    grantorOrgId: 'org-province-gov',
    granteeOrgId: orgId,
    level: 'secret',
    scope: '本系统国民经济动员事项',
    from: '2025-01-01',
    to: '2027-12-31',
    reasons: '经常产生机密级事项',
    filedWithBureauAt: '2025-01-10',
    grantorWasGranted: false,
  };
  switch (c) {
    case 'none':
      return [];
    case 'valid_secret':
      return [base];
    case 'expired':
      return [{ ...base, to: '2025-12-31' }];
    case 'granted_by_granted':
      return [{ ...base, grantorWasGranted: true }];
  }
};

/**
 * Expected outcome, reasoned independently: derived designation is always allowed; an original
 * one is allowed when the level's need is within max(statutory, 2 if a valid 机密 grant applies).
 */
function expected(level: AdminLevel, kind: OrgKind, g: GrantCase, proposed: StateSecretLevel, how: string) {
  const statutory = STATUTORY[level][kind];
  const granted = g === 'valid_secret' ? 2 : 0;
  const held = Math.max(statutory, granted);
  const source = held === 0 ? null : granted > statutory ? 'grant' : 'statutory';
  return { allowed: how === 'derived' || NEEDS[proposed] <= held, source };
}

describe('R-DES-02 R-DES-03 R-DES-01 authority matrix (all combinations)', () => {
  let n = 0;
  for (const level of ADMIN_LEVELS) {
    for (const kind of ORG_KINDS) {
      for (const g of GRANT_CASES) {
        for (const proposed of ['confidential', 'secret', 'top_secret'] as const) {
          for (const how of ['original', 'derived'] as const) {
            n += 1;
            const exp = expected(level, kind, g, proposed, how);
            test(`R-DES-02 R-DES-03 ${level} ${kind}, grant ${g}, ${how} ${proposed} → ${exp.allowed ? 'allowed' : 'escalate'}`, () => {
              const org: DesignationOrg = { id: `org-${level}-${kind}`, level, kind };
              const d = canDesignate({
                org,
                grants: grantFor(org.id, g),
                proposedLevel: proposed,
                kind: how,
                today: TODAY,
              });
              assert.equal(d.allowed, exp.allowed);
              assert.equal(d.escalate, !exp.allowed);
              assert.equal(d.kind, how);
              assert.equal(d.authority.source, exp.source);
              const last = d.reasons.at(-1)!;
              assert.equal(
                last.code,
                how === 'derived'
                  ? 'derived_not_limited'
                  : exp.allowed
                    ? 'within_authority'
                    : 'level_above_authority',
              );
              for (const r of d.reasons)
                assert.ok(r.zh.length > 0 && r.en.length > 0 && r.rule.startsWith('R-'));
            });
          }
        }
      }
    }
  }
  test('R-DES-02 the matrix enumerates 5 × 5 × 4 × 3 × 2 = 600 combinations', () => assert.equal(n, 600));
});

describe('R-DES-02 statutory authority', () => {
  for (const level of ADMIN_LEVELS) {
    for (const kind of ORG_KINDS) {
      const e = STATUTORY[level][kind];
      const want = e === 3 ? 'top_secret' : e === 2 ? 'secret' : null;
      test(`R-DES-02 statutoryAuthority(${level}, ${kind}) = ${want}`, () => {
        assert.equal(statutoryAuthority(level, kind), want);
      });
    }
  }

  test('R-DES-02 security organs act within their remit: the UI says so', () => {
    const a = effectiveAuthority({ id: 'psb', level: 'county', kind: 'security_organ' }, [], TODAY);
    assert.equal(a.remitLimited, true);
    assert.equal(a.reasons[0]!.code, 'authority_statutory_remit');
    const d = canOriginallyDesignate(
      { id: 'psb', level: 'county', kind: 'security_organ' },
      [],
      'top_secret',
      TODAY,
    );
    assert.match(d.reasons.at(-1)!.zh, /工作范围/u);
    assert.match(d.reasons.at(-1)!.en, /remit/u);
  });

  test('R-DES-02 level lists for the explanations', () => {
    assert.equal(levelsUpToZh('top_secret'), '绝密级、机密级、秘密级');
    assert.equal(levelsUpToZh('confidential'), '秘密级');
    assert.equal(levelsUpToEn('top_secret'), 'top secret, secret and confidential');
    assert.equal(levelsUpToEn('secret'), 'secret and confidential');
    assert.equal(levelsUpToEn('confidential'), 'confidential');
  });
});

describe('R-DES-03 grants', () => {
  const letter: Grant = {
    grantorOrgId: 'city-gov',
    granteeOrgId: 'city-bureau-of-x',
    level: 'secret',
    scope: '交通战备事项',
    from: '2026-01-01',
    to: '2028-12-31',
    reasons: '近三年年均产生机密级事项8件',
    filedWithBureauAt: '2026-01-05',
    grantorWasGranted: false,
  };
  const codes = (g: Grant, auth: StateSecretLevel | null, granted: boolean) => {
    const r = checkGrant(g, auth, granted);
    return r.ok ? [] : r.violations.map((v) => v.code);
  };

  // [name, grant, grantor authority, grantor is granted, expected codes]
  const cases: [string, Grant, StateSecretLevel | null, boolean, string[]][] = [
    ['a complete 机密 grant by a city organ', letter, 'secret', false, []],
    [
      'an unfiled grant may be recorded (it takes no effect yet)',
      { ...letter, filedWithBureauAt: undefined },
      'secret',
      false,
      [],
    ],
    [
      '绝密 by a city organ is above its own authority',
      { ...letter, level: 'top_secret' },
      'secret',
      false,
      ['grant_above_grantor_authority'],
    ],
    ['秘密 by a province organ', { ...letter, level: 'confidential' }, 'top_secret', false, []],
    ['a county organ may not grant', letter, null, false, ['grantor_without_authority']],
    ['a granted organisation cannot grant again', letter, 'secret', true, ['grant_by_granted_org']],
    [
      'recorded as granted-by-granted',
      { ...letter, grantorWasGranted: true },
      'secret',
      false,
      ['grant_by_granted_org'],
    ],
    [
      'missing fields',
      { ...letter, grantorOrgId: '', granteeOrgId: ' ', scope: '', reasons: '  ' },
      'secret',
      false,
      ['grant_grantor_missing', 'grant_grantee_missing', 'grant_scope_missing', 'grant_reasons_missing'],
    ],
    ['grant to itself', { ...letter, granteeOrgId: 'city-gov' }, 'secret', false, ['grant_to_self']],
    ['term end before start', { ...letter, to: '2025-12-31' }, 'secret', false, ['grant_term_reversed']],
    ['no term', { ...letter, to: '' }, 'secret', false, ['grant_to_invalid']],
    [
      'bad dates',
      { ...letter, from: '2026-02-30', filedWithBureauAt: '2026/01/05' },
      'secret',
      false,
      ['grant_from_invalid', 'grant_filing_date_invalid'],
    ],
    [
      'level not a state secret',
      { ...letter, level: 'internal' as StateSecretLevel },
      'secret',
      false,
      ['grant_level_invalid'],
    ],
    ['one-day term is fine', { ...letter, to: '2026-01-01' }, 'secret', false, []],
  ];
  for (const [name, g, auth, granted, exp] of cases) {
    test(`R-DES-03 checkGrant: ${name} → ${exp.join(', ') || 'ok'}`, () => {
      assert.deepEqual(codes(g, auth, granted), exp);
    });
  }

  // [name, grant, today, status]
  const statuses: [string, Grant, string, string][] = [
    ['in force on its first day', letter, '2026-01-05', 'in_force'],
    ['in force on its last day', letter, '2028-12-31', 'in_force'],
    ['expired the day after its term', letter, '2029-01-01', 'expired'],
    ['before filing: not in force', letter, '2026-01-04', 'unfiled'],
    ['never filed', { ...letter, filedWithBureauAt: undefined }, '2026-06-01', 'unfiled'],
    ['filed before the term starts: pending', { ...letter, from: '2026-03-01' }, '2026-02-01', 'pending'],
    ['granted by a granted organisation: void', { ...letter, grantorWasGranted: true }, '2026-06-01', 'void'],
    ['defective letter: void', { ...letter, scope: '' }, '2026-06-01', 'void'],
    [
      'expired and never filed: expired',
      { ...letter, filedWithBureauAt: undefined },
      '2030-01-01',
      'expired',
    ],
  ];
  for (const [name, g, today, st] of statuses) {
    test(`R-DES-03 grantStatus: ${name} (${today}) → ${st}`, () => {
      const s = grantStatus(g, today);
      assert.equal(s.status, st);
      assert.equal(s.reasons.length, 1);
      assert.equal(s.reasons[0]!.rule, 'R-DES-03');
    });
  }

  test('R-DES-03 effectiveAuthority takes the highest grant in force and explains every grant', () => {
    const org: DesignationOrg = { id: 'county-gov', level: 'county', kind: 'party_gov' };
    const grants: Grant[] = [
      { ...letter, granteeOrgId: 'county-gov', level: 'confidential', to: '2030-12-31' },
      { ...letter, granteeOrgId: 'county-gov', level: 'secret' },
      { ...letter, granteeOrgId: 'county-gov', level: 'top_secret', grantorWasGranted: true },
      { ...letter, granteeOrgId: 'someone-else', level: 'top_secret' },
    ];
    const a = effectiveAuthority(org, grants, '2026-06-01');
    assert.equal(a.level, 'secret');
    assert.equal(a.source, 'grant');
    assert.equal(a.grant, grants[1]);
    assert.deepEqual(
      a.reasons.map((r) => r.code),
      ['authority_none_level', 'grant_in_force', 'grant_in_force', 'grant_by_granted_org'],
    );
    const later = effectiveAuthority(org, grants, '2029-06-01');
    assert.equal(later.level, 'confidential');
    const none = effectiveAuthority(org, grants, '2031-01-01');
    assert.equal(none.level, null);
    assert.equal(none.source, null);
  });

  test('R-DES-03 a grant equal to the statutory authority leaves the statutory source', () => {
    const a = effectiveAuthority(
      { id: 'c', level: 'city', kind: 'party_gov' },
      [{ ...letter, granteeOrgId: 'c' }],
      '2026-06-01',
    );
    assert.equal(a.source, 'statutory');
    assert.equal(a.grant, undefined);
  });

  const granting: [AdminLevel, OrgKind, StateSecretLevel | null][] = [
    ['central', 'party_gov', 'top_secret'],
    ['province', 'secrecy_bureau', 'top_secret'],
    ['city', 'party_gov', 'secret'],
    ['city', 'security_organ', 'secret'],
    ['county', 'party_gov', null],
    ['county', 'security_organ', null],
    ['township', 'party_gov', null],
    ['central', 'institution', null],
    ['province', 'enterprise', null],
  ];
  for (const [level, kind, want] of granting) {
    test(`R-DES-03 grantingAuthority(${level}, ${kind}) = ${want}`, () => {
      assert.equal(grantingAuthority(level, kind), want);
    });
  }

  const filing: [AdminLevel, string | null][] = [
    ['central', 'central'],
    ['province', 'central'],
    ['city', 'province'],
    ['county', null],
    ['township', null],
  ];
  for (const [level, want] of filing) {
    test(`R-DES-03 a grant by a ${level} organ is filed with the ${want ?? 'no'} bureau`, () => {
      assert.equal(grantFilingBureauLevel(level), want);
    });
  }
});

describe('R-DES-07 escalation target', () => {
  const chain: EscalationCandidate[] = [
    { id: 'county-gov', level: 'county', kind: 'party_gov', authority: 'confidential' },
    { id: 'city-gov', level: 'city', kind: 'party_gov', authority: 'secret' },
    { id: 'prov-gov', level: 'province', kind: 'party_gov', authority: 'top_secret' },
  ];
  // [name, ancestors, proposed, bureau id, expected to, expected orgId]
  const cases: [string, EscalationCandidate[], StateSecretLevel, string | null, string, string | null][] = [
    ['秘密 goes to the nearest (granted county)', chain, 'confidential', 'bureau', 'superior', 'county-gov'],
    ['机密 skips the county', chain, 'secret', 'bureau', 'superior', 'city-gov'],
    ['绝密 goes to the province', chain, 'top_secret', 'bureau', 'superior', 'prov-gov'],
    [
      'no superior with 绝密 → bureau',
      chain.slice(0, 2),
      'top_secret',
      'bureau-1',
      'secrecy_bureau',
      'bureau-1',
    ],
    ['no ancestors at all → bureau', [], 'confidential', 'bureau-1', 'secrecy_bureau', 'bureau-1'],
    ['bureau unknown → chosen by the user', [], 'secret', null, 'secrecy_bureau', null],
    [
      'a bureau in the chain with the authority',
      [{ id: 'city-bureau', level: 'city', kind: 'secrecy_bureau', authority: 'secret' }],
      'secret',
      null,
      'secrecy_bureau',
      'city-bureau',
    ],
  ];
  for (const [name, anc, level, bureau, to, orgId] of cases) {
    test(`R-DES-07 escalationTarget: ${name}`, () => {
      const t = escalationTarget(anc, level, bureau);
      assert.equal(t.to, to);
      assert.equal(t.orgId, orgId);
      assert.equal(t.reasons[0]!.rule, 'R-DES-07');
    });
  }
});

describe('R-DES-03 frequent producer', () => {
  // [name, counts, lastYear, frequent, total]
  const cases: [string, Record<number, number>, number | undefined, boolean, number][] = [
    ['exactly 6 a year', { 2023: 6, 2024: 6, 2025: 6 }, 2025, true, 18],
    ['17 over 3 years is short', { 2023: 5, 2024: 6, 2025: 6 }, 2025, false, 17],
    ['uneven but 18 in total', { 2023: 0, 2024: 0, 2025: 18 }, 2025, true, 18],
    ['only the last 3 years count', { 2020: 100, 2023: 1, 2024: 1, 2025: 1 }, 2025, false, 3],
    ['missing years count 0', { 2025: 12 }, 2025, false, 12],
    ['default last year = latest in data', { 2022: 9, 2023: 9, 2024: 9 }, undefined, true, 27],
    ['current partial year excluded by lastYear', { 2023: 2, 2024: 2, 2025: 2, 2026: 50 }, 2025, false, 6],
    ['bad counts are 0', { 2023: -10, 2024: 2.5, 2025: 18 }, 2025, true, 18],
    ['no data', {}, undefined, false, 0],
  ];
  for (const [name, counts, last, frequent, total] of cases) {
    test(`R-DES-03 frequentProducer: ${name} → ${frequent}`, () => {
      const r = frequentProducer(counts, last);
      assert.equal(r.frequent, frequent);
      assert.equal(r.total, total);
      assert.equal(r.reasons.length, 1);
    });
  }
});
