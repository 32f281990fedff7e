import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkCarrierAbroad,
  checkCarrierOut,
  checkMaterial,
  checkReviewReleased,
  checkSecretsProvision,
  involvesStateSecrets,
  type MaterialInput,
  materialNotRecovered,
} from './materials.ts';

const codes = (c: { ok: boolean; violations?: { code: string }[] }) =>
  c.ok ? [] : (c as { violations: { code: string }[] }).violations.map((x) => x.code);
const today = '2026-06-15';

describe('R-FOR-06 a material names recipients, copies and recovery terms', () => {
  const base: MaterialInput = {
    title: '合作研究项目简介',
    recipients: ['某国某大学材料学院'],
    copies: 3,
    recovery: 'recover',
    recoveryTerms: '会谈结束后当场收回',
    recoverBy: '2026-06-30',
    today,
  };
  const cases: [string, Partial<MaterialInput>, string[]][] = [
    ['complete', {}, []],
    ['no recipients', { recipients: [] }, ['material_recipients_missing']],
    ['a zero-width recipient', { recipients: ['A', '\u200b'] }, ['material_recipients_missing']],
    ['zero copies', { copies: 0 }, ['material_copies_invalid']],
    ['Infinity copies', { copies: Number.POSITIVE_INFINITY }, ['material_copies_invalid']],
    ['fractional copies', { copies: 1.5 }, ['material_copies_invalid']],
    ['too many copies', { copies: 1001 }, ['material_copies_invalid']],
    ['recover without terms', { recoveryTerms: '' }, ['material_recovery_terms_missing']],
    ['recover by 9999', { recoverBy: '9999-12-31' }, ['material_recover_by_invalid']],
    ['recover by 1900', { recoverBy: '1900-01-01' }, ['material_recover_by_invalid']],
    ['recover with no day', { recoverBy: null }, ['material_recover_by_invalid']],
    [
      'kept by the recipient: no terms needed',
      { recovery: 'retain', recoveryTerms: '', recoverBy: null },
      [],
    ],
    ['zero-width title', { title: '\u200b\u200c' }, ['material_title_missing']],
  ];
  for (const [name, over, want] of cases)
    test(`R-FOR-06 ${name}`, () => assert.deepEqual(codes(checkMaterial({ ...base, ...over })), want));
});

describe('R-FOR-06 state secrets to a foreign party', () => {
  const national = { number: '国保函〔2026〕12号', on: '2026-06-01', authority: '国家保密局' };
  const obligation = { reference: '保密协议（外方签署）', on: '2026-06-02' };
  const cases: [string, boolean, typeof national | null, typeof obligation | null, string[]][] = [
    ['no secret: nothing needed', false, null, null, []],
    ['secret, both recorded', true, national, obligation, []],
    ['secret, no national approval', true, null, obligation, ['foreign_secrets_no_national_approval']],
    ['secret, no obligation', true, national, null, ['foreign_secrets_no_obligation']],
    [
      'secret, neither',
      true,
      null,
      null,
      ['foreign_secrets_no_national_approval', 'foreign_secrets_no_obligation'],
    ],
    [
      'secret, approval dated 9999',
      true,
      { ...national, on: '9999-01-01' },
      obligation,
      ['foreign_secrets_no_national_approval'],
    ],
    [
      'secret, blank authority',
      true,
      { ...national, authority: '\u200b' },
      obligation,
      ['foreign_secrets_no_national_approval'],
    ],
  ];
  for (const [name, secret, n, o, want] of cases)
    test(`R-FOR-06 ${name}`, () => assert.deepEqual(codes(checkSecretsProvision(secret, n, o, today)), want));
  test('R-FOR-06 marked material or a marking found by the review is a state secret', () => {
    assert.equal(involvesStateSecrets(null, []), false);
    assert.equal(involvesStateSecrets(null, [null, null]), false);
    assert.equal(involvesStateSecrets('confidential', []), true);
    assert.equal(involvesStateSecrets(null, [null, 'secret']), true);
  });
});

describe('R-FOR-07, R-REV-01 the review must be released', () => {
  const cases: [string, { no: string; state: string } | null, string[]][] = [
    ['no review', null, ['material_review_missing']],
    ['draft', { no: 'SC-1', state: 'draft' }, ['material_review_not_released']],
    ['in review', { no: 'SC-1', state: 'in_review' }, ['material_review_not_released']],
    ['refused', { no: 'SC-1', state: 'refused' }, ['material_review_not_released']],
    ['withdrawn', { no: 'SC-1', state: 'withdrawn' }, ['material_review_not_released']],
    ['released', { no: 'SC-1', state: 'released' }, []],
    ['released with changes', { no: 'SC-1', state: 'released_with_changes' }, []],
  ];
  for (const [name, review, want] of cases)
    test(`R-FOR-07 ${name}`, () => assert.deepEqual(codes(checkReviewReleased(review)), want));
});

describe('R-CAR-10 classified carriers abroad', () => {
  const cases: [string, string | null, 'provide' | 'carry' | 'mail' | 'publish', string[]][] = [
    ['绝密 carried abroad', 'top_secret', 'carry', ['top_secret_abroad']],
    ['绝密 mailed abroad', 'top_secret', 'mail', ['top_secret_abroad']],
    ['机密 carried abroad (the take-out rules apply)', 'secret', 'carry', []],
    ['no carrier', null, 'carry', []],
  ];
  for (const [name, level, d, want] of cases)
    test(`R-CAR-10 ${name}`, () => assert.deepEqual(codes(checkCarrierAbroad(level, d)), want));
  const out: [string, string | null, 'provide' | 'carry' | 'mail' | 'publish', string[]][] = [
    ['carried abroad while in the registry: refused', 'in_registry', 'carry', ['carrier_not_taken_out']],
    ['carried abroad under its take-out', 'taken_out', 'carry', []],
    ['handed over at home', 'in_registry', 'provide', []],
    ['no carrier', null, 'mail', []],
  ];
  for (const [name, status, d, want] of out)
    test(`R-CAR-10 hand-over: ${name}`, () => assert.deepEqual(codes(checkCarrierOut(status, d)), want));
});

describe('R-FOR-08 materials not yet recovered after the activity', () => {
  const cases: [string, Parameters<typeof materialNotRecovered>[0], string | null, boolean][] = [
    ['provided, to recover, activity ended', { status: 'provided', recovery: 'recover' }, '2026-06-10', true],
    [
      'provided, to recover, activity going on',
      { status: 'provided', recovery: 'recover' },
      '2026-06-20',
      false,
    ],
    ['provided, kept by the recipient', { status: 'provided', recovery: 'retain' }, '2026-06-10', false],
    ['closed', { status: 'closed', recovery: 'destroy' }, '2026-06-10', false],
  ];
  for (const [name, m, ends, want] of cases)
    test(`R-FOR-08 ${name}`, () => assert.equal(materialNotRecovered(m, ends, today), want));
});
