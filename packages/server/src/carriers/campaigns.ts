// 清查清退 use cases (R-CAR-09): the secrecy officer opens a campaign over a scope and the list of
// carriers and the people answering for them is frozen; each is confirmed found / missing / damaged once
// (two confirmations at once: the second is 409 naming the first); a missing carrier is marked missing
// and a leak incident is opened at once through the incidents module (R-INC-01); a recall brings what is
// found back to the registry; the campaign closes when everything is confirmed; the report counts
// results and lists discrepancies. Every change and every read of a campaign is audited.
import type * as C from '@baomi/api/carriers/campaigns.ts';
import {
  abilityOf,
  type CampaignStatus,
  type CarrierEvent,
  type CarrierState,
  campaignCounts,
  canRegisterStep,
  carrierMarkingText,
  checkCampaignClose,
  checkCampaignNotEmpty,
  checkCampaignScope,
  checkConfirmation,
  checkConfirmer,
  checkFoundAgain,
  confirmationEvent,
  describeCarrierState,
  enforce,
  firstRefusal,
  formatCopyNumber,
  hiddenRecord,
  invalid,
  nextCarrierState,
  notFound,
  type Period,
  type RuleViolation,
  type Verdict,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { type Caller, roleVerdict } from '../http/policy.ts';
import { openIncident } from '../incidents/service.ts';
import {
  batchInOrg,
  type CampaignItemRow,
  type CampaignRow,
  type CountFilter,
  campaignItems,
  closeCampaignRow,
  freezeItems,
  getCampaign,
  getCampaignItem,
  insertCampaign,
  listCampaignRows,
  setItemResult,
} from './campaigns.queries.ts';
import { carrierPolicy, stateOf } from './policy.ts';
import type { CarrierRow } from './queries.ts';
import { departmentsOfOrg, getCarrier } from './queries.ts';
import { readableCarrier, toCarrier, visibility } from './read.ts';
import { writeStep } from './service.ts';

export const CAMPAIGN = { zh: '清查清退', en: 'Inventory campaign' };

const refuse = (violations: readonly RuleViolation[]): void => {
  if (violations.length > 0)
    throw invalid(violations[0]!, violations.length > 1 ? [...violations] : undefined);
};

const isOfficer = (c: Caller) => c.roles.includes('secrecy_officer');
const seesAll = (c: Caller) => isOfficer(c) || c.roles.includes('leader');

/** The campaign of the caller's organisation, or the same 404 as an unknown id. */
async function campaignOf(sql: Sql, caller: Caller, id: string, lock = false): Promise<CampaignRow> {
  const g = await getCampaign(sql, id, lock);
  if (!g) throw notFound(CAMPAIGN);
  if (g.orgId !== caller.orgId) throw hiddenRecord(CAMPAIGN);
  return g;
}

const countsOf = (g: CampaignRow) => ({
  total: g.total,
  found: g.found,
  missing: g.missing,
  damaged: g.damaged,
  unconfirmed: g.unconfirmed,
});

export function campaignView(g: CampaignRow) {
  const { orgId: _o, total: _t, found: _f, missing: _m, damaged: _d, unconfirmed: _u, ...rest } = g;
  return { ...rest, counts: countsOf(g) };
}

/** The state after `event`, or the 409 naming the carrier's current state (R-CAR-01). */
function nextState(c: CarrierRow, event: CarrierEvent): CarrierState {
  const t = nextCarrierState(stateOf(c), event);
  if (!t.ok) {
    enforce(t.verdict);
    throw new Error('unreachable');
  }
  return t.state;
}

function confirmVerdict(caller: Caller, g: { status: CampaignStatus }, it: CampaignItemRow): Verdict {
  return firstRefusal(
    () => checkConfirmer({ personId: caller.personId, officer: isOfficer(caller) }, it),
    () => checkConfirmation(g, it),
  );
}

function closeVerdict(caller: Caller, g: CampaignRow): Verdict {
  return firstRefusal(
    () => roleVerdict(carrierPolicy, 'register', caller),
    () => checkCampaignClose({ status: g.status, unconfirmed: g.unconfirmed }),
  );
}

export function itemView(caller: Caller, g: { status: CampaignStatus }, it: CampaignItemRow) {
  const state = {
    status: it.status,
    holderPersonId: it.holderPersonId,
    holderName: it.holderName,
    custodianPersonId: it.carrierCustodianPersonId,
    custodianName: it.carrierCustodianName,
  };
  return {
    carrierId: it.carrierId,
    title: it.title,
    copyNumber: it.copyNumber === null ? null : formatCopyNumber(it.copyNumber),
    docNumber: it.docNumber,
    markingText: carrierMarkingText(it.level, it.marking, it.period as Period),
    level: it.level,
    departmentName: it.departmentName,
    custodianPersonId: it.custodianPersonId,
    custodianName: it.custodianName,
    statusAtOpen: it.statusAtOpen,
    status: it.status,
    statusText: describeCarrierState(state).zh,
    result: it.result,
    confirmedAt: it.confirmedAt,
    confirmedByName: it.confirmedByName,
    note: it.note,
    incidentId: it.incidentId,
    abilities: {
      confirm: abilityOf(confirmVerdict(caller, g, it)),
      found: abilityOf(
        firstRefusal(
          () => roleVerdict(carrierPolicy, 'register', caller),
          () => canRegisterStep(state, { kind: 'found' }),
        ),
      ),
    },
  };
}

/** R-CAR-09: opens a campaign and freezes its list (what the opener may read, R-PER-01). */
export async function openCampaign(sql: Sql, actor: Actor, caller: Caller, input: C.CampaignInput) {
  const scope = {
    scope: input.scope,
    departmentId: input.scope === 'department' ? (input.departmentId ?? null) : null,
    level: input.scope === 'level' ? (input.level ?? null) : null,
    batchId: input.scope === 'batch' ? (input.batchId ?? null) : null,
  };
  refuse(checkCampaignScope(scope));
  if (scope.departmentId && (await departmentsOfOrg(sql, caller.orgId, [scope.departmentId])).length === 0)
    throw notFound({ zh: '部门', en: 'Department' }, 'departmentId');
  if (scope.batchId && !(await batchInOrg(sql, caller.orgId, scope.batchId)))
    throw notFound({ zh: '分发批次', en: 'Distribution batch' }, 'batchId');
  const w = {
    orgId: caller.orgId,
    kind: input.kind,
    title: input.title.trim(),
    ...scope,
    openedByPersonId: caller.personId,
    note: input.note ?? '',
  };
  const id = await insertCampaign(sql, w);
  const n = await freezeItems(sql, id, w, visibility(caller));
  // Nothing to check: refused, and the transaction (with the campaign row) rolls back.
  refuse(checkCampaignNotEmpty(n));
  await appendAudit(sql, actor, {
    action: 'carrier.campaign_open',
    objectType: 'carrier_campaign',
    objectId: id,
    summary: { kind: input.kind, scope: input.scope, level: scope.level, count: n },
  });
  return campaignDetailOf(sql, caller, (await getCampaign(sql, id))!);
}

/** R-PER-01: the counts a caller is shown: of the items he may see on the page, never the others. */
const shownCounts = (caller: Caller): CountFilter => ({
  visible: visibility(caller),
  custodian: seesAll(caller) ? undefined : caller.personId,
});

async function campaignDetailOf(sql: Sql, caller: Caller, g: CampaignRow) {
  const rows = await campaignItems(
    sql,
    g.id,
    visibility(caller),
    seesAll(caller) ? undefined : caller.personId,
  );
  const shown = (await getCampaign(sql, g.id, false, shownCounts(caller)))!;
  return {
    ...campaignView(shown),
    items: rows.map((it) => itemView(caller, g, it)),
    abilities: {
      close: abilityOf(closeVerdict(caller, g)),
      export: abilityOf(roleVerdict(carrierPolicy, 'ledger', caller)),
    },
  };
}

/** Who may open a campaign's page: the registry and leaders, or a person answering for one of its carriers. */
async function readableCampaign(sql: Sql, caller: Caller, id: string, lock = false) {
  const g = await campaignOf(sql, caller, id, lock);
  if (seesAll(caller)) return g;
  const mine = await campaignItems(sql, g.id, visibility(caller), caller.personId);
  if (mine.length === 0) throw hiddenRecord(CAMPAIGN);
  return g;
}

/** The campaign with its items (what the caller may read) and what he may do. One audited read. */
export async function campaignDetail(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const g = await readableCampaign(sql, caller, id);
  await appendAudit(sql, actor, {
    action: 'carrier.campaign_read',
    objectType: 'carrier_campaign',
    objectId: g.id,
    summary: { kind: g.kind, status: g.status },
  });
  return campaignDetailOf(sql, caller, g);
}

export async function listCampaigns(
  sql: Sql,
  caller: Caller,
  q: { status?: CampaignStatus },
  paging: { limit: number; offset: number },
) {
  const r = await listCampaignRows(
    sql,
    caller.orgId,
    {
      status: q.status,
      custodian: seesAll(caller) ? undefined : caller.personId,
      ...paging,
    },
    shownCounts(caller),
  );
  return {
    items: r.items.map(campaignView),
    total: r.total,
    abilities: { open: abilityOf(roleVerdict(carrierPolicy, 'register', caller)) },
  };
}

/**
 * R-CAR-09: confirms one carrier of a campaign. Under the campaign's and the item's row locks: a second
 * confirmation (of the same item at once) sees the first and is refused with 409 naming it.
 */
export async function confirmItem(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  campaignId: string,
  carrierId: string,
  input: C.ConfirmInput,
) {
  const g = await campaignOf(sql, caller, campaignId, true);
  const it = await getCampaignItem(sql, g.id, carrierId, true);
  if (!it) throw notFound({ zh: '该清查中的载体', en: 'Carrier of this campaign' }, 'carrierId');
  // The carrier under its row lock, through the one read rule (404 / 403 as everywhere).
  const c = await readableCarrier(sql, caller, carrierId, true);
  enforce(confirmVerdict(caller, g, it));
  enforce(checkFoundAgain({ officer: isOfficer(caller) }, c.status, input.result));
  const effect = confirmationEvent(g.kind, input.result, c.status, isOfficer(caller));
  let incidentId: string | null = null;
  if (effect.event) {
    await writeStep(sql, caller, c, effect.event.kind, nextState(c, effect.event), {
      toPersonId:
        effect.event.kind === 'return' || effect.event.kind === 'bring_back' ? c.holderPersonId : null,
      details: { campaignId: g.id, result: input.result },
      note: input.note,
    });
  }
  if (effect.opensIncident) {
    const copy = c.copyNumber === null ? '' : `第${formatCopyNumber(c.copyNumber)}份`;
    const opened = await openIncident(sql, actor, {
      orgId: c.orgId,
      title: `清查发现载体缺失：${c.title}${copy ? `（${copy}）` : ''}`,
      level: c.level,
      knowScope: c.knowScope,
      source: 'inventory',
      carrierId: c.id,
      campaignId: g.id,
      discoveredByPersonId: caller.personId,
      custodianPersonId: it.custodianPersonId,
    });
    incidentId = opened.id;
  }
  await setItemResult(sql, {
    campaignId: g.id,
    carrierId,
    result: input.result,
    personId: caller.personId,
    note: input.note ?? '',
    incidentId,
  });
  await appendAudit(sql, actor, {
    action: 'carrier.campaign_confirm',
    objectType: 'carrier',
    objectId: c.id,
    summary: {
      campaignId: g.id,
      result: input.result,
      copyNumber: c.copyNumber,
      level: c.level,
      status: effect.event ? { from: c.status, to: (await getCarrier(sql, c.id))!.status } : undefined,
    },
  });
  const after = (await getCampaignItem(sql, g.id, carrierId))!;
  return itemView(caller, g, after);
}

/** R-CAR-09: closes a campaign once every carrier is confirmed (refused, 409, while some are not). */
export async function closeCampaign(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const g = await campaignOf(sql, caller, id, true);
  enforce(closeVerdict(caller, g));
  await closeCampaignRow(sql, g.id, caller.personId);
  await appendAudit(sql, actor, {
    action: 'carrier.campaign_close',
    objectType: 'carrier_campaign',
    objectId: g.id,
    summary: { kind: g.kind, found: g.found, missing: g.missing, damaged: g.damaged },
  });
  return campaignDetailOf(sql, caller, (await getCampaign(sql, g.id))!);
}

/** The report's rows (every one the caller may read, however many) and counts, for the export. */
export async function campaignReport(sql: Sql, caller: Caller, id: string) {
  const g = await readableCampaign(sql, caller, id);
  const rows = await campaignItems(
    sql,
    g.id,
    visibility(caller),
    seesAll(caller) ? undefined : caller.personId,
    null,
  );
  const items = rows.map((it) => itemView(caller, g, it));
  return { campaign: g, items, counts: campaignCounts(items.map((i) => i.result)) };
}

/** R-CAR-09: a missing carrier turns up: found again, back in the registry, recorded in its timeline. */
export async function markFound(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.FoundInput) {
  const c = await readableCarrier(sql, caller, id, true);
  enforce(roleVerdict(carrierPolicy, 'register', caller));
  const next = nextState(c, { kind: 'found' });
  await writeStep(sql, caller, c, 'found', next, { note: input.note });
  await appendAudit(sql, actor, {
    action: 'carrier.found',
    objectType: 'carrier',
    objectId: c.id,
    summary: { copyNumber: c.copyNumber, level: c.level, status: { from: c.status, to: next.status } },
  });
  return toCarrier((await getCarrier(sql, c.id))!);
}
