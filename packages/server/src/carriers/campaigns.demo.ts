// The demo's finished inventory (R-CAR-09): the secrecy officer inventories the 保密办公室's carriers;
// all are found except one medium, confirmed missing — a leak incident with its 24-hour deadline is
// opened (R-INC-01) — and the campaign is closed. Through the real use cases (audited as in production).
import type { Actor } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { closeCampaign, confirmItem, openCampaign } from './campaigns.ts';

export async function seedDemoCampaign(
  sql: Sql,
  officer: { actor: Actor; caller: Caller },
  departmentId: string,
  missingCarrierId: string,
): Promise<void> {
  const { actor, caller } = officer;
  const g = await openCampaign(sql, actor, caller, {
    kind: 'inventory',
    title: '2026年度涉密载体清查（保密办公室）',
    scope: 'department',
    departmentId,
    note: '按年度保密自查自评要求，逐件核对台账与实物',
  });
  for (const it of g.items) {
    const missing = it.carrierId === missingCarrierId;
    await confirmItem(sql, actor, caller, g.id, it.carrierId, {
      result: missing ? 'missing' : 'found',
      ...(missing ? { note: '保密柜及各处室均未找到，已组织查找' } : {}),
    });
  }
  await closeCampaign(sql, actor, caller, g.id);
}
