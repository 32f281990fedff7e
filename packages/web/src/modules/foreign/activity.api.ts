// The activities part's endpoints (server: packages/server/src/foreign/activity.routes.ts). Types from the contract.
import type { Directory } from '@baomi/api/directory.ts';
import type {
  Activity,
  ActivityBriefingInput,
  ActivityInput,
  ActivityRow,
  InspectionInput,
  LeadingGroupInput,
  OfficerCheckInput,
  ParticipantPapersInput,
  StepInput,
  WrapUpInput,
} from '@baomi/api/foreign/activity.ts';
import { http, type Page, type Query, queryString } from '../../app/api.ts';

export type { Activity, ActivityInput, ActivityRow } from '@baomi/api/foreign/activity.ts';

const one = (id: string) => `/foreign/activities/${encodeURIComponent(id)}`;

export const activityApi = {
  list: (q: Query) => http.get<Page<ActivityRow>>('/foreign/activities', q),
  exportUrl: (format: 'xlsx' | 'csv', q: Query) =>
    `/api/foreign/activities/export${queryString({ ...q, format })}`,
  create: (b: ActivityInput) => http.post<Activity>('/foreign/activities', b),
  detail: (id: string) => http.get<Activity>(one(id)),
  update: (id: string, b: ActivityInput) => http.put<Activity>(one(id), b),
  step: (id: string, step: 'submit' | 'start' | 'end' | 'close', b: StepInput) =>
    http.post<Activity>(`${one(id)}/${step}`, b),
  brief: (id: string, b: ActivityBriefingInput) => http.post<Activity>(`${one(id)}/briefings`, b),
  papers: (id: string, personId: string, b: ParticipantPapersInput) =>
    http.put<Activity>(`${one(id)}/participants/${encodeURIComponent(personId)}/papers`, b),
  leadingGroup: (id: string, b: LeadingGroupInput) => http.put<Activity>(`${one(id)}/leading-group`, b),
  inspection: (id: string, b: InspectionInput) => http.post<Activity>(`${one(id)}/inspection`, b),
  wrapUp: (id: string, b: WrapUpInput) => http.put<Activity>(`${one(id)}/wrap-up`, b),
  check: (id: string, b: OfficerCheckInput) => http.post<Activity>(`${one(id)}/check`, b),
  planUrl: (id: string) => `/api${one(id)}/plan.pdf`,
  briefingsUrl: (id: string) => `/api${one(id)}/briefings.pdf`,
  directory: () => http.get<Directory>('/directory'),
};

export const personOptions = (d: Directory | undefined) =>
  (d?.people ?? []).map((p) => ({
    value: p.id,
    label: p.departmentName ? `${p.name}（${p.departmentName}）` : p.name,
  }));
