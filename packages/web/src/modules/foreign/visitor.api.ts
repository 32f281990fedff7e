// The visitors & materials part's endpoints (server: packages/server/src/foreign/visitor.routes.ts,
// material.routes.ts). Types from the contract.
import type { Directory } from '@baomi/api/directory.ts';
import type { MaterialDetail, MaterialInput, MaterialItem } from '@baomi/api/foreign/material.ts';
import type {
  VisitDetail,
  VisitInput,
  VisitItem,
  VisitorDetail,
  VisitorInput,
  VisitorItem,
} from '@baomi/api/foreign/visitor.ts';
import { http, type Page, type Query, queryString } from '../../app/api.ts';

export type { MaterialDetail, MaterialItem } from '@baomi/api/foreign/material.ts';
export type { VisitDetail, VisitItem, VisitorDetail, VisitorItem } from '@baomi/api/foreign/visitor.ts';

const visitor = (id: string) => `/foreign/visitors/${encodeURIComponent(id)}`;
const visit = (id: string) => `/foreign/visits/${encodeURIComponent(id)}`;
const material = (id: string) => `/foreign/materials/${encodeURIComponent(id)}`;

export const visitorApi = {
  list: (q: Query) => http.get<Page<VisitorItem>>('/foreign/visitors', q),
  exportUrl: (format: 'xlsx' | 'csv', q: Query) =>
    `/api/foreign/visitors/export${queryString({ ...q, format })}`,
  create: (b: VisitorInput) => http.post<VisitorItem>('/foreign/visitors', b),
  detail: (id: string) => http.get<VisitorDetail>(visitor(id)),
  update: (id: string, b: VisitorInput) => http.put<VisitorItem>(visitor(id), b),
  keySites: () => http.get<{ id: string; name: string; kind: string; level: string }[]>('/foreign/key-sites'),
  visits: (q: Query) => http.get<Page<VisitItem>>('/foreign/visits', q),
  createVisit: (b: VisitInput) => http.post<VisitItem>('/foreign/visits', b),
  visit: (id: string) => http.get<VisitDetail>(visit(id)),
  checkIn: (id: string) => http.post<VisitItem>(`${visit(id)}/check-in`, {}),
  sheetUrl: (id: string) => `/api${visit(id)}/sheet.pdf`,
  directory: () => http.get<Directory>('/directory'),
  activities: (q: Query) =>
    http.get<Page<{ id: string; title: string; kind: string; startsOn: string; endsOn: string }>>(
      '/foreign/activities',
      q,
    ),
};

export const materialApi = {
  list: (q: Query) => http.get<Page<MaterialItem>>('/foreign/materials', q),
  exportUrl: (format: 'xlsx' | 'csv', q: Query) =>
    `/api/foreign/materials/export${queryString({ ...q, format })}`,
  create: (b: MaterialInput) => http.post<MaterialItem>('/foreign/materials', b),
  detail: (id: string) => http.get<MaterialDetail>(material(id)),
  update: (id: string, b: MaterialInput) => http.put<MaterialItem>(material(id), b),
  linkReview: (id: string, reviewId: string) =>
    http.post<MaterialItem>(`${material(id)}/review`, { reviewId }),
  submit: (id: string) => http.post<MaterialItem>(`${material(id)}/submit`, {}),
  provide: (id: string, on: string, note: string) =>
    http.post<MaterialItem>(`${material(id)}/provide`, { on, note }),
  close: (id: string, on: string, note: string) =>
    http.post<MaterialItem>(`${material(id)}/close`, { on, note }),
  formUrl: (id: string) => `/api${material(id)}/form.pdf`,
  /** The review module's requests the caller may read, of one purpose (to pick one). */
  reviews: (purpose: 'foreign_party' | 'foreign_publication') =>
    http.get<{ items: { id: string; no: string; title: string; state: string }[]; total: number }>(
      '/review',
      {
        purpose,
        pageSize: 200,
      },
    ),
  /** The review module's create-request API, with this material as its source. */
  startReview: (b: {
    title: string;
    purpose: 'foreign_party' | 'foreign_publication';
    source: { module: string; id: string; label: string };
  }) => http.post<{ id: string }>('/review', b),
};

export const personOptions = (d: Directory | undefined) =>
  (d?.people ?? []).map((p) => ({
    value: p.id,
    label: p.departmentName ? `${p.name}（${p.departmentName}）` : p.name,
  }));
