// 保密审查 (confidentiality review of outgoing material, R-REV-01, R-FOR-06, R-FOR-07): the purposes a
// request is made for, its states and the reviewer's decisions, with their labels (docs/glossary.md).

const L = (zh: string, en: string) => ({ zh, en });

/** What the material is for (审查用途). `foreign_party` is R-FOR-06, `foreign_publication` R-FOR-07. */
export const REVIEW_PURPOSES = [
  'publication',
  'press',
  'conference',
  'foreign_party',
  'foreign_publication',
  'email',
  'other',
] as const;
export type ReviewPurpose = (typeof REVIEW_PURPOSES)[number];
export const REVIEW_PURPOSE_LABELS: Record<ReviewPurpose, { zh: string; en: string }> = {
  publication: L('公开发布（网站、出版物）', 'Publication or website'),
  press: L('新闻宣传', 'Press'),
  conference: L('会议论文、讲话（含出境）', 'Conference paper or speech (incl. abroad)'),
  foreign_party: L('对外提供资料', 'Materials for a foreign party'),
  foreign_publication: L('涉外论文、讲话、新闻稿', 'Papers, speeches, press about a foreign activity'),
  email: L('对外发送电子邮件附件', 'E-mail attachment to outside'),
  other: L('其他', 'Other'),
};

/** 审查状态: draft → in_review → released | released_with_changes | refused; withdrawn by the requester. */
export const REVIEW_STATES = [
  'draft',
  'in_review',
  'released',
  'released_with_changes',
  'refused',
  'withdrawn',
] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_STATE_LABELS: Record<ReviewState, { zh: string; en: string }> = {
  draft: L('草稿', 'Draft'),
  in_review: L('待审查', 'In review'),
  released: L('同意发布（提供）', 'Released'),
  released_with_changes: L('修改后发布', 'Release after changes'),
  refused: L('不同意发布', 'Refused'),
  withdrawn: L('已撤回', 'Withdrawn'),
};

/** The reviewer's decision (审查结论). */
export const REVIEW_DECISIONS = ['release', 'release_with_changes', 'refuse'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, { zh: string; en: string }> = {
  release: L('同意发布（提供）', 'Release'),
  release_with_changes: L('修改后发布', 'Release after changes'),
  refuse: L('不同意', 'Refuse'),
};

export const REVIEW_SEVERITIES = ['high', 'medium', 'low'] as const;
export type ReviewSeverity = (typeof REVIEW_SEVERITIES)[number];
export const REVIEW_SEVERITY_LABELS: Record<ReviewSeverity, { zh: string; en: string }> = {
  high: L('高', 'High'),
  medium: L('中', 'Medium'),
  low: L('低', 'Low'),
};

/** A state-secret level found in a file (the engine's markings of 秘密 or above). */
export type FoundLevel = 'top_secret' | 'secret' | 'confidential';
const LEVEL_RANK: Record<FoundLevel, number> = { confidential: 1, secret: 2, top_secret: 3 };
export const FOUND_LEVEL_LABELS: Record<FoundLevel, string> = {
  top_secret: '绝密',
  secret: '机密',
  confidential: '秘密',
};

/** The highest of the levels (null when none). */
export function highestFoundLevel(levels: readonly (string | null | undefined)[]): FoundLevel | null {
  let best: FoundLevel | null = null;
  for (const l of levels) {
    if (l !== 'top_secret' && l !== 'secret' && l !== 'confidential') continue;
    if (!best || LEVEL_RANK[l] > LEVEL_RANK[best]) best = l;
  }
  return best;
}
