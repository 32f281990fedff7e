// R-LVL-05: marks cannot be separated from content. Every export, print, copy and screen of an
// item shows the line returned here; keep to these helpers so that every surface agrees.
import { formatCopyNumber } from './copy-number.ts';
import { isStateSecret, LEVEL_LABELS, type Level } from './level.ts';
import { formatMarking } from './marking.ts';
import type { Period } from './period.ts';

/** What a surface needs to mark an item. A missing period means the level-only default. */
export interface MarkedItem {
  level: Level;
  period?: Period | null;
  released?: boolean;
}

/**
 * R-LVL-05: the marking line of an item.
 * - 绝密/机密/秘密: the canonical marking, e.g. `机密★5年`; released: `机密★5年（解密）`.
 * - 内部 / 工作秘密: the level's label, `内部` / `工作秘密` (not a state-secret marking).
 * - 公开: '' (public items carry no mark; callers print nothing).
 * Throws a DomainError (R-LVL-03) on a malformed period rather than print a wrong mark.
 */
export function markingLine(item: MarkedItem): string {
  if (isStateSecret(item.level)) {
    return formatMarking(
      { level: item.level, period: item.period ?? { kind: 'default' } },
      { released: item.released },
    );
  }
  return item.level === 'public' ? '' : LEVEL_LABELS[item.level].zh;
}

/**
 * R-LVL-03/04/05: the top-left header lines of a printed document (GB/T 9704-2012): the copy
 * number on the first line, the marking on the second. Empty lines are left out.
 */
export function documentHeaderLines(item: MarkedItem & { copyNumber?: number | null }): string[] {
  const lines: string[] = [];
  if (item.copyNumber !== undefined && item.copyNumber !== null)
    lines.push(formatCopyNumber(item.copyNumber));
  const mark = markingLine(item);
  if (mark !== '') lines.push(mark);
  return lines;
}
