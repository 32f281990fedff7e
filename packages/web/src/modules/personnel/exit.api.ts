// The exit part's endpoints (server: packages/server/src/personnel/exit.routes.ts). Types from the contract.

import type { Directory } from '@baomi/api/directory.ts';
import type {
  Briefing,
  BriefingInput,
  Exit,
  ExitDetail,
  ExitInput,
  ExitPolicy,
  ExitUpdate,
  Passport,
  PassportInput,
} from '@baomi/api/personnel/exit.ts';
import { http, type Page, type Query, queryString } from '../../app/api.ts';

export type { Briefing, Exit, ExitDetail, Passport } from '@baomi/api/personnel/exit.ts';

const one = (id: string) => `/personnel/exits/${encodeURIComponent(id)}`;

export const exitApi = {
  list: (q: Query) => http.get<Page<Exit>>('/personnel/exits', q),
  exportUrl: (format: 'xlsx' | 'csv', q: Query) =>
    `/api/personnel/exits/export${queryString({ ...q, format })}`,
  apply: (b: ExitInput) => http.post<Exit>('/personnel/exits', b),
  detail: (id: string) => http.get<ExitDetail>(one(id)),
  update: (id: string, b: ExitUpdate) => http.put<Exit>(one(id), b),
  formUrl: (id: string) => `/api${one(id)}/form.pdf`,
  report: (id: string, text: string) => http.post<Exit>(`${one(id)}/return-report`, { text }),
  noteReport: (id: string, note: string) => http.post<Exit>(`${one(id)}/return-report/note`, { note }),
  policy: () => http.get<ExitPolicy>('/personnel/exits/policy'),
  setPolicy: (b: ExitPolicy) => http.put<ExitPolicy>('/personnel/exits/policy', b),
  briefings: (q: Query) => http.get<Page<Briefing>>('/personnel/exits/briefings', q),
  brief: (b: BriefingInput) => http.post<Briefing>('/personnel/exits/briefings', b),
  sign: (id: string) => http.post<Briefing>(`/personnel/exits/briefings/${encodeURIComponent(id)}/sign`, {}),
  briefingFormUrl: (id: string) => `/api/personnel/exits/briefings/${encodeURIComponent(id)}/form.pdf`,
  passports: (q: Query) => http.get<Page<Passport>>('/personnel/passports', q),
  passportsExportUrl: (format: 'xlsx' | 'csv', q: Query) =>
    `/api/personnel/passports/export${queryString({ ...q, format })}`,
  registerPassport: (b: PassportInput) => http.post<Passport>('/personnel/passports', b),
  lend: (id: string, exitId: string) =>
    http.post<Passport>(`/personnel/passports/${encodeURIComponent(id)}/lend`, { exitId }),
  giveBack: (id: string, on: string) =>
    http.post<Passport>(`/personnel/passports/${encodeURIComponent(id)}/return`, { on }),
  directory: () => http.get<Directory>('/directory'),
};

export const personOptions = (d: Directory | undefined) =>
  (d?.people ?? []).map((p) => ({
    value: p.id,
    label: p.departmentName ? `${p.name}（${p.departmentName}）` : p.name,
  }));
