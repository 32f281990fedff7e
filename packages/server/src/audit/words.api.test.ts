// The audit trail as a person reads it (issue 7): the list and the exports give each event in words —
// the action, the actor's name and account, the object's name, the changed fields old → new — from the
// actions the modules declare; the 操作 filter's catalogue is grouped by module.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AuditActionCatalogue, AuditEvent } from '@baomi/api/audit.ts';
import { type Client, createTestApp, type TestApp } from '../testing/harness.ts';

type Page = { items: AuditEvent[]; total: number };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The parts of an event a person reads (not the raw payload, the ids or the hash). */
const words = (e: AuditEvent) =>
  JSON.stringify([
    e.actionLabel,
    e.objectTypeLabel,
    e.objectLabel,
    e.lines.map((l) => [l.field, l.from, l.value]),
  ]);

describe('the audit trail in words', () => {
  let t: TestApp;
  let auditor: Client;
  let sec: Client;
  let personId: string;
  let orgId: string;

  before(async () => {
    t = await createTestApp();
    const sys = await t.admin('sysadmin');
    sec = await t.admin('secadmin');
    auditor = await t.admin('auditor');
    const org = await sys.post<{ id: string }>('/api/orgs', {
      name: '审计文字单位',
      parentId: null,
      level: 'city',
      kind: 'party_gov',
    });
    orgId = org.body.id;
    const p = await sys.post<{ id: string }>('/api/people', {
      orgId,
      departmentId: null,
      name: '李四',
      position: '科员',
      rank: 'section',
      nationality: '中国',
    });
    assert.equal(p.status, 201, p.raw);
    personId = p.body.id;
    assert.equal(
      (await sys.patch(`/api/people/${personId}`, { position: '副科长', rank: 'division' })).status,
      200,
    );
    assert.equal((await sec.put(`/api/people/${personId}/roles`, { roles: ['staff'] })).status, 200);
    assert.equal((await sec.put(`/api/people/${personId}/clearance`, { clearance: 'secret' })).status, 200);
  });
  after(() => t.close());

  test('the actions catalogue: every module its label and its actions in words', async () => {
    const r = await auditor.get<AuditActionCatalogue>('/api/audit/actions');
    assert.equal(r.status, 200, r.raw);
    const people = r.body.modules.find((m) => m.name === 'people');
    assert.deepEqual(people?.label, { zh: '人员管理', en: 'People' });
    assert.deepEqual(people?.actions.find((a) => a.action === 'person.update')?.label, {
      zh: '修改人员',
      en: 'Update person',
    });
    const audit = r.body.modules.find((m) => m.name === 'audit');
    assert.equal(audit?.actions.find((a) => a.action === 'access.denied')?.label.zh, '拒绝访问');
    const designation = r.body.modules.find((m) => m.name === 'designation');
    assert.equal(
      designation?.actions.find((a) => a.action === 'designation_item.read')?.label.zh,
      '查看定密事项',
    );
  });

  test('a change reads as its action, the actor and his account, the object by name, fields old → new', async () => {
    const r = await auditor.get<Page>('/api/audit?action=person.update');
    assert.equal(r.status, 200, r.raw);
    const e = r.body.items[0]!;
    assert.deepEqual(e.actionLabel, { zh: '修改人员', en: 'Update person' });
    assert.equal(e.module, 'people');
    assert.equal(e.actorName, '系统管理员');
    assert.equal(e.actorUsername, 'sysadmin');
    assert.deepEqual(e.objectTypeLabel, { zh: '人员', en: 'Person' });
    assert.deepEqual(e.objectLabel, { zh: '李四', en: '李四' });
    assert.deepEqual(
      e.lines.map((l) => `${l.field.zh}：${l.from?.zh} → ${l.value.zh}`),
      ['职务：科员 → 副科长', '职级：科级 → 处级'],
    );
    assert.deepEqual(
      e.lines.map((l) => `${l.field.en}: ${l.from?.en} → ${l.value.en}`),
      ['Position: 科员 → 副科长', 'Rank: Section level → Division level'],
    );
    assert.doesNotMatch(words(e), UUID);
    // the raw event stays for the detail drawer
    assert.equal(e.objectId, personId);
    assert.match(e.payload, /^\[\d+,/);
    assert.match(e.hash, /^[0-9a-f]{64}$/);
    assert.match(e.prevHash, /^[0-9a-f]{64}$/);
  });

  test('enum values read as their labels (roles, clearance), never as codes', async () => {
    const r = await auditor.get<Page>(`/api/audit?objectId=${personId}&module=people`);
    const byAction = new Map(r.body.items.map((e) => [e.action, e]));
    const roles = byAction.get('person.roles.update')!;
    assert.equal(roles.actionLabel.zh, '设置业务角色');
    assert.equal(roles.actorUsername, 'secadmin');
    assert.ok(
      roles.lines.some((l) => l.field.zh === '业务角色' && l.from?.zh === '无' && l.value.zh === '工作人员'),
    );
    const clearance = byAction.get('person.clearance.update')!;
    assert.ok(
      clearance.lines.some((l) => l.field.zh === '涉密等级' && l.from?.zh === '无' && l.value.zh === '机密'),
    );
    const created = byAction.get('person.create')!;
    assert.ok(
      created.lines.some((l) => l.field.zh === '单位' && l.value.zh === '审计文字单位'),
      words(created),
    );
    assert.doesNotMatch(r.body.items.map(words).join(), UUID);
  });

  test('the 操作 filter by module gives only that module’s actions; the actor filter finds a user name', async () => {
    const r = await auditor.get<Page>('/api/audit?module=people&pageSize=100');
    assert.ok(r.body.total >= 4);
    assert.ok(r.body.items.every((e) => e.module === 'people' && e.action.startsWith('person.')));
    const none = await auditor.get<Page>('/api/audit?module=nosuchmodule');
    assert.equal(none.body.total, 0);
    const bySec = await auditor.get<Page>('/api/audit?actor=secadmin&pageSize=100');
    assert.ok(bySec.body.total > 0);
    assert.ok(bySec.body.items.every((e) => e.actorUsername === 'secadmin'));
  });

  test('a refused attempt reads as 拒绝访问, with what was tried and why, in words', async () => {
    const user = (await t.businessUser({ roles: ['staff'] })).client;
    assert.equal((await user.get('/api/accounts')).status, 403);
    const r = await sec.get<Page>('/api/audit?action=access.denied');
    const e = r.body.items[0]!;
    assert.deepEqual(e.actionLabel, { zh: '拒绝访问', en: 'Access denied' });
    assert.equal(e.lines[0]!.field.zh, '尝试的操作');
    assert.equal(e.lines[0]!.value.zh, '查看账号管理');
    assert.equal(e.lines[0]!.hint, 'GET /api/accounts');
    assert.ok(e.lines.some((l) => l.field.zh === '拒绝原因' && l.value.zh === '无此权限'));
  });

  test('the CSV and Excel exports carry the same words', async () => {
    const csv = await auditor.get('/api/audit/export?format=csv&module=people');
    assert.equal(csv.status, 200);
    assert.ok(
      csv.raw.startsWith('\uFEFF序号,时间,操作人,账号,身份,角色,操作,对象,内容'),
      csv.raw.slice(0, 80),
    );
    assert.match(csv.raw, /修改人员/);
    assert.match(csv.raw, /李四/);
    assert.match(csv.raw, /职务：科员 → 副科长；职级：科级 → 处级/);
    assert.match(csv.raw, /系统管理员,sysadmin,系统管理员/);
    const en = await auditor.get('/api/audit/export?format=csv&module=people&lang=en');
    assert.ok(en.raw.startsWith('\uFEFFSeq,Time,Actor,Account,Class,Role,Action,Object,Details'));
    assert.match(en.raw, /Update person/);
    assert.match(en.raw, /Position: 科员 → 副科长; Rank: Section level → Division level/);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/audit/export?format=xlsx&action=person.update',
      headers: { cookie: [...auditor.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    assert.equal(xlsx.statusCode, 200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => {
      row.eachCell((c) => {
        cells.push(String(c.value));
      });
    });
    assert.ok(cells.includes('修改人员'), cells.join('|'));
    assert.ok(cells.includes('李四'));
    assert.ok(cells.includes('职务：科员 → 副科长；职级：科级 → 处级'));
  });
});
