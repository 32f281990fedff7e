// The forced password-change page's live hints: the security policy in force, rule by rule.
import { characterClasses, type SecurityPolicy } from '@baomi/domain';

export interface PasswordHint {
  key: 'length' | 'classes' | 'username';
  ok: boolean;
  /** What the rule asks for, and what the typed password has. */
  n: number;
  has: number;
}

/** R-SYS-02: each rule of the policy in force, and whether the typed password meets it (the server decides). */
export function passwordHints(password: string, username: string, policy: SecurityPolicy): PasswordHint[] {
  const out: PasswordHint[] = [];
  const length = [...password].length;
  out.push({ key: 'length', ok: length >= policy.minLength, n: policy.minLength, has: length });
  const classes = characterClasses(password);
  out.push({ key: 'classes', ok: classes >= policy.minClasses, n: policy.minClasses, has: classes });
  if (policy.forbidUsername) {
    const ok = password.length > 0 && !password.toLowerCase().includes(username.toLowerCase());
    out.push({ key: 'username', ok, n: 0, has: 0 });
  }
  return out;
}
