// The audit formatter, table-driven: each kind of event and the words a person reads (issue 7).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MODULES } from '../modules.ts';
import { buildCatalogue, describeEvent, type EventInput, nameKey, refsOf } from './describe.ts';
import { linesText } from './export.ts';

const cat = buildCatalogue(MODULES);
const P = '11111111-2222-4333-8444-555555555555';
const O = '66666666-7777-4888-9999-000000000000';
const D = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const ITEM = '0f0f0f0f-1e1e-4d2d-8c3c-4b4b4b4b4b4b';
const names = new Map([
  [nameKey('person', P), '张三'],
  [nameKey('org', O), '江东市保密局'],
]);
const ev = (e: Partial<EventInput> & { action: string }): EventInput => ({
  actorClass: 'user',
  objectType: null,
  objectId: null,
  summary: {},
  ...e,
});

interface Case {
  name: string;
  event: EventInput;
  action: string;
  object: string | null;
  lines: string;
  linesEn?: string;
}

const CASES: Case[] = [
  {
    name: 'a person updated: the person by name, each changed field old → new, codes by their labels',
    event: ev({
      action: 'person.update',
      objectType: 'person',
      objectId: P,
      summary: { position: { from: '科员', to: '副科长' }, rank: { from: 'section', to: 'division' } },
    }),
    action: '修改人员',
    object: '张三',
    lines: '职务：科员 → 副科长；职级：科级 → 处级',
    linesEn: 'Position: 科员 → 副科长; Rank: Section level → Division level',
  },
  {
    name: 'roles set: the top-level from/to is the change of the declared field, roles by their labels',
    event: ev({
      action: 'person.roles.update',
      objectType: 'person',
      objectId: P,
      summary: { name: '张三', from: ['staff'], to: ['staff', 'designator'] },
    }),
    action: '设置业务角色',
    object: '张三',
    lines: '名称：张三；业务角色：工作人员 → 工作人员、定密责任人',
  },
  {
    name: 'clearance set: levels by their labels',
    event: ev({
      action: 'person.clearance.update',
      objectType: 'person',
      objectId: P,
      summary: { name: '张三', from: 'none', to: 'secret' },
    }),
    action: '设置涉密等级',
    object: '张三',
    lines: '名称：张三；涉密等级：无 → 机密',
  },
  {
    name: 'an organisation moved: the parent by its name, never a bare id',
    event: ev({
      action: 'org.update',
      objectType: 'org',
      objectId: D,
      summary: { parentId: { from: null, to: O }, name: { from: '旧名', to: '新名' } },
    }),
    action: '修改机构',
    object: '单位 #aaaaaaaa',
    lines: '单位名称：旧名 → 新名；上级单位：无 → 江东市保密局',
  },
  {
    name: 'a designation item read: its number from the payload, never its title; level by its label',
    event: ev({
      action: 'designation_item.read',
      objectType: 'designation_item',
      objectId: ITEM,
      summary: { level: 'confidential', itemNumber: '2026-0007', status: 'approved' },
    }),
    action: '查看定密事项',
    object: '定密事项 2026-0007',
    lines: '事项编号：2026-0007；密级：秘密；事项状态：已定密',
  },
  {
    name: 'a designation draft: no number in the payload, so the type word and a short id',
    event: ev({
      action: 'designation_item.create',
      objectType: 'designation_item',
      objectId: ITEM,
      summary: { level: 'secret', origin: 'original', sourceItemId: null, period: { kind: 'years', n: 10 } },
    }),
    action: '新建定密事项草稿',
    object: '定密事项 #0f0f0f0f',
    lines: '密级：机密；定密方式：原始定密；派生来源：无；保密期限：10年',
  },
  {
    name: 'an approval decision built from a value (approval.<decision>) reads as words',
    event: ev({
      action: 'approval.return',
      objectType: 'approval',
      objectId: ITEM,
      summary: { status: 'returned' },
    }),
    action: '审批：退回',
    object: '审批单 #0f0f0f0f',
    lines: '审批状态：已退回',
  },
  {
    name: 'access denied: the route in words, the refusal, and the rule as its legal citation',
    event: ev({
      action: 'access.denied',
      objectType: 'designation',
      objectId: ITEM,
      summary: {
        method: 'GET',
        route: '/api/designation/items/:id',
        status: 404,
        code: 'not_found',
        rule: 'R-DES-02',
      },
    }),
    action: '拒绝访问',
    object: '定密管理 #0f0f0f0f',
    lines: '尝试的操作：查看定密管理；拒绝原因：记录不存在或无权查看；依据：',
  },
  {
    name: 'a failed sign-in: the reason code by its words',
    event: ev({
      action: 'auth.login.failure',
      objectType: 'account',
      objectId: null,
      summary: { username: 'zhangsan', reason: 'bad_password', failedCount: 2, locked: false, sources: 1 },
    }),
    action: '登录失败',
    object: null,
    lines: '用户名：zhangsan；原因：密码错误；连续失败次数：2；已锁定：否；失败来源地址数：1',
  },
  {
    name: 'an export: its filter as words',
    event: ev({
      action: 'person.export',
      objectType: 'person',
      summary: { format: 'xlsx', rows: 3, filter: { orgId: O } },
    }),
    action: '导出人员名册',
    object: null,
    lines: '行数：3；格式：xlsx；筛选条件：单位：江东市保密局',
  },
  {
    name: 'a job of the system, by its words',
    event: ev({
      action: 'job.cleanup',
      actorClass: 'system',
      objectType: 'job',
      objectId: '2026-11-27T08',
      summary: { sessions: 2, rateCounters: 0 },
    }),
    action: '定时任务：清理过期会话',
    object: '定时任务 2026-11-27T08',
    lines: '清理会话数：2；清理计数器数：0',
  },
  {
    name: 'an undeclared action (an old event) still reads, and says so',
    event: ev({ action: 'legacy.thing', summary: { note: 'x' } }),
    action: '未登记的操作 legacy.thing',
    object: null,
    lines: '备注：x',
  },
];

describe('the audit trail in words', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const w = describeEvent(c.event, cat, names);
      assert.equal(w.actionLabel.zh, c.action);
      assert.equal(w.objectLabel?.zh ?? null, c.object);
      const text = linesText(w.lines, 'zh');
      if (c.lines.endsWith('：')) assert.ok(text.startsWith(c.lines), text);
      else assert.equal(text, c.lines);
      if (c.linesEn) assert.equal(linesText(w.lines, 'en'), c.linesEn);
      // never a bare UUID in the words
      assert.doesNotMatch(`${w.objectLabel?.zh ?? ''} ${text}`, /[0-9a-f]{8}-[0-9a-f]{4}-/);
    });
  }

  test('access denied on a route without a record: no object, the route is in the line', () => {
    const w = describeEvent(
      ev({
        action: 'access.denied',
        objectType: 'route',
        objectId: '/api/accounts',
        summary: { method: 'GET', route: '/api/accounts', status: 403, code: 'forbidden' },
      }),
      cat,
      names,
    );
    assert.equal(w.objectLabel, null);
    assert.equal(linesText(w.lines, 'zh'), '尝试的操作：查看账号管理；拒绝原因：无此权限');
    assert.equal(linesText(w.lines, 'en'), 'Attempted: read Accounts; Refusal: Not permitted');
  });

  test('access denied: the rule reads as its legal citation, the id stays for a tooltip', () => {
    const w = describeEvent(CASES.find((c) => c.event.action === 'access.denied')!.event, cat, names);
    const basis = w.lines.find((l) => l.field.zh === '依据');
    assert.ok(basis);
    assert.match(basis.value.zh, /《/);
    assert.equal(basis.hint, 'R-DES-02');
    assert.equal(w.lines[0]!.hint, 'GET /api/designation/items/:id');
  });

  test('the names to look up: the object and the fields declared as references, also in a filter', () => {
    assert.deepEqual(refsOf(CASES[3]!.event, cat), [
      { kind: 'org', id: D },
      { kind: 'org', id: O },
    ]);
    assert.deepEqual(refsOf(CASES.find((c) => c.event.action === 'person.export')!.event, cat), [
      { kind: 'org', id: O },
    ]);
  });

  test('two modules declaring one action is refused at start', () => {
    const m = MODULES.find((x) => x.name === 'people')!;
    assert.throws(() => buildCatalogue([m, { ...m, name: 'copy' }]), /is declared by people and copy/);
  });
});
