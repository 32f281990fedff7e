// Who may read a foreign-affairs activity (涉外活动): one rule for the detail, the ledger (its SQL filter
// is compiled from `activityReadScope`), the export, the PDFs and the todos. Inside the organisation
// only (another organisation's record answers 404, R-DES-08a); the secrecy office, the unit's leaders
// (the plan's approvers, R-FOR-03), the head of the organising department, whoever registered it, the
// participants and the members of its leading group; a classified activity also needs a clearance
// covering its level (R-PER-01). The 三员 never reach it (they are not business callers, R-SYS-01).
import type { Reader } from '../access/rule.ts';
import { allowed, refused, type Verdict } from '../access/verdict.ts';
import { CLEARANCE_RANK, LEVEL_RANK, type StateSecretLevel } from '../levels/level.ts';

export interface ActivitySubject {
  orgId: string;
  organiserDepartmentId: string;
  createdByPersonId: string;
  level: StateSecretLevel | null;
  participantIds: readonly string[];
  leadingGroupIds: readonly string[];
}

export const ACTIVITY_NOT_FOUND = { zh: '涉外活动', en: 'Foreign-affairs activity' };

const notFound = refused('not_found', {
  code: 'not_found',
  zh: '未找到该涉外活动',
  en: 'No such foreign-affairs activity',
  rule: 'R-DES-08a',
});

/** Roles that read every activity of their organisation (within their clearance). */
const READ_ALL = ['secrecy_officer', 'leader'] as const;

export function activityReadVerdict(reader: Reader, a: ActivitySubject): Verdict {
  if (reader.orgId !== a.orgId) return notFound;
  const involved =
    READ_ALL.some((r) => reader.roles.includes(r)) ||
    (reader.roles.includes('department_head') && reader.departmentId === a.organiserDepartmentId) ||
    reader.personId === a.createdByPersonId ||
    a.participantIds.includes(reader.personId) ||
    a.leadingGroupIds.includes(reader.personId);
  if (!involved)
    return refused('forbidden', {
      code: 'activity_not_yours',
      zh: '只有保密工作机构、单位领导、组织部门负责人、登记人、参加人员和保密工作领导小组成员可以查看该涉外活动',
      en: 'Only the secrecy office, the leaders, the organising department’s head, the registrar, the participants and the leading group may read this activity',
      rule: 'R-FOR-03',
    });
  if (a.level !== null && CLEARANCE_RANK[reader.clearance] < LEVEL_RANK[a.level])
    return refused('forbidden', {
      code: 'clearance_too_low',
      zh: '您的涉密等级低于该涉外活动的密级',
      en: 'Your clearance is below the activity’s level',
      rule: 'R-PER-01',
    });
  return allowed;
}

/** The same rule for a list: the server compiles it to its WHERE clause. */
export interface ActivityReadScope {
  orgId: string;
  /** Every activity of the organisation (secrecy office, leaders), else only those he is involved in. */
  all: boolean;
  personId: string;
  /** The department he heads, if any. */
  headOf: string | null;
  /** The highest level rank his clearance covers (2 秘密 … 4 绝密; 1: none). */
  clearanceRank: number;
}

export function activityReadScope(reader: Reader): ActivityReadScope {
  return {
    orgId: reader.orgId,
    all: READ_ALL.some((r) => reader.roles.includes(r)),
    personId: reader.personId,
    headOf: reader.roles.includes('department_head') ? reader.departmentId : null,
    clearanceRank: CLEARANCE_RANK[reader.clearance],
  };
}

/** Who keeps activities (registers, submits, starts, closes): the secrecy officer, or the organising
 * department's head, or the registrar, of the same organisation. The officer's check is his alone. */
export function activityWriteVerdict(reader: Reader, a: ActivitySubject): Verdict {
  const read = activityReadVerdict(reader, a);
  if (!read.allowed) return read;
  if (
    reader.roles.includes('secrecy_officer') ||
    (reader.roles.includes('department_head') && reader.departmentId === a.organiserDepartmentId) ||
    reader.personId === a.createdByPersonId
  )
    return allowed;
  return refused('forbidden', {
    code: 'activity_write_refused',
    zh: '只有保密员、组织部门负责人或登记人可以办理该涉外活动',
    en: 'Only the secrecy officer, the organising department’s head or the registrar handle this activity',
    rule: 'R-FOR-03',
  });
}

export function officerVerdict(reader: Reader): Verdict {
  if (reader.roles.includes('secrecy_officer')) return allowed;
  return refused('forbidden', {
    code: 'officer_only',
    zh: '须由保密员办理',
    en: 'The secrecy officer does this',
    rule: 'R-FOR-08',
  });
}

/**
 * R-FOR-03 (D151): who decides an activity's secrecy plan is not one of those it concerns — a leader
 * who takes part in it or registered it does not approve (nor return, nor reject) his own plan; another
 * leader of the unit does. The approval engine already refuses the initiator; this covers the leader
 * whose plan someone else submitted.
 */
export function planDeciderVerdict(
  personId: string,
  a: Pick<ActivitySubject, 'createdByPersonId' | 'participantIds'>,
): Verdict {
  if (personId === a.createdByPersonId || a.participantIds.includes(personId))
    return refused('forbidden', {
      code: 'own_activity',
      zh: '本人参加或登记的涉外活动，其保密工作方案须由其他主管领导审批',
      en: 'A leader who takes part in or registered the activity does not decide its plan; another leader does',
      rule: 'R-FOR-03',
    });
  return allowed;
}
