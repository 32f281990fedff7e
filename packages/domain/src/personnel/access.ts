// Who may read and who may keep a person's classified-personnel record (涉密人员档案: posts, vetting,
// eligibility facts, training, reports, trips, leaving). The record is personal, not classified by
// level: it is read inside the person's organisation only (R-DES-08a, as every business record), by
// the person himself, by the secrecy office and the unit's leaders (R-PER-01: 机关、单位 manage their
// classified personnel), and by the head of the person's own department; it is kept by the secrecy
// office. One rule for every read path (detail, ledger, export, PDF, a todo's title); the ledger's
// SQL filter is generated from `personnelReadScope`, not written again.
import type { Reader } from '../access/rule.ts';
import { allowed, refused, type Verdict } from '../access/verdict.ts';

/** The person a personnel record is about. */
export interface PersonnelSubject {
  personId: string;
  orgId: string;
  departmentId: string | null;
}

const notFound = refused('not_found', {
  code: 'personnel_not_found',
  zh: '未找到该涉密人员记录',
  en: 'No such classified-personnel record',
  rule: 'R-DES-08a',
});

/**
 * R-PER-01, R-DES-08a: may `reader` read the personnel record of `subject`? Another organisation's
 * record answers 404 (its existence is not disclosed); inside the organisation, the person himself,
 * the secrecy officer, a leader, or the head of the person's department; anyone else 403.
 */
export function personnelReadVerdict(reader: Reader, subject: PersonnelSubject): Verdict {
  if (reader.orgId !== subject.orgId) return notFound;
  if (reader.personId === subject.personId) return allowed;
  if (reader.roles.includes('secrecy_officer') || reader.roles.includes('leader')) return allowed;
  if (
    reader.roles.includes('department_head') &&
    reader.departmentId !== null &&
    reader.departmentId === subject.departmentId
  )
    return allowed;
  return refused('forbidden', {
    code: 'personnel_not_yours',
    zh: '只有本人、保密工作机构、单位领导和本部门负责人可以查看涉密人员记录',
    en: 'Only the person, the secrecy office, the leaders and the head of his department may read a classified-personnel record',
    rule: 'R-PER-01',
  });
}

/**
 * R-PER-01: may `reader` keep (write) the personnel record of `subject`: register posts, vettings,
 * facts, sessions, commitments, leaving? The secrecy officer of the same organisation only.
 */
export function personnelWriteVerdict(reader: Reader, subject: PersonnelSubject): Verdict {
  if (reader.orgId !== subject.orgId) return notFound;
  if (reader.roles.includes('secrecy_officer')) return allowed;
  return refused('forbidden', {
    code: 'personnel_officer_only',
    zh: '涉密人员记录由保密工作机构（保密员）登记',
    en: 'Classified-personnel records are kept by the secrecy office (secrecy officer)',
    rule: 'R-PER-01',
  });
}

/**
 * The same read rule for a list: whom `reader` may read in his organisation. `all` (the secrecy
 * officer, a leader), or the people of one department (its head) plus himself, or himself only. The
 * server compiles this to its WHERE clause; the detail calls personnelReadVerdict — both from here.
 */
export type PersonnelReadScope =
  | { kind: 'all'; orgId: string }
  | { kind: 'department'; orgId: string; departmentId: string; personId: string }
  | { kind: 'self'; orgId: string; personId: string };

export function personnelReadScope(reader: Reader): PersonnelReadScope {
  if (reader.roles.includes('secrecy_officer') || reader.roles.includes('leader'))
    return { kind: 'all', orgId: reader.orgId };
  if (reader.roles.includes('department_head') && reader.departmentId !== null)
    return {
      kind: 'department',
      orgId: reader.orgId,
      departmentId: reader.departmentId,
      personId: reader.personId,
    };
  return { kind: 'self', orgId: reader.orgId, personId: reader.personId };
}

/** Whether a subject falls inside a scope (the list's rule, checked for one; must agree with the verdict). */
export function inPersonnelReadScope(scope: PersonnelReadScope, subject: PersonnelSubject): boolean {
  if (scope.orgId !== subject.orgId) return false;
  if (scope.kind === 'all') return true;
  if (scope.kind === 'department')
    return subject.departmentId === scope.departmentId || subject.personId === scope.personId;
  return subject.personId === scope.personId;
}
