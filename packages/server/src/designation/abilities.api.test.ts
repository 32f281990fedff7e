// Issue 6 §4: the abilities a read reports are what the server then does. For every ability refused,
// the action is refused with the same reason (zh, en, rule); for every ability allowed, the action
// succeeds — on designation items (ledger rows and detail) and approvals, including a B designator
// while A is present (R-DES-05).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { todayInChina } from './common.ts';

type Ability = { allowed: boolean; reason?: { zh: string; en: string; rule?: string } };
type Abilities = Record<string, Ability>;
type Item = { id: string; status: string; approvalId: string | null; abilities?: Abilities };
type Detail = Item & { abilities: Abilities };
type Approval = {
  id: string;
  status: string;
  abilities: Abilities;
  subjectSnapshot: Record<string, unknown>;
  fingerprint: string;
};
type ErrorBody = { error: { code: string; zh: string; en: string; rule?: string } };
interface Person {
  client: Client;
  personId: string;
  accountId: string;
}

const TODAY = todayInChina();
const NO = {
  public_must_know: false,
  work_secret: false,
  commercial_secret: false,
  personal_privacy: false,
  already_public: false,
};

describe('abilities match what the server does (issue 6 §4)', () => {
  let t: TestApp;
  let city: string;
  let dept: string;
  let handler: Person;
  let officer: Person;
  let designator: Person;
  let inScope: Person;
  let roleA: Person;
  let roleB: Person;
  let entry: string;
  let n = 0;

  async function org(level: string, kind: string, parentId: string | null) {
    const r = await (await t.admin('sysadmin')).post<{ id: string }>('/api/orgs', {
      name: `单位${++n}-${randomBytes(2).toString('hex')}`,
      parentId,
      level,
      kind,
    });
    assert.equal(r.status, 201, r.raw);
    return r.body.id;
  }
  const body = () => ({
    title: `能力测试事项${++n}`,
    basis: { catalogueEntryId: entry, text: '', grounds: NO },
    origin: 'original',
    level: 'secret',
    period: { kind: 'years', n: 5 },
    issueDate: TODAY,
    knowScope: { personIds: [inScope.personId], departmentIds: [], positions: [] },
  });
  /** The request each item ability stands for. */
  const itemAction = (who: Person, id: string, action: string): (() => Promise<Response<unknown>>) | null => {
    const c = who.client;
    const path = `/api/designation/items/${id}`;
    switch (action) {
      case 'edit':
        return () => c.put(path, body());
      case 'submit':
        return () => c.post(`${path}/submit`, {});
      case 'propose':
        return () => c.post(`${path}/changes`, { kind: 'release', reason: '已公开' });
      case 'review':
        return () => c.post(`${path}/review`, { note: '' });
      case 'correct':
        return () =>
          c.post(`${path}/correct`, {
            level: 'secret',
            period: { kind: 'years', n: 10 },
            knowScope: { personIds: [inScope.personId], departmentIds: [], positions: [] },
            note: '期限改为10年',
          });
      case 'print':
        return () => c.get(`${path}/form.pdf`);
      default:
        return null; // decide, withdraw: the approval's (checked on the approval)
    }
  };
  const detail = async (who: Person, id: string) => {
    const r = await who.client.get<Detail>(`/api/designation/items/${id}`);
    assert.equal(r.status, 200, r.raw);
    return r.body;
  };
  const approval = async (who: Person, id: string) => {
    const r = await who.client.get<Approval>(`/api/approvals/${id}`);
    assert.equal(r.status, 200, r.raw);
    return r.body;
  };

  /** A refused ability: the request is refused (4xx) with the very reason the ability gave. */
  async function refusedAsSaid(
    what: string,
    ability: Ability | undefined,
    run: () => Promise<Response<unknown>>,
  ) {
    assert.ok(ability && !ability.allowed && ability.reason, `${what}: refused with a reason`);
    const head = await t.auditHead();
    const r = await run();
    assert.ok(r.status >= 400 && r.status < 500, `${what}: got ${r.status} ${r.raw.slice(0, 300)}`);
    const e = (r.body as ErrorBody).error;
    assert.deepEqual(
      { zh: e.zh, en: e.en, rule: e.rule },
      { zh: ability.reason!.zh, en: ability.reason!.en, rule: ability.reason!.rule },
      `${what}: same reason`,
    );
    assert.equal(await t.auditHead(), head, `${what}: nothing written`);
  }
  /** Every refused item ability with a request of its own is refused as it said. */
  async function everyRefusalHolds(who: Person, id: string, abilities: Abilities, label: string) {
    for (const [action, ability] of Object.entries(abilities)) {
      const run = itemAction(who, id, action);
      if (run && !ability.allowed) await refusedAsSaid(`${label} ${action}`, ability, run);
    }
  }
  const succeeds = async (
    what: string,
    ability: Ability | undefined,
    run: () => Promise<Response<unknown>>,
  ) => {
    assert.deepEqual(ability, { allowed: true }, what);
    const r = await run();
    assert.ok(r.status >= 200 && r.status < 300, `${what}: got ${r.status} ${r.raw.slice(0, 300)}`);
    return r;
  };

  before(async () => {
    t = await createTestApp();
    const bureau = await org('province', 'secrecy_bureau', null);
    const prov = await org('province', 'party_gov', bureau);
    city = await org('city', 'party_gov', prov);
    const d = await (await t.admin('sysadmin')).post<{ id: string }>(`/api/orgs/${city}/departments`, {
      name: '办公室',
    });
    dept = d.body.id;
    handler = await t.member(city, dept, ['staff'], 'secret');
    officer = await t.member(city, dept, ['secrecy_officer'], 'top_secret');
    designator = await t.member(city, dept, ['designator', 'leader'], 'top_secret');
    inScope = await t.member(city, dept, ['staff'], 'secret');
    roleA = await t.member(city, dept, ['designator'], 'top_secret');
    roleB = await t.member(city, dept, ['designator'], 'top_secret');
    await t.db.query(
      `INSERT INTO designator (person_id, org_id, kind, role, partner_person_id, appointed_by_person_id, letter_ref,
         certificate_number, certificate_valid_until, vetted, created_by)
       VALUES ($1, $3, 'appointed', 'A', $2, $4, 'L-1', 'C-1', $5, true, $6),
              ($2, $3, 'appointed', 'B', $1, $4, 'L-2', 'C-2', $5, true, $6)`,
      [roleA.personId, roleB.personId, city, designator.personId, addDays(TODAY, 365), designator.accountId],
    );
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO secret_catalogue_entry (org_id, clause, title, max_level, indefinite_allowed, created_by)
       VALUES ($1, '第1条', '测试条目', 'secret', false, $2) RETURNING id`,
      [city, handler.accountId],
    );
    entry = rows[0]!.id;
  });
  after(() => t.close());

  test('R-DES-06 R-DES-08 a draft: the handler edits and submits; others see why not, and are refused so', async () => {
    const created = await handler.client.post<Item>('/api/designation/items', body());
    assert.equal(created.status, 201, created.raw);
    const id = created.body.id;
    // Ledger rows carry the row abilities, the ledger its own.
    const list = await handler.client.get<{ items: Item[]; abilities: Abilities }>('/api/designation/items');
    const row = list.body.items.find((i) => i.id === id)!;
    assert.deepEqual(Object.keys(row.abilities!).sort(), ['edit', 'print', 'propose', 'review', 'submit']);
    assert.deepEqual(row.abilities!.edit, { allowed: true });
    assert.equal(list.body.abilities.export!.allowed, false);
    await refusedAsSaid('handler export', list.body.abilities.export, () =>
      handler.client.get('/api/designation/items/export?format=csv'),
    );
    const officerList = await officer.client.get<{ items: Item[]; abilities: Abilities }>(
      '/api/designation/items',
    );
    assert.equal(officerList.body.items.find((i) => i.id === id)!.abilities!.edit!.reason!.rule, 'R-DES-06');
    assert.deepEqual(officerList.body.abilities.export, { allowed: true });

    const mine = await detail(handler, id);
    assert.deepEqual(Object.keys(mine.abilities).sort(), [
      'correct',
      'decide',
      'edit',
      'print',
      'propose',
      'review',
      'submit',
      'withdraw',
    ]);
    await everyRefusalHolds(handler, id, mine.abilities, 'handler/draft');
    const theirs = await detail(officer, id);
    assert.equal(theirs.abilities.edit!.allowed, false);
    await everyRefusalHolds(officer, id, theirs.abilities, 'officer/draft');
    await everyRefusalHolds(designator, id, (await detail(designator, id)).abilities, 'designator/draft');
    await succeeds('handler edit', mine.abilities.edit, itemAction(handler, id, 'edit')!);
    await succeeds('handler print', mine.abilities.print, itemAction(handler, id, 'print')!);
    await succeeds('handler submit', mine.abilities.submit, itemAction(handler, id, 'submit')!);
  });

  test('R-DES-05 R-DES-06 in review: B while A is present sees 批准 refused, with the reason the server then gives', async () => {
    const created = await handler.client.post<Item>('/api/designation/items', body());
    const id = created.body.id;
    const submitted = await handler.client.post<Item>(`/api/designation/items/${id}/submit`, {});
    assert.equal(submitted.status, 200, submitted.raw);
    const aid = submitted.body.approvalId!;

    // At the officer's step.
    const h = await detail(handler, id);
    assert.equal(h.abilities.edit!.allowed, false);
    await everyRefusalHolds(handler, id, h.abilities, 'handler/in review');
    assert.deepEqual(h.abilities.withdraw, { allowed: true });
    const ha = await approval(handler, aid);
    assert.deepEqual(ha.abilities.withdraw, { allowed: true });
    assert.equal(ha.abilities.resubmit!.allowed, false);
    const d0 = await detail(designator, id);
    assert.equal(d0.abilities.correct!.reason!.rule, 'R-DES-06');
    await everyRefusalHolds(designator, id, d0.abilities, 'designator/officer step');
    const oa = await approval(officer, aid);
    assert.equal(oa.abilities.approve, undefined, 'only the step’s decisions');
    await succeeds('officer opinion', oa.abilities.opinion, () =>
      officer.client.post(`/api/approvals/${aid}/decide`, { decision: 'opinion', comment: '同意' }),
    );

    // At the designator's step: B while A is present.
    const b = await approval(roleB, aid);
    for (const decision of ['approve', 'correct', 'return']) {
      assert.equal(b.abilities[decision]!.allowed, false, decision);
      assert.equal(b.abilities[decision]!.reason!.rule, 'R-DES-05');
      assert.match(b.abilities[decision]!.reason!.zh, /B角不能定密/);
    }
    assert.equal(b.abilities.decide!.allowed, false);
    await refusedAsSaid('B approve', b.abilities.approve, () =>
      roleB.client.post(`/api/approvals/${aid}/decide`, { decision: 'approve' }),
    );
    await refusedAsSaid('B return', b.abilities.return, () =>
      roleB.client.post(`/api/approvals/${aid}/decide`, { decision: 'return', comment: '退回' }),
    );
    const bItem = await detail(roleB, id);
    assert.deepEqual(bItem.abilities.correct, b.abilities.correct);
    assert.deepEqual(bItem.abilities.decide, b.abilities.decide);
    await everyRefusalHolds(roleB, id, bItem.abilities, 'B/designator step');
    // The handler may not decide his own request.
    const self = await approval(handler, aid);
    assert.equal(self.abilities.decide!.allowed, false);

    // A records an absence: now B may, and does, as B.
    await t.db.query(
      `INSERT INTO designator_absence (person_id, org_id, reason, absent_from, absent_to, recorded_by)
       VALUES ($1, $2, '出差', $3, $3, $4)`,
      [roleA.personId, city, TODAY, roleA.accountId],
    );
    const b2 = await approval(roleB, aid);
    assert.deepEqual(b2.abilities.approve, { allowed: true });
    const b2Item = await detail(roleB, id);
    assert.deepEqual(b2Item.abilities.correct, { allowed: true });
    await succeeds('B correct', b2Item.abilities.correct, itemAction(roleB, id, 'correct')!);
    const done = await detail(handler, id);
    assert.equal(done.status, 'approved');

    // Designated: a change; then one is pending, and a second is refused as the ability says.
    assert.deepEqual(done.abilities.withdraw!.allowed, false);
    await everyRefusalHolds(handler, id, done.abilities, 'handler/approved');
    await succeeds('handler propose', done.abilities.propose, itemAction(handler, id, 'propose')!);
    const pending = await detail(officer, id);
    assert.equal(pending.abilities.propose!.allowed, false);
    await everyRefusalHolds(officer, id, pending.abilities, 'officer/change pending');
    const rev = await detail(designator, id);
    await succeeds('designator review', rev.abilities.review, itemAction(designator, id, 'review')!);
  });

  test('R-DES-06 withdraw: the requester’s ability, refused to others with the same reason', async () => {
    const created = await handler.client.post<Item>('/api/designation/items', body());
    const s = await handler.client.post<Item>(`/api/designation/items/${created.body.id}/submit`, {});
    const aid = s.body.approvalId!;
    const o = await approval(officer, aid);
    await refusedAsSaid('officer withdraw', o.abilities.withdraw, () =>
      officer.client.post(`/api/approvals/${aid}/withdraw`),
    );
    const h = await approval(handler, aid);
    await succeeds('handler withdraw', h.abilities.withdraw, () =>
      handler.client.post(`/api/approvals/${aid}/withdraw`),
    );
    const closed = await approval(handler, aid);
    await refusedAsSaid('withdraw again', closed.abilities.withdraw, () =>
      handler.client.post(`/api/approvals/${aid}/withdraw`),
    );
    assert.equal(closed.abilities.decide!.allowed, false);
  });

  test('R-DES-06 R-DES-08 the approval freezes what is approved: terms, marking, handler; a change old → new', async () => {
    const created = await handler.client.post<Item>('/api/designation/items', body());
    const s = await handler.client.post<Item>(`/api/designation/items/${created.body.id}/submit`, {});
    const a = await approval(officer, s.body.approvalId!);
    const snap = a.subjectSnapshot;
    assert.equal(snap.level, 'secret');
    assert.deepEqual(snap.period, { kind: 'years', n: 5 });
    assert.equal(snap.marking, '机密★5年');
    assert.equal(snap.basisClause, '第1条');
    assert.ok(typeof snap.handlerName === 'string' && snap.handlerName.length > 0);
    assert.deepEqual(snap.knowScope, { personIds: [inScope.personId], departmentIds: [], positions: [] });
    assert.match(a.fingerprint, /^[0-9a-f]{64}$/);
    await officer.client.post(`/api/approvals/${a.id}/decide`, { decision: 'opinion' });
    await designator.client.post(`/api/approvals/${a.id}/decide`, { decision: 'approve' });
    const ch = await handler.client.post<{ approvalId: string }>(
      `/api/designation/items/${created.body.id}/changes`,
      { kind: 'change', period: { kind: 'years', n: 10 }, reason: '项目延期' },
    );
    assert.equal(ch.status, 201, ch.raw);
    const c = await approval(officer, ch.body.approvalId);
    const change = c.subjectSnapshot.change as {
      kind: string;
      from: { marking: string };
      to: { marking: string };
    };
    assert.equal(change.kind, 'change');
    assert.equal(change.from.marking, '机密★5年');
    assert.equal(change.to.marking, '机密★10年');
    assert.equal(c.subjectSnapshot.reason, '项目延期');
  });
});
