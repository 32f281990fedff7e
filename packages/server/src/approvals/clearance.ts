// R-PER-01 in the approval engine: an approval's material may be classified (a designation's level);
// nobody sees it above his clearance — not its title in a list or a todo, not its detail, and he
// cannot decide it. The level is the frozen snapshot's `level` when it names a state-secret level.
import {
  type Clearance,
  clearanceCovers,
  clearanceReason,
  forbidden,
  LEVEL_LABELS,
  LEVELS,
  type Level,
} from '@baomi/domain';

export function materialLevel(snapshot: Record<string, unknown>): Level | null {
  const l = snapshot.level;
  return typeof l === 'string' && (LEVELS as readonly string[]).includes(l) ? (l as Level) : null;
}

export function coversMaterial(clearance: Clearance, snapshot: Record<string, unknown>): boolean {
  const level = materialLevel(snapshot);
  return level === null || clearanceCovers(clearance, level);
}

/** A row of a list or a todo as a reader below its level sees it: "绝密事项 1 件", no title, no material. */
export function masked<T extends { title: string; subjectSnapshot: Record<string, unknown> }>(
  clearance: Clearance,
  row: T,
): T {
  if (coversMaterial(clearance, row.subjectSnapshot)) return row;
  const level = materialLevel(row.subjectSnapshot)!;
  return {
    ...row,
    title: `${LEVEL_LABELS[level].zh}事项 1 件（涉密等级不足，不显示标题）`,
    subjectSnapshot: { level },
  };
}

/** The refusal of a detail or a decision above the reader's clearance. */
export function clearanceRefusal(clearance: Clearance, snapshot: Record<string, unknown>) {
  return forbidden(clearanceReason(clearance, materialLevel(snapshot)!));
}
