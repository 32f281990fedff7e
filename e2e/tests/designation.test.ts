// 定密 in the browser (R-DES-01…08, R-LVL-03/05): the organisation, people and roles are set up through
// the API; the browser then drives what a person sees — a whole original designation through the
// officer's todo and the designator's approval to the ledger and the printable form, a derived item
// taking its source's terms, an escalation decided in the superior's account, a change of level and
// period, and an automatic release by the daily job.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, addYears } from '@baomi/domain';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../packages/server/src/designation/common.ts';
import { designationReleaseJob } from '../../packages/server/src/designation/items.release.ts';
import { runJobOnce } from '../../packages/server/src/jobs/runner.ts';
import { ApiClient } from '../lib/api.ts';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { clickAndSee, login, openMenu, pick, strongPassword, toast } from '../lib/ui.ts';

const TODAY = todayInChina();
const YEAR = TODAY.slice(0, 4);
const PASSWORD = strongPassword(7);
const NO = {
  public_must_know: false,
  work_secret: false,
  commercial_secret: false,
  personal_privacy: false,
  already_public: false,
};
const PROVINCE = '江临省发展和改革委员会';
const CITY = '江临市发展和改革委员会';

interface User {
  username: string;
  personId: string;
  api: ApiClient;
}
type Item = {
  id: string;
  status: string;
  approvalId: string | null;
  itemNumber: string | null;
  marking: string | null;
};

describe('designation (定密) in the browser', { timeout: 200_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  const users: Record<string, User> = {};
  let clauseSecret = '';
  let first: Item;

  before(async () => {
    h = await startHarness({ jobs: false });
    const b = h.bootstrap;
    const sys = await new ApiClient(h.url).login(b.sysadmin.username, b.sysadmin.password, strongPassword(1));
    const sec = await new ApiClient(h.url).login(b.secadmin.username, b.secadmin.password, strongPassword(2));
    const org = async (name: string, parentId: string | null, level: string, kind: string) =>
      (await sys.post<{ id: string }>('/api/orgs', { name, parentId, level, kind })).id;
    const bureau = await org('江临省国家保密局', null, 'province', 'secrecy_bureau');
    const province = await org(PROVINCE, bureau, 'province', 'party_gov');
    const city = await org(CITY, province, 'city', 'party_gov');
    const dept = async (orgId: string, name: string) =>
      (await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name })).id;
    const tech = await dept(city, '科技处');
    const office = await dept(province, '办公厅');
    let n = 0;
    const person = async (
      key: string,
      orgId: string,
      departmentId: string,
      name: string,
      position: string,
      roles: string[],
      clearance: string,
    ) => {
      const p = await sys.post<{ id: string }>('/api/people', {
        orgId,
        departmentId,
        name,
        position,
        rank: 'section',
      });
      const username = `${key}${++n}`;
      const oneTimePassword = await sys.createAccount(sec, { username, displayName: name, personId: p.id });
      await sec.put(`/api/people/${p.id}/roles`, { roles });
      await sec.put(`/api/people/${p.id}/clearance`, { clearance });
      const api = await new ApiClient(h.url).login(username, oneTimePassword, PASSWORD);
      users[key] = { username, personId: p.id, api };
    };
    await person('handler', city, tech, '张承办', '科员', ['staff'], 'top_secret'); // drafts the 绝密 matter (R-PER-01)
    await person('officer', city, tech, '李保密', '保密员', ['secrecy_officer'], 'top_secret');
    await person('designator', city, tech, '王定密', '主任', ['leader', 'designator'], 'top_secret');
    await person('reader', city, tech, '赵知悉', '科员', ['staff'], 'secret');
    await person('superior', province, office, '孙上级', '主任', ['leader', 'designator'], 'top_secret');
    const officer = users.officer!.api;
    clauseSecret = (
      await officer.post<{ id: string }>('/api/designation/catalogue', {
        clause: '《发展改革工作国家秘密范围》第三条第（一）项',
        title: '重大项目技术方案',
        maxLevel: 'secret',
      })
    ).id;
    await officer.post('/api/designation/catalogue', {
      clause: '《发展改革工作国家秘密范围》第五条',
      title: '国家重大战略布局',
      maxLevel: 'top_secret',
    });
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

  /** Fills the common part of the draft form: title, clause, basis, the five R-DES-01a answers. */
  async function fillDraft(p: Page, title: string, clause?: RegExp) {
    await p.goto('/designation/items');
    await p.getByTestId('item-new').click();
    await p.waitForURL(/\/designation\/items\/new$/);
    await p.getByTestId('f-title').fill(title);
    if (clause) await pick(p, p.getByTestId('f-clause'), clause);
    for (const g of Object.keys(NO)) await p.getByTestId(`f-ground-${g}`).getByText('否').click();
  }

  /** The officer's opinion and the designator's approval, through the API. */
  async function approveByApi(approvalId: string) {
    await users.officer!.api.post(`/api/approvals/${approvalId}/decide`, {
      decision: 'opinion',
      comment: '同意',
    });
    await users.designator!.api.post(`/api/approvals/${approvalId}/decide`, {
      decision: 'approve',
      comment: '同意',
    });
  }

  const idFromUrl = (p: Page) => p.url().split('/').pop()!;

  test('R-DES-06 R-LVL-03 an original designation: drafted, opinion from the officer’s todo, approved, in the ledger with its number and marking, printable', async () => {
    // The handler drafts and submits.
    const p = await signIn('handler');
    await fillDraft(p, '城市轨道交通三期工程技术方案', /第三条/);
    await p.getByTestId('f-basis-text').fill('涉及线路走向与投资概算');
    // a "yes" to a R-DES-01a question refuses the matter
    await p.getByTestId('f-ground-work_secret').getByText('是').click();
    await p.getByTestId('grounds-refused').filter({ hasText: '属于工作秘密' }).waitFor();
    assert.equal(await p.getByTestId('item-submit').isDisabled(), true);
    await p.getByTestId('f-ground-work_secret').getByText('否').click();
    await p.getByTestId('grounds-refused').waitFor({ state: 'detached' });
    await p.getByTestId('f-level').getByText('机密').click();
    await p.getByTestId('period-n').fill('5');
    await p.getByTestId('marking-preview').filter({ hasText: '机密★5年' }).waitFor();
    await p.getByTestId('period-hint').filter({ hasText: '机密级最长 20 年' }).waitFor();
    await pick(p, p.getByTestId('scope-people'), '赵知悉');
    await p.keyboard.press('Escape');
    await p
      .getByTestId('authority-result')
      .filter({ hasText: `${CITY}可以原始定密到机密级` })
      .waitFor();
    await h.shot(p, '30-designation-draft');
    // The people picker closed by Escape must be gone before the click (a CI run lost the click to its
    // closing dropdown and never left the form).
    await p.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    await p.getByTestId('item-submit').click();
    await p.waitForURL(/\/designation\/items\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await p.getByTestId('item-status').filter({ hasText: '审批中' }).first().waitFor();
    await p.getByTestId('banner-marking').filter({ hasText: '机密★5年' }).waitFor();
    const id = idFromUrl(p);

    // The officer finds it in his todo (and the menu's badge), gives an opinion.
    const o = await signIn('officer');
    await o.getByTestId('badge-approvals').filter({ hasText: '1' }).waitFor();
    const todo = o.getByTestId('todo-item').filter({ hasText: '城市轨道交通三期工程技术方案' });
    await todo.filter({ hasText: '待审批' }).waitFor();
    await todo.getByRole('link').click();
    await o.waitForURL(/\/approvals\/[0-9a-f-]{36}$/);
    await o.getByTestId('approval-subject').filter({ hasText: '城市轨道交通三期工程技术方案' }).waitFor();
    const choices = await o.getByTestId('decision-choice').locator('label').allTextContents();
    assert.deepEqual(choices, ['提出意见', '退回'], 'only the decisions this step allows');
    await o.getByTestId('decision-choice').getByText('退回').click();
    await clickAndSee(o, o.getByTestId('decision-submit'));
    await o.getByText('请填写理由').waitFor();
    await o.getByTestId('decision-choice').getByText('提出意见').click();
    await o.getByTestId('decision-comment').fill('依据充分，拟同意');
    await clickAndSee(o, o.getByTestId('decision-submit'));
    await toast(o, '审批决定已提交');
    await o.getByTestId('approval-steps').filter({ hasText: '依据充分，拟同意' }).waitFor();
    await h.shot(o, '33-approval-officer');

    // The designator approves from 审批 → 待我审批, as A.
    const d = await signIn('designator');
    // the entry carries the open todos' badge once they have loaded
    await d
      .getByTestId('side-menu')
      .getByText(/^审批\d*$/)
      .click();
    await d.waitForURL(/\/approvals$/);
    await d.getByTestId('approvals-table').getByText('城市轨道交通三期工程技术方案').click();
    await d.getByTestId('acting-role').filter({ hasText: 'A角' }).waitFor();
    await d.getByTestId('decision-choice').getByText('批准', { exact: true }).click();
    await clickAndSee(d, d.getByTestId('decision-submit'));
    await toast(d, '审批决定已提交');
    const steps = d.getByTestId('approval-steps');
    await steps.filter({ hasText: '王定密' }).waitFor();
    assert.match(
      (await steps.textContent()) ?? '',
      /李保密[\s\S]*保密员[\s\S]*提出意见[\s\S]*王定密[\s\S]*定密责任人 · A角[\s\S]*批准/,
    );

    // The ledger shows the number and the marking; the detail and the printable form carry it.
    await d.goto('/designation/items');
    const row = d.getByTestId('ledger-table').locator('tr', { hasText: '城市轨道交通三期工程技术方案' });
    await row.filter({ hasText: `${YEAR}-0001` }).waitFor();
    assert.match((await row.textContent()) ?? '', /机密★5年[\s\S]*原始定密[\s\S]*已定密/);
    assert.equal(await d.getByTestId('export-xlsx').isVisible(), true);
    await h.shot(d, '31-designation-ledger');
    await row.getByTestId('item-link').click();
    await d.getByTestId('banner-marking').filter({ hasText: '机密★5年' }).waitFor();
    await d
      .getByTestId('banner-number')
      .filter({ hasText: `${YEAR}-0001` })
      .waitFor();
    await d.getByTestId('item-knowers').filter({ hasText: '赵知悉' }).waitFor();
    await d.getByTestId('item-history').filter({ hasText: 'A角' }).waitFor();
    const href = await d.getByTestId('item-pdf').getAttribute('href');
    assert.equal(href, `/api/designation/items/${id}/form.pdf`);
    const pdf = await d.request.get(href!);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    await h.shot(d, '32-designation-detail');
    // a staff member sees no export and no review list
    await p.goto('/designation/items');
    await p.getByTestId('item-new').waitFor();
    assert.equal(await p.getByTestId('export-xlsx').count(), 0);
    assert.ok(!(await p.getByTestId('side-menu').textContent())?.includes('年度审核'));
    first = await users.handler!.api.get<Item>(`/api/designation/items/${id}`);
    assert.equal(first.marking, '机密★5年');
  });

  test('R-DES-01 a derived item takes its source’s level, period and scope', async () => {
    const p = await signIn('handler');
    await fillDraft(p, '三期工程技术方案（汇编摘要）');
    await p.getByTestId('f-origin').getByText('派生定密').click();
    await pick(p, p.getByTestId('f-source'), `${YEAR}-0001`);
    const terms = p.getByTestId('derived-terms');
    await terms.filter({ hasText: '机密★5年' }).waitFor();
    assert.match((await terms.textContent()) ?? '', /赵知悉/);
    assert.equal(await p.getByTestId('f-level').count(), 0, 'level, period and scope are not editable');
    await p.getByTestId('authority-result').filter({ hasText: '派生定密不受原始定密权限限制' }).waitFor();
    await p.getByTestId('item-submit').click();
    await p.waitForURL(/\/designation\/items\/[0-9a-f-]{36}$/);
    const item = await users.handler!.api.get<Item>(`/api/designation/items/${idFromUrl(p)}`);
    await approveByApi(item.approvalId!);
    await p.reload();
    await p.getByTestId('banner-marking').filter({ hasText: '机密★5年' }).waitFor();
    await p
      .getByTestId('source-link')
      .filter({ hasText: `${YEAR}-0001` })
      .waitFor();
    await p.goto('/designation/items');
    const row = p.getByTestId('ledger-table').locator('tr', { hasText: '汇编摘要' });
    await row.filter({ hasText: `${YEAR}-0002` }).waitFor();
    assert.match((await row.textContent()) ?? '', /机密★5年[\s\S]*派生定密/);
  });

  test('R-DES-07 above the authority: escalated to the province and decided in its designator’s account', async () => {
    const p = await signIn('handler');
    await fillDraft(p, '区域重大战略布局研究', /第五条/);
    await p.getByTestId('f-level').getByText('绝密').click();
    await p.getByTestId('period-n').fill('20');
    await pick(p, p.getByTestId('scope-people'), '赵知悉');
    await p.keyboard.press('Escape');
    await p.getByTestId('authority-result').filter({ hasText: '超出' }).waitFor();
    await p.getByTestId('item-submit').click();
    await p.waitForURL(/\/designation\/items\/[0-9a-f-]{36}$/);
    await p.getByTestId('item-status').filter({ hasText: '已上报' }).first().waitFor();
    await p
      .getByTestId('item-escalations')
      .filter({ hasText: `报送：${PROVINCE}` })
      .waitFor();
    await p.getByTestId('marking-banner').filter({ hasText: '按绝密级保护' }).waitFor();
    const id = idFromUrl(p);

    const s = await signIn('superior');
    const todo = s.getByTestId('todo-item').filter({ hasText: '区域重大战略布局研究' });
    await todo.getByRole('link').click();
    await s.waitForURL(/\/approvals\/[0-9a-f-]{36}$/);
    await s.getByTestId('decision-choice').getByText('批准', { exact: true }).click();
    await clickAndSee(s, s.getByTestId('decision-submit'));
    await toast(s, '审批决定已提交');
    await s.getByTestId('approval-subject').click();
    await s.waitForURL(new RegExp(`/designation/items/${id}$`));
    await s.getByTestId('banner-marking').filter({ hasText: '绝密★20年' }).waitFor();
    await s.getByText('该事项由下级单位上报本单位确定').waitFor();

    await p.reload();
    await p.getByTestId('item-status').filter({ hasText: '已定密' }).first().waitFor();
    await p.getByTestId('banner-marking').filter({ hasText: '绝密★20年' }).waitFor();

    // 查看审批 for the reporting unit's officer (no part in the approval): the decision taken above,
    // read-only, without the way to act (issue 7).
    const o = await signIn('officer');
    await o.goto(`/designation/items/${id}`);
    await o.getByTestId('escalation-approval').click();
    await o.waitForURL(new RegExp(`/designation/items/${id}/approvals/[0-9a-f-]{36}$`));
    await o.getByTestId('item-approval-decision').filter({ hasText: '孙上级' }).waitFor();
    assert.equal(await o.getByTestId('item-approval-act').count(), 0);
  });

  test('R-DES-08 a change of level and period, approved, gives the new marking', async () => {
    const p = await signIn('handler');
    await p.goto(`/designation/items/${first.id}`);
    await p.getByTestId('item-propose').click();
    const modal = p.getByTestId('change-modal');
    await modal.getByTestId('change-level').getByText('秘密', { exact: true }).click();
    await modal.getByTestId('period-n').fill('3');
    await modal.getByTestId('marking-preview').filter({ hasText: '秘密★3年' }).waitFor();
    await modal.getByTestId('change-reason').fill('部分内容已公开，降低密级并缩短期限');
    await p.locator('.ant-modal-footer .ant-btn-primary').click();
    await toast(p, '申请已提交审批');
    await p.getByTestId('item-changes').filter({ hasText: '机密★5年 → 秘密★3年' }).waitFor();
    const detail = await users.handler!.api.get<{ changes: { approvalId: string }[] }>(
      `/api/designation/items/${first.id}`,
    );
    await users.officer!.api.post(`/api/approvals/${detail.changes[0]!.approvalId}/decide`, {
      decision: 'opinion',
      comment: '同意变更',
    });

    const d = await signIn('designator');
    await d.getByTestId('todo-item').filter({ hasText: '定密事项变更' }).getByRole('link').click();
    await d.waitForURL(/\/approvals\/[0-9a-f-]{36}$/);
    await d.getByTestId('decision-choice').getByText('批准', { exact: true }).click();
    await clickAndSee(d, d.getByTestId('decision-submit'));
    await toast(d, '审批决定已提交');
    await d.getByTestId('approval-subject').click();
    await d.waitForURL(new RegExp(`/designation/items/${first.id}$`));
    await d.getByTestId('banner-marking').filter({ hasText: '秘密★3年' }).waitFor();
    await d.getByTestId('item-changes').filter({ hasText: '已批准' }).waitFor();
    await d.goto('/designation/items');
    await d
      .getByTestId('ledger-table')
      .locator('tr', { hasText: '城市轨道交通三期工程技术方案' })
      .filter({ hasText: '秘密★3年' })
      .waitFor();

    // 定密权限: the organisation's authority with its reasons; the designators and "may decide today?".
    await openMenu(d, '定密权限');
    await d
      .getByTestId('org-authority')
      .filter({ hasText: `${CITY}可以原始定密到机密级` })
      .waitFor();
    await d.getByTestId('authority-reasons').filter({ hasText: '设区的市' }).waitFor();
    await h.shot(d, '34-designation-authority');
    await d.getByRole('tab', { name: '定密责任人' }).click();
    const row = d.getByTestId('designators-table').locator('tr', { hasText: '王定密' });
    await row.filter({ hasText: '法定' }).waitFor();
    await row.getByTestId('may-decide').click();
    await d.getByTestId('may-decide-answer').filter({ hasText: '可以定密（A角）' }).waitFor();
  });

  test('R-DES-08 the daily job releases an item whose period ended; the ledger shows 解密', async () => {
    const api = users.handler!.api;
    const issued = addDays(addYears(TODAY, -1), -1);
    const draft = await api.post<Item>('/api/designation/items', {
      title: '上年度投资计划草案',
      basis: { catalogueEntryId: clauseSecret, text: '', grounds: NO },
      origin: 'original',
      level: 'confidential',
      period: { kind: 'years', n: 1 },
      issueDate: issued,
      knowScope: { personIds: [users.reader!.personId], departmentIds: [], positions: [] },
    });
    const submitted = await api.post<Item>(`/api/designation/items/${draft.id}/submit`, {});
    await approveByApi(submitted.approvalId!);
    const result = await runJobOnce(h.db, designationReleaseJob);
    assert.ok(result, 'the job ran');
    assert.equal(result.released, 1);

    const o = await signIn('officer');
    await o.goto('/designation/items');
    await pick(o, o.getByTestId('filter-status'), '已解密');
    const row = o.getByTestId('ledger-table').locator('tr', { hasText: '上年度投资计划草案' });
    await row.filter({ hasText: '秘密★1年（解密）' }).waitFor();
    assert.match((await row.textContent()) ?? '', /已解密/);
    await row.getByTestId('item-link').click();
    await o.getByTestId('banner-released').filter({ hasText: '解密' }).waitFor();
    await o.getByTestId('banner-marking').filter({ hasText: '秘密★1年（解密）' }).waitFor();
  });

  test('R-DES-09 the yearly statistics: the totals row and the chart for the year, the Excel export', async () => {
    type Report = { total: { counts: Record<string, number> }; rows: { name: string }[] };
    const api = users.designator!.api;
    const involved = await api.get<Report>(`/api/designation/stats/involved?year=${YEAR}`);
    const produced = await api.get<Report>(`/api/designation/stats/produced?year=${YEAR}`);
    assert.ok(produced.total.counts.total! >= 1, 'at least one item approved this year');

    const d = await signIn('designator');
    await openMenu(d, '年度统计');
    await d.waitForURL(/\/designation\/stats$/);
    // R-DES-09: the year before by default
    await d
      .getByTestId('stats-year')
      .filter({ hasText: `${Number(YEAR) - 1}年` })
      .waitFor();
    await pick(d, d.getByTestId('stats-year'), `${YEAR}年`);
    await d
      .getByTestId('stats-caption')
      .filter({ hasText: `${CITY} · ${YEAR}年` })
      .waitFor();
    const total = d.getByTestId('stats-total');
    await total
      .getByTestId('stats-cell-total')
      .filter({ hasText: String(involved.total.counts.total) })
      .waitFor();
    for (const key of ['topSecret', 'secret', 'confidential', 'produced', 'carriedOver', 'inForceAtYearEnd'])
      assert.equal(
        Number(await total.getByTestId(`stats-cell-${key}`).textContent()),
        involved.total.counts[key],
        `合计 ${key}`,
      );
    assert.match((await total.textContent()) ?? '', /^合计/);
    await d.getByTestId('stats-chart').filter({ hasText: '科技处' }).waitFor();

    await d.getByRole('tab', { name: '产生国家秘密情况年度统计表' }).click();
    await d
      .getByTestId('stats-total')
      .getByTestId('stats-cell-total')
      .filter({ hasText: String(produced.total.counts.total) })
      .waitFor();
    await h.shot(d, '35-designation-stats');

    const href = await d.getByTestId('stats-export-xlsx').getAttribute('href');
    assert.equal(href, `/api/designation/stats/produced/export?year=${YEAR}&format=xlsx`);
    const xlsx = await d.request.get(href!);
    assert.equal(xlsx.status(), 200);
    assert.match(xlsx.headers()['content-type'] ?? '', /spreadsheetml/);
  });

  test('R-DES-08 即将到期 on the 年度审核 page: window and level kept in the address, sorting, empty state, extend from the row', async () => {
    const api = users.handler!.api;
    const make = async (title: string, days: number) => {
      const draft = await api.post<Item>('/api/designation/items', {
        title,
        basis: { catalogueEntryId: clauseSecret, text: '', grounds: NO },
        origin: 'original',
        level: 'confidential',
        period: { kind: 'days', n: days },
        issueDate: TODAY,
        knowScope: { personIds: [users.reader!.personId], departmentIds: [], positions: [] },
      });
      const submitted = await api.post<Item>(`/api/designation/items/${draft.id}/submit`, {});
      await approveByApi(submitted.approvalId!);
      return draft.id;
    };
    const soon = await make('季度调度会议纪要', 20);
    await make('年度项目储备清单', 60);

    const o = await signIn('officer');
    await openMenu(o, '年度审核');
    const table = o.getByTestId('expiring-table');
    // the default window (90 days) holds both, soonest first
    await table.locator('tr', { hasText: '年度项目储备清单' }).waitFor();
    const rows = table.locator('tbody tr.ant-table-row');
    assert.match((await rows.first().textContent()) ?? '', /季度调度会议纪要/);
    await h.shot(o, '36-designation-expiring');
    // 30 days: only the first; the choice is in the address and survives a reload
    await o.getByTestId('expiring-window').getByText('30 天内').click();
    await o.waitForURL(/x\.window=30/);
    await table.locator('tr', { hasText: '年度项目储备清单' }).waitFor({ state: 'detached' });
    await o.reload();
    await table.locator('tr', { hasText: '季度调度会议纪要' }).waitFor();
    assert.equal(await table.locator('tr', { hasText: '年度项目储备清单' }).count(), 0);
    // a level with nothing in the window: the empty state says no match
    await pick(o, o.getByTestId('expiring-level'), '绝密');
    await o.waitForURL(/x\.level=top_secret/);
    await table.getByText('没有符合条件的记录').waitFor();
    await o.getByTestId('designation-expiring-reset').click();
    // sorting by title, kept in the address
    await table.getByRole('columnheader', { name: '事项名称' }).click();
    await o.waitForURL(/x\.sort=title/);
    // extend from the row: the change form opens on 延长保密期限
    await o.getByTestId(`expiring-extend-${soon}`).click();
    const modal = o.getByTestId('change-modal');
    await modal.getByTestId('period-n').fill('90');
    await modal.getByTestId('change-reason').fill('工作尚未结束，延长保密期限');
    await o.locator('.ant-modal-footer .ant-btn-primary').click();
    await toast(o, '申请已提交审批');
  });

  test('R-DES-07 a change raising the level above the authority is sent up from the change form', async () => {
    const p = await signIn('handler');
    await p.goto(`/designation/items/${first.id}`);
    await p.getByTestId('item-propose').click();
    const modal = p.getByTestId('change-modal');
    await modal.getByTestId('change-level').getByText('绝密', { exact: true }).click();
    await modal.getByTestId('change-reason').fill('汇总后涉及全省重大布局，应提高为绝密');
    await modal.getByTestId('change-escalate').click();
    await p.locator('.ant-modal-footer .ant-btn-primary').click();
    await toast(p, '申请已提交审批');
    await p
      .getByTestId('item-escalations')
      .filter({ hasText: `报送：${PROVINCE}` })
      .waitFor();
  });
});
