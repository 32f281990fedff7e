// 泄密事件 (leak incidents): the first piece of the later incidents module — a minimal record of a
// suspected or actual leak (what, level, when discovered and by whom, the custodian) and its 24-hour
// report deadline counted on the clock (R-INC-01). Opened by the carriers module when an inventory finds
// a carrier missing (R-CAR-09); investigation and accountability come with the later incidents module.
import type { ReadPredicate } from '../access/rule.ts';
import { allowed, refused, type Verdict } from '../access/verdict.ts';

const L = (zh: string, en: string) => ({ zh, en });

/** Where an incident record came from: an inventory campaign's missing carrier, or typed in by hand. */
export const INCIDENT_SOURCES = ['inventory', 'manual'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];
export const INCIDENT_SOURCE_LABELS: Record<IncidentSource, { zh: string; en: string }> = {
  inventory: L('清查发现', 'Found at an inventory'),
  manual: L('人工登记', 'Registered by hand'),
};

/** `open`: not yet reported to the secrecy bureau and the superior; `reported`: reported (R-INC-01). */
export const INCIDENT_STATUSES = ['open', 'reported'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, { zh: string; en: string }> = {
  open: L('待报告', 'To be reported'),
  reported: L('已报告', 'Reported'),
};

/** R-INC-01: reported within 24 hours of discovery — on the clock, not in working days. */
export const INCIDENT_REPORT_HOURS = 24;

/** R-INC-01: the report deadline: discovery + 24 hours on the clock (weekends and holidays included). */
export function incidentDeadline(discoveredAt: Date): Date {
  return new Date(discoveredAt.getTime() + INCIDENT_REPORT_HOURS * 3600 * 1000);
}

/** An instant as China reads it: `2026-03-01 09:30` (Asia/Shanghai, no daylight saving). */
export function chinaTime(d: Date): string {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const at = (t: string) => p.find((x) => x.type === t)?.value ?? '';
  return `${at('year')}-${at('month')}-${at('day')} ${at('hour')}:${at('minute')}`;
}

/** R-INC-01: where the report stands against its deadline (the todo and the list say it). */
export type DeadlineState = 'reported' | 'due' | 'near' | 'overdue';

/** R-INC-01: the system escalates as the deadline nears: the last 6 hours are `near`. */
export function deadlineState(i: { status: IncidentStatus; reportDeadline: Date }, now: Date): DeadlineState {
  if (i.status === 'reported') return 'reported';
  const left = i.reportDeadline.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= 6 * 3600 * 1000 ? 'near' : 'due';
}

/** R-INC-01: an incident is reported once; a second report is a conflict naming when it was. */
export function checkMarkReported(i: { status: IncidentStatus; reportedAt: Date | null }): Verdict {
  if (i.status === 'open') return allowed;
  const when = i.reportedAt ? chinaTime(i.reportedAt) : '';
  return refused('conflict', {
    code: 'incident_already_reported',
    rule: 'R-INC-01',
    field: 'status',
    zh: `该泄密事件已于${when}（北京时间）报告，不能重复报告`,
    en: `This incident was already reported at ${when} (Beijing time)`,
  });
}

/**
 * R-PER-01, R-LVL-01, R-DES-08a, R-INC-01: who reads an incident record — never above the reader's
 * clearance, within his organisation; then the secrecy officer or a leader (who must report it), the
 * custodian who answers for the carrier, or anyone in the carrier's knowledge scope.
 */
export const INCIDENT_READ: ReadPredicate = {
  all: [
    { clearanceCovers: true },
    { sameOrg: true },
    { any: [{ hasRole: ['secrecy_officer', 'leader'] }, { isHandler: true }, { inScope: true }] },
  ],
};
