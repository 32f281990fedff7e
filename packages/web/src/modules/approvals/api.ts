// The approvals' endpoints (server: packages/server/src/approvals). The types come from the contract
// (@baomi/api/approvals.ts), the one place they are written.
import type { ApprovalPage, ApprovalView, DecideBody } from '@baomi/api/approvals.ts';
import { http } from '../../app/api.ts';

export type {
  ApprovalDecision,
  ApprovalStatus,
  ApprovalSummary,
  ApprovalView,
  MaterialField,
  ResolvedStep,
} from '@baomi/api/approvals.ts';

export const approvalsApi = {
  list: (scope: 'waiting' | 'mine', page: number, pageSize: number) =>
    http.get<ApprovalPage>('/approvals', { scope, page, pageSize }),
  get: (id: string) => http.get<ApprovalView>(`/approvals/${encodeURIComponent(id)}`),
  decide: (id: string, b: DecideBody) =>
    http.post<ApprovalView>(`/approvals/${encodeURIComponent(id)}/decide`, b),
  withdraw: (id: string) => http.post<ApprovalView>(`/approvals/${encodeURIComponent(id)}/withdraw`),
};
