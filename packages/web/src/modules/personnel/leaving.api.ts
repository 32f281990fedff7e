// The endpoints of the personnel part "leaving" (server: packages/server/src/personnel/leaving.routes.ts).
// Types come from the contract (@baomi/api/personnel/leaving.ts).

import type { Abilities } from '@baomi/api/common.ts';
import type {
  CommitmentBody,
  CoolingOffRow,
  LeavingApprove,
  LeavingDetail,
  LeavingItemBody,
  LeavingPolicy,
  LeavingPolicyBody,
  LeavingRow,
  LeavingStart,
  PersonCommitments,
  SignedCommitment,
} from '@baomi/api/personnel/leaving.ts';
import { http, type Query, queryString } from '../../app/api.ts';

export type { CoolingOffRow, LeavingDetail, LeavingPolicy, LeavingRow, PersonCommitments, SignedCommitment };

const base = '/personnel';
const person = (id: string) => `${base}/commitments/people/${encodeURIComponent(id)}`;
const leaving = (id: string) => `${base}/leavings/${encodeURIComponent(id)}`;

export const leavingApi = {
  commitments: (personId: string) => http.get<PersonCommitments>(person(personId)),
  register: (personId: string, b: CommitmentBody) => http.post<SignedCommitment>(person(personId), b),
  commitmentPdfUrl: (personId: string, q: { kind: string; postId?: string; year?: number }) =>
    `/api${person(personId)}/form.pdf${queryString(q as Query)}`,
  list: (q: Query) =>
    http.get<{ items: LeavingRow[]; total: number; abilities: Abilities }>(`${base}/leavings`, q),
  start: (b: LeavingStart) => http.post<LeavingDetail>(`${base}/leavings`, b),
  detail: (id: string) => http.get<LeavingDetail>(leaving(id)),
  item: (id: string, b: LeavingItemBody) => http.post<LeavingDetail>(`${leaving(id)}/items`, b),
  approve: (id: string, b: LeavingApprove) => http.post<LeavingDetail>(`${leaving(id)}/approve`, b),
  formPdfUrl: (id: string) => `/api${leaving(id)}/form.pdf`,
  coolingOff: (q: Query) =>
    http.get<{ items: CoolingOffRow[]; total: number; today: string; abilities: Abilities }>(
      `${base}/cooling-off`,
      q,
    ),
  coolingOffExportUrl: (format: 'xlsx' | 'csv', q: Query) =>
    `/api${base}/cooling-off/export${queryString({ format, ...q })}`,
  policy: () => http.get<LeavingPolicy>(`${base}/cooling-off/policy`),
  setPolicy: (b: LeavingPolicyBody) => http.put<LeavingPolicy>(`${base}/cooling-off/policy`, b),
};
