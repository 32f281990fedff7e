import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, isChineseCitizen, visible } from './posts.ts';

const TODAY = '2026-06-01';
const base = { name: '机要秘书', personClass: 'core' as const, since: '2020-01-01' };
const codes = (c: ReturnType<typeof checkPost>) => (c.ok ? [] : c.violations.map((x) => x.code));

test('R-PER-01 checkPost: every violation, by field', () => {
  const cases: [Partial<typeof base>, string[]][] = [
    [{}, []],
    [{ since: TODAY }, []],
    [{ name: '' }, ['post_name_missing']],
    [{ name: '  ' }, ['post_name_missing']],
    [{ name: '\u200b\u200b' }, ['post_name_missing']],
    [{ name: '岗'.repeat(101) }, ['post_name_too_long']],
    [{ name: '岗'.repeat(100) }, []],
    [{ since: '1900-01-01' }, ['post_since_invalid']],
    [{ since: '1949-12-31' }, ['post_since_invalid']],
    [{ since: '1950-01-01' }, []],
    [{ since: '2026-02-30' }, ['post_since_invalid']],
    [{ since: '9999-12-31' }, ['post_since_future']],
    [{ since: '2026-06-02' }, ['post_since_future']],
    [{ name: '', since: '9999-12-31' }, ['post_name_missing', 'post_since_future']],
  ];
  for (const [over, want] of cases)
    assert.deepEqual(codes(checkPost({ ...base, ...over }, TODAY)), want, JSON.stringify(over));
  const c = checkPost({ ...base, since: '9999-12-31' }, TODAY);
  assert.ok(!c.ok && c.violations[0]!.rule === 'R-PER-01' && c.violations[0]!.field === 'since');
});

test('R-SITE-04 isChineseCitizen: 中国 and its spellings; anything else is not', () => {
  for (const n of ['中国', ' 中国 ', '中华人民共和国', '中国籍', 'CN', 'China', '中\u200b国'])
    assert.equal(isChineseCitizen(n), true, n);
  for (const n of ['美国', '无国籍', '', '日本', 'USA', '中国香港?'])
    assert.equal(isChineseCitizen(n), false, n);
});

test('R-PER-01 visible: blanks and zero-width characters alone are not a name', () => {
  assert.equal(visible('张三'), true);
  assert.equal(visible(' \t\n'), false);
  assert.equal(visible('\u200b\u200c\ufeff'), false);
});
