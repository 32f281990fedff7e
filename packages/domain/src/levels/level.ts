// R-LVL-01: levels (密级). The three state-secret levels, and below them the non-state-secret
// categories the system also handles.
import type { Clearance } from '../orgs/enums.ts';

export const LEVELS = ['public', 'internal', 'work_secret', 'confidential', 'secret', 'top_secret'] as const;
export type Level = (typeof LEVELS)[number];

/** R-LVL-01: the state-secret levels (国家秘密密级), lowest first. */
export const STATE_SECRET_LEVELS = ['confidential', 'secret', 'top_secret'] as const;
export type StateSecretLevel = (typeof STATE_SECRET_LEVELS)[number];

export const LEVEL_LABELS: Record<Level, { zh: string; en: string }> = {
  public: { zh: '公开', en: 'Public' },
  internal: { zh: '内部', en: 'Internal' },
  work_secret: { zh: '工作秘密', en: 'Work secret' },
  confidential: { zh: '秘密', en: 'Confidential' },
  secret: { zh: '机密', en: 'Secret' },
  top_secret: { zh: '绝密', en: 'Top secret' },
};

/**
 * Order of levels: 公开 < 内部 < 秘密 < 机密 < 绝密. 工作秘密 is not a state secret and is managed
 * like 内部, so it shares 内部's rank (compareLevels('work_secret', 'internal') === 0).
 */
export const LEVEL_RANK: Record<Level, number> = {
  public: 0,
  internal: 1,
  work_secret: 1,
  confidential: 2,
  secret: 3,
  top_secret: 4,
};

/** Rank of the highest level each clearance (涉密等级) may know; 'none' knows no state secret. */
export const CLEARANCE_RANK: Record<Clearance, number> = {
  none: 1,
  confidential: 2,
  secret: 3,
  top_secret: 4,
};

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** R-LVL-01: 绝密, 机密 and 秘密 are state secrets; 公开, 内部 and 工作秘密 are not. */
export function isStateSecret(level: Level): level is StateSecretLevel {
  return (STATE_SECRET_LEVELS as readonly string[]).includes(level);
}

/** Negative when a is lower than b, 0 when of equal rank (incl. 内部 vs 工作秘密), positive when higher. */
export function compareLevels(a: Level, b: Level): number {
  return LEVEL_RANK[a] - LEVEL_RANK[b];
}

/** The higher of two levels (a wins a tie), e.g. for a derived item or a disputed matter. */
export function maxLevel(a: Level, b: Level): Level {
  return compareLevels(b, a) > 0 ? b : a;
}

/**
 * Whether a person's clearance lets them know an item of this level. Non-state-secret levels
 * (公开, 内部, 工作秘密) need no clearance; a state-secret level needs a clearance at least as high.
 */
export function clearanceCovers(clearance: Clearance, level: Level): boolean {
  if (!isStateSecret(level)) return true;
  return CLEARANCE_RANK[clearance] >= LEVEL_RANK[level];
}

/** The level named by a Chinese label (公开, 内部, 工作秘密, 秘密, 机密, 绝密; 级 suffix and spaces allowed). */
export function levelFromLabel(label: string): Level | null {
  const t = label
    .replace(/\s+/gu, '')
    .replace(/[级級]$/u, '')
    .replace('絕', '绝')
    .replace('機', '机');
  for (const level of LEVELS) if (LEVEL_LABELS[level].zh === t) return level;
  return null;
}
