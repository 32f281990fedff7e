// R-CAR-09 清查清退 (inventory and recall campaigns): the secrecy officer opens a campaign over a scope;
// the carriers in scope and the person answering for each are frozen at opening; each is confirmed
// found, missing or damaged once; a missing one starts a leak incident at once (R-INC-01, through the
// incidents module); a recall brings what is found back to the registry; the campaign closes only when
// every carrier is confirmed. Pure rules; the server locks, writes and audits.
import { allowed, refused, type Verdict } from '../access/verdict.ts';
import type { RuleViolation } from '../errors.ts';
import { chinaTime } from '../incidents/incidents.ts';
import { type CarrierStatus, FINAL_CARRIER_STATUSES } from './enums.ts';
import type { InventoryResult } from './rules.ts';
import type { CarrierEvent } from './state.ts';

const L = (zh: string, en: string) => ({ zh, en });

/** 清查 (inventory: confirm every carrier is where the books say) or 清退 (recall: bring them back). */
export const CAMPAIGN_KINDS = ['inventory', 'recall'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, { zh: string; en: string }> = {
  inventory: L('清查', 'Inventory'),
  recall: L('清退', 'Recall'),
};

/** What a campaign covers: every carrier, one department's, one level's, or one document's copies. */
export const CAMPAIGN_SCOPES = ['all', 'department', 'level', 'batch'] as const;
export type CampaignScope = (typeof CAMPAIGN_SCOPES)[number];
export const CAMPAIGN_SCOPE_LABELS: Record<CampaignScope, { zh: string; en: string }> = {
  all: L('全部载体', 'All carriers'),
  department: L('按部门', 'One department'),
  level: L('按密级', 'One level'),
  batch: L('按分发批次', 'One distribution batch'),
};

export const CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, { zh: string; en: string }> = {
  open: L('进行中', 'Open'),
  closed: L('已结束', 'Closed'),
};

export const INVENTORY_RESULT_LABELS: Record<InventoryResult, { zh: string; en: string }> = {
  found: L('在位', 'Found'),
  missing: L('缺失', 'Missing'),
  damaged: L('损坏', 'Damaged'),
};

const v = (code: string, field: string, zh: string, en: string): RuleViolation => ({
  code,
  rule: 'R-CAR-09',
  field,
  zh,
  en,
});

/** R-CAR-09: a scope names what it is over — a department, a level or a batch. */
export function checkCampaignScope(s: {
  scope: CampaignScope;
  departmentId?: string | null;
  level?: string | null;
  batchId?: string | null;
}): RuleViolation[] {
  if (s.scope === 'department' && !s.departmentId)
    return [v('campaign_scope_department', 'departmentId', '按部门清查须选择部门', 'Choose the department')];
  if (s.scope === 'level' && !s.level)
    return [v('campaign_scope_level', 'level', '按密级清查须选择密级', 'Choose the level')];
  if (s.scope === 'batch' && !s.batchId)
    return [
      v('campaign_scope_batch', 'batchId', '按分发批次清退须选择批次', 'Choose the distribution batch'),
    ];
  return [];
}

/** R-CAR-09 with R-CAR-07/08: destroyed and handed-over carriers are off the books and not in scope. */
export function inCampaignScope(status: CarrierStatus): boolean {
  return !FINAL_CARRIER_STATUSES.includes(status);
}

/** R-CAR-09: a campaign that finds nothing to check is refused (nothing to freeze). */
export function checkCampaignNotEmpty(count: number): RuleViolation[] {
  return count > 0
    ? []
    : [v('campaign_empty', 'scope', '该范围内没有需要清查的载体', 'There are no carriers in this scope')];
}

export interface CampaignItemState {
  result: InventoryResult | null;
  confirmedAt: Date | null;
  confirmedByName?: string | null;
}

/**
 * R-CAR-09: one confirmation per carrier per campaign, while the campaign is open. A second one (two
 * people confirming at once, or a stale page) is a conflict naming the result already recorded.
 */
export function checkConfirmation(campaign: { status: CampaignStatus }, item: CampaignItemState): Verdict {
  if (campaign.status !== 'open')
    return refused(
      'conflict',
      v(
        'campaign_closed',
        'status',
        '该清查已结束，不能再确认',
        'This campaign is closed; nothing more can be confirmed',
      ),
    );
  if (item.result === null) return allowed;
  const r = INVENTORY_RESULT_LABELS[item.result];
  const by = item.confirmedByName ?? '';
  const when = item.confirmedAt ? chinaTime(item.confirmedAt) : '';
  return refused(
    'conflict',
    v(
      'campaign_item_confirmed',
      'result',
      `该载体已由${by}于${when}确认为“${r.zh}”，不能重复确认`,
      `This carrier was already confirmed "${r.en}" by ${by} at ${when}`,
    ),
  );
}

/** R-CAR-09: who confirms: the person answering for the carrier (frozen at opening) or the secrecy officer on his behalf. */
export function checkConfirmer(
  c: { personId: string; officer: boolean },
  item: { custodianPersonId: string },
): Verdict {
  if (c.officer || c.personId === item.custodianPersonId) return allowed;
  return refused(
    'forbidden',
    v(
      'campaign_not_custodian',
      'carrierId',
      '只有该载体的保管人（或保密员代为）可以确认清查结果',
      'Only the carrier’s custodian (or the secrecy officer on his behalf) confirms it',
    ),
  );
}

/**
 * R-CAR-09: a missing carrier found again is the registry's step, in a campaign as outside one
 * (`POST /api/carriers/:id/found`): only the secrecy officer confirms it found — the custodian who lost
 * it does not clear the loss himself.
 */
export function checkFoundAgain(
  c: { officer: boolean },
  status: CarrierStatus,
  result: InventoryResult,
): Verdict {
  if (c.officer || status !== 'missing' || result !== 'found') return allowed;
  return refused(
    'forbidden',
    v(
      'campaign_found_by_registry',
      'result',
      '该载体已登记为缺失，找回须由保密员登记',
      'The carrier is registered missing: the secrecy officer registers it found again',
    ),
  );
}

/**
 * R-CAR-09: what a confirmation does to the carrier. Missing: the carrier is marked missing (unless it
 * already is) and an incident is opened (R-INC-01). Found in a recall, confirmed by the registry (the
 * secrecy officer, who has it in hand): the carrier comes back (a loan returned, a take-out brought
 * back) — R-CAR-04: a carrier goes back to the registry, so the borrower's own confirmation says where it
 * is and leaves the return to the registry. Found when it was missing: found again. Damaged and found in
 * an inventory leave it where it is.
 */
export function confirmationEvent(
  kind: CampaignKind,
  result: InventoryResult,
  status: CarrierStatus,
  byRegistry = true,
): { event: CarrierEvent | null; opensIncident: boolean } {
  if (result === 'missing')
    return status === 'missing'
      ? { event: null, opensIncident: false }
      : { event: { kind: 'missing' }, opensIncident: true };
  if (result === 'found' && status === 'missing') return { event: { kind: 'found' }, opensIncident: false };
  if (result === 'found' && kind === 'recall' && byRegistry) {
    if (status === 'on_loan') return { event: { kind: 'return' }, opensIncident: false };
    if (status === 'taken_out') return { event: { kind: 'bring_back' }, opensIncident: false };
  }
  return { event: null, opensIncident: false };
}

/**
 * R-CAR-09: a campaign closes when every carrier in it is confirmed; one left unconfirmed keeps it open
 * (an unchecked carrier is exactly what an inventory must not leave behind).
 */
export function checkCampaignClose(c: { status: CampaignStatus; unconfirmed: number }): Verdict {
  if (c.status !== 'open')
    return refused(
      'conflict',
      v('campaign_closed', 'status', '该清查已结束', 'This campaign is already closed'),
    );
  if (c.unconfirmed === 0) return allowed;
  return refused(
    'conflict',
    v(
      'campaign_unconfirmed',
      'items',
      `尚有${c.unconfirmed}件载体未确认清查结果，不能结束清查`,
      `${c.unconfirmed} carrier(s) are not yet confirmed; the campaign cannot close`,
    ),
  );
}

/** R-CAR-09: the report's counts by result (and those not yet confirmed). */
export function campaignCounts(results: readonly (InventoryResult | null)[]) {
  const counts = { total: results.length, found: 0, missing: 0, damaged: 0, unconfirmed: 0 };
  for (const r of results) counts[r ?? 'unconfirmed'] += 1;
  return counts;
}

/** The QR label's text (printed by the label sheet, read by a scanner or the camera): BAOMI-CARRIER:<uuid>. */
export const CARRIER_LABEL_PREFIX = 'BAOMI-CARRIER:';

/** The carrier id a scanned label names, or null (tolerant of case, spaces and a scanner's trailing CR). */
export function carrierIdFromLabel(text: string): string | null {
  const m = /^\s*BAOMI-CARRIER:\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\s*$/iu.exec(
    text,
  );
  return m ? m[1]!.toLowerCase() : null;
}
