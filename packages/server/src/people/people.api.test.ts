// People over HTTP: the roster (sysadmin), roles and clearances (secadmin), filters, paging, export.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

type Err = { error: { code: string; zh: string; en: string; field?: string; rule?: string } };
type Person = {
  id: string;
  orgId: string;
  departmentId: string | null;
  departmentName: string | null;
  name: string;
  position: string;
  rank: string;
  clearance: string;
  roles: string[];
  accountId: string | null;
};
type Page = { items: Person[]; total: number };

describe('people (R-SYS-01 roster and grants, R-SYS-03 audit)', () => {
  let t: TestApp;
  let sys: Client;
  let sec: Client;
  let n = 0;
  const uniq = (s: string) => `${s}${++n}`;

  const newOrg = async () =>
    (
      await sys.post<{ id: string }>('/api/orgs', {
        name: uniq('人员测试单位'),
        parentId: null,
        level: 'city',
        kind: 'party_gov',
      })
    ).body.id;
  const newDept = async (orgId: string, name = uniq('部门')) =>
    (await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name })).body.id;
  const newPerson = async (body: Record<string, unknown>) => {
    const r = await sys.post<Person>('/api/people', { rank: 'other', ...body });
    assert.equal(r.status, 201, r.raw);
    return r.body;
  };
  const eventsSince = (head: number) => auditEventsSince(t.db, head);
  const peopleCount = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM person')).rows[0]!.n;

  const refused = (run: () => Promise<Response<unknown>>, status: number, field?: string, code?: string) =>
    expectRefusal(t, peopleCount, run, status, { field, code });

  before(async () => {
    t = await createTestApp();
    sys = await t.admin('sysadmin');
    sec = await t.admin('secadmin');
  });
  after(() => t.close());

  test('R-SYS-03 creating a person appends one person.create event; defaults fill position and nationality', async () => {
    const org = await newOrg();
    const dept = await newDept(org, '机要室');
    const head = await t.auditHead();
    const p = await newPerson({
      orgId: org,
      departmentId: dept,
      name: '  赵六 ',
      position: '科员',
      rank: 'section',
    });
    assert.equal(p.name, '赵六');
    assert.equal(p.departmentName, '机要室');
    assert.equal(p.clearance, 'none');
    assert.deepEqual(p.roles, []);
    const events = await eventsSince(head);
    assert.deepEqual(
      events.map((e) => [e.action, e.objectId]),
      [['person.create', p.id]],
    );
    assert.equal(events[0]!.summary.name, '赵六', 'the audit records the stored name');
    const bare = await newPerson({ orgId: org, name: '钱七' });
    assert.equal(bare.position, '');
    assert.equal(bare.departmentId, null);
  });

  test('a department of another organisation is refused on create and on update (400 departmentId)', async () => {
    const a = await newOrg();
    const b = await newOrg();
    const deptB = await newDept(b);
    await refused(
      () => sys.post('/api/people', { orgId: a, departmentId: deptB, name: '错位', rank: 'other' }),
      400,
      'departmentId',
      'department_of_other_org',
    );
    const p = await newPerson({ orgId: a, name: '孙八' });
    await refused(
      () => sys.patch(`/api/people/${p.id}`, { departmentId: deptB }),
      400,
      'departmentId',
      'department_of_other_org',
    );
    const unknown = '00000000-0000-4000-8000-000000000001';
    await refused(() => sys.post('/api/people', { orgId: unknown, name: 'x', rank: 'other' }), 404, 'orgId');
    await refused(
      () => sys.post('/api/people', { orgId: a, departmentId: unknown, name: 'x', rank: 'other' }),
      404,
      'departmentId',
    );
    await refused(() => sys.patch(`/api/people/${unknown}`, { name: 'x' }), 404);
    await refused(() => sys.post('/api/people', { orgId: a, name: 'x', rank: 'general' }), 400, 'rank');
    await refused(
      () => sys.post('/api/people', { orgId: a, name: 'x', rank: 'other', clearance: 'secret' }),
      400,
      'clearance',
    );
    await refused(
      () => sys.post('/api/people', { orgId: a, name: 'x'.repeat(101), rank: 'other' }),
      400,
      'name',
    );
    await refused(() => sys.post('/api/people', { orgId: a, name: '\t ', rank: 'other' }), 400, 'name');
  });

  test('R-SYS-03 updating a person appends person.update with from/to; moving organisation clears the department', async () => {
    const a = await newOrg();
    const b = await newOrg();
    const deptA = await newDept(a);
    const p = await newPerson({ orgId: a, departmentId: deptA, name: '周九', position: '科员' });
    let head = await t.auditHead();
    const r = await sys.patch<Person>(`/api/people/${p.id}`, { position: '副科长' });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.position, '副科长');
    let events = await eventsSince(head);
    assert.deepEqual(
      events.map((e) => [e.action, e.objectId]),
      [['person.update', p.id]],
    );
    assert.deepEqual(events[0]!.summary, { position: { from: '科员', to: '副科长' } });
    head = await t.auditHead();
    const moved = await sys.patch<Person>(`/api/people/${p.id}`, { orgId: b });
    assert.equal(moved.status, 200, moved.raw);
    assert.equal(moved.body.orgId, b);
    assert.equal(moved.body.departmentId, null);
    events = await eventsSince(head);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]!.summary, {
      orgId: { from: a, to: b },
      departmentId: { from: deptA, to: null },
    });
  });

  test('R-SYS-01 roles and clearance are set by secadmin; the audit summary has from/to', async () => {
    const org = await newOrg();
    const p = await newPerson({ orgId: org, name: '吴十' });
    let head = await t.auditHead();
    const roles = await sec.put<Person>(`/api/people/${p.id}/roles`, { roles: ['staff', 'designator'] });
    assert.equal(roles.status, 200, roles.raw);
    assert.deepEqual(roles.body.roles, ['designator', 'staff']);
    let events = await eventsSince(head);
    assert.deepEqual(
      events.map((e) => [e.action, e.objectId]),
      [['person.roles.update', p.id]],
    );
    assert.deepEqual(events[0]!.summary, { name: '吴十', from: [], to: ['designator', 'staff'] });

    head = await t.auditHead();
    const fewer = await sec.put<Person>(`/api/people/${p.id}/roles`, { roles: ['staff'] });
    assert.deepEqual(fewer.body.roles, ['staff']);
    events = await eventsSince(head);
    assert.deepEqual(events[0]!.summary, { name: '吴十', from: ['designator', 'staff'], to: ['staff'] });

    head = await t.auditHead();
    const cl = await sec.put<Person>(`/api/people/${p.id}/clearance`, { clearance: 'secret' });
    assert.equal(cl.status, 200, cl.raw);
    assert.equal(cl.body.clearance, 'secret');
    events = await eventsSince(head);
    assert.deepEqual(
      events.map((e) => [e.action, e.objectId]),
      [['person.clearance.update', p.id]],
    );
    assert.deepEqual(events[0]!.summary, { name: '吴十', from: 'none', to: 'secret' });

    await refused(() => sec.put(`/api/people/${p.id}/roles`, { roles: ['admin'] }), 400, 'roles.0');
    await refused(() => sec.put(`/api/people/${p.id}/roles`, { roles: ['staff', 'staff'] }), 400, 'roles');
    await refused(() => sec.put(`/api/people/${p.id}/roles`, { roles: 'staff' }), 400, 'roles');
    await refused(() => sec.put(`/api/people/${p.id}/clearance`, { clearance: 'cosmic' }), 400, 'clearance');
    await refused(
      () => sys.put(`/api/people/${p.id}/clearance`, { clearance: 'top_secret' }),
      403,
      undefined,
      'forbidden',
    );
    await refused(() => sec.patch(`/api/people/${p.id}`, { name: '改名' }), 403, undefined, 'forbidden');
  });

  test('list filters: orgId, departmentId, role, clearance, q with % and _ matched literally; bad filters (a NUL too) are 400', async () => {
    const org = await newOrg();
    const d1 = await newDept(org);
    const d2 = await newDept(org);
    const names = ['50%折扣', '5000', 'a_b', 'axb', 'a\\b', '普通人'];
    const made: Record<string, Person> = {};
    for (const [i, name] of names.entries())
      made[name] = await newPerson({ orgId: org, departmentId: i % 2 ? d2 : d1, name });
    await sec.put(`/api/people/${made['5000']!.id}/roles`, { roles: ['leader'] });
    await sec.put(`/api/people/${made.axb!.id}/clearance`, { clearance: 'top_secret' });
    const other = await newOrg();
    await newPerson({ orgId: other, name: '外单位 50%' });

    const q = async (query: string) => {
      const r = await sec.get<Page>(`/api/people?orgId=${org}&${query}`);
      assert.equal(r.status, 200, r.raw);
      assert.equal(r.body.total, r.body.items.length);
      return r.body.items.map((p) => p.name).sort();
    };
    assert.equal((await q('')).length, 6);
    assert.deepEqual(await q(`q=${encodeURIComponent('%')}`), ['50%折扣']);
    assert.deepEqual(await q(`q=${encodeURIComponent('_')}`), ['a_b']);
    assert.deepEqual(await q(`q=${encodeURIComponent('a_b')}`), ['a_b']);
    assert.deepEqual(await q(`q=${encodeURIComponent('\\')}`), ['a\\b']);
    assert.deepEqual(await q(`q=${encodeURIComponent('50')}`), ['50%折扣', '5000']);
    assert.deepEqual(await q('q=AXB'), ['axb'], 'q is case-insensitive');
    assert.deepEqual(await q(`departmentId=${d2}`), ['5000', 'axb', '普通人'].sort());
    assert.deepEqual(await q('role=leader'), ['5000']);
    assert.deepEqual(await q('clearance=top_secret'), ['axb']);
    assert.deepEqual(await q('clearance=none&role=leader'), ['5000']);
    assert.deepEqual(await q('role=staff'), []);
    const all = await sec.get<Page>(`/api/people?q=${encodeURIComponent('50%')}`);
    assert.deepEqual(all.body.items.map((p) => p.name).sort(), ['50%折扣', '外单位 50%']);

    for (const bad of [
      'role=admin',
      'clearance=x',
      'orgId=nope',
      `q=${'x'.repeat(101)}`,
      'sort=salary',
      'page=0',
      'pageSize=501',
      'page=abc',
      'q=a%00b',
    ]) {
      const r = await sec.get<Err>(`/api/people?${bad}`);
      assert.equal(r.status, 400, `${bad}: ${r.raw}`);
      assert.ok(r.body.error.field && r.body.error.zh && r.body.error.en, bad);
    }
  });

  test('sorting by name, createdAt and department; paging returns every row once and a correct total', async () => {
    const org = await newOrg();
    const dA = await newDept(org, 'Adept');
    const dB = await newDept(org, 'Bdept');
    const order = ['Delta', 'Alpha', 'Echo', 'Charlie', 'Bravo'];
    const depts: Record<string, string | null> = { Delta: dB, Alpha: null, Echo: dA, Charlie: dB, Bravo: dA };
    for (const name of order) await newPerson({ orgId: org, departmentId: depts[name], name });
    const list = async (query: string) => {
      const r = await sys.get<Page>(`/api/people?orgId=${org}&${query}`);
      assert.equal(r.status, 200, r.raw);
      return r.body;
    };
    const sorted = [...order].sort();
    assert.deepEqual(
      (await list('sort=name')).items.map((p) => p.name),
      sorted,
    );
    assert.deepEqual(
      (await list('')).items.map((p) => p.name),
      sorted,
      'name is the default order',
    );
    assert.deepEqual(
      (await list('sort=-name')).items.map((p) => p.name),
      [...sorted].reverse(),
    );
    assert.deepEqual(
      (await list('sort=createdAt')).items.map((p) => p.name),
      order,
    );
    assert.deepEqual(
      (await list('sort=-createdAt')).items.map((p) => p.name),
      [...order].reverse(),
    );
    assert.deepEqual(
      (await list('sort=department')).items.map((p) => p.name),
      ['Alpha', 'Bravo', 'Echo', 'Charlie', 'Delta'],
    );

    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const p = await list(`sort=name&pageSize=2&page=${page}`);
      assert.equal(p.total, 5, 'total counts every match, not the page');
      assert.equal(p.items.length, page < 3 ? 2 : 1);
      seen.push(...p.items.map((x) => x.name));
    }
    assert.deepEqual(seen, sorted);
    const beyond = await list('pageSize=2&page=9');
    assert.deepEqual([beyond.items.length, beyond.total], [0, 5]);
    const filtered = await list('pageSize=1&q=ha');
    assert.deepEqual([filtered.items.length, filtered.total], [1, 2], 'Alpha and Charlie match ha');
  });

  test('export xlsx: a spreadsheet (PK zip), attachment, filters honoured', async () => {
    const org = await newOrg();
    await newPerson({ orgId: org, name: '导出人' });
    const r = await sec.get(`/api/people/export?format=xlsx&orgId=${org}`);
    assert.equal(r.status, 200);
    assert.equal(
      r.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    assert.match(String(r.headers['content-disposition']), /^attachment; .*\.xlsx/);
    assert.ok(r.raw.length > 100);
    assert.equal(r.raw.slice(0, 2), 'PK');
    const dflt = await sec.get(`/api/people/export?orgId=${org}`);
    assert.equal(dflt.raw.slice(0, 2), 'PK', 'xlsx is the default format');
    const bad = await sec.get<Err>('/api/people/export?format=pdf');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'format');
  });

  test('export csv: BOM, Chinese header row, formula-like names kept as text with a leading apostrophe', async () => {
    const org = await newOrg();
    const dept = await newDept(org, '保密处');
    for (const name of ['=cmd|calc', '+SUM(A1)', '-1', '@x', '常规, "引号"'])
      await newPerson({ orgId: org, departmentId: dept, name, position: '=HYPERLINK("x")' });
    const r = await sec.get(`/api/people/export?format=csv&orgId=${org}&sort=createdAt`);
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(
      String(r.headers['content-disposition']),
      /filename\*=UTF-8''%E4%BA%BA%E5%91%98%E5%90%8D%E5%86%8C\.csv/,
    );
    assert.equal(r.raw.charCodeAt(0), 0xfeff, 'starts with a BOM');
    const lines = r.raw.slice(1).trimEnd().split('\r\n');
    assert.equal(lines[0], '姓名,单位,部门,职务,职级,国籍,涉密等级,业务角色,账号');
    assert.equal(lines.length, 6);
    assert.ok(lines[1]!.startsWith("'=cmd|calc,"), lines[1]);
    assert.ok(lines[1]!.includes(`,保密处,"'=HYPERLINK(""x"")",其他,中国,无,,`), lines[1]);
    assert.ok(lines[2]!.startsWith("'+SUM(A1),"), lines[2]);
    assert.ok(lines[3]!.startsWith("'-1,"), lines[3]);
    assert.ok(lines[4]!.startsWith("'@x,"), lines[4]);
    assert.ok(lines[5]!.startsWith('"常规, ""引号""",'), lines[5]);
  });

  test('R-SYS-01 the database refuses to link an administrator account to a person', async () => {
    const org = await newOrg();
    const p = await newPerson({ orgId: org, name: '冒名者' });
    const admin = await t.db.query<{ id: string }>("SELECT id FROM account WHERE admin_role = 'sysadmin'");
    await assert.rejects(
      t.db.query('UPDATE person SET account_id = $2 WHERE id = $1', [p.id, admin.rows[0]!.id]),
      (e: { code?: string; message?: string }) => e.code === '23514' && /R-SYS-01/.test(e.message ?? ''),
    );
    await assert.rejects(
      t.db.query(`INSERT INTO person (org_id, name, account_id) VALUES ($1, 'x', $2)`, [
        org,
        admin.rows[0]!.id,
      ]),
      /R-SYS-01/,
    );
    const still = await t.db.query<{ account_id: string | null }>(
      'SELECT account_id FROM person WHERE id = $1',
      [p.id],
    );
    assert.equal(still.rows[0]!.account_id, null);
  });

  test('R-SYS-01 a person who already has an account cannot get a second one (409 person_has_account)', async () => {
    const u = await t.businessUser();
    const head = await t.auditHead();
    const accounts = (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM account')).rows[0]!.n;
    const r = await sys.post<Err>('/api/accounts', {
      username: uniq('second'),
      displayName: '第二账号',
      personId: u.personId,
    });
    assert.equal(r.status, 409, r.raw);
    assert.equal(r.body.error.code, 'person_has_account');
    assert.equal(r.body.error.field, 'personId');
    assert.ok(r.body.error.zh && r.body.error.en);
    assert.equal(await t.auditHead(), head);
    assert.equal((await t.db.query<{ n: number }>('SELECT count(*) AS n FROM account')).rows[0]!.n, accounts);
    const listed = await sys.get<Page>(`/api/people?orgId=${u.orgId}`);
    assert.equal(listed.body.items[0]!.accountId, u.accountId);
  });
});
