// The one check of a refusal in API tests: the status, a bilingual message (Chinese really in
// Chinese), the code/field/rule asked for, and nothing written — no audit event and the rows a
// test watches (its `snapshot`) unchanged.
import assert from 'node:assert/strict';
import { chainPending } from '../audit/chain.ts';
import { auditEventsSince } from './audit-events.ts';
import type { Response, TestApp } from './harness.ts';

export interface ErrorBody {
  code: string;
  zh: string;
  en: string;
  field?: string;
  rule?: string;
  details?: unknown[];
}

export async function expectRefusal(
  t: TestApp,
  snapshot: () => Promise<unknown>,
  run: () => Promise<Response<unknown>>,
  status: number,
  want: { code?: string; field?: string; rule?: string } = {},
): Promise<ErrorBody> {
  await chainPending(t.db);
  const head = (await t.db.query<{ seq: number }>('SELECT seq FROM audit_head')).rows[0]!.seq;
  const before = await snapshot();
  const r = await run();
  const where = `got ${r.status} ${r.raw.slice(0, 400)}`;
  assert.equal(r.status, status, where);
  const e = (r.body as { error?: ErrorBody }).error;
  assert.ok(e?.zh && e.en, `bilingual: ${where}`);
  assert.match(e.zh, /[\u4e00-\u9fff]/, `zh is Chinese: ${where}`);
  if (want.code !== undefined) assert.equal(e.code, want.code, where);
  if (want.field !== undefined) assert.equal(e.field, want.field, where);
  if (want.rule !== undefined) assert.equal(e.rule, want.rule, where);
  // Nothing written — but a 401/403 (and a 404 hiding a record) is itself audited, once, as a refused
  // access in a transaction of its own (audit/denied.ts).
  const events = await auditEventsSince(t.db, head, { denied: true });
  const written = events.filter((ev) => !ev.action.startsWith('access.denied'));
  assert.deepEqual(written, [], `audit events written: ${where}`);
  if (status === 401 || status === 403) {
    const denied = events.filter((ev) => ev.action === 'access.denied');
    assert.ok(denied.length <= 1, `at most one access.denied event: ${where}`);
  }
  assert.deepEqual(await snapshot(), before, `rows changed: ${where}`);
  return e;
}
