// Issue 6 §4 in the browser: a B designator opening an approval while his A is present sees 批准
// disabled, with the domain's reason in a tooltip (not a button that is then refused), and the page
// shows what is being approved — the frozen terms, marking and handler — beside the decisions.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../packages/server/src/designation/common.ts';
import { ApiClient } from '../lib/api.ts';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { login, strongPassword } from '../lib/ui.ts';

const TODAY = todayInChina();
const PASSWORD = strongPassword(7);
const NO = {
  public_must_know: false,
  work_secret: false,
  commercial_secret: false,
  personal_privacy: false,
  already_public: false,
};

describe('abilities in the browser (issue 6 §4)', { timeout: 120_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  const users: Record<string, { username: string; personId: string; api: ApiClient }> = {};
  let approvalId = '';

  before(async () => {
    h = await startHarness({ jobs: false });
    const b = h.bootstrap;
    const sys = await new ApiClient(h.url).login(b.sysadmin.username, b.sysadmin.password, strongPassword(1));
    const sec = await new ApiClient(h.url).login(b.secadmin.username, b.secadmin.password, strongPassword(2));
    const org = async (name: string, parentId: string | null, level: string, kind: string) =>
      (await sys.post<{ id: string }>('/api/orgs', { name, parentId, level, kind })).id;
    const bureau = await org('江临省国家保密局', null, 'province', 'secrecy_bureau');
    const province = await org('江临省发展和改革委员会', bureau, 'province', 'party_gov');
    const city = await org('江临市发展和改革委员会', province, 'city', 'party_gov');
    const dept = (await sys.post<{ id: string }>(`/api/orgs/${city}/departments`, { name: '科技处' })).id;
    let n = 0;
    const person = async (key: string, name: string, roles: string[], clearance: string) => {
      const p = await sys.post<{ id: string }>('/api/people', {
        orgId: city,
        departmentId: dept,
        name,
        position: '科员',
        rank: 'section',
      });
      const username = `${key}${++n}`;
      const oneTimePassword = await sys.createAccount(sec, { username, displayName: name, personId: p.id });
      await sec.put(`/api/people/${p.id}/roles`, { roles });
      await sec.put(`/api/people/${p.id}/clearance`, { clearance });
      const api = await new ApiClient(h.url).login(username, oneTimePassword, PASSWORD);
      users[key] = { username, personId: p.id, api };
    };
    await person('handler', '张承办', ['staff'], 'secret');
    await person('officer', '李保密', ['secrecy_officer'], 'top_secret');
    await person('head', '王主任', ['leader', 'designator'], 'top_secret');
    await person('ajiao', '陈A角', ['staff'], 'top_secret');
    await person('bjiao', '刘B角', ['staff'], 'top_secret');
    // The head (statutory designator) appoints A and B.
    const appoint = (personId: string, role: 'A' | 'B', k: number, partnerPersonId?: string) =>
      users.head!.api.post('/api/designation/designators', {
        personId,
        role,
        letterRef: `定密责任人授权书〔2026〕${k}号`,
        certificateNumber: `DM-${k}`,
        certificateValidUntil: addDays(TODAY, 365),
        vetted: true,
        ...(partnerPersonId ? { partnerPersonId } : {}),
      });
    await appoint(users.ajiao!.personId, 'A', 1);
    await appoint(users.bjiao!.personId, 'B', 2, users.ajiao!.personId);
    const clause = (
      await users.officer!.api.post<{ id: string }>('/api/designation/catalogue', {
        clause: '《发展改革工作国家秘密范围》第三条第（一）项',
        title: '重大项目技术方案',
        maxLevel: 'secret',
      })
    ).id;
    const item = await users.handler!.api.post<{ id: string }>('/api/designation/items', {
      title: '城市轨道交通四期工程技术方案',
      basis: { catalogueEntryId: clause, text: '涉及线路走向', grounds: NO },
      origin: 'original',
      level: 'secret',
      period: { kind: 'years', n: 5 },
      issueDate: TODAY,
      knowScope: { personIds: [], departmentIds: [dept], positions: [] },
    });
    const submitted = await users.handler!.api.post<{ approvalId: string }>(
      `/api/designation/items/${item.id}/submit`,
      {},
    );
    approvalId = submitted.approvalId;
    await users.officer!.api.post(`/api/approvals/${approvalId}/decide`, {
      decision: 'opinion',
      comment: '同意',
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

  test('R-DES-05 a B designator while A is present sees 批准 disabled with the reason; the material is shown', async () => {
    const p = await signIn('bjiao');
    await p.goto(`/approvals/${approvalId}`);
    await p.getByTestId('decide-card').waitFor();
    // What is being approved, frozen: the marking, the level, the handler.
    const material = p.getByTestId('approval-material');
    await material.getByTestId('material-marking').filter({ hasText: '机密★5年' }).waitFor();
    await material.getByTestId('material-handlerName').filter({ hasText: '张承办' }).waitFor();
    await material.getByTestId('material-basisClause').filter({ hasText: '第三条' }).waitFor();
    // 批准 is there, disabled, and says why.
    // (the test id sits on the radio's input, which antd hides behind its label)
    const approve = p.getByTestId('decision-approve');
    await approve.waitFor({ state: 'attached' });
    assert.equal(await approve.isDisabled(), true);
    const label = p.getByTestId('decision-choice').locator('label').filter({ has: approve });
    assert.equal((await label.textContent())?.trim(), '批准');
    const holder = p.locator('[data-reason]').filter({ has: approve });
    const reason = (await holder.getAttribute('data-reason')) ?? '';
    assert.match(reason, /A角.*没有登记为不能履行职责，B角不能定密/);
    await holder.hover();
    await p.locator('.ant-tooltip').filter({ hasText: 'B角不能定密' }).waitFor();
    assert.equal(await p.getByTestId('decision-submit').isDisabled(), true);
    await h.shot(p, '60-abilities-b-designator');

    // A, present, may approve: the same choice is enabled for him.
    const a = await signIn('ajiao');
    await a.goto(`/approvals/${approvalId}`);
    await a.getByTestId('decision-approve').waitFor({ state: 'attached' });
    assert.equal(await a.getByTestId('decision-approve').isDisabled(), false);
    assert.equal(await a.locator('[data-reason]').count(), 0);
  });
});
