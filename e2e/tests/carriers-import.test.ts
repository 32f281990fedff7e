// 导入涉密载体台账 in the browser (R-CAR-01, R-LVL-02/03/04): the registrar opens the import from the
// ledger, uploads a ledger whose one row has a period above the level's maximum — the preview names the
// row and the problem in Chinese and the import cannot be confirmed — then the corrected file, which is
// imported whole; the carriers are in the ledger and each one's timeline names the file and its row.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMPORT_COLUMNS } from '@baomi/domain';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../packages/server/src/designation/common.ts';
import { ApiClient } from '../lib/api.ts';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { login, strongPassword } from '../lib/ui.ts';

const PASSWORD = strongPassword(9);
const TITLE = '关于开展保密自查自评工作的通知';

async function ledger(rows: (string | null)[][]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.zh));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 标题 文号 来源 标志 份号 类型 分发类别 保管人 日期 状态 介质编号 备注 */
const row = (copy: string, marking: string) => [
  TITLE,
  '江保〔2026〕8号',
  '江临市国家保密局',
  marking,
  copy,
  '纸质文件',
  '县团级',
  '',
  todayInChina(),
  '在册',
  '',
  '',
];

describe('carrier ledger import in the browser', { timeout: 200_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  let username = '';

  before(async () => {
    h = await startHarness({ jobs: false });
    const b = h.bootstrap;
    const sys = await new ApiClient(h.url).login(b.sysadmin.username, b.sysadmin.password, strongPassword(1));
    const sec = await new ApiClient(h.url).login(b.secadmin.username, b.secadmin.password, strongPassword(2));
    const org = (
      await sys.post<{ id: string }>('/api/orgs', {
        name: '江临市审计局',
        parentId: null,
        level: 'city',
        kind: 'party_gov',
      })
    ).id;
    const dept = (await sys.post<{ id: string }>(`/api/orgs/${org}/departments`, { name: '办公室' })).id;
    const p = await sys.post<{ id: string }>('/api/people', {
      orgId: org,
      departmentId: dept,
      name: '周登记',
      position: '保密员',
      rank: 'section',
    });
    username = 'importer1';
    const oneTime = await sys.createAccount(sec, { username, displayName: '周登记', personId: p.id });
    await sec.put(`/api/people/${p.id}/roles`, { roles: ['secrecy_officer'] });
    await sec.put(`/api/people/${p.id}/clearance`, { clearance: 'secret' });
    await new ApiClient(h.url).login(username, oneTime, PASSWORD);
  });
  after(async () => {
    await h?.close();
  });

  async function signIn(): Promise<Page> {
    const { page } = await h.newPage();
    await login(page, username, PASSWORD);
    await page.waitForURL(/\/home$/);
    return page;
  }

  test('a preview error blocks the import; the corrected file is imported whole', async () => {
    const p = await signIn();
    await p.goto('/carriers');
    await p.getByTestId('carrier-import').click();
    await p.waitForURL(/\/carriers\/import$/);
    const input = p.locator('input[type=file]');
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

    // Row 3: 秘密 for 11 years — above the level's maximum (R-LVL-02).
    await input.setInputFiles({
      name: '旧台账.xlsx',
      mimeType: xlsx,
      buffer: await ledger([row('000001', '秘密★5年'), row('000002', '秘密★11年')]),
    });
    const summary = p.getByTestId('import-summary');
    await summary.filter({ hasText: '有错误 1 行' }).waitFor();
    await p
      .getByTestId('import-row-errors')
      .filter({ hasText: /最长为10年/ })
      .waitFor();
    assert.equal(await p.getByTestId('import-confirm').isDisabled(), true);

    // The corrected file: both rows valid, then imported.
    await input.setInputFiles({
      name: '旧台账（改正）.xlsx',
      mimeType: xlsx,
      buffer: await ledger([row('000001', '秘密★5年'), row('０００００２', '秘密 ★ 10 年')]),
    });
    await summary.filter({ hasText: '有错误 0 行' }).waitFor();
    await p.getByTestId('import-confirm').click();
    await p.getByTestId('import-done').filter({ hasText: '已导入 2 件涉密载体' }).waitFor();

    // In the ledger; ticking a row turns the label button to the selection (R-CAR-09).
    await p.goto('/carriers');
    await p.getByTestId('carrier-link').first().waitFor();
    await p.getByTestId('carrier-table').locator('tr.ant-table-row').first().locator('.ant-checkbox').click();
    const labels = p.getByTestId('carrier-labels');
    await labels.filter({ hasText: '已选 1 件' }).waitFor();
    assert.match((await labels.getAttribute('href')) ?? '', /\/api\/carriers\/labels\?ids=[0-9a-f-]{36}$/);
    // The timeline names the file and the row.
    await p.getByTestId('carrier-link').filter({ hasText: TITLE }).first().click();
    await p.waitForURL(/\/carriers\/[0-9a-f-]{36}$/);
    await p.getByText(/台账导入：旧台账（改正）\.xlsx 第[23]行/).waitFor();
    await p.getByTestId('act-labels').waitFor();
  });
});
