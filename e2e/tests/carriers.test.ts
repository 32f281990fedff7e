// 涉密载体 in the browser (R-CAR-01/03/04/07, R-LVL-03/04): the organisation, people and roles are set up
// through the API; the registrar then receives a document (a marking typed as printed, a bad one first),
// lends it, sees passing it on refused in Chinese with its legal basis, takes it back, puts it on a
// destruction list, the office head approves, and it is destroyed with two supervisors — the detail
// shows the whole trace and no further step.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../packages/server/src/designation/common.ts';
import { ApiClient } from '../lib/api.ts';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { clickAndSee, login, pick, save, strongPassword, toast } from '../lib/ui.ts';

const PASSWORD = strongPassword(9);
const TITLE = '关于做好年度保密检查工作的通知';

interface User {
  username: string;
  personId: string;
  api: ApiClient;
}

describe('carriers (涉密载体) in the browser', { timeout: 200_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  const users: Record<string, User> = {};
  let carrierId = '';
  let sysApi: ApiClient;
  let lawDept = '';
  let officeDept = '';

  before(async () => {
    h = await startHarness({ jobs: false });
    const b = h.bootstrap;
    const sys = await new ApiClient(h.url).login(b.sysadmin.username, b.sysadmin.password, strongPassword(1));
    sysApi = sys;
    const sec = await new ApiClient(h.url).login(b.secadmin.username, b.secadmin.password, strongPassword(2));
    const org = (
      await sys.post<{ id: string }>('/api/orgs', {
        name: '江临市司法局',
        parentId: null,
        level: 'city',
        kind: 'party_gov',
      })
    ).id;
    const dept = async (name: string) =>
      (await sys.post<{ id: string }>(`/api/orgs/${org}/departments`, { name })).id;
    const law = await dept('法制科');
    const office = await dept('办公室');
    lawDept = law;
    officeDept = office;
    // The general office, where the approving office head sits (set as the system administrator would).
    await h.db.query(`UPDATE department SET function = 'general_office' WHERE id = $1`, [office]);
    let n = 0;
    const person = async (
      key: string,
      departmentId: string,
      name: string,
      rank: string,
      roles: string[],
      clearance: string,
    ) => {
      const p = await sys.post<{ id: string }>('/api/people', {
        orgId: org,
        departmentId,
        name,
        position: '科员',
        rank,
      });
      const username = `${key}${++n}`;
      const oneTime = await sys.createAccount(sec, { username, displayName: name, personId: p.id });
      await sec.put(`/api/people/${p.id}/roles`, { roles });
      await sec.put(`/api/people/${p.id}/clearance`, { clearance });
      users[key] = {
        username,
        personId: p.id,
        api: await new ApiClient(h.url).login(username, oneTime, PASSWORD),
      };
    };
    await person('officer', law, '李登记', 'section', ['secrecy_officer'], 'secret');
    await person('reader', law, '赵读者', 'division', ['staff'], 'secret');
    await person('next', law, '钱读者', 'division', ['staff'], 'secret');
    await person('head', office, '孙主任', 'division', ['department_head'], 'secret');
  });
  after(async () => {
    await h?.close();
  });

  async function signIn(key: string): Promise<Page> {
    const { page } = await h.newPage();
    await login(page, users[key]!.username, PASSWORD);
    await page.waitForURL(/\/home$/);
    return page;
  }

  test('a carrier from receipt through a loan and return to destruction with two supervisors', async () => {
    const p = await signIn('officer');
    await p.goto('/carriers');
    await p.getByTestId('carrier-receive').click();
    const form = p.getByTestId('register-modal');
    await form.getByTestId('f-title').fill(TITLE);
    await form.getByTestId('f-docNumber').fill('江司〔2026〕12号');
    await form.getByTestId('f-sender').fill('江临市国家保密局');
    await form.getByTestId('f-firstCopyNumber').fill('000003');
    await pick(p, form.getByTestId('f-distribution'), '县团级');
    await pick(p, form.getByTestId('f-scope'), '法制科');
    // R-LVL-02: a period above the level's maximum is refused, naming the maximum, under the field.
    await form.getByTestId('f-marking').fill('机密 ★ 25 年');
    await save(p);
    await form.getByText(/最长为20年/).waitFor();
    // Typed as printed (spaces, a full-width star): stored and shown canonically.
    await form.getByTestId('f-marking').fill('机密 ☆ 5 年');
    await save(p);
    await p.waitForURL(/\/carriers\/[0-9a-f-]{36}$/);
    carrierId = p.url().split('/').at(-1)!;
    await p.getByTestId('marking').filter({ hasText: '机密★5年' }).waitFor();
    await p.getByTestId('carrier-terms').getByText('000003').waitFor();

    // Lend it to one reader.
    await p.getByTestId('act-loan').click();
    const loan = p.getByTestId('action-modal');
    await pick(p, loan.getByTestId('f-reader'), '赵读者');
    await save(p);
    await toast(p, '已登记');
    await p.getByTestId('carrier-status').filter({ hasText: '借出（持有人：赵读者）' }).waitFor();
    // Passing it on (R-CAR-04): the page offers no loan and says why.
    const reason = await p
      .locator('[data-reason]')
      .filter({ has: p.getByTestId('act-loan') })
      .getAttribute('data-reason');
    assert.match(reason ?? '', /不得横传/);

    // A second page still showing it in the registry: the server refuses passing it on, in Chinese,
    // with the basis as a law article (never a rule id).
    const stale = await signIn('officer');
    await users.officer!.api.post(`/api/carriers/${carrierId}/return`, {});
    await stale.goto(`/carriers/${carrierId}`);
    await stale.getByTestId('carrier-status').filter({ hasText: '在册' }).waitFor();
    await users.officer!.api.post(`/api/carriers/${carrierId}/loan`, {
      toPersonId: users.reader!.personId,
      dueDate: addDays(todayInChina(), 7),
    });
    await stale.getByTestId('act-loan').click();
    await pick(stale, stale.getByTestId('action-modal').getByTestId('f-reader'), '钱读者');
    await save(stale);
    const refusal = stale.getByTestId('refusal');
    await refusal.filter({ hasText: /不得横传.*借出（持有人：赵读者）/ }).waitFor();
    const citation = await refusal.getByTestId('citation').textContent();
    assert.match(citation ?? '', /《[^》]+》/);
    assert.doesNotMatch(citation ?? '', /R-CAR/);

    // Back to the registry, then onto a destruction list.
    await p.reload();
    await p.getByTestId('act-return').click();
    await save(p);
    await p.getByTestId('carrier-status').filter({ hasText: '在册' }).waitFor();
    await p.getByTestId('act-destroy').click();
    await p.getByTestId('action-modal').getByTestId('f-reason').fill('年度清退，已无保存价值');
    await save(p);
    await p.waitForURL(/\/carriers\/destructions\/[0-9a-f-]{36}$/);
    const destructionUrl = p.url();
    await p.getByTestId('destruction-status').filter({ hasText: '审批中' }).waitFor();

    // The office head approves through the shared approval page.
    const dx = await users.officer!.api.get<{ approvalId: string }>(
      `/api/carriers/destructions/${destructionUrl.split('/').at(-1)}`,
    );
    const hp = await signIn('head');
    await hp.goto(`/approvals/${dx.approvalId}`);
    await hp.getByTestId('approval-material').getByText('江司〔2026〕12号').waitFor();
    await hp.getByTestId('decision-choice').getByText('批准', { exact: true }).click();
    await clickAndSee(hp, hp.getByTestId('decision-submit'));
    await hp.getByTestId('approval-status').filter({ hasText: '已批准' }).waitFor();

    // Destroyed with a method and two supervisors; one supervisor alone is refused.
    await p.reload();
    await p.getByTestId('destruction-status').filter({ hasText: '已批准' }).waitFor();
    await p.getByTestId('act-destroy-do').click();
    const d = p.getByTestId('destroy-modal');
    await pick(p, d.getByTestId('f-method'), '碎纸机粉碎');
    await pick(p, d.getByTestId('f-supervisors'), '赵读者');
    await d.locator('.ant-modal-title').click(); // closes the open dropdown
    await save(p);
    await d.getByText(/两名以上监销人/).waitFor();
    await pick(p, d.getByTestId('f-supervisors'), '钱读者');
    await d.locator('.ant-modal-title').click(); // closes the open dropdown
    await save(p);
    await p.getByTestId('destruction-status').filter({ hasText: '已销毁' }).waitFor();

    // The detail: destroyed, read-only, the whole trace.
    await p.goto(`/carriers/${carrierId}`);
    await p.getByTestId('carrier-status').filter({ hasText: '已销毁' }).waitFor();
    const kinds = await p
      .getByTestId('step')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    assert.deepEqual(kinds, [
      'receive',
      'loan',
      'return',
      'loan',
      'return',
      'destruction_requested',
      'destroy',
    ]);
    for (const a of ['act-loan', 'act-return', 'act-extend', 'act-destroy']) {
      assert.equal(await p.getByTestId(a).isDisabled(), true, a);
    }
    await h.shot(p, '70-carrier-destroyed');
  });

  test('R-CAR-08 a handover on a change of post in the browser; the post closes only after it; then a send-out', async () => {
    const officer = users.officer!.api;
    const reader = users.reader!;
    const received = await officer.post<{ items: { id: string }[] }>('/api/carriers/receive', {
      kind: 'document',
      title: '关于调整法律顾问工作的通知',
      docNumber: '江司〔2026〕31号',
      sender: '江临市司法局办公室',
      marking: '秘密★10年',
      issueDate: todayInChina(),
      knowScope: { personIds: [], departmentIds: [lawDept], positions: [] },
      firstCopyNumber: '000001',
      copies: 2,
      custodianPersonId: reader.personId,
    });
    const ids = received.items.map((c) => c.id);
    // The people module refuses to move him while carriers remain in his custody (409 naming the count).
    const moved = await sysApi.call<{ error: { zh: string } }>(
      'PATCH',
      `/api/people/${reader.personId}`,
      { departmentId: officeDept },
      409,
    );
    assert.match(moved.error.zh, /2件涉密载体/);

    const p = await signIn('officer');
    await p.goto('/carriers/handover');
    await pick(p, p.getByTestId('handover-from'), '赵读者');
    await p.getByTestId('handover-count').filter({ hasText: '2' }).waitFor();
    await p.getByTestId('handover-items').getByText('江司〔2026〕31号').first().waitFor();
    await pick(p, p.getByTestId('handover-to'), '钱读者');
    const print = await p.getByTestId('handover-print').getAttribute('href');
    assert.match(print ?? '', /\/handover\.pdf\?toPersonId=/);
    assert.equal(await p.getByTestId('handover-submit').isDisabled(), true);
    await p.getByTestId('handover-signed-from').click();
    await p.getByTestId('handover-signed-to').click();
    await p.getByTestId('handover-submit').click();
    await toast(p, '已登记移交 2 件');
    await p.getByTestId('handover-empty').waitFor();
    await h.shot(p, '71-carrier-handover');
    await sysApi.call('PATCH', `/api/people/${reader.personId}`, { departmentId: officeDept }, 200);

    // Send one out to another organ by confidential mail: afterwards read-only.
    await p.goto(`/carriers/${ids[0]}`);
    await p.getByTestId('act-sendOut').click();
    const m = p.getByTestId('step-modal');
    await m.getByTestId('citation').first().waitFor();
    await m.getByTestId('f-recipientOrgan').fill('江临市人民政府办公室');
    await m.getByTestId('f-sendDocNumber').fill('江司函〔2026〕5号');
    await save(p);
    await p.getByTestId('carrier-status').filter({ hasText: '已发出' }).waitFor();
    await p.getByTestId('step-particulars').filter({ hasText: '江临市人民政府办公室' }).waitFor();
    for (const a of ['act-loan', 'act-destroy']) {
      assert.equal(await p.getByTestId(a).isDisabled(), true, a);
    }
  });
});
