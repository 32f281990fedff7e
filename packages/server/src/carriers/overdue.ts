// R-CAR-01 loans and R-CAR-06 take-outs past their due date: a todo for the person holding the carrier
// and for the secrecy officers (the registry), computed from the carriers' state (a todo provider: it
// exists while the loan is overdue and goes away on return or extension), and a daily job that records
// in the audit trail how many are overdue (the registry's flag; the ledger filters them with 逾期).
// Whose todo: the read rule decides (visibility) — nobody sees the title of a carrier he may not read.
import { formatCopyNumber } from '@baomi/domain';
import { sql as k, type SqlBool } from 'kysely';
import type { Caller } from '../http/policy.ts';
import type { Job } from '../jobs/runner.ts';
import { todayInChina } from '../kit/today.ts';
import type { Todo, TodoProvider } from '../todos/service.ts';
import { carrierColumns, carriersFrom, countOverdue, overdueCondition } from './queries.ts';
import { visibility } from './read.ts';

export const overdueTodos: TodoProvider = async (sql, me): Promise<Todo[]> => {
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
  const officer = p.roles.includes('secrecy_officer');
  const today = todayInChina();
  let q = carrierColumns(carriersFrom(sql))
    .where('c.org_id', '=', p.orgId)
    .where(overdueCondition(today))
    .where(visibility(caller));
  if (!officer) q = q.where(k<SqlBool>`c.holder_person_id = ${p.id}::uuid`);
  const rows = await q.orderBy('c.due_date').limit(200).execute();
  return rows.map((c) => {
    const mine = c.holderPersonId === p.id;
    const what = `${c.title}${c.copyNumber === null ? '' : `（第${formatCopyNumber(c.copyNumber)}份）`}`;
    return {
      id: `carrier_overdue:${c.id}:${c.dueDate}:${mine ? 'holder' : 'officer'}`,
      kind: 'return' as const,
      module: 'carriers',
      subjectType: 'carrier',
      subjectId: c.id,
      title: mine
        ? `借阅逾期，请归还登记处：${what}，应于${c.dueDate}归还`
        : `载体逾期未还：${what}，借阅人${c.holderName ?? ''}，应于${c.dueDate}归还`,
      link: `/carriers/${c.id}`,
      dueAt: new Date(`${c.dueDate}T23:59:59+08:00`),
      createdAt: new Date(`${c.outSince ?? c.dueDate}T00:00:00+08:00`),
    };
  });
};

/** Daily: how many loans and take-outs are overdue (the todos follow from the state). */
export const carrierOverdueJob: Job = {
  name: 'carrier_overdue',
  period: (now) => todayInChina(now),
  run: async (sql, now) => ({ overdue: await countOverdue(sql, todayInChina(now)) }),
};
