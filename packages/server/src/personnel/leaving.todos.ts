// Todos of the part "leaving": commitments still to sign (R-PER-03: for the secrecy officer one line per
// person, for the person his own), and leavings under way (R-PER-06: the officer finishes the checklist).
// Computed from the records, so a todo goes away when the signature or the approval is registered.
import { COMMITMENT_KIND_LABELS, type PlainDate } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import type { Todo, TodoProvider } from '../todos/service.ts';
import { commitmentsOf, coolingOffInScope, namesOf, openLeavings, postsOfOrg } from './leaving.queries.ts';
import { COOLING_OFF_NOTICE_DAYS, dueFor, leavingPolicyOf, noticeFrom } from './leaving.service.ts';

const at = (d: PlainDate | null, end = false) =>
  d ? new Date(`${d}T${end ? '23:59:59' : '00:00:00'}+08:00`) : null;

export const leavingTodos: TodoProvider = async (sql, me): Promise<Todo[]> => {
  const p = me.person;
  if (!p || me.adminRole) return [];
  const officer = p.roles.includes('secrecy_officer');
  const today = todayInChina();
  const out: Todo[] = [];
  // R-PER-06: a 脱密期 ending within 30 days: the officer decides what follows (a notice, no deadline).
  if (officer)
    for (const co of await coolingOffInScope(sql, { kind: 'all', orgId: p.orgId }, today, {}))
      if (noticeFrom(co.end) <= today)
        out.push({
          id: `personnel_cooling_off_end:${co.id}:${co.end}`,
          kind: 'notice',
          module: 'personnel',
          subjectType: 'person',
          subjectId: co.personId,
          title: `${co.personName}的脱密期将于${co.end}届满（${COOLING_OFF_NOTICE_DAYS}天内）`,
          link: '/personnel/cooling-off',
          dueAt: at(co.end, true),
          createdAt: at(noticeFrom(co.end))!,
        });
  const posts = await postsOfOrg(sql, p.orgId, officer ? null : [p.id]);
  if (!posts.length) return out;
  const people = [...new Set(posts.map((x) => x.personId))];
  const signed = await commitmentsOf(sql, people);
  const policy = await leavingPolicyOf(sql, p.orgId);
  const names = await namesOf(sql, people);
  for (const personId of people) {
    const due = dueFor(
      posts.filter((x) => x.personId === personId),
      signed.filter((s) => s.personId === personId),
      today,
      policy.commitment,
    );
    if (!due.length) continue;
    const mine = personId === p.id;
    const what = [...new Set(due.map((d) => COMMITMENT_KIND_LABELS[d.kind].zh))].join('、');
    const first =
      due
        .map((d) => d.dueOn)
        .filter((d): d is PlainDate => d !== null)
        .sort()[0] ?? null;
    out.push({
      id: `personnel_commitment:${personId}:${due.map((d) => `${d.kind}.${d.postId ?? d.year}`).join(',')}:${mine ? 'self' : 'officer'}`,
      kind: 'deadline',
      module: 'personnel',
      subjectType: 'person',
      subjectId: personId,
      title: mine
        ? `请签订${what}（共${due.length}项）`
        : `${names.get(personId) ?? ''}未签订${what}（共${due.length}项）`,
      link: `/personnel/${personId}`,
      dueAt: at(first, true),
      createdAt: at(first) ?? new Date(`${today}T00:00:00+08:00`),
    });
  }
  if (officer)
    for (const l of await openLeavings(sql, p.orgId))
      out.push({
        id: `personnel_leaving:${l.id}`,
        kind: 'deadline',
        module: 'personnel',
        subjectType: 'personnel_leaving',
        subjectId: l.id,
        title: `办理离岗：${l.personName}（${l.postName}），${l.startedOn}启动`,
        link: `/personnel/leavings/${l.id}`,
        dueAt: null,
        createdAt: at(l.startedOn)!,
      });
  return out;
};
