import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  afterFailedLogin,
  auditRetentionCutoff,
  characterClasses,
  checkPassword,
  checkSecurityPolicy,
  isIdleExpired,
  isLocked,
  DEFAULT_SECURITY_POLICY as P,
} from './policy.ts';

describe('R-SYS-02 password strength', () => {
  const cases: [string, string, string[]][] = [
    ['Abcdefgh12', 'zhang', []],
    ['abcdefgh12', 'zhang', ['password_too_simple']],
    ['abcdefghij', 'zhang', ['password_too_simple']],
    ['Ab1!', 'zhang', ['password_too_short']],
    ['zhangSan123!', 'zhang', ['password_contains_username']],
    ['ZHANGsan123!', 'Zhang', ['password_contains_username']],
    ['短密码1a', 'li', ['password_too_short']],
    ['1234567890', 'li', ['password_too_simple']],
  ];
  for (const [pw, user, codes] of cases) {
    test(`R-SYS-02 ${JSON.stringify(pw)} for ${user} → ${codes.join(',') || 'accepted'}`, () => {
      const r = checkPassword(pw, user, P);
      assert.deepEqual(r.ok ? [] : r.violations.map((v) => v.code), codes);
      if (!r.ok) for (const v of r.violations) assert.ok(v.zh && v.en && v.rule === 'R-SYS-02');
    });
  }
  test('R-SYS-02 classes are counted over four kinds', () => {
    assert.equal(characterClasses('aA1!'), 4);
    assert.equal(characterClasses('中文'), 1);
    assert.equal(characterClasses(''), 0);
  });
  test('R-SYS-02 policy is applied as configured (minLength 12, 4 classes)', () => {
    const strict = { ...P, minLength: 12, minClasses: 4 };
    assert.equal(checkPassword('Abcdefgh12', 'x', strict).ok, false);
    assert.equal(checkPassword('Abcdefgh12!x', 'q', strict).ok, true);
  });
  test('R-SYS-02 checkPassword never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (pw, u) => typeof checkPassword(pw, u, P).ok === 'boolean'),
    );
  });
});

describe('R-SYS-02 lockout and idle timeout', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  test('R-SYS-02 the fifth failure locks for 30 minutes', () => {
    let s = { failedCount: 0, lockedUntil: null as Date | null };
    for (let i = 0; i < 4; i++) s = afterFailedLogin(s, now, P);
    assert.equal(isLocked(s, now), false);
    s = afterFailedLogin(s, now, P);
    assert.equal(isLocked(s, now), true);
    assert.equal(s.lockedUntil?.toISOString(), '2026-03-01T00:30:00.000Z');
    assert.equal(isLocked(s, new Date('2026-03-01T00:30:00Z')), false);
  });
  test('R-SYS-02 an expired lock starts a fresh count', () => {
    const s = afterFailedLogin({ failedCount: 5, lockedUntil: new Date(now.getTime() - 1) }, now, P);
    assert.deepEqual(s, { failedCount: 1, lockedUntil: null });
  });
  test('R-SYS-02 idle timeout at exactly idleMinutes', () => {
    assert.equal(isIdleExpired(new Date(now.getTime() - 29 * 60_000), now, P), false);
    assert.equal(isIdleExpired(new Date(now.getTime() - 30 * 60_000), now, P), true);
  });
});

describe('R-SYS-02/R-SYS-03 policy bounds', () => {
  test('R-SYS-03 audit retention below 6 months is refused', () => {
    const r = checkSecurityPolicy({ ...P, auditRetentionMonths: 5 });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.violations[0]?.field, 'auditRetentionMonths');
  });
  test('R-SYS-02 defaults are valid; fractional and out-of-range values are not', () => {
    assert.equal(checkSecurityPolicy(P).ok, true);
    const r = checkSecurityPolicy({ ...P, minLength: 7, maxFailures: 2.5, idleMinutes: 10_000 });
    assert.deepEqual(!r.ok && r.violations.map((v) => v.field), ['minLength', 'maxFailures', 'idleMinutes']);
  });
});

describe('R-SYS-03 retention cutoff on the calendar', () => {
  const cases: [string, number, string][] = [
    ['2026-11-22T08:00:00.000Z', 6, '2026-05-22T08:00:00.000Z'],
    ['2026-08-31T00:00:00.000Z', 6, '2026-02-28T00:00:00.000Z'],
    ['2024-08-31T00:00:00.000Z', 6, '2024-02-29T00:00:00.000Z'],
    ['2026-03-31T12:00:00.000Z', 1, '2026-02-28T12:00:00.000Z'],
    ['2026-01-15T00:00:00.000Z', 13, '2024-12-15T00:00:00.000Z'],
  ];
  for (const [now, months, want] of cases) {
    test(`R-SYS-03 ${months} months before ${now} is ${want}`, () => {
      assert.equal(auditRetentionCutoff(new Date(now), months).toISOString(), want);
    });
  }
});
