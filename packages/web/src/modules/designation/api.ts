// The designation endpoints (server: packages/server/src/designation) and the directory. The types
// come from the contract (@baomi/api/designation.ts), the one place they are written.
import type {
  Absence,
  AbsenceInput,
  AppointInput,
  Authority,
  CatalogueEntry,
  CatalogueInput,
  CatalogueList,
  CataloguePatch,
  Change,
  ChangeBody,
  CorrectBody,
  Designator,
  DesignatorList,
  ExpiringList,
  Grant,
  GrantInput,
  GrantList,
  Item,
  ItemBody,
  ItemDetail,
  ItemPage,
  Knowers,
  MayDecide,
  ReviewList,
  StatsReport,
  StatsTable,
} from '@baomi/api/designation.ts';
import type { AdminLevel, DesignationKind, OrgKind, StateSecretLevel } from '@baomi/domain';
import { type Bilingual, http, type Query, queryString } from '../../app/api.ts';
import type { ApprovalView } from '../approvals/api.ts';

export type {
  Absence,
  Authority,
  CatalogueEntry,
  Change,
  ChangeKind,
  Designator,
  Escalation,
  ExpiringEntry,
  Grant,
  GrantStatus,
  Item,
  ItemDetail,
  ItemListRow,
  ItemStatus,
  Knower,
  MayDecide,
  ReviewEntry,
  StatsCounts,
  StatsReport,
  StatsRow,
  StatsTable,
} from '@baomi/api/designation.ts';
/** What the draft form sends (the contract's request body). */
export type ItemInput = ItemBody;

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
  items: (q: Query) => http.get<ItemPage>('/designation/items', q),
  exportUrl: (format: 'xlsx' | 'csv', q: Query) =>
    `/api/designation/items/export${queryString({ format, ...q })}`,
  item: (id: string) => http.get<ItemDetail>(item(id)),
  knowers: (id: string) => http.get<Knowers>(item(id, '/knowers')),
  formPdfUrl: (id: string) => `/api${item(id, '/form.pdf')}`,
  create: (b: ItemBody) => http.post<Item>('/designation/items', b),
  update: (id: string, b: ItemBody) => http.put<Item>(item(id), b),
  submit: (id: string, unclear: boolean) => http.post<Item>(item(id, '/submit'), unclear ? { unclear } : {}),
  correct: (id: string, b: CorrectBody) => http.post<Item>(item(id, '/correct'), b),
  propose: (id: string, b: ChangeBody) => http.post<Change>(item(id, '/changes'), b),
  /** R-DES-08: record that the item was reviewed this year (a note of the outcome). */
  recordReview: (id: string, note: string) => http.post<{ id: string }>(item(id, '/review'), { note }),
  review: (horizon: 0 | 30 | 90) => http.get<ReviewList>('/designation/items/review', { horizon }),
  /** 查看审批: one approval of the item, read-only, for whoever may read the item. */
  itemApproval: (id: string, approvalId: string) =>
    http.get<ApprovalView>(item(id, `/approvals/${encodeURIComponent(approvalId)}`)),
  /** R-DES-08: items whose period ends within `window` days (即将到期). */
  expiring: (window: number) => http.get<ExpiringList>('/designation/items/expiring', { window }),

  authority: (orgId: string, level: StateSecretLevel, kind: DesignationKind) =>
    http.get<Authority>('/designation/authority', { orgId, level, kind }),
  grants: (view?: 'granted' | 'received' | 'supervised') =>
    http.get<GrantList>('/designation/grants', { view }),
  createGrant: (b: GrantInput) => http.post<Grant>('/designation/grants', b),
  fileGrant: (id: string, filedWithBureauAt: string) =>
    http.patch<Grant>(`/designation/grants/${encodeURIComponent(id)}/filing`, { filedWithBureauAt }),
  revokeGrant: (id: string, reason: string) =>
    http.post<Grant>(`/designation/grants/${encodeURIComponent(id)}/revoke`, { reason }),
  designators: () => http.get<DesignatorList>('/designation/designators'),
  appoint: (b: AppointInput) => http.post<Designator>('/designation/designators', b),
  mayDecide: (personId: string, date?: string) =>
    http.get<MayDecide>(`/designation/designators/${encodeURIComponent(personId)}/may-decide`, { date }),
  recordAbsence: (personId: string, b: AbsenceInput) =>
    http.post<Absence>(`/designation/designators/${encodeURIComponent(personId)}/absences`, b),
  cancelAbsence: (id: string) => http.post<Absence>(`/designation/absences/${encodeURIComponent(id)}/cancel`),
  catalogue: (includeInactive = false) =>
    http.get<CatalogueList>('/designation/catalogue', { includeInactive }),
  createEntry: (b: CatalogueInput) => http.post<CatalogueEntry>('/designation/catalogue', b),
  updateEntry: (id: string, b: CataloguePatch) =>
    http.patch<CatalogueEntry>(`/designation/catalogue/${encodeURIComponent(id)}`, b),

  directory: () => http.get<Directory>('/directory'),

  stats: (table: StatsTable, q: { year: number; orgId?: string }) =>
    http.get<StatsReport>(`/designation/stats/${table}`, q),
  statsExportUrl: (table: StatsTable, format: 'xlsx' | 'csv', q: { year: number; orgId?: string }) =>
    `/api/designation/stats/${table}/export${queryString({ ...q, format })}`,
};

/** R-DES-09: the three yearly tables, in the order the page shows them. */
export const STATS_TABLES: readonly StatsTable[] = ['involved', 'produced', 'changes'];

export type { Bilingual };
