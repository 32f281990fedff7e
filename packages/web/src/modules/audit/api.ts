// The audit trail's endpoints beyond the shared client (server: packages/server/src/audit). Types come
// from the contract (@baomi/api/audit.ts).
import type { AuditActionCatalogue } from '@baomi/api/audit.ts';
import { http, type Query, queryString } from '../../app/api.ts';

export type { AuditActionCatalogue, AuditLine } from '@baomi/api/audit.ts';

export const auditApi = {
  /** The actions the modules declare, grouped by module: the 操作 filter's list. */
  actions: () => http.get<AuditActionCatalogue>('/audit/actions'),
  /** The export of what the filter shows, in the UI's language. */
  exportUrl: (format: 'csv' | 'xlsx', q: Query, lang: 'zh' | 'en') =>
    `/api/audit/export${queryString({ format, ...q, lang })}`,
};
