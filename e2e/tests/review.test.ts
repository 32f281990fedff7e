// 保密审查 in the browser (R-REV-01, R-REV-02): the requester files a request, uploads a file (the
// engine reads it at once: the term and the copy number highlighted in context, by paragraph) and
// submits; the secrecy officer finds it in his todos, reads the report and releases it; a request whose
// file carries a 机密 marking cannot be released (the button says why), only refused.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ApiClient } from '../lib/api.ts';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { clickAndSee, login, pick, save, strongPassword, toast } from '../lib/ui.ts';

const PASSWORD = strongPassword(8);

describe('review (保密审查) in the browser', { timeout: 200_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  let dir = '';
  const users = { officer: 'liubm', requester: 'chenxc', head: 'wangkz' };
  let headApi: ApiClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baomi-review-e2e-'));
    h = await startHarness({ jobs: false });
    const b = h.bootstrap;
    const sys = await new ApiClient(h.url).login(b.sysadmin.username, b.sysadmin.password, strongPassword(1));
    const sec = await new ApiClient(h.url).login(b.secadmin.username, b.secadmin.password, strongPassword(2));
    const org = (
      await sys.post<{ id: string }>('/api/orgs', {
        name: '江临市科技局',
        parentId: null,
        level: 'city',
        kind: 'party_gov',
      })
    ).id;
    const dept = (await sys.post<{ id: string }>(`/api/orgs/${org}/departments`, { name: '宣传科' })).id;
    const person = async (name: string, username: string, roles: string[]) => {
      const p = await sys.post<{ id: string }>('/api/people', {
        orgId: org,
        departmentId: dept,
        name,
        position: '科员',
        rank: 'section',
      });
      const oneTime = await sys.createAccount(sec, { username, displayName: name, personId: p.id });
      await sec.put(`/api/people/${p.id}/roles`, { roles });
      await sec.put(`/api/people/${p.id}/clearance`, { clearance: 'secret' });
      return new ApiClient(h.url).login(username, oneTime, PASSWORD);
    };
    const officer = await person('刘保密', users.officer, ['secrecy_officer']);
    await person('陈宣传', users.requester, ['staff']);
    headApi = await person('王科长', users.head, ['department_head']);
    await officer.post('/api/review/terms/import', {
      text: '天穹工程\t项目代号\t高\n内部试验基地\t地点\t中',
    });
  });
  after(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(username: string): Promise<Page> {
    const { page } = await h.newPage();
    await login(page, username, PASSWORD);
    await page.waitForURL(/\/home$/);
    return page;
  }

  async function newRequest(p: Page, title: string, file: string, purpose = '新闻宣传') {
    await p.goto('/review');
    await p.getByTestId('review-new').click();
    const modal = p.getByTestId('review-create-modal');
    await modal.getByTestId('f-review-title').fill(title);
    await pick(p, modal.getByTestId('f-review-purpose'), purpose);
    await save(p);
    await p.waitForURL(/\/review\/[0-9a-f-]{36}$/);
    await p.locator('input[type="file"]').setInputFiles(file);
    await toast(p, '已上传并完成检查');
  }

  test('upload → report with the hit in context → submit → the officer releases it', async () => {
    const file = join(dir, '新闻稿.txt');
    writeFileSync(file, '本局召开科技工作会议。\n会上介绍了天穹工程的总体进展。\n欢迎媒体报道。\n');
    const p = await signIn(users.requester);
    await newRequest(p, '科技工作会议新闻稿', file);
    const hit = p.getByTestId('review-hit').first();
    await hit.waitFor();
    assert.equal(await hit.locator('mark').textContent(), '天穹工程');
    assert.match((await hit.textContent()) ?? '', /介绍了天穹工程的总体进展/);
    assert.match((await p.getByTestId('review-file').textContent()) ?? '', /第2行/);
    assert.match((await p.getByTestId('review-sm3').textContent()) ?? '', /^[0-9a-f]{64}$/);
    await p.getByTestId('review-submit').click();
    await toast(p, '已提交审查');
    await p.getByTestId('review-state').filter({ hasText: '待审查' }).waitFor();
    const url = p.url();

    const o = await signIn(users.officer);
    await o.goto('/home');
    await o
      .getByText(/保密审查待审：.*科技工作会议新闻稿/)
      .first()
      .click();
    await o.waitForURL(url);
    await o.getByTestId('review-hit').first().locator('mark').waitFor();
    await o.getByTestId('review-release').click();
    const modal = o.getByTestId('review-decide-modal');
    await modal.getByTestId('f-review-comments').fill('项目代号已公开报道，同意发布');
    await clickAndSee(o, modal.getByRole('button', { name: /同意发布/ }));
    await toast(o, '已作出审查结论');
    await o.getByTestId('review-state').filter({ hasText: '同意发布' }).waitFor();
    await o.goto('/review?state=released');
    await o.getByTestId('review-table').getByText('科技工作会议新闻稿').waitFor();
  });

  test('R-REV-02 a file with a 机密 marking: release refused with the reason, refusing recorded', async () => {
    const file = join(dir, '讲话稿.txt');
    writeFileSync(file, '机密★5年\n关于内部试验基地的讲话稿\n');
    const p = await signIn(users.requester);
    await newRequest(p, '外事活动讲话稿', file);
    await p.getByTestId('review-marked').filter({ hasText: '机密' }).waitFor();
    await p.getByTestId('review-submit').click();
    await toast(p, '已提交审查');
    const url = p.url();

    const o = await signIn(users.officer);
    await o.goto(url);
    await o.getByTestId('review-marked').waitFor();
    const release = o.getByTestId('review-release');
    assert.equal(await release.isDisabled(), true);
    const reason = await o.locator('[data-reason]').filter({ has: release }).getAttribute('data-reason');
    assert.match(reason ?? '', /讲话稿\.txt.*机密/u);
    await o.getByTestId('review-refuse').click();
    const modal = o.getByTestId('review-decide-modal');
    await modal.getByTestId('f-review-comments').fill('含机密标志，不同意发布');
    await clickAndSee(o, modal.getByRole('button', { name: /不同意/ }));
    await toast(o, '已作出审查结论');
    await o.getByTestId('review-state').filter({ hasText: '不同意发布' }).waitFor();
  });

  test('R-FOR-07 a speech about a foreign activity: the department head first, then the secrecy office', async () => {
    const file = join(dir, '出访讲话稿.txt');
    writeFileSync(file, '在国际交流会议上的讲话。\n介绍本市科技创新政策。\n');
    const p = await signIn(users.requester);
    await newRequest(p, '国际交流会议讲话稿', file, '涉外论文、讲话、新闻稿');
    await p.getByTestId('review-submit').click();
    await toast(p, '已提交审查');
    await p.getByTestId('review-chain').filter({ hasText: '部门负责人' }).waitFor();
    const url = p.url();
    const id = url.split('/').pop()!;

    const o = await signIn(users.officer);
    await o.goto(url);
    await o.getByTestId('review-chain').waitFor();
    const release = o.getByTestId('review-release');
    assert.equal(await release.isDisabled(), true);
    const reason = await o.locator('[data-reason]').filter({ has: release }).getAttribute('data-reason');
    assert.match(reason ?? '', /部门负责人/u);
    // The department head approves in the approvals mechanism; then the officer releases.
    const detail = await headApi.get<{ approval: { id: string } }>(`/api/review/${id}`);
    await headApi.post(`/api/approvals/${detail.approval.id}/decide`, {
      decision: 'approve',
      comment: '同意送保密办审查',
    });
    await o.reload();
    await o.getByTestId('review-chain').filter({ hasText: '已批准' }).waitFor();
    await o.getByTestId('review-release').click();
    await clickAndSee(o, o.getByTestId('review-decide-modal').getByRole('button', { name: /同意发布/ }));
    await toast(o, '已作出审查结论');
    await o.getByTestId('review-state').filter({ hasText: '同意发布' }).waitFor();
  });
});
