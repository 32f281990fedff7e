// R-FOR-04: whether a participant of a foreign-affairs activity holds a valid secrecy briefing (保密提醒).
// The briefings themselves are the personnel module's (personnel_briefing, registered with the person's
// signature); this rule says which of them covers an activity: held on or before its start, less than
// `validMonths` (12 by default: once a year is enough for people going abroad several times) before it,
// signed by the person and covering every topic.
import { addMonths, compareDates, isPlainDate, type PlainDate } from '../levels/calendar.ts';
import { BRIEFING_TOPICS, type BriefingTopic } from '../personnel/enums.ts';

export const DEFAULT_BRIEFING_VALID_MONTHS = 12;

export interface HeldBriefing {
  heldOn: PlainDate;
  topics: readonly BriefingTopic[];
  signed: boolean;
}

export type BriefingStatus =
  | { valid: true; heldOn: PlainDate }
  | { valid: false; reason: 'none' | 'unsigned' | 'incomplete' | 'expired'; missing: BriefingTopic[] };

export function briefingStatus(
  briefings: readonly HeldBriefing[],
  startsOn: PlainDate,
  validMonths: number = DEFAULT_BRIEFING_VALID_MONTHS,
): BriefingStatus {
  let fallback: BriefingStatus = { valid: false, reason: 'none', missing: [...BRIEFING_TOPICS] };
  const rank = { none: 0, expired: 1, unsigned: 2, incomplete: 3 } as const;
  const worse = (r: keyof typeof rank) => fallback.valid === false && rank[r] > rank[fallback.reason];
  for (const b of briefings) {
    if (!isPlainDate(b.heldOn) || compareDates(b.heldOn, startsOn) > 0) continue;
    const missing = BRIEFING_TOPICS.filter((t) => !b.topics.includes(t));
    if (compareDates(addMonths(b.heldOn, validMonths), startsOn) <= 0) {
      if (worse('expired')) fallback = { valid: false, reason: 'expired', missing };
      continue;
    }
    if (!b.signed) {
      if (worse('unsigned')) fallback = { valid: false, reason: 'unsigned', missing };
      continue;
    }
    if (missing.length) {
      if (worse('incomplete')) fallback = { valid: false, reason: 'incomplete', missing };
      continue;
    }
    return { valid: true, heldOn: b.heldOn };
  }
  return fallback;
}

export const BRIEFING_STATUS_LABELS = {
  valid: { zh: '已提醒', en: 'Briefed' },
  none: { zh: '未进行保密提醒', en: 'No briefing' },
  unsigned: { zh: '提醒记录未签字', en: 'Briefing not signed' },
  incomplete: { zh: '提醒内容不全', en: 'Briefing incomplete' },
  expired: { zh: '提醒已过期', en: 'Briefing expired' },
} as const;
