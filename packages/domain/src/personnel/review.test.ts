import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkMatterReview, type MatterReviewInput } from './review.ts';

const one = [{ id: 'p1', personClass: 'important' as const }];
const two = [...one, { id: 'p2', personClass: 'general' as const }];
const r = (extra: Partial<MatterReviewInput> = {}): MatterReviewInput => ({
  status: 'pending',
  changeClassTo: null,
  postId: null,
  openPosts: one,
  ...extra,
});

describe('R-PER-05 major-matter review', () => {
  const cases: [string, MatterReviewInput, string | null, unknown][] = [
    ['a review without a class change', r(), null, null],
    ['a second review', r({ status: 'reviewed' }), 'matter_already_reviewed', null],
    ['a post named without a class', r({ postId: 'p1' }), 'matter_post_without_class', null],
    [
      'one open post: it changes',
      r({ changeClassTo: 'general' }),
      null,
      { postId: 'p1', from: 'important', to: 'general' },
    ],
    ['the same class: no change', r({ changeClassTo: 'important' }), null, null],
    ['no open post', r({ changeClassTo: 'core', openPosts: [] }), 'matter_no_open_post', null],
    ['two posts, none named', r({ changeClassTo: 'core', openPosts: two }), 'matter_post_required', null],
    [
      'two posts, one named',
      r({ changeClassTo: 'core', postId: 'p2', openPosts: two }),
      null,
      { postId: 'p2', from: 'general', to: 'core' },
    ],
    [
      'a post not open',
      r({ changeClassTo: 'core', postId: 'p9', openPosts: two }),
      'matter_post_not_open',
      null,
    ],
  ];
  for (const [name, input, code, change] of cases)
    test(`R-PER-05 ${name}`, () => {
      const d = checkMatterReview(input);
      if (code === null) {
        assert.ok(d.ok);
        assert.deepEqual(d.change, change);
      } else {
        assert.ok(!d.ok);
        assert.equal(d.violation.code, code);
        assert.equal(d.violation.rule, 'R-PER-05');
        assert.match(d.violation.zh, /\p{Script=Han}/u);
        assert.equal(d.kind, code === 'matter_already_reviewed' ? 'conflict' : 'invalid');
      }
    });
});
