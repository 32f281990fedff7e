import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Check } from '../errors.ts';
import {
  checkSignedCommitment,
  commitmentsDue,
  type PersonPost,
  type SignedCommitment,
} from './commitments.ts';
import { COMMITMENT_KIND_LABELS, COMMITMENT_KINDS } from './enums.ts';

const codes = (c: Check) => (c.ok ? [] : c.violations.map((x) => x.code));
const T = '2026-11-27';
const post = (id: string, extra: Partial<PersonPost> = {}): PersonPost => ({
  id,
  name: `岗位${id}`,
  since: '2024-03-01',
  keySite: false,
  leaving: false,
  leftOn: null,
  ...extra,
});
const signed = (
  kind: SignedCommitment['kind'],
  postId: string | null,
  signedOn: string,
  year: number | null = null,
): SignedCommitment => ({ kind, postId, year, signedOn });
const due = (posts: PersonPost[], s: SignedCommitment[], today = T) =>
  commitmentsDue(posts, s, today).map((d) => `${d.kind}:${d.postId ?? d.year}${d.overdue ? '!' : ''}`);

describe('R-PER-03 commitments and letters due', () => {
  test('R-PER-03 the four kinds with their Chinese names', () => {
    assert.deepEqual(
      COMMITMENT_KINDS.map((k) => COMMITMENT_KIND_LABELS[k].zh),
      [
        '涉密人员保密承诺书（上岗）',
        '涉密人员保密承诺书（年度）',
        '涉密人员离岗离职保密承诺书',
        '保密要害部门部位工作人员保密责任书',
      ],
    );
  });
  const onPost = signed('on_post', 'a', '2024-03-01');
  const yearly = signed('yearly', null, '2026-02-10', 2026);
  const cases: [string, PersonPost[], SignedCommitment[], string, string[]][] = [
    ['everything signed', [post('a')], [onPost, yearly], T, []],
    ['nothing signed: on-post and yearly, both overdue', [post('a')], [], T, ['on_post:a!', 'yearly:2026!']],
    [
      'the yearly one before its due day is due, not overdue',
      [post('a')],
      [onPost],
      '2026-03-31',
      ['yearly:2026'],
    ],
    [
      'the yearly one the day after its due day is overdue',
      [post('a')],
      [onPost],
      '2026-04-01',
      ['yearly:2026!'],
    ],
    [
      'last year\u2019s yearly commitment does not count',
      [post('a')],
      [onPost, signed('yearly', null, '2025-02-01', 2025)],
      T,
      ['yearly:2026!'],
    ],
    [
      'taken this year: the on-post commitment covers the year',
      [post('a', { since: '2026-05-01' })],
      [signed('on_post', 'a', '2026-05-01')],
      T,
      [],
    ],
    ['taken today: due today, not overdue', [post('a', { since: T })], [], T, ['on_post:a']],
    ['a post not yet taken asks nothing', [post('a', { since: '2026-12-01' })], [], T, []],
    [
      'a key-site post needs the responsibility letter',
      [post('a', { keySite: true })],
      [onPost, yearly],
      T,
      ['responsibility_letter:a!'],
    ],
    [
      'a person with two posts: one on-post commitment per post',
      [post('a'), post('b', { since: '2025-01-01', keySite: true })],
      [onPost, yearly],
      T,
      ['on_post:b!', 'responsibility_letter:b!'],
    ],
    [
      'leaving under way: the exit commitment is due',
      [post('a', { leaving: true })],
      [onPost, yearly],
      T,
      ['exit:a'],
    ],
    [
      'left without one: overdue',
      [post('a', { leaving: true, leftOn: '2026-10-01' })],
      [onPost],
      T,
      ['exit:a!'],
    ],
    [
      'left with one signed: nothing, and no yearly any more',
      [post('a', { leftOn: '2026-10-01' })],
      [onPost, signed('exit', 'a', '2026-09-30')],
      T,
      [],
    ],
    [
      'a signature dated after today does not count',
      [post('a')],
      [signed('on_post', 'a', '2026-12-01'), yearly],
      T,
      ['on_post:a!'],
    ],
    [
      'a signature for another post does not count',
      [post('a')],
      [signed('on_post', 'b', '2024-03-01'), yearly],
      T,
      ['on_post:a!'],
    ],
  ];
  for (const [name, posts, s, today, expected] of cases) {
    test(`R-PER-03 ${name}: ${expected.join(', ') || 'nothing due'}`, () =>
      assert.deepEqual(due(posts, s, today), expected));
  }
  test('R-PER-06 the exit commitment is due under R-PER-06, the others under R-PER-03, with both languages', () => {
    const d = commitmentsDue([post('a', { leaving: true, keySite: true })], [], T);
    assert.deepEqual(
      d.map((x) => x.rule),
      ['R-PER-03', 'R-PER-03', 'R-PER-03', 'R-PER-06'],
    );
    for (const x of d) assert.ok(/\p{Script=Han}/u.test(x.zh) && x.en.length > 0);
    assert.equal(d[0]?.zh, '岗位“岗位a”（2024-03-01上岗）未签订涉密人员保密承诺书（上岗）');
  });
  test('R-PER-03 a yearly due day of 02-29 falls on 02-28 in a common year', () => {
    const d = commitmentsDue([post('a')], [signed('on_post', 'a', '2024-03-01')], '2026-01-15', {
      yearlyDueBy: '02-29',
    });
    assert.equal(d[0]?.dueOn, '2026-02-28');
  });
});

describe('R-PER-03 registering a signature', () => {
  const cases: [string, SignedCommitment, string[]][] = [
    ['an on-post commitment', signed('on_post', 'a', '2026-11-27'), []],
    ['for no post', signed('on_post', null, '2026-11-27'), ['commitment_post_missing']],
    ['for an unknown post', signed('responsibility_letter', 'zz', '2026-11-27'), ['commitment_post_missing']],
    ['dated tomorrow', signed('exit', 'a', '2026-11-28'), ['commitment_date_future']],
    ['dated 1900', signed('exit', 'a', '1900-01-01'), ['commitment_date_invalid']],
    ['a yearly one', signed('yearly', null, '2026-01-05', 2026), []],
    ['a yearly one signed late December for next year', signed('yearly', null, '2025-12-28', 2026), []],
    ['a yearly one without a year', signed('yearly', null, '2026-01-05'), ['commitment_year_missing']],
    ['a yearly one for a far year', signed('yearly', null, '2026-01-05', 2030), ['commitment_year_mismatch']],
  ];
  for (const [name, x, expected] of cases) {
    test(`R-PER-03 ${name}: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(codes(checkSignedCommitment(x, T, ['a', 'b'])), expected));
  }
});
