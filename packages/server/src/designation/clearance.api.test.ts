// Reads never above clearance (R-PER-01), whatever the role, and the ledger (the rule compiled to SQL)
// and the detail (the rule evaluated) always agree: for every reader × item of a small organisation,
// an item is in the ledger and its export exactly when its detail, knower list and form open.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, DESIGNATION_ITEM_READ, evaluateRead, type Reader } from '@baomi/domain';
import { type Client, createTestApp, type TestApp } from '../testing/harness.ts';
import { todayInChina } from './common.ts';

interface Person {
  client: Client;
  personId: string;
  accountId: string;
  reader: Reader;
}
interface Row {
  id: string;
  level: string;
  status: string;
  handler: string;
  scope: { personIds: string[]; departmentIds: string[]; positions: string[] };
}

describe('R-PER-01 reads never above clearance; ledger and detail decide alike (DESIGNATION_ITEM_READ)', () => {
  let t: TestApp;
  let org: string;
  let dept: string;
  const people: Record<string, Person> = {};
  const items: Row[] = [];
  let n = 0;

  async function person(name: string, roles: string[], clearance: string) {
    const m = await t.member(org, dept, roles, clearance);
    people[name] = {
      ...m,
      reader: {
        personId: m.personId,
        orgId: org,
        departmentId: dept,
        position: '科员',
        clearance: clearance as Reader['clearance'],
        roles: roles as Reader['roles'],
      },
    };
  }

  async function item(level: string, status: string, handler: string, scope: Row['scope']) {
    n += 1;
    const approved = status === 'approved' || status === 'released';
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO designation_item (org_id, department_id, handler_person_id, title, title_sort, basis_grounds, origin,
         level, period, issue_date, know_scope, status, item_number, marking, approved_at, released_at)
       VALUES ($1, $2, $3, $4, $4, '{}', 'original', $5, '{"kind":"years","n":5}', '2026-01-05', $6, $7,
               $8, $9, $10, $11) RETURNING id`,
      [
        org,
        dept,
        people[handler]!.personId,
        `密级测试事项${n}（${level}）`,
        level,
        JSON.stringify(scope),
        status,
        approved ? `2026-${String(n).padStart(4, '0')}` : null,
        approved ? `${level}★5年` : null,
        approved ? new Date() : null,
        status === 'released' ? new Date() : null,
      ],
    );
    items.push({ id: rows[0]!.id, level, status, handler, scope });
  }

  before(async () => {
    t = await createTestApp();
    const sys = await t.admin('sysadmin');
    org = (
      await sys.post<{ id: string }>('/api/orgs', {
        name: '密级测试单位',
        parentId: null,
        level: 'central',
        kind: 'party_gov',
      })
    ).body.id;
    dept = (await sys.post<{ id: string }>(`/api/orgs/${org}/departments`, { name: '综合处' })).body.id;
    await person('officerSecret', ['secrecy_officer'], 'secret'); // 机密-cleared secrecy officer
    await person('designatorSecret', ['designator'], 'secret');
    await person('leaderSecret', ['leader'], 'secret');
    await person('officerTop', ['secrecy_officer'], 'top_secret');
    await person('staffConf', ['staff'], 'confidential');
    await person('staffTop', ['staff'], 'top_secret');
    const everyone = Object.values(people).map((p) => p.personId);
    const none = { personIds: [], departmentIds: [], positions: [] };
    await item('top_secret', 'approved', 'staffTop', {
      personIds: everyone,
      departmentIds: [],
      positions: [],
    });
    await item('secret', 'approved', 'staffTop', { ...none, departmentIds: [dept] });
    await item('confidential', 'approved', 'staffTop', { ...none, personIds: [people.staffConf!.personId] });
    await item('confidential', 'draft', 'staffConf', { ...none, personIds: everyone });
    await item('top_secret', 'draft', 'staffConf', none); // a draft above its own handler's clearance
    await item('secret', 'released', 'staffTop', { ...none, positions: ['科员'] });
  });
  after(() => t.close());

  test('a 机密-cleared secrecy officer, designator and leader never see a 绝密 title, detail, knower list or form', async () => {
    const top = items.filter((i) => i.level === 'top_secret').map((i) => i.id);
    for (const who of ['officerSecret', 'designatorSecret', 'leaderSecret']) {
      const c = people[who]!.client;
      const ledger = await c.get<{ items: { id: string; title: string }[] }>(
        '/api/designation/items?pageSize=100',
      );
      assert.equal(ledger.status, 200, ledger.raw);
      assert.ok(!ledger.body.items.some((i) => top.includes(i.id)), `${who}: no 绝密 row`);
      assert.ok(!ledger.raw.includes('top_secret'), `${who}: not even the level of a hidden row`);
      for (const id of top) {
        for (const path of ['', '/knowers', '/form.pdf']) {
          const r = await c.get<{ error: { code: string; zh: string } }>(
            `/api/designation/items/${id}${path}`,
          );
          assert.equal(r.status, 403, `${who} ${path}: ${r.raw.slice(0, 200)}`);
          assert.equal(r.body.error.code, 'clearance_insufficient');
          assert.match(r.body.error.zh, /本人涉密等级为机密，不能知悉绝密级事项/);
        }
      }
    }
    const officerTop = await people.officerTop!.client.get<{ items: { id: string }[] }>(
      '/api/designation/items?pageSize=100',
    );
    assert.ok(
      top.every((id) => officerTop.body.items.some((i) => i.id === id)),
      'a 绝密-cleared officer sees them',
    );
  });

  test('the 年度审核 and 即将到期 lists never name an item above the reader’s clearance', async () => {
    // Two items designated almost a year ago for one year: both due for review and ending within 30 days.
    const issued = addDays(todayInChina(), -345);
    const due: Record<string, string> = {};
    for (const level of ['top_secret', 'secret']) {
      const { rows } = await t.db.query<{ id: string }>(
        `INSERT INTO designation_item (org_id, department_id, handler_person_id, title, title_sort, basis_grounds,
           origin, level, period, issue_date, release_date, know_scope, status, item_number, marking, approved_at)
         VALUES ($1, $2, $3, $4, $4, '{}', 'original', $5, '{"kind":"years","n":1}', $6,
                 ($6::date + interval '1 year')::date, $7::jsonb, 'approved', $8, $9, $6::date)
         RETURNING id`,
        [
          org,
          dept,
          people.staffTop!.personId,
          `到期测试事项（${level}）`,
          level,
          issued,
          JSON.stringify({ personIds: [], departmentIds: [dept], positions: [] }),
          `2025-9${level.length}`,
          `${level}★1年`,
        ],
      );
      due[level] = rows[0]!.id;
    }
    const lists = async (who: string) => {
      const c = people[who]!.client;
      const review = await c.get<{ items: { item: { id: string } }[] }>(
        '/api/designation/items/review?horizon=30',
      );
      const expiring = await c.get<{ items: { item: { id: string } }[] }>(
        '/api/designation/items/expiring?window=30',
      );
      assert.equal(review.status, 200, review.raw);
      assert.equal(expiring.status, 200, expiring.raw);
      return {
        review: review.body.items.map((x) => x.item.id),
        expiring: expiring.body.items.map((x) => x.item.id),
        raw: review.raw + expiring.raw,
      };
    };
    for (const who of ['officerSecret', 'designatorSecret', 'leaderSecret']) {
      const l = await lists(who);
      for (const list of [l.review, l.expiring]) {
        assert.ok(list.includes(due.secret!), `${who}: the 机密 item is listed`);
        assert.ok(!list.includes(due.top_secret!), `${who}: the 绝密 item is not`);
      }
      assert.ok(!l.raw.includes('到期测试事项（top_secret）'), `${who}: not even its title`);
    }
    const top = await lists('officerTop');
    for (const list of [top.review, top.expiring]) {
      assert.ok(
        list.includes(due.top_secret!) && list.includes(due.secret!),
        'a 绝密-cleared officer sees both',
      );
    }
  });

  test('for every reader × item: in the ledger exactly when the detail opens, and as the domain rule says', async () => {
    for (const [who, p] of Object.entries(people)) {
      const ledger = await p.client.get<{ items: { id: string }[] }>('/api/designation/items?pageSize=100');
      assert.equal(ledger.status, 200);
      const listed = new Set(ledger.body.items.map((i) => i.id));
      for (const it of items) {
        const expected = evaluateRead(DESIGNATION_ITEM_READ, p.reader, {
          orgId: org,
          level: it.level as 'secret',
          status: it.status,
          handlerPersonId: people[it.handler]!.personId,
          knowScope: it.scope,
          sentTo: [],
          deciders: [],
        });
        const detail = await p.client.get(`/api/designation/items/${it.id}`);
        const where = `${who} × ${it.level}/${it.status} handled by ${it.handler}`;
        assert.equal(listed.has(it.id), expected, `ledger: ${where}`);
        assert.equal(detail.status, expected ? 200 : 403, `detail: ${where} → ${detail.raw.slice(0, 160)}`);
      }
    }
  });

  const NO = {
    public_must_know: false,
    work_secret: false,
    commercial_secret: false,
    personal_privacy: false,
    already_public: false,
  };
  const countItems = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM designation_item')).rows[0]!.n;

  test('naming an unreadable item as the source of a derived draft is the 404 of an unknown id; nothing written', async () => {
    const top = items.find((i) => i.level === 'top_secret' && i.status === 'approved')!;
    const before = await countItems();
    const r = await people.staffConf!.client.post<{ error: { code: string; field: string } }>(
      '/api/designation/items',
      {
        title: '据绝密事项派生的草稿',
        basis: { text: '', grounds: NO },
        origin: 'derived',
        sourceItemId: top.id,
        issueDate: '2026-11-27',
      },
    );
    assert.equal(r.status, 404, r.raw);
    assert.equal(r.body.error.code, 'not_found');
    assert.equal(r.body.error.field, 'sourceItemId');
    assert.ok(!r.raw.includes('密级测试事项'), 'no title of the source');
    const unknown = await people.staffConf!.client.post<{ error: { code: string } }>(
      '/api/designation/items',
      {
        title: '据不存在的事项派生',
        basis: { text: '', grounds: NO },
        origin: 'derived',
        sourceItemId: '00000000-0000-4000-8000-000000000000',
        issueDate: '2026-11-27',
      },
    );
    assert.deepEqual(JSON.parse(unknown.raw), JSON.parse(r.raw), 'the same answer as an unknown id');
    assert.equal(await countItems(), before);
  });

  test('R-PER-01 nobody drafts a matter above his own clearance', async () => {
    const before = await countItems();
    const r = await people.staffConf!.client.post<{ error: { code: string; details?: { code: string }[] } }>(
      '/api/designation/items',
      {
        title: '秘密人员起草的机密事项',
        basis: { text: '（测试）依据', grounds: NO },
        origin: 'original',
        level: 'secret',
        period: { kind: 'years', n: 5 },
        issueDate: '2026-11-27',
        knowScope: { personIds: [people.staffConf!.personId], departmentIds: [], positions: [] },
      },
    );
    assert.equal(r.status, 400, r.raw);
    const codes = [r.body.error.code, ...(r.body.error.details ?? []).map((d) => d.code)];
    assert.ok(codes.includes('clearance_insufficient'), codes.join(','));
    assert.equal(await countItems(), before);
  });
});
