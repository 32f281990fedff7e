// The incidents endpoints (server: packages/server/src/incidents). Types from the contract.
import type { IncidentDetail, IncidentPage, ReportInput } from '@baomi/api/incidents.ts';
import { http, type Query } from '../../app/api.ts';

export type { Incident, IncidentDetail } from '@baomi/api/incidents.ts';

const one = (id: string) => `/incidents/${encodeURIComponent(id)}`;

export const incidentsApi = {
  list: (q: Query) => http.get<IncidentPage>('/incidents', q),
  detail: (id: string) => http.get<IncidentDetail>(one(id)),
  report: (id: string, b: ReportInput) => http.post<IncidentDetail>(`${one(id)}/report`, b),
};
