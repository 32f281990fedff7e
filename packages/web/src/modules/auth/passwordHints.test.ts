import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPassword, DEFAULT_SECURITY_POLICY } from '@baomi/domain';
import { passwordHints } from './passwordHints.ts';

const policy = { ...DEFAULT_SECURITY_POLICY, minLength: 10, minClasses: 3, forbidUsername: true };
const okOf = (pw: string, p = policy) =>
  Object.fromEntries(passwordHints(pw, 'zhangsan', p).map((h) => [h.key, h.ok]));

test('R-SYS-02 the live hints follow the policy in force, rule by rule', () => {
  assert.deepEqual(okOf(''), { length: false, classes: false, username: false });
  assert.deepEqual(okOf('abc'), { length: false, classes: false, username: true });
  assert.deepEqual(okOf('Abcdefgh12'), { length: true, classes: true, username: true });
  assert.deepEqual(okOf('xZhangSan-1'), { length: true, classes: true, username: false });
  const hints = passwordHints('Abc1', 'zhangsan', policy);
  assert.deepEqual(
    hints.map((h) => [h.key, h.n, h.has]),
    [
      ['length', 10, 4],
      ['classes', 3, 3],
      ['username', 0, 0],
    ],
  );
  // A policy without the user-name rule has no such hint; a longer minimum is followed at once.
  const loose = { ...policy, forbidUsername: false, minLength: 16 };
  assert.deepEqual(okOf('Abcdefgh12', loose), { length: false, classes: true });
});

test('R-SYS-02 all hints met ⇔ the domain (and so the server) accepts the password', () => {
  for (const pw of [
    '',
    'short',
    'Abcdefgh12',
    'abcdefghij',
    'ABCDEFGH12!',
    'zhangsan-Abc12',
    'Ünïcødé-Pass1',
  ]) {
    const all = passwordHints(pw, 'zhangsan', policy).every((h) => h.ok);
    assert.equal(all, checkPassword(pw, 'zhangsan', policy).ok, pw);
  }
});
