import type { AccountCreate } from '@baomi/api/accounts.ts';
import { type AdminRole, checkRoleSeparation, conflict, forbidden, invalid, notFound } from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import { hashPassword, oneTimePassword } from '../auth/passwords.ts';
import { revokeSessions } from '../auth/sessions.ts';
import type { Sql } from '../db/db.ts';
import { linkAccount, personAccount } from '../people/queries.ts';
import {
  type Account,
  countAccounts,
  getAccount,
  insertAccount,
  updateAccount,
  usernameTaken,
} from './queries.ts';

const ACCOUNT = { zh: '账号', en: 'Account' };

export { type Account, getAccount, listAccounts } from './queries.ts';

async function requireAccount(sql: Sql, id: string): Promise<Account> {
  const a = await getAccount(sql, id);
  if (!a) throw notFound(ACCOUNT);
  return a;
}

/** A business account, optionally linked to a person; it must change its one-time password at first login. */
export async function createAccount(
  sql: Sql,
  actor: Actor,
  input: AccountCreate,
  passwordHash: string,
): Promise<Account> {
  if (input.personId) {
    const person = await personAccount(sql, input.personId);
    if (!person) throw notFound({ zh: '人员', en: 'Person' }, 'personId');
    if (person.accountId) {
      throw conflict({
        code: 'person_has_account',
        field: 'personId',
        zh: '该人员已有账号',
        en: 'This person already has an account',
      });
    }
  }
  if (await usernameTaken(sql, input.username)) {
    throw conflict({
      code: 'username_taken',
      field: 'username',
      zh: '用户名已被使用',
      en: 'The user name is taken',
    });
  }
  const id = await insertAccount(sql, {
    username: input.username,
    displayName: input.displayName.trim(),
    passwordHash,
  });
  if (input.personId) await linkAccount(sql, input.personId, id);
  await appendAudit(sql, actor, {
    action: 'account.create',
    objectType: 'account',
    objectId: id,
    summary: {
      username: input.username,
      displayName: input.displayName.trim(),
      personId: input.personId ?? null,
    },
  });
  return (await getAccount(sql, id))!;
}

/**
 * R-SYS-01: the one-time password of an administrator would let the system administrator sign in
 * as the administrator who watches him, so administrator passwords are reset only on the server
 * (`baomi admin reset-password --user NAME`).
 */
export function refuseAdminReset(a: Pick<Account, 'adminRole'>): void {
  if (a.adminRole) {
    throw forbidden({
      code: 'cannot_reset_admin',
      rule: 'R-SYS-01',
      zh: '三员账号的密码不能在此重置，请在服务器上执行 baomi admin reset-password --user 用户名',
      en: 'An administrator password cannot be reset here; on the server run baomi admin reset-password --user NAME',
    });
  }
}

/**
 * R-SYS-01: disabling an administrator would let one administrator silence the one who watches
 * him, so administrator accounts cannot be disabled from the console; nor can one's own.
 */
export async function setDisabled(sql: Sql, actor: Actor, id: string, disabled: boolean): Promise<Account> {
  const a = await requireAccount(sql, id);
  if (disabled && a.adminRole) {
    throw forbidden({
      code: 'cannot_disable_admin',
      rule: 'R-SYS-01',
      zh: '三员账号不能被停用',
      en: 'An administrator account cannot be disabled',
    });
  }
  if (disabled && a.id === actor.id) {
    throw conflict({
      code: 'cannot_disable_self',
      zh: '不能停用自己的账号',
      en: 'You cannot disable your own account',
    });
  }
  await updateAccount(sql, id, { disabled });
  const revoked = disabled ? await revokeSessions(sql, id) : 0;
  await appendAudit(sql, actor, {
    action: disabled ? 'account.disable' : 'account.enable',
    objectType: 'account',
    objectId: id,
    summary: { username: a.username, sessionsRevoked: revoked },
  });
  return (await getAccount(sql, id))!;
}

export async function unlock(sql: Sql, actor: Actor, id: string): Promise<Account> {
  const a = await requireAccount(sql, id);
  await updateAccount(sql, id, { failed_count: 0, locked_until: null });
  await appendAudit(sql, actor, {
    action: 'account.unlock',
    objectType: 'account',
    objectId: id,
    summary: { username: a.username },
  });
  return (await getAccount(sql, id))!;
}

/** Creates the three administrators on an empty database (R-SYS-01); returns their one-time passwords. */
export async function bootstrapAdministrators(
  sql: Sql,
): Promise<{ username: string; password: string; role: AdminRole }[] | null> {
  if ((await countAccounts(sql)) > 0) return null;
  const admins: { username: string; role: AdminRole; name: string }[] = [
    { username: 'sysadmin', role: 'sysadmin', name: '系统管理员' },
    { username: 'secadmin', role: 'secadmin', name: '安全保密管理员' },
    { username: 'auditor', role: 'auditor', name: '安全审计员' },
  ];
  const out: { username: string; password: string; role: AdminRole }[] = [];
  for (const a of admins) {
    const sep = checkRoleSeparation({ adminRole: a.role, businessRoles: [], linkedToPerson: false });
    if (!sep.ok) throw invalid(sep.violations[0]!);
    const password = oneTimePassword();
    const accountId = await insertAccount(sql, {
      username: a.username,
      displayName: a.name,
      passwordHash: await hashPassword(password),
      adminRole: a.role,
    });
    await appendAudit(
      sql,
      { id: null, name: 'system', class: 'system', role: null, orgId: null },
      {
        action: 'account.bootstrap',
        objectType: 'account',
        objectId: accountId,
        summary: { username: a.username, adminRole: a.role },
      },
    );
    out.push({ username: a.username, password, role: a.role });
  }
  return out;
}
