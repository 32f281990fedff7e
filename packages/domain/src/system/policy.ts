// R-SYS-02: security policy — password strength, lockout, idle timeout — and R-SYS-03 retention.
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { CLEARANCES } from '../orgs/enums.ts';
import { DEFAULT_SECOND_FACTOR_POLICY, type SecondFactorPolicy } from '../twofactor/requirement.ts';

/** The second-factor rule (R-SYS-02, GB/T 22239-2019 8.1.4.1 d) is part of the same policy. */
export interface SecurityPolicy extends SecondFactorPolicy {
  minLength: number;
  minClasses: number;
  forbidUsername: boolean;
  maxFailures: number;
  lockMinutes: number;
  idleMinutes: number;
  auditRetentionMonths: number;
}

/** R-SYS-02 defaults: ≥10 characters of 3 kinds, 5 failures → 30 minutes, 30 minutes idle; R-SYS-03: 6 months. */
export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  minLength: 10,
  minClasses: 3,
  forbidUsername: true,
  maxFailures: 5,
  lockMinutes: 30,
  idleMinutes: 30,
  auditRetentionMonths: 6,
  ...DEFAULT_SECOND_FACTOR_POLICY,
};

/** Bounds the security-secrecy administrator may set; the lower bounds keep R-SYS-02/03 meaningful. */
export const POLICY_BOUNDS: Record<
  Exclude<keyof SecurityPolicy, 'forbidUsername' | keyof SecondFactorPolicy>,
  [number, number]
> = {
  minLength: [8, 64],
  minClasses: [2, 4],
  maxFailures: [3, 10],
  lockMinutes: [1, 1440],
  idleMinutes: [5, 480],
  auditRetentionMonths: [6, 600],
};

const FIELD_NAMES: Record<keyof SecurityPolicy, { zh: string; en: string }> = {
  minLength: { zh: '密码最小长度', en: 'minimum password length' },
  minClasses: { zh: '密码字符种类数', en: 'character classes' },
  forbidUsername: { zh: '禁止包含用户名', en: 'forbid user name' },
  maxFailures: { zh: '登录失败锁定次数', en: 'failures before lockout' },
  lockMinutes: { zh: '锁定时长（分钟）', en: 'lockout minutes' },
  idleMinutes: { zh: '空闲超时（分钟）', en: 'idle timeout minutes' },
  auditRetentionMonths: { zh: '审计日志保存月数', en: 'audit retention months' },
  secondFactorAll: { zh: '全部业务用户须使用双因素', en: 'second factor for all users' },
  secondFactorMinClearance: { zh: '须使用双因素的最低涉密等级', en: 'second factor from clearance' },
  secondFactorBureau: { zh: '保密行政管理部门用户须使用双因素', en: 'second factor for bureau users' },
};

/** R-SYS-02, R-SYS-03: a policy is valid only within POLICY_BOUNDS (retention at least 6 months). */
export function checkSecurityPolicy(p: SecurityPolicy): Check {
  const violations: RuleViolation[] = [];
  for (const [key, [lo, hi]] of Object.entries(POLICY_BOUNDS) as [
    keyof typeof POLICY_BOUNDS,
    [number, number],
  ][]) {
    const v = p[key];
    if (!Number.isInteger(v) || v < lo || v > hi) {
      const name = FIELD_NAMES[key];
      violations.push({
        code: 'policy_out_of_bounds',
        field: key,
        rule: key === 'auditRetentionMonths' ? 'R-SYS-03' : 'R-SYS-02',
        zh: `${name.zh}必须是 ${lo} 到 ${hi} 之间的整数`,
        en: `${name.en} must be a whole number from ${lo} to ${hi}`,
      });
    }
  }
  const c = p.secondFactorMinClearance;
  if (c !== null && (c === 'none' || !(CLEARANCES as readonly string[]).includes(c))) {
    violations.push({
      code: 'policy_out_of_bounds',
      field: 'secondFactorMinClearance',
      rule: 'R-SYS-02',
      zh: '须使用双因素的最低涉密等级必须是核心、重要或一般涉密人员对应的等级',
      en: 'The clearance for a second factor must be confidential, secret or top secret',
    });
  }
  return violations.length ? { ok: false, violations } : ok;
}

/** Character classes counted by R-SYS-02: lower case, upper case, digits, other symbols. */
export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^a-zA-Z0-9]/.test(password)) n++;
  return n;
}

/** R-SYS-02: a password must be long enough, mix enough classes, and not contain the user name. */
export function checkPassword(password: string, username: string, policy: SecurityPolicy): Check {
  const violations: RuleViolation[] = [];
  const length = [...password].length;
  if (length < policy.minLength) {
    violations.push({
      code: 'password_too_short',
      field: 'newPassword',
      rule: 'R-SYS-02',
      zh: `密码至少需要 ${policy.minLength} 个字符（当前 ${length} 个）`,
      en: `Password needs at least ${policy.minLength} characters (has ${length})`,
    });
  }
  if (length > 256) {
    violations.push({
      code: 'password_too_long',
      field: 'newPassword',
      rule: 'R-SYS-02',
      zh: '密码不能超过 256 个字符',
      en: 'Password cannot exceed 256 characters',
    });
  }
  const classes = characterClasses(password);
  if (classes < policy.minClasses) {
    violations.push({
      code: 'password_too_simple',
      field: 'newPassword',
      rule: 'R-SYS-02',
      zh: `密码需包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 种（当前 ${classes} 种）`,
      en: `Password needs at least ${policy.minClasses} of: upper case, lower case, digits, symbols (has ${classes})`,
    });
  }
  if (
    policy.forbidUsername &&
    username.length > 0 &&
    password.toLowerCase().includes(username.toLowerCase())
  ) {
    violations.push({
      code: 'password_contains_username',
      field: 'newPassword',
      rule: 'R-SYS-02',
      zh: '密码不能包含用户名',
      en: 'Password cannot contain the user name',
    });
  }
  return violations.length ? fail(...violations) : ok;
}

export interface LockState {
  failedCount: number;
  lockedUntil: Date | null;
}

/** R-SYS-02: whether an account is locked at `now`. */
export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** R-SYS-02: the lock state after one more failed login; reaching maxFailures locks for lockMinutes. */
export function afterFailedLogin(state: LockState, now: Date, policy: SecurityPolicy): LockState {
  // A lock that has run out starts a fresh count.
  const base = state.lockedUntil && state.lockedUntil.getTime() <= now.getTime() ? 0 : state.failedCount;
  const failedCount = base + 1;
  if (failedCount >= policy.maxFailures) {
    return { failedCount, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failedCount, lockedUntil: null };
}

/** R-SYS-02: a session unused for idleMinutes has ended. */
export function isIdleExpired(lastSeenAt: Date, now: Date, policy: SecurityPolicy): boolean {
  return now.getTime() - lastSeenAt.getTime() >= policy.idleMinutes * 60_000;
}

/**
 * R-SYS-03: the oldest audit time that may be removed: anything at or after this instant is kept.
 * Months are calendar months counted back from `now` in UTC, clamped to the month's end.
 */
export function auditRetentionCutoff(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const target = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  const day = Math.min(now.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      target.getUTCFullYear(),
      target.getUTCMonth(),
      day,
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  );
}
