// Organisations and departments over HTTP: changes, cycles, dependents, duplicates and bad input.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

type Org = { id: string; name: string; parentId: string | null; level: string; kind: string };
type Dept = { id: string; orgId: string; name: string; parentId: string | null };

const orgBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  parentId: null,
  level: 'city',
  kind: 'party_gov',
  ...extra,
});

describe('organisations and departments (R-SYS-01 sysadmin, R-SYS-03 audit)', () => {
  let t: TestApp;
  let sys: Client;
  let n = 0;
  const uniq = (s: string) => `${s}${++n}`;

  const counts = async () =>
    (
      await t.db.query<{ orgs: number; depts: number; people: number }>(
        `SELECT (SELECT count(*) FROM org) AS orgs, (SELECT count(*) FROM department) AS depts,
                (SELECT count(*) FROM person) AS people`,
      )
    ).rows[0]!;

  const eventsSince = (head: number) => auditEventsSince(t.db, head);

  /** Runs a successful change and returns its response and the one audit event it appended. */
  async function changed<T>(run: () => Promise<Response<T>>, status: number) {
    const head = await t.auditHead();
    const r = await run();
    assert.equal(r.status, status, r.raw);
    const events = await eventsSince(head);
    assert.equal(events.length, 1, `exactly one audit event: ${JSON.stringify(events)}`);
    return { r, event: events[0]!, summary: events[0]!.summary };
  }

  /** A refusal: the status, a bilingual message, the field, and nothing written. */
  const refused = (run: () => Promise<Response<unknown>>, status: number, field?: string, code?: string) =>
    expectRefusal(t, counts, run, status, { field, code });

  const newOrg = async (name = uniq('单位'), extra: Record<string, unknown> = {}) => {
    const r = await sys.post<Org>('/api/orgs', orgBody(name, extra));
    assert.equal(r.status, 201, r.raw);
    return r.body;
  };

  before(async () => {
    t = await createTestApp();
    sys = await t.admin('sysadmin');
  });
  after(() => t.close());

  test('R-SYS-03 creating an organisation returns it (name trimmed) and appends one org.create event', async () => {
    const { r, event, summary } = await changed(
      () => sys.post<Org>('/api/orgs', orgBody('  市保密局  ', { level: 'city', kind: 'secrecy_bureau' })),
      201,
    );
    assert.equal(r.body.name, '市保密局');
    assert.equal(r.body.kind, 'secrecy_bureau');
    assert.equal(r.body.parentId, null);
    assert.deepEqual(
      [event.action, event.objectType, event.objectId, event.actorClass],
      ['org.create', 'org', r.body.id, 'sysadmin'],
    );
    assert.equal(summary.name, '市保密局', 'the audit records the stored name');
    const list = await sys.get<{ items: Org[] }>('/api/orgs');
    assert.ok(list.body.items.some((o) => o.id === r.body.id));
  });

  test('R-SYS-03 updating an organisation appends one org.update event with from/to of what changed', async () => {
    const org = await newOrg();
    const { r, event, summary } = await changed(
      () => sys.patch<Org>(`/api/orgs/${org.id}`, { name: `${org.name}改`, level: 'county' }),
      200,
    );
    assert.equal(r.body.name, `${org.name}改`);
    assert.equal(r.body.level, 'county');
    assert.equal(r.body.kind, org.kind);
    assert.deepEqual([event.action, event.objectId], ['org.update', org.id]);
    assert.deepEqual(summary, {
      level: { from: 'city', to: 'county' },
      name: { from: org.name, to: `${org.name}改` },
    });
  });

  test('organisations nest: a child under a parent, moved back to the top with parentId null', async () => {
    const parent = await newOrg();
    const child = await newOrg(uniq('下级'), { parentId: parent.id, level: 'county' });
    assert.equal(child.parentId, parent.id);
    const { r, summary } = await changed(
      () => sys.patch<Org>(`/api/orgs/${child.id}`, { parentId: null }),
      200,
    );
    assert.equal(r.body.parentId, null);
    assert.deepEqual(summary, { parentId: { from: parent.id, to: null } });
  });

  test('cycles are refused: an organisation under itself or under its own descendant (409 org_cycle)', async () => {
    const a = await newOrg();
    const b = await newOrg(uniq('B'), { parentId: a.id });
    const c = await newOrg(uniq('C'), { parentId: b.id });
    const self = await refused(
      () => sys.patch(`/api/orgs/${a.id}`, { parentId: a.id }),
      409,
      'parentId',
      'org_cycle',
    );
    assert.match(self.en, /descendant|itself/);
    await refused(() => sys.patch(`/api/orgs/${a.id}`, { parentId: c.id }), 409, 'parentId', 'org_cycle');
    await refused(() => sys.patch(`/api/orgs/${b.id}`, { parentId: c.id }), 409, 'parentId', 'org_cycle');
    const still = await t.db.query<{ parent_id: string | null }>('SELECT parent_id FROM org WHERE id = $1', [
      a.id,
    ]);
    assert.equal(still.rows[0]!.parent_id, null);
  });

  test('cycles are refused however deep the tree (a chain of 105 organisations)', async () => {
    let parent: string | null = null;
    const chain: string[] = [];
    for (let i = 0; i < 105; i++) {
      parent = (await newOrg(uniq('链'), { parentId: parent, level: 'county' })).id;
      chain.push(parent);
    }
    await refused(
      () => sys.patch(`/api/orgs/${chain[0]}`, { parentId: chain[104] }),
      409,
      'parentId',
      'org_cycle',
    );
  });

  test('two simultaneous moves cannot close a loop: one of them is refused', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await newOrg();
      const b = await newOrg();
      const [x, y] = await Promise.all([
        sys.patch(`/api/orgs/${a.id}`, { parentId: b.id }),
        sys.patch(`/api/orgs/${b.id}`, { parentId: a.id }),
      ]);
      assert.deepEqual([x.status, y.status].sort(), [200, 409], `${x.raw} ${y.raw}`);
      const loop = await t.db.query(
        'SELECT 1 FROM org a JOIN org b ON a.parent_id = b.id AND b.parent_id = a.id WHERE a.id = $1',
        [a.id],
      );
      assert.equal(loop.rowCount, 0);
    }
  });

  test('deleting an organisation with dependents is refused (409), the message counts them', async () => {
    const org = await newOrg();
    await newOrg(uniq('子'), { parentId: org.id });
    const dept = await sys.post<Dept>(`/api/orgs/${org.id}/departments`, { name: '办公室' });
    assert.equal(dept.status, 201);
    const p = await sys.post('/api/people', { orgId: org.id, name: '张三', rank: 'other' });
    assert.equal(p.status, 201);
    await sys.post('/api/people', { orgId: org.id, name: '李四', rank: 'other' });
    const e = await refused(() => sys.delete(`/api/orgs/${org.id}`), 409, undefined, 'org_not_empty');
    assert.match(e.zh, /下级单位 1 个、部门 1 个、人员 2 人/);
    assert.match(e.en, /1 child organisations, 1 departments and 2 people/);
  });

  test('R-SYS-03 deleting an empty organisation removes it and appends one org.delete event', async () => {
    const org = await newOrg();
    const { r, event, summary } = await changed(() => sys.delete(`/api/orgs/${org.id}`), 204);
    assert.equal(r.raw, '');
    assert.deepEqual([event.action, event.objectType, event.objectId], ['org.delete', 'org', org.id]);
    assert.equal(summary.name, org.name);
    assert.equal((await t.db.query('SELECT 1 FROM org WHERE id = $1', [org.id])).rowCount, 0);
    await refused(() => sys.delete(`/api/orgs/${org.id}`), 404, undefined, 'not_found');
  });

  test('duplicate names are refused (409, field name): same parent, after trimming, on rename; other parents may reuse', async () => {
    const parent = await newOrg();
    const name = uniq('重名单位');
    await newOrg(name, { parentId: parent.id });
    await refused(
      () => sys.post('/api/orgs', orgBody(name, { parentId: parent.id })),
      409,
      'name',
      'duplicate',
    );
    await refused(() => sys.post('/api/orgs', orgBody(` ${name} `, { parentId: parent.id })), 409, 'name');
    const other = await newOrg(uniq('另一单位'), { parentId: parent.id });
    await refused(() => sys.patch(`/api/orgs/${other.id}`, { name }), 409, 'name', 'duplicate');
    // The same name elsewhere in the tree is a different organisation.
    const elsewhere = await newOrg(name);
    assert.equal(elsewhere.name, name);
  });

  test('R-SYS-03 departments: create, sub-department, rename with from/to, delete — one audit event each', async () => {
    const org = await newOrg();
    const created = await changed(
      () => sys.post<Dept>(`/api/orgs/${org.id}/departments`, { name: ' 保密办 ' }),
      201,
    );
    const d = created.r.body;
    assert.equal(d.name, '保密办');
    assert.equal(d.orgId, org.id);
    assert.deepEqual([created.event.action, created.event.objectId], ['department.create', d.id]);
    assert.deepEqual(created.summary, { orgId: org.id, name: '保密办', parentId: null });

    const sub = await changed(
      () => sys.post<Dept>(`/api/orgs/${org.id}/departments`, { name: '档案室', parentId: d.id }),
      201,
    );
    assert.equal(sub.r.body.parentId, d.id);

    const renamed = await changed(
      () => sys.patch<Dept>(`/api/departments/${d.id}`, { name: '保密办公室' }),
      200,
    );
    assert.equal(renamed.r.body.name, '保密办公室');
    assert.deepEqual(renamed.summary, { name: { from: '保密办', to: '保密办公室' } });

    const list = await sys.get<{ items: Dept[] }>(`/api/orgs/${org.id}/departments`);
    assert.deepEqual(list.body.items.map((x) => x.name).sort(), ['保密办公室', '档案室'].sort());

    const e = await refused(
      () => sys.delete(`/api/departments/${d.id}`),
      409,
      undefined,
      'department_not_empty',
    );
    assert.match(e.zh, /人员 0 人、下级部门 1 个/);
    const removed = await changed(() => sys.delete(`/api/departments/${sub.r.body.id}`), 204);
    assert.deepEqual([removed.event.action, removed.event.objectId], ['department.delete', sub.r.body.id]);
    await changed(() => sys.delete(`/api/departments/${d.id}`), 204);
  });

  test('departments: a department with people cannot be deleted; duplicate names and foreign parents are refused', async () => {
    const org = await newOrg();
    const other = await newOrg();
    const d = (await sys.post<Dept>(`/api/orgs/${org.id}/departments`, { name: '综合处' })).body;
    const foreign = (await sys.post<Dept>(`/api/orgs/${other.id}/departments`, { name: '综合处' })).body;
    assert.ok(foreign.id, 'the same name in another organisation is fine');
    await refused(
      () => sys.post(`/api/orgs/${org.id}/departments`, { name: '综合处' }),
      409,
      'name',
      'duplicate',
    );
    await refused(
      () => sys.post(`/api/orgs/${org.id}/departments`, { name: '下属', parentId: foreign.id }),
      404,
      'parentId',
    );
    const d2 = (await sys.post<Dept>(`/api/orgs/${org.id}/departments`, { name: '财务处' })).body;
    await refused(() => sys.patch(`/api/departments/${d2.id}`, { name: '综合处' }), 409, 'name');
    await sys.post('/api/people', { orgId: org.id, departmentId: d.id, name: '王五', rank: 'other' });
    const e = await refused(
      () => sys.delete(`/api/departments/${d.id}`),
      409,
      undefined,
      'department_not_empty',
    );
    assert.match(e.en, /1 people and 0 sub-departments/);
  });

  test('bad input is refused with 400/404 naming the field, in both languages, never 500, and writes nothing', async (tc) => {
    const org = await newOrg();
    const dept = (await sys.post<Dept>(`/api/orgs/${org.id}/departments`, { name: '已有部门' })).body;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const good = orgBody('好名字');
    const cases: [string, () => Promise<Response<unknown>>, number, string | undefined][] = [
      ['name of wrong type', () => sys.post('/api/orgs', { ...good, name: 123 }), 400, 'name'],
      ['unknown level', () => sys.post('/api/orgs', { ...good, level: 'galaxy' }), 400, 'level'],
      ['level as a number', () => sys.post('/api/orgs', { ...good, level: 3 }), 400, 'level'],
      ['unknown kind', () => sys.post('/api/orgs', { ...good, kind: null }), 400, 'kind'],
      [
        'parentId not a uuid',
        () => sys.post('/api/orgs', { ...good, parentId: 'not-a-uuid' }),
        400,
        'parentId',
      ],
      ['parentId unknown', () => sys.post('/api/orgs', { ...good, parentId: unknown }), 404, 'parentId'],
      [
        'missing name',
        () => sys.post('/api/orgs', { parentId: null, level: 'city', kind: 'party_gov' }),
        400,
        'name',
      ],
      [
        'missing parentId',
        () => sys.post('/api/orgs', { name: 'x', level: 'city', kind: 'party_gov' }),
        400,
        'parentId',
      ],
      ['empty body', () => sys.post('/api/orgs', {}), 400, 'name'],
      ['unknown extra field', () => sys.post('/api/orgs', { ...good, secret: true }), 400, 'secret'],
      [
        '10,000-character name',
        () => sys.post('/api/orgs', { ...good, name: '长'.repeat(10_000) }),
        400,
        'name',
      ],
      ['201-character name', () => sys.post('/api/orgs', { ...good, name: 'x'.repeat(201) }), 400, 'name'],
      ['blank name', () => sys.post('/api/orgs', { ...good, name: '   ' }), 400, 'name'],
      ['empty name', () => sys.post('/api/orgs', { ...good, name: '' }), 400, 'name'],
      ['ideographic-space name', () => sys.post('/api/orgs', { ...good, name: '\u3000\u3000' }), 400, 'name'],
      ['NUL in name', () => sys.post('/api/orgs', { ...good, name: 'a\u0000b' }), 400, 'name'],
      ['malformed JSON', () => sys.request('POST', '/api/orgs', '{"name": "x",'), 400, undefined],
      ['JSON array body', () => sys.request('POST', '/api/orgs', '[]'), 400, undefined],
      ['JSON null body', () => sys.request('POST', '/api/orgs', 'null'), 400, undefined],
      ['update unknown id', () => sys.patch(`/api/orgs/${unknown}`, { name: 'x' }), 404, undefined],
      ['update id not a uuid', () => sys.patch('/api/orgs/not-a-uuid', { name: 'x' }), 400, 'id'],
      ['update name null', () => sys.patch(`/api/orgs/${org.id}`, { name: null }), 400, 'name'],
      ['update blank name', () => sys.patch(`/api/orgs/${org.id}`, { name: ' ' }), 400, 'name'],
      ['update unknown field', () => sys.patch(`/api/orgs/${org.id}`, { id: unknown }), 400, 'id'],
      [
        'update unknown parent',
        () => sys.patch(`/api/orgs/${org.id}`, { parentId: unknown }),
        404,
        'parentId',
      ],
      ['delete unknown id', () => sys.delete(`/api/orgs/${unknown}`), 404, undefined],
      ['delete id not a uuid', () => sys.delete('/api/orgs/123'), 400, 'id'],
      ['departments of unknown org', () => sys.get(`/api/orgs/${unknown}/departments`), 404, undefined],
      [
        'department in unknown org',
        () => sys.post(`/api/orgs/${unknown}/departments`, { name: 'x' }),
        404,
        undefined,
      ],
      [
        'department blank name',
        () => sys.post(`/api/orgs/${org.id}/departments`, { name: '  ' }),
        400,
        'name',
      ],
      [
        'department name wrong type',
        () => sys.post(`/api/orgs/${org.id}/departments`, { name: ['x'] }),
        400,
        'name',
      ],
      [
        'department unknown parent',
        () => sys.post(`/api/orgs/${org.id}/departments`, { name: 'x', parentId: unknown }),
        404,
        'parentId',
      ],
      ['department NUL', () => sys.post(`/api/orgs/${org.id}/departments`, { name: '\u0000' }), 400, 'name'],
      [
        'department long name',
        () => sys.post(`/api/orgs/${org.id}/departments`, { name: 'x'.repeat(10_000) }),
        400,
        'name',
      ],
      [
        'rename unknown department',
        () => sys.patch(`/api/departments/${unknown}`, { name: 'x' }),
        404,
        undefined,
      ],
      [
        'rename moves (not allowed)',
        () => sys.patch(`/api/departments/${dept.id}`, { name: 'x', orgId: unknown }),
        400,
        'orgId',
      ],
      ['rename without name', () => sys.patch(`/api/departments/${dept.id}`, {}), 400, 'name'],
      ['delete unknown department', () => sys.delete(`/api/departments/${unknown}`), 404, undefined],
    ];
    for (const [what, run, status, field] of cases) {
      await tc.test(what, async () => {
        await refused(run, status, field);
      });
    }
    // Nothing above changed the organisation or the department.
    const o = await t.db.query<{ name: string }>('SELECT name FROM org WHERE id = $1', [org.id]);
    assert.equal(o.rows[0]!.name, org.name);
  });
});
