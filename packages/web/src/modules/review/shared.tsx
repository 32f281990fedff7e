// Pieces of the review pages: the state tag and the marking tag.
import { FOUND_LEVEL_LABELS, REVIEW_STATE_LABELS, type ReviewState } from '@baomi/domain';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n.tsx';

const STATE_COLOR: Record<ReviewState, string> = {
  draft: 'default',
  in_review: 'processing',
  released: 'success',
  released_with_changes: 'warning',
  refused: 'error',
  withdrawn: 'default',
};

export function StateTag({ state }: { state: ReviewState }) {
  const { l } = useI18n();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="review-state">
      {l(REVIEW_STATE_LABELS[state])}
    </Tag>
  );
}

export function LevelTag({ level }: { level: 'top_secret' | 'secret' | 'confidential' | null }) {
  if (!level) return <span>—</span>;
  return (
    <Tag color="red" data-testid="review-level">
      {FOUND_LEVEL_LABELS[level]}
    </Tag>
  );
}
