// The designation endpoints (server: packages/server/src/designation) and the directory.
import type {
  AdminLevel,
  DesignationKind,
  DesignationReason,
  KnowScope,
  NonClassifiableGround,
  OrgKind,
  Period,
  StateSecretLevel,
} from '@baomi/domain';
import type { Abilities } from '../../app/abilities.tsx';
import { type Bilingual, http, type Page, type Query, queryString } from '../../app/api.ts';
import type { ApprovalDecision } from '../approvals/api.ts';

export type ItemStatus =
  | 'draft'
  | 'in_review'
  | 'approved'
  | 'returned'
  | 'escalated'
  | 'unclear'
  | 'released'
  | 'withdrawn';

export interface Item {
  id: string;
  orgId: string;
  departmentId: string | null;
  departmentName: string | null;
  handlerPersonId: string;
  handlerName: string;
  title: string;
  basis: {
    catalogueEntryId: string | null;
    clause: string | null;
    text: string;
    grounds: Record<NonClassifiableGround, boolean>;
  };
  origin: DesignationKind;
  sourceItemId: string | null;
  level: StateSecretLevel;
  period: Period;
  issueDate: string;
  releaseDate: string | null;
  releaseCondition: string | null;
  knowScope: KnowScope;
  status: ItemStatus;
  protectionLevel: StateSecretLevel | null;
  approvalId: string | null;
  itemNumber: string | null;
  marking: string | null;
  approvedAt: string | null;
  decidedByOrgId: string | null;
  releasedAt: string | null;
  releaseReason: string | null;
  lastReviewedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Ledger rows: what the signed-in person may do with the row (edit, submit, propose, review, print). */
  abilities?: Abilities;
}

export type ChangeKind = 'change' | 'extend' | 'release';

export interface Change {
  id: string;
  itemId: string;
  kind: ChangeKind;
  proposedLevel: StateSecretLevel | null;
  proposedPeriod: Period | null;
  proposedScope: KnowScope | null;
  reason: string;
  proposedByName: string;
  approvalId: string | null;
  status: 'pending' | 'approved' | 'returned' | 'rejected' | 'withdrawn' | 'too_late';
  before: { marking?: string | null } & Record<string, unknown>;
  after: ({ marking?: string } & Record<string, unknown>) | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface Escalation {
  id: string;
  kind: 'above_authority' | 'unclear';
  toOrgId: string;
  toOrgName: string;
  approvalId: string | null;
  reportedOn: string;
  reportedByDeadline: string | null;
  decideByDeadline: string | null;
  protectionLevel: StateSecretLevel;
  status: 'pending' | 'approved' | 'returned' | 'rejected' | 'withdrawn';
  reasons: DesignationReason[];
  decidedAt: string | null;
}

export interface Knower {
  personId: string;
  name: string;
  departmentName: string | null;
  position: string;
  addedAt: string;
}

export interface ItemDetail extends Item {
  /** What the signed-in person may do (edit, submit, correct, decide, withdraw, propose, review, print). */
  abilities: Abilities;
  source: {
    id: string;
    title: string;
    itemNumber: string | null;
    marking: string | null;
    level: string;
  } | null;
  approvals: {
    id: string;
    flowType: string;
    subjectType: string;
    subjectId: string;
    status: string;
    createdAt: string;
    decisions: ApprovalDecision[];
  }[];
  changes: Change[];
  escalations: Escalation[];
  knowers: Knower[];
}

export interface ItemInput {
  title: string;
  departmentId: string | null;
  basis: {
    catalogueEntryId: string | null;
    text: string;
    grounds: Record<NonClassifiableGround, boolean>;
  };
  origin: DesignationKind;
  sourceItemId: string | null;
  level?: StateSecretLevel;
  period?: Period;
  issueDate: string;
  knowScope?: KnowScope;
}

export interface ReviewEntry {
  dueOn: string;
  daysUntil: number;
  bucket: 'due' | 'within_30' | 'within_90' | 'later';
  item: Item;
}

export interface Authority {
  org: { id: string; name: string; level: AdminLevel; kind: OrgKind };
  level: StateSecretLevel;
  date: string;
  allowed: boolean;
  escalate: boolean;
  kind: DesignationKind;
  authority: { level: StateSecretLevel | null; source: 'statutory' | 'grant' | null; remitLimited: boolean };
  reasons: DesignationReason[];
  /** R-DES-07: where a matter above the authority would be sent (null when within it). */
  escalateTo: { orgId: string; name: string } | null;
}

export type GrantStatus = 'void' | 'expired' | 'unfiled' | 'pending' | 'in_force' | 'revoked';

export interface Grant {
  id: string;
  grantorOrgId: string;
  grantorName: string;
  granteeOrgId: string;
  granteeName: string;
  level: StateSecretLevel;
  scope: string;
  validFrom: string;
  validTo: string;
  reasons: string;
  letterNumber: string;
  filedWithBureauAt: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  status: GrantStatus;
  statusReasons: DesignationReason[];
}

export interface Absence {
  id: string;
  personId: string;
  reason: string;
  from: string;
  to: string;
}

export interface Designator {
  personId: string;
  name: string;
  kind: 'statutory' | 'appointed';
  role: 'A' | 'B';
  partnerPersonId: string | null;
  letterRef: string | null;
  certificateNumber: string | null;
  certificateValidUntil: string | null;
  vetted: boolean;
  absences: Absence[];
}

export interface MayDecide {
  personId: string;
  name: string;
  date: string;
  allowed: boolean;
  actingRole: 'A' | 'B';
  reasons: DesignationReason[];
}

export interface CatalogueEntry {
  id: string;
  orgId: string | null;
  clause: string;
  title: string;
  maxLevel: StateSecretLevel;
  indefiniteAllowed: boolean;
  active: boolean;
  shared: boolean;
  levels: StateSecretLevel[];
}

export interface Directory {
  org: { id: string; name: string; level: AdminLevel; kind: OrgKind } | null;
  departments: { id: string; name: string; parentId: string | null }[];
  people: {
    id: string;
    name: string;
    departmentId: string | null;
    departmentName: string | null;
    position: string;
  }[];
  orgsBelow: { id: string; name: string; level: AdminLevel; kind: OrgKind }[];
}

const item = (id: string, rest = '') => `/designation/items/${encodeURIComponent(id)}${rest}`;

export const designationApi = {
  items: (q: Query) => http.get<Page<Item> & { abilities: Abilities }>('/designation/items', q),
  exportUrl: (format: 'xlsx' | 'csv', q: Query) =>
    `/api/designation/items/export${queryString({ format, ...q })}`,
  item: (id: string) => http.get<ItemDetail>(item(id)),
  knowers: (id: string) => http.get<{ items: Knower[] }>(item(id, '/knowers')),
  formPdfUrl: (id: string) => `/api${item(id, '/form.pdf')}`,
  create: (b: ItemInput) => http.post<Item>('/designation/items', b),
  update: (id: string, b: ItemInput) => http.put<Item>(item(id), b),
  submit: (id: string, unclear: boolean) => http.post<Item>(item(id, '/submit'), unclear ? { unclear } : {}),
  correct: (id: string, b: { level: StateSecretLevel; period: Period; knowScope: KnowScope; note: string }) =>
    http.post<Item>(item(id, '/correct'), b),
  propose: (
    id: string,
    b: { kind: ChangeKind; level?: StateSecretLevel; period?: Period; knowScope?: KnowScope; reason: string },
  ) => http.post<Change>(item(id, '/changes'), b),
  /** R-DES-08: record that the item was reviewed this year (a note of the outcome). */
  recordReview: (id: string, note: string) => http.post<{ id: string }>(item(id, '/review'), { note }),
  review: (horizon: 0 | 30 | 90) =>
    http.get<{ today: string; horizon: number; items: ReviewEntry[] }>('/designation/items/review', {
      horizon,
    }),

  authority: (orgId: string, level: StateSecretLevel, kind: DesignationKind) =>
    http.get<Authority>('/designation/authority', { orgId, level, kind }),
  grants: (view?: 'granted' | 'received' | 'supervised') =>
    http.get<{ items: Grant[] }>('/designation/grants', { view }),
  createGrant: (b: {
    granteeOrgId: string;
    level: StateSecretLevel;
    scope: string;
    validFrom: string;
    validTo: string;
    reasons: string;
    letterNumber: string;
  }) => http.post<Grant>('/designation/grants', b),
  fileGrant: (id: string, filedWithBureauAt: string) =>
    http.patch<Grant>(`/designation/grants/${encodeURIComponent(id)}/filing`, { filedWithBureauAt }),
  revokeGrant: (id: string, reason: string) =>
    http.post<Grant>(`/designation/grants/${encodeURIComponent(id)}/revoke`, { reason }),
  designators: () => http.get<{ items: Designator[] }>('/designation/designators'),
  appoint: (b: {
    personId: string;
    role: 'A' | 'B';
    partnerPersonId?: string;
    letterRef: string;
    certificateNumber: string;
    certificateValidUntil: string;
    vetted: boolean;
  }) => http.post<Designator>('/designation/designators', b),
  mayDecide: (personId: string, date?: string) =>
    http.get<MayDecide>(`/designation/designators/${encodeURIComponent(personId)}/may-decide`, { date }),
  recordAbsence: (personId: string, b: { reason: string; from: string; to: string }) =>
    http.post<Absence>(`/designation/designators/${encodeURIComponent(personId)}/absences`, b),
  cancelAbsence: (id: string) => http.post<Absence>(`/designation/absences/${encodeURIComponent(id)}/cancel`),
  catalogue: (includeInactive = false) =>
    http.get<{ items: CatalogueEntry[] }>('/designation/catalogue', { includeInactive }),
  createEntry: (b: {
    clause: string;
    title: string;
    maxLevel: StateSecretLevel;
    indefiniteAllowed?: boolean;
    shared?: boolean;
  }) => http.post<CatalogueEntry>('/designation/catalogue', b),
  updateEntry: (
    id: string,
    b: Partial<{
      clause: string;
      title: string;
      maxLevel: StateSecretLevel;
      indefiniteAllowed: boolean;
      active: boolean;
    }>,
  ) => http.patch<CatalogueEntry>(`/designation/catalogue/${encodeURIComponent(id)}`, b),

  directory: () => http.get<Directory>('/directory'),

  stats: (table: StatsTable, q: { year: number; orgId?: string }) =>
    http.get<StatsReport>(`/designation/stats/${table}`, q),
  statsExportUrl: (table: StatsTable, format: 'xlsx' | 'csv', q: { year: number; orgId?: string }) =>
    `/api/designation/stats/${table}/export${queryString({ ...q, format })}`,
};

/** R-DES-09: the three yearly tables (server: designation/stats.*.ts). */
export const STATS_TABLES = ['involved', 'produced', 'changes'] as const;
export type StatsTable = (typeof STATS_TABLES)[number];

export type StatsCounts = Record<string, number>;

export interface StatsRow {
  /** The department or organisation; null for the items without a department, and for the total. */
  id: string | null;
  name: string;
  kind: 'department' | 'organisation' | 'unassigned' | 'total';
  counts: StatsCounts;
  /** Table 'changes' only: the counts under each level of the item just before the event. */
  byLevel?: Record<StateSecretLevel, StatsCounts>;
}

export interface StatsReport {
  table: StatsTable;
  title: Bilingual;
  year: number;
  org: { id: string; name: string; kind: OrgKind };
  grouping: 'department' | 'organisation';
  columns: ({ key: string } & Bilingual)[];
  rows: StatsRow[];
  total: StatsRow;
}

export type { Bilingual };
