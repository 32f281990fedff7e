// 涉密人员 major-matter review (R-PER-05): the secrecy officer reviews a pending report once, and may
// change the class of the person's open post because of it. Which post changes, and what is refused:
// a second review, a post named without a class, a class change for a person with no open post, or
// with two open posts and none named. A class "changed" to the one it already is, is no change.
import type { RuleViolation } from '../errors.ts';
import type { PersonClass } from './enums.ts';

export interface MatterReviewInput {
  status: 'pending' | 'reviewed';
  changeClassTo: PersonClass | null;
  postId: string | null;
  /** The posts whose class may change: his open posts, and a post he left while its 脱密期 runs (R-PER-06). */
  openPosts: readonly { id: string; personClass: PersonClass }[];
}

export type MatterReviewDecision =
  | { ok: true; change: { postId: string; from: PersonClass; to: PersonClass } | null }
  | { ok: false; kind: 'conflict' | 'invalid'; violation: RuleViolation };

const no = (kind: 'conflict' | 'invalid', code: string, field: string | undefined, zh: string, en: string) =>
  ({ ok: false, kind, violation: { code, rule: 'R-PER-05', field, zh, en } }) as const;

/** R-PER-05: may this review be recorded, and which post's class changes (from → to)? */
export function checkMatterReview(r: MatterReviewInput): MatterReviewDecision {
  if (r.status !== 'pending')
    return no(
      'conflict',
      'matter_already_reviewed',
      undefined,
      '该报告已审核，不能再次审核',
      'The report has already been reviewed',
    );
  if (r.postId && !r.changeClassTo)
    return no(
      'invalid',
      'matter_post_without_class',
      'changeClassTo',
      '指定岗位时须选择调整后的涉密等级',
      'A post is named only with a new class',
    );
  if (!r.changeClassTo) return { ok: true, change: null };
  const post = r.postId
    ? r.openPosts.find((p) => p.id === r.postId)
    : r.openPosts.length === 1
      ? r.openPosts[0]
      : undefined;
  if (!post)
    return r.openPosts.length === 0
      ? no(
          'invalid',
          'matter_no_open_post',
          'postId',
          '本人没有在岗或处于脱密期的涉密岗位，无法调整涉密等级',
          'He holds no open classified post and none in a 脱密期',
        )
      : r.postId
        ? no(
            'invalid',
            'matter_post_not_open',
            'postId',
            '所选岗位不是本人在岗的涉密岗位',
            'The post named is not one of his open posts',
          )
        : no(
            'invalid',
            'matter_post_required',
            'postId',
            `本人在${r.openPosts.length}个涉密岗位：请选择调整哪个岗位`,
            'He holds two or more posts: name the post whose class changes',
          );
  if (post.personClass === r.changeClassTo) return { ok: true, change: null };
  return { ok: true, change: { postId: post.id, from: post.personClass, to: r.changeClassTo } };
}
