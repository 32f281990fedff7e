// The approvals' endpoints (server: packages/server/src/approvals).
import type { BusinessRole, DecisionKind } from '@baomi/domain';
import type { Abilities } from '../../app/abilities.tsx';
import { type Bilingual, http, type Page } from '../../app/api.ts';

export type ApprovalStatus = 'pending' | 'approved' | 'returned' | 'rejected' | 'withdrawn';

export interface ResolvedStep {
  key: string;
  role: BusinessRole;
  orgId: string;
  departmentId: string | null;
}

export interface ApprovalSummary {
  id: string;
  flowType: string;
  subjectType: string;
  subjectId: string;
  title: string;
  orgId: string;
  initiatorPersonId: string;
  status: ApprovalStatus;
  stepIndex: number;
  steps: ResolvedStep[];
  /** The frozen material (and shown) fields of the subject, and their SM3 fingerprint. */
  subjectSnapshot: Record<string, unknown>;
  fingerprint: string;
  createdAt: string;
  updatedAt: string;
}

export interface ApprovalDecision {
  seq: number;
  stepKey: string;
  personId: string;
  personName: string;
  role: BusinessRole;
  actingAs: 'A' | 'B' | null;
  decision: DecisionKind;
  comment: string | null;
  at: string;
  superseded: boolean;
}

export interface ApprovalView extends Omit<ApprovalSummary, 'steps'> {
  initiatorName: string;
  flow: { type: string; label: Bilingual; rules: string[] };
  steps: (ResolvedStep & { label: Bilingual; decisions: DecisionKind[] })[];
  decisions: ApprovalDecision[];
  /** The subject's page in the web app (a designation item's detail …), when there is one. */
  subjectLink: string | null;
  mayDecideNow: boolean;
  allowedDecisions: { decision: DecisionKind; label: Bilingual }[];
  /** What the signed-in person may do: decide, each decision of the step, withdraw, resubmit — with why not. */
  abilities: Abilities;
}

export const approvalsApi = {
  list: (scope: 'waiting' | 'mine', page: number, pageSize: number) =>
    http.get<Page<ApprovalSummary>>('/approvals', { scope, page, pageSize }),
  get: (id: string) => http.get<ApprovalView>(`/approvals/${encodeURIComponent(id)}`),
  decide: (id: string, b: { decision: DecisionKind; comment?: string; role?: BusinessRole }) =>
    http.post<ApprovalView>(`/approvals/${encodeURIComponent(id)}/decide`, b),
  withdraw: (id: string) => http.post<ApprovalView>(`/approvals/${encodeURIComponent(id)}/withdraw`),
};
