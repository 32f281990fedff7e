// Test fixtures for the designation API tests: organisations of a given level and kind (through
// POST /api/orgs as sysadmin), members with business roles, and the refused/changed assertions.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { addDays } from '@baomi/domain';
import { auditEventsSince, type TestAuditEvent } from '../testing/audit-events.ts';
import { Client, createAccountConfirmed, type Response, STRONG, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { todayInChina } from './common.ts';

export type Err = {
  error: { code: string; zh: string; en: string; field?: string; rule?: string; details?: unknown[] };
};
export type Reason = { code: string; zh: string; en: string; rule: string };

export const TODAY = todayInChina();
export const day = (n: number) => addDays(TODAY, n);
export const UNKNOWN = '00000000-0000-4000-8000-000000000000';

export interface Member {
  client: Client;
  personId: string;
  accountId: string;
  orgId: string;
}

export function fixtures(t: TestApp) {
  let n = 0;
  const uniq = (s: string) => `${s}${++n}-${randomBytes(2).toString('hex')}`;

  async function org(level: string, kind: string, parentId: string | null = null, name = uniq('单位')) {
    const sys = await t.admin('sysadmin');
    const r = await sys.post<{ id: string }>('/api/orgs', { name, parentId, level, kind });
    assert.equal(r.status, 201, r.raw);
    return r.body.id;
  }

  /** A person of `orgId` with an account, the given business roles, signed in. */
  async function member(orgId: string, roles: string[], name = uniq('人员')): Promise<Member> {
    const sys = await t.admin('sysadmin');
    const sec = await t.admin('secadmin');
    const p = await sys.post<{ id: string }>('/api/people', { orgId, name, rank: 'section' });
    assert.equal(p.status, 201, p.raw);
    const username = `d${++n}${randomBytes(3).toString('hex')}`;
    const acc = await createAccountConfirmed(sys, sec, { username, displayName: name, personId: p.body.id });
    if (roles.length) {
      const r = await sec.put(`/api/people/${p.body.id}/roles`, { roles });
      assert.equal(r.status, 200, r.raw);
    }
    const client = new Client(t.app);
    assert.equal((await client.login(username, acc.password)).status, 200);
    const ch = await client.post('/api/auth/change-password', {
      oldPassword: acc.password,
      newPassword: STRONG,
    });
    assert.equal(ch.status, 200, ch.raw);
    return { client, personId: p.body.id, accountId: acc.id, orgId };
  }

  const counts = async () =>
    (
      await t.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM designation_grant) AS grants,
                (SELECT count(*)::int FROM designation_grant WHERE filed_with_bureau_at IS NOT NULL) AS filed,
                (SELECT count(*)::int FROM designation_grant WHERE revoked_at IS NOT NULL) AS revoked,
                (SELECT count(*)::int FROM designator) AS designators,
                (SELECT count(*)::int FROM designator_absence) AS absences,
                (SELECT count(*)::int FROM designator_absence WHERE cancelled_at IS NOT NULL) AS cancelled,
                (SELECT count(*)::int FROM secret_catalogue_entry) AS entries,
                (SELECT count(*)::int FROM person_role) AS roles,
                (SELECT coalesce(max(updated_at)::text, '') FROM secret_catalogue_entry) AS touched`,
      )
    ).rows[0]!;

  /** A refusal: the status, bilingual (zh in Chinese), the code/field/rule asked for, nothing written. */
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string; rule?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);

  /** A successful change: the status and exactly one audit event, of `action`. */
  async function changed<T>(
    run: () => Promise<Response<T>>,
    status: number,
    action: string,
  ): Promise<{ body: T; event: TestAuditEvent }> {
    const head = await t.auditHead();
    const r = await run();
    assert.equal(r.status, status, r.raw);
    const events = await auditEventsSince(t.db, head);
    assert.equal(events.length, 1, `exactly one audit event: ${JSON.stringify(events)}`);
    assert.equal(events[0]!.action, action);
    assert.equal(events[0]!.actorClass, 'user');
    return { body: r.body, event: events[0]! };
  }

  return { org, member, refused, changed, uniq };
}
