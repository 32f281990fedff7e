// Labels of the designation module: the statuses, kinds and their bilingual labels are the contract's
// (@baomi/api/designation/labels.ts, shared with the server); the colours are the web app's own.
import { CHANGE_STATUS_LABELS as CHANGE_STATUSES } from '@baomi/api/designation/labels.ts';
import type { Bilingual, GrantStatus, ItemStatus } from './api.ts';

export {
  CHANGE_KIND_LABELS,
  CHANGE_KINDS,
  ESCALATION_KIND_LABELS,
  GRANT_STATUS_LABELS,
  INPUT_LIMITS,
  ITEM_STATUS_LABELS,
  ITEM_STATUSES,
  LIMITS,
  ORIGIN_LABELS,
  ORIGINS,
} from '@baomi/api/designation/labels.ts';

/** Looked up by any status string (changes' and approvals' statuses). */
export const CHANGE_STATUS_LABELS: Readonly<Record<string, Bilingual>> = CHANGE_STATUSES;

export const ITEM_STATUS_COLORS: Record<ItemStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'success',
  returned: 'warning',
  escalated: 'purple',
  unclear: 'purple',
  released: 'default',
  withdrawn: 'default',
};

export const GRANT_STATUS_COLORS: Record<GrantStatus, string> = {
  in_force: 'success',
  pending: 'processing',
  unfiled: 'warning',
  expired: 'default',
  void: 'error',
  revoked: 'default',
};
