// 保密审查 rules: the state machine of a request and the decision's checks (R-REV-01, R-REV-02).
import { allowed, refused, type Verdict } from '../access/verdict.ts';
import type { RuleViolation } from '../errors.ts';
import { FOUND_LEVEL_LABELS, type FoundLevel, type ReviewDecision, type ReviewState } from './enums.ts';

/** What the decision rule needs to know of each current file. */
export interface ReviewFileFacts {
  name: string;
  /** The highest state-secret marking the engine found (秘密 or above), or null. */
  highestLevel: FoundLevel | null;
  /** Some part of the file could not be read by the engine. */
  unread: boolean;
  /** The reviewer confirmed he read the unread parts himself (recorded). */
  unreadConfirmed: boolean;
}

const conflictIn = (state: ReviewState, zh: string, en: string, code = 'review_state'): Verdict =>
  refused('conflict', { code, rule: 'R-REV-01', zh: `${zh}（当前状态：${STATE_ZH[state]}）`, en });

const STATE_ZH: Record<ReviewState, string> = {
  draft: '草稿',
  in_review: '待审查',
  released: '同意发布',
  released_with_changes: '修改后发布',
  refused: '不同意发布',
  withdrawn: '已撤回',
};

/** Files may be added or replaced in a draft, or after "release after changes" (then reviewed again). */
export function canChangeReviewFiles(state: ReviewState): Verdict {
  return state === 'draft' || state === 'released_with_changes'
    ? allowed
    : conflictIn(
        state,
        '只有草稿或“修改后发布”的审查申请可以上传文件',
        'Files are added to a draft or after "release after changes" only',
      );
}

/** Submit (or resubmit after changes): needs at least one file; a resubmission needs a changed file. */
export function canSubmitReview(
  state: ReviewState,
  fileCount: number,
  changedSinceDecision: boolean,
): Verdict {
  if (state !== 'draft' && state !== 'released_with_changes')
    return conflictIn(state, '该审查申请不能提交', 'This request cannot be submitted');
  if (fileCount === 0)
    return refused('invalid', {
      code: 'review_no_files',
      field: 'files',
      rule: 'R-REV-01',
      zh: '请先上传要审查的文件',
      en: 'Upload the files to review first',
    });
  if (state === 'released_with_changes' && !changedSinceDecision)
    return refused('invalid', {
      code: 'review_unchanged',
      field: 'files',
      rule: 'R-REV-01',
      zh: '修改后重新提交须上传修改后的文件（文件的SM3杂凑值未变）',
      en: 'Resubmit with the changed file (its SM3 hash is unchanged)',
    });
  return allowed;
}

export function canWithdrawReview(state: ReviewState): Verdict {
  return state === 'draft' || state === 'in_review' || state === 'released_with_changes'
    ? allowed
    : conflictIn(state, '该审查申请不能撤回', 'This request cannot be withdrawn');
}

/**
 * R-REV-02: a decision on a request in review. Release (with or without changes) is refused for every
 * file with a 秘密-or-above marking — whatever the UI sends — and for every file with unread parts the
 * reviewer has not confirmed he read himself. Refusing is always possible.
 */
export function checkReviewDecision(
  state: ReviewState,
  decision: ReviewDecision,
  files: readonly ReviewFileFacts[],
  /** The purpose's approval chain (R-FOR-06, R-FOR-07) is still under way. */
  chainPending = false,
): Verdict {
  if (state !== 'in_review')
    return conflictIn(state, '该审查申请不在待审查状态', 'This request is not in review');
  if (chainPending)
    return refused('conflict', {
      code: 'review_chain_pending',
      rule: 'R-FOR-06',
      zh: '该审查申请须先经部门负责人（及业务主管部门）审核，审核通过后保密办再作结论',
      en: 'The department head (and the business office) review it first; the secrecy office decides after',
    });
  if (decision === 'refuse') return allowed;
  const marked: RuleViolation[] = files
    .filter((f) => f.highestLevel !== null)
    .map((f) => {
      const lv = FOUND_LEVEL_LABELS[f.highestLevel as FoundLevel];
      return {
        code: 'review_marked_file',
        field: 'decision',
        rule: 'R-REV-02',
        zh: `文件《${f.name}》含“${lv}”国家秘密标志，不得同意发布`,
        en: `The file "${f.name}" carries a ${f.highestLevel} marking and can never be released`,
      };
    });
  if (marked.length > 0) return refused('invalid', marked[0]!, marked);
  const unread: RuleViolation[] = files
    .filter((f) => f.unread && !f.unreadConfirmed)
    .map((f) => ({
      code: 'review_unread_unconfirmed',
      field: 'confirmUnread',
      rule: 'R-REV-02',
      zh: `文件《${f.name}》有系统未能读取的内容，须审查人确认已亲自阅读后方可同意发布`,
      en: `Parts of "${f.name}" could not be read by the system: confirm you read them yourself before releasing`,
    }));
  if (unread.length > 0) return refused('invalid', unread[0]!, unread);
  return allowed;
}

/** The state a decision leads to. */
export function reviewStateAfter(decision: ReviewDecision): ReviewState {
  return decision === 'release'
    ? 'released'
    : decision === 'release_with_changes'
      ? 'released_with_changes'
      : 'refused';
}
