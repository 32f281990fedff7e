// 涉密人员 — one person's whole life as a classified person, in the browser, in Chinese (issue 11): the
// secrecy officer puts 李承志 on his first classified post (重要) from the ledger and registers his
// vetting (有效); prints and registers his on-post commitment (R-PER-03); records a training session he
// attended (R-PER-04) and his page shows the hours; 李承志 himself applies for a private trip abroad
// (R-PER-06a), the officer registers the briefing (保密提醒), HR, 保密办 and the leader decide on the
// shared approval page, the trip is approved and the register of major matters shows the implied
// 因私出国（境） (R-PER-05); after the trip he files his return report and the officer notes it; the
// officer starts his leaving from his page, completes the checklist and registers the leader's
// approval (R-PER-06): the 脱密期 (重要 → 2 years) shows on his page and on the watch list; a new trip
// applied for in the 脱密期 is refused (the default exit policy refuses), naming the period and its end.
// Set up through the API: the organisation, its departments (人事科 with the HR function for
// EXIT_FLOW's HR step), the people, their roles and accounts — not the capability under test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, addMonths } from '@baomi/domain';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../packages/server/src/kit/today.ts';
import { ApiClient } from '../lib/api.ts';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { clickAndSee, login, pick, save, strongPassword, toast } from '../lib/ui.ts';

const PASSWORD = strongPassword(7);
const TODAY = todayInChina();

interface User {
  username: string;
  personId: string;
}

describe('personnel: one classified person from vetting to the 脱密期, in the browser', {
  timeout: 300_000,
}, () => {
  let h: Harness;
  reportFailures(() => h);
  const users: Record<string, User> = {};
  const pages: Record<string, Page> = {};

  before(async () => {
    h = await startHarness({ jobs: false });
    const b = h.bootstrap;
    const sys = await new ApiClient(h.url).login(b.sysadmin.username, b.sysadmin.password, strongPassword(1));
    const sec = await new ApiClient(h.url).login(b.secadmin.username, b.secadmin.password, strongPassword(2));
    const org = (
      await sys.post<{ id: string }>('/api/orgs', {
        name: '江临市住房和城乡建设局',
        parentId: null,
        level: 'city',
        kind: 'party_gov',
      })
    ).id;
    const dept = async (name: string) =>
      (await sys.post<{ id: string }>(`/api/orgs/${org}/departments`, { name })).id;
    const plan = await dept('城建规划科');
    const hr = await dept('人事科');
    // EXIT_FLOW's first step goes to the head of the department with the HR function (as the exit
    // part's own browser test sets it up; the organisation console has no field for it yet).
    await h.db.query(`UPDATE department SET function = 'hr' WHERE id = $1`, [hr]);
    let n = 0;
    const person = async (key: string, departmentId: string, name: string, roles: string[]) => {
      const p = await sys.post<{ id: string }>('/api/people', {
        orgId: org,
        departmentId,
        name,
        position: '科员',
        rank: 'section',
      });
      const username = `${key}${++n}`;
      const oneTime = await sys.createAccount(sec, { username, displayName: name, personId: p.id });
      await sec.put(`/api/people/${p.id}/roles`, { roles });
      await sec.put(`/api/people/${p.id}/clearance`, { clearance: 'secret' });
      await new ApiClient(h.url).login(username, oneTime, PASSWORD);
      users[key] = { username, personId: p.id };
    };
    await person('li', plan, '李承志', ['staff']);
    await person('officer', plan, '吴保密', ['secrecy_officer']);
    await person('hr', hr, '郑人事', ['department_head']);
    await person('leader', plan, '王局长', ['leader']);
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
  const personUrl = () => `/personnel/${users.li!.personId}`;

  test('1. the first classified post from the ledger, and the vetting: 有效', async () => {
    const o = await signIn('officer');
    pages.officer = o;
    await o.goto('/personnel');
    await o.getByTestId('add-person').click();
    const add = o.getByTestId('add-person-modal');
    await pick(o, add.getByTestId('f-person'), /李承志/);
    await add.getByTestId('f-postName').fill('城建规划审核');
    await pick(o, add.getByTestId('f-personClass'), '重要涉密人员');
    await save(o);
    await o.waitForURL(new RegExp(`${personUrl()}$`));
    await toast(o, '已登记');
    await o.getByTestId('posts').getByText('城建规划审核').waitFor();
    await o.getByTestId('person-header').getByText('未审查').waitFor();

    await o.getByTestId('act-vetting').click();
    const v = o.getByTestId('core-modal');
    await v.getByTestId('f-reviewer').fill('本局保密委员会');
    await pick(o, v.getByTestId('f-clearance'), '机密');
    await save(o);
    await o.getByTestId('vettings').getByText('本局保密委员会').waitFor();
    await o.getByTestId('person-header').getByTestId('vetting-state').filter({ hasText: '有效' }).waitFor();
    await h.shot(o, 'chain-1-vetted');
  });

  test('2. the on-post commitment: printed (a PDF), registered as signed', async () => {
    const o = pages.officer!;
    await o.goto(personUrl());
    const section = o.getByTestId('section-leaving');
    const due = section.getByTestId('commitments-due').locator('tr', { hasText: '（上岗）' });
    await due.getByText('城建规划审核').waitFor();
    const href = await due.getByTestId('commitment-print').getAttribute('href');
    assert.match(href ?? '', /kind=on_post/);
    const pdf = await o.request.get(`${h.url}${href}`);
    assert.equal(pdf.status(), 200);
    assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');
    await due.getByTestId('commitment-register').click();
    await save(o);
    await toast(o, '已登记签订');
    await section
      .getByTestId('commitments-signed')
      .locator('tr', { hasText: '（上岗）' })
      .getByText(TODAY)
      .waitFor();
    assert.equal(
      await section.getByTestId('commitments-due').locator('tr', { hasText: '（上岗）' }).count(),
      0,
    );
    await h.shot(o, 'chain-2-commitment');
  });

  test('3. a training session he attended: his page shows the hours', async () => {
    const o = pages.officer!;
    await o.goto('/personnel/training');
    await o.getByTestId('session-new').click();
    const m = o.getByTestId('session-modal');
    await m.getByTestId('f-topic').fill('涉密人员岗前保密教育');
    await m.getByTestId('f-trainer').fill('市保密局宣教科');
    await pick(o, m.getByTestId('f-attendees'), '李承志');
    await m.getByTestId('f-topic').click(); // closes the (multiple) dropdown
    await save(o);
    await o.getByTestId('sessions-table').getByText('涉密人员岗前保密教育').waitFor();
    await o.getByTestId('sessions-table').getByText('1人').waitFor();

    await o.goto(personUrl());
    const section = o.getByTestId('training-section');
    await section.getByText('涉密人员岗前保密教育').waitFor();
    // 2 class hours attended (the session's default) of the year's minimum.
    await section.getByText(/^2\/\d+$/).waitFor();
    await h.shot(o, 'chain-3-training');
  });

  test('4. a private trip: briefing, HR, 保密办 and the leader decide; approved; the implied major matter', async () => {
    const p = await signIn('li');
    pages.li = p;
    await p.goto('/personnel/exits');
    await p.getByTestId('exit-apply').click();
    const form = p.getByTestId('exit-form');
    await form.getByTestId('f-destination').fill('日本东京');
    const dates = form.locator('.ant-picker-range input');
    await dates.nth(0).click();
    await dates.nth(0).fill(addDays(TODAY, 20));
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(addDays(TODAY, 26));
    await dates.nth(1).press('Enter');
    await form.getByTestId('f-purpose').fill('旅游');
    await save(p);
    await p.waitForURL(/\/personnel\/exits\/[0-9a-f-]{36}$/);
    const exitId = p.url().split('/').at(-1)!;
    await p.getByTestId('exit-status').filter({ hasText: '审批中' }).waitFor();
    const approvalHref = await p.getByTestId('exit-approval').getAttribute('href');
    assert.match(approvalHref ?? '', /^\/approvals\/[0-9a-f-]{36}$/);

    // The secrecy officer registers the briefing (every topic, signed) on the application's page.
    const o = pages.officer!;
    await o.goto(`/personnel/exits/${exitId}`);
    await o.getByTestId('exit-brief').click();
    await o.getByTestId('briefing-form').getByTestId('f-signed').waitFor();
    await save(o);
    await o
      .getByTestId('exit-briefed')
      .getByText(/已有覆盖本次行程的保密提醒/)
      .waitFor();

    // The three steps of EXIT_FLOW, each in the browser on the shared approval page.
    const decide = async (page: Page, decision: '提出意见' | '批准', comment: string) => {
      await page.goto(approvalHref!);
      await page.getByTestId('decide-card').waitFor();
      await page.getByTestId('decision-choice').getByText(decision, { exact: true }).click();
      await page.getByTestId('decision-comment').fill(comment);
      await clickAndSee(page, page.getByTestId('decision-submit'));
      await page.getByTestId('approval-steps').getByText(comment).waitFor();
    };
    const hr = await signIn('hr');
    await decide(hr, '提出意见', '人事科同意，经查无不宜出境情形');
    await decide(o, '提出意见', '已进行行前保密提醒，同意');
    const leader = await signIn('leader');
    await decide(leader, '批准', '同意因私出国');
    await leader.getByTestId('approval-status').filter({ hasText: '已批准' }).waitFor();
    await h.shot(leader, 'chain-4-approval');

    await p.reload();
    await p.getByTestId('exit-status').filter({ hasText: '已批准' }).waitFor();
    await p.getByTestId('exit-implied').waitFor();
    // The register of major matters lists the trip as a 因私出国（境） matter of his.
    await o.goto('/personnel/matters');
    await o
      .getByTestId('matters-table')
      .locator('tr', { hasText: '李承志' })
      .getByText('因私出国（境）')
      .waitFor();
    await h.shot(o, 'chain-4-matters');
  });

  test('5. after the trip: his return report, noted by the officer', async () => {
    const p = pages.li!;
    const exitId = p.url().split('/').at(-1)!;
    // An application must depart in the future, so a trip cannot be applied for with dates already
    // past; time passing is simulated by moving the approved trip's dates into the past.
    await h.db.query(`UPDATE personnel_exit SET depart_on = $2, return_on = $3 WHERE id = $1`, [
      exitId,
      addDays(TODAY, -12),
      addDays(TODAY, -5),
    ]);
    await p.reload();
    await p.getByTestId('f-report').fill('行程顺利，未携带涉密载体，未发生被盘问、策反等情况。');
    await p.getByTestId('exit-file-report').click();
    await p
      .getByTestId('exit-report-text')
      .getByText(/行程顺利/)
      .waitFor();

    const o = pages.officer!;
    await o.goto(`/personnel/exits/${exitId}`);
    await o.getByTestId('exit-note-report').click();
    await o.getByText(/阅知人：吴保密/).waitFor();
    await h.shot(o, 'chain-5-report');
  });

  test('6. leaving the post: the checklist, the leader’s approval, the 脱密期 (重要 → 2 years)', async () => {
    const o = pages.officer!;
    // A second tab of the officer's, left open on his page: its "start leaving" is stale once the
    // first tab has started it.
    const stale = await o.context().newPage();
    await stale.goto(personUrl());
    await stale.getByTestId('section-leaving').getByTestId('start-leaving').waitFor();
    await o.goto(personUrl());
    await o.getByTestId('section-leaving').getByTestId('start-leaving').click();
    await o.getByTestId('f-reason').fill('调往非涉密岗位');
    await save(o);
    await o.waitForURL(/\/personnel\/leavings\/[0-9a-f-]{36}$/);
    // The stale tab is refused with a message saying so (409), and nothing else happens.
    await stale.getByTestId('section-leaving').getByTestId('start-leaving').click();
    await save(stale);
    await toast(stale, /城建规划审核.*离岗手续已在办理/);
    await stale.close();

    await o.getByTestId('item-talk').click();
    await o.getByTestId('leaving-item-modal').getByTestId('f-by').fill('保密办吴保密');
    await save(o);
    await o.getByTestId('check-reminder_talk').and(o.locator('[data-done="yes"]')).waitFor();
    await o.getByTestId('item-devices').click();
    await save(o);
    await o.getByTestId('check-devices_returned').and(o.locator('[data-done="yes"]')).waitFor();
    await o.getByTestId('item-access').click();
    await save(o);
    await o.getByTestId('check-access_revoked').and(o.locator('[data-done="yes"]')).waitFor();
    await o.getByTestId('item-exit').click();
    await save(o);
    await o.getByTestId('check-exit_commitment').and(o.locator('[data-done="yes"]')).waitFor();

    await o.getByTestId('leaving-approve').click();
    await o.getByTestId('approve-modal').getByTestId('f-approverName').fill('王局长');
    await save(o);
    const end = addMonths(TODAY, 24);
    await o
      .getByTestId('leaving-cooling')
      .filter({ hasText: `${TODAY} 至 ${end}` })
      .waitFor();
    await h.shot(o, 'chain-6-leaving');

    await o.goto(personUrl());
    await o
      .getByTestId('person-cooling-off')
      .filter({ hasText: `${TODAY} 至 ${end}` })
      .waitFor();
    await o.getByTestId('section-leaving').getByTestId('commitments-signed').getByText('离岗离职').waitFor();
    await h.shot(o, 'chain-6-person');
    await o.goto('/personnel/cooling-off');
    await o.getByTestId('cooling-off-table').locator('tr', { hasText: '李承志' }).getByText(end).waitFor();
  });

  test('7. a new trip in the 脱密期 is refused, naming the period and its end', async () => {
    const p = pages.li!;
    await p.goto('/personnel/exits');
    await p.getByTestId('exit-apply').click();
    const form = p.getByTestId('exit-form');
    await form.getByTestId('f-destination').fill('新加坡');
    const dates = form.locator('.ant-picker-range input');
    await dates.nth(0).click();
    await dates.nth(0).fill(addDays(TODAY, 30));
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(addDays(TODAY, 35));
    await dates.nth(1).press('Enter');
    await form.getByTestId('f-purpose').fill('探亲');
    await save(p);
    const end = addMonths(TODAY, 24);
    // The refusal shows under the trip's dates (the range field), naming the period and its end.
    await form
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: `行程处于脱密期内（${TODAY}至${end}）` })
      .waitFor();
    // Nothing was written: still his one (approved) trip, and the page did not move on.
    assert.match(p.url(), /\/personnel\/exits$/);
    const trips = await h.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM personnel_exit WHERE person_id = $1',
      [users.li!.personId],
    );
    assert.equal(trips.rows[0]!.n, 1);
    await h.shot(p, 'chain-7-refused');
  });
});
