// The audit trail as a person reads it (issue 7), in the browser: the auditor signs in, reads the
// administrators' events in words (修改人员 李四, 职务：科员 → 副科长), filters by a module's group of
// actions and by an actor's user name, and opens an event's detail drawer (sequence, hash, raw record).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ApiClient } from '../lib/api.ts';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { changePassword, eventually, login, pick, strongPassword } from '../lib/ui.ts';

const PERSON = '李四';

describe('the audit trail in words', { timeout: 150_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  let p: Page;

  before(async () => {
    h = await startHarness({ jobs: false });
    // the administrators' work, through the API
    const sys = await new ApiClient(h.url).login(
      h.bootstrap.sysadmin.username,
      h.bootstrap.sysadmin.password,
      strongPassword(1),
    );
    const sec = await new ApiClient(h.url).login(
      h.bootstrap.secadmin.username,
      h.bootstrap.secadmin.password,
      strongPassword(2),
    );
    const org = await sys.post<{ id: string }>('/api/orgs', {
      name: '文字审计单位',
      parentId: null,
      level: 'city',
      kind: 'party_gov',
    });
    const person = await sys.post<{ id: string }>('/api/people', {
      orgId: org.id,
      departmentId: null,
      name: PERSON,
      position: '科员',
      rank: 'section',
      nationality: '中国',
    });
    await sys.call('PATCH', `/api/people/${person.id}`, { position: '副科长' });
    await sec.put(`/api/people/${person.id}/roles`, { roles: ['staff'] });
    await sec.put(`/api/people/${person.id}/clearance`, { clearance: 'secret' });
  });
  after(async () => {
    await h?.close();
  });

  const table = () => p.getByTestId('audit-table');
  const cells = (n: number) => table().locator(`tbody tr.ant-table-row td:nth-child(${n})`);

  test('the auditor signs in and reads the trail in words', async () => {
    ({ page: p } = await h.newPage());
    await login(p, h.bootstrap.auditor.username, h.bootstrap.auditor.password);
    await p.waitForURL(/\/change-password$/);
    await changePassword(p, h.bootstrap.auditor.password, strongPassword(3));
    await p.waitForURL(/\/audit$/);
    const row = table().locator('tbody tr.ant-table-row').filter({ hasText: '修改人员' }).first();
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    for (const s of ['系统管理员', 'sysadmin', '修改人员', PERSON, '职务：科员 → 副科长']) {
      assert.ok(text.includes(s), `the row reads ${s}: ${text}`);
    }
    const all = (await table().textContent()) ?? '';
    for (const s of [
      '设置业务角色',
      '业务角色：无 → 工作人员',
      '设置涉密等级',
      '涉密等级：无 → 机密',
      '新建机构',
    ]) {
      assert.ok(all.includes(s), `the trail reads ${s}`);
    }
    // never a bare id or a code in the words
    assert.doesNotMatch(all, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    assert.doesNotMatch(all, /person\.update|person\.roles/);
    await h.shot(p, 'audit-words-1');
  });

  test('the 操作 filter offers the actions grouped by module; a group filters to its actions', async () => {
    await pick(p, p.getByTestId('filter-action'), '人员管理');
    await p.getByTestId('audit-search').click();
    await p.waitForURL(/module=people/);
    await eventually(async () => {
      const actions = (await cells(5).allTextContents()).map((s) => s.trim());
      return (
        actions.length > 0 &&
        actions.every((a) => ['新建人员', '修改人员', '设置业务角色', '设置涉密等级'].includes(a)) &&
        actions.includes('修改人员')
      );
    }, 'only the people module’s actions are listed');
    // the export carries the filter and the language
    const csv = await p.getByTestId('export-csv').getAttribute('href');
    assert.match(csv ?? '', /module=people/);
    assert.match(csv ?? '', /lang=zh/);
  });

  test('the actor filter finds an administrator by his user name', async () => {
    await p.getByTestId('filter-actor').fill('secadmin');
    await p.getByTestId('filter-actor').press('Enter');
    await p.waitForURL(/actor=secadmin/);
    await eventually(async () => {
      const accounts = (await cells(4).allTextContents()).map((s) => s.trim());
      const actions = (await cells(5).allTextContents()).map((s) => s.trim());
      return (
        accounts.length === 2 &&
        accounts.every((a) => a === 'secadmin') &&
        actions.includes('设置业务角色') &&
        actions.includes('设置涉密等级')
      );
    }, 'only the security-secrecy administrator’s events of the people module');
  });

  test('a row opens the detail drawer with the sequence, the hash and the raw record', async () => {
    const row = table().locator('tbody tr.ant-table-row').filter({ hasText: '设置涉密等级' }).first();
    const seq = ((await row.locator('td').first().textContent()) ?? '').trim();
    await row.getByTestId('audit-action').click();
    const drawer = p.getByTestId('audit-drawer');
    await drawer.getByTestId('drawer-seq').filter({ hasText: seq }).waitFor();
    const text = (await drawer.textContent()) ?? '';
    for (const s of ['设置涉密等级', 'person.clearance.update', '安全保密管理员', 'secadmin', PERSON]) {
      assert.ok(text.includes(s), `the drawer shows ${s}`);
    }
    assert.match(((await drawer.getByTestId('drawer-hash').textContent()) ?? '').trim(), /^[0-9a-f]{64}$/);
    const raw = (await drawer.getByTestId('drawer-payload').textContent()) ?? '';
    assert.match(raw, new RegExp(`^\\[\\s*${seq},`));
    assert.ok(raw.includes('"person.clearance.update"'));
    await h.shot(p, 'audit-words-2');
  });

  test('in English, the same trail reads in English words and the export follows', async () => {
    await p.keyboard.press('Escape');
    await p.getByTestId('lang-switch').click();
    const row = table().locator('tbody tr.ant-table-row').filter({ hasText: 'Set clearance' }).first();
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Clearance: None → Secret/);
    assert.match((await p.getByTestId('export-csv').getAttribute('href')) ?? '', /lang=en/);
    await p.getByTestId('lang-switch').click();
    await table().locator('tbody tr.ant-table-row').filter({ hasText: '设置涉密等级' }).first().waitFor();
  });
});
