// 清查清退 (R-CAR-09): the contract of /api/carriers/campaigns — open a campaign over a scope, confirm
// each carrier found / missing / damaged, close it, read and export its report — and of marking a
// missing carrier found again (/api/carriers/:id/found).
import {
  CAMPAIGN_KINDS,
  CAMPAIGN_SCOPES,
  CAMPAIGN_STATUSES,
  CARRIER_STATUSES,
  INVENTORY_RESULTS,
  STATE_SECRET_LEVELS,
} from '@baomi/domain';
import {
  Abilities,
  Enum,
  Nullable,
  Paging,
  Req,
  type Static,
  Str,
  Timestamp,
  Type,
  Uuid,
} from '../common.ts';

export const tags = ['carriers'];

/** Text limits of carrier_campaign and carrier_campaign_item (the migration's CHECKs, limits test). */
export const CAMPAIGN_LIMITS = {
  campaign: { title: 200, note: 500 },
  item: { note: 500 },
} as const;

export const CampaignKind = Enum(CAMPAIGN_KINDS);
export const CampaignScope = Enum(CAMPAIGN_SCOPES);
export const CampaignStatus = Enum(CAMPAIGN_STATUSES);
export const InventoryResult = Enum(INVENTORY_RESULTS);
const Level = Enum(STATE_SECRET_LEVELS);

// ---- requests

export const CampaignInput = Req({
  kind: CampaignKind,
  title: Str(CAMPAIGN_LIMITS.campaign.title),
  scope: CampaignScope,
  departmentId: Type.Optional(Uuid),
  level: Type.Optional(Level),
  /** A distribution batch (one document's copies) to recall. */
  batchId: Type.Optional(Uuid),
  note: Type.Optional(Str(CAMPAIGN_LIMITS.campaign.note, 0)),
});
export type CampaignInput = Static<typeof CampaignInput>;

export const CampaignListQuery = Req({ status: Type.Optional(CampaignStatus), ...Paging });
export type CampaignListQuery = Static<typeof CampaignListQuery>;

export const CampaignItemParams = Req({ id: Uuid, carrierId: Uuid });
export const ConfirmInput = Req({
  result: InventoryResult,
  note: Type.Optional(Str(CAMPAIGN_LIMITS.item.note, 0)),
});
export type ConfirmInput = Static<typeof ConfirmInput>;

export const CampaignExportQuery = Req({ format: Type.Optional(Enum(['xlsx', 'csv'] as const)) });

export const FoundInput = Req({ note: Type.Optional(Str(CAMPAIGN_LIMITS.item.note, 0)) });
export type FoundInput = Static<typeof FoundInput>;

// ---- responses

export const CampaignCounts = Type.Object({
  total: Type.Integer(),
  found: Type.Integer(),
  missing: Type.Integer(),
  damaged: Type.Integer(),
  unconfirmed: Type.Integer(),
});
export type CampaignCounts = Static<typeof CampaignCounts>;

export const Campaign = Type.Object({
  id: Uuid,
  kind: CampaignKind,
  title: Type.String(),
  scope: CampaignScope,
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  level: Nullable(Level),
  batchId: Nullable(Uuid),
  status: CampaignStatus,
  openedByName: Type.String(),
  openedAt: Timestamp,
  closedByName: Nullable(Type.String()),
  closedAt: Nullable(Timestamp),
  note: Type.String(),
  /** What the caller may read of it (the carriers he may read). */
  counts: CampaignCounts,
});
export type Campaign = Static<typeof Campaign>;

export const CampaignPage = Type.Object({
  items: Type.Array(Campaign),
  total: Type.Integer(),
  abilities: Abilities,
});
export type CampaignPage = Static<typeof CampaignPage>;

/** One carrier of the campaign, as frozen at opening, with its result. */
export const CampaignItem = Type.Object({
  carrierId: Uuid,
  title: Type.String(),
  copyNumber: Nullable(Type.String()),
  docNumber: Type.String(),
  markingText: Type.String(),
  level: Level,
  departmentName: Nullable(Type.String()),
  custodianPersonId: Uuid,
  custodianName: Type.String(),
  statusAtOpen: Enum(CARRIER_STATUSES),
  /** The carrier's state now (in words). */
  status: Enum(CARRIER_STATUSES),
  statusText: Type.String(),
  result: Nullable(InventoryResult),
  confirmedAt: Nullable(Timestamp),
  confirmedByName: Nullable(Type.String()),
  note: Type.String(),
  incidentId: Nullable(Uuid),
  abilities: Abilities,
});
export type CampaignItem = Static<typeof CampaignItem>;

export const CampaignDetail = Type.Object({
  ...Campaign.properties,
  items: Type.Array(CampaignItem),
  abilities: Abilities,
});
export type CampaignDetail = Static<typeof CampaignDetail>;
