// Todos of the review: a request in review for the reviewers of its organisation (not their own), and
// a request decided "release after changes" for its requester to change and resubmit. Computed from the
// records; only requests the person may read (the read rule) are named.
import { isReviewer, reviewReadVerdict } from '@baomi/domain';
import type { Caller } from '../http/policy.ts';
import type { Todo, TodoProvider } from '../todos/service.ts';
import { readableRecordOf } from './access.ts';
import { chainOf } from './chain.ts';
import { pendingReviewRows, toResubmitRows } from './queries.ts';

export const reviewTodos: TodoProvider = async (sql, me): Promise<Todo[]> => {
  const p = me.person;
  if (!p || me.adminRole) return [];
  const caller: Caller = {
    accountId: me.id,
    personId: p.id,
    orgId: p.orgId,
    departmentId: p.departmentId,
    position: p.position,
    clearance: p.clearance,
    roles: p.roles,
  };
  const out: Todo[] = [];
  if (isReviewer(caller))
    for (const r of await pendingReviewRows(sql, caller.orgId)) {
      if (r.requesterPersonId === caller.personId) continue;
      if (!reviewReadVerdict(caller, readableRecordOf(r)).allowed) continue;
      // Not before its chain approved (R-FOR-06, R-FOR-07): the approvers have their approval todos.
      if (r.approvalId && (await chainOf(sql, r))?.status === 'pending') continue;
      out.push({
        id: `review_decide:${r.id}`,
        kind: 'approval' as const,
        module: 'review',
        subjectType: 'review',
        subjectId: r.id,
        title: `保密审查待审：${r.no}《${r.title}》（${r.requesterName}）`,
        link: `/review/${r.id}`,
        dueAt: null,
        createdAt: r.submittedAt ?? r.createdAt,
      });
    }
  for (const r of await toResubmitRows(sql, caller.personId))
    out.push({
      id: `review_resubmit:${r.id}`,
      kind: 'approval' as const,
      module: 'review',
      subjectType: 'review',
      subjectId: r.id,
      title: `保密审查要求修改后重新提交：${r.no}《${r.title}》`,
      link: `/review/${r.id}`,
      dueAt: null,
      createdAt: r.decidedAt ?? r.createdAt,
    });
  return out;
};
