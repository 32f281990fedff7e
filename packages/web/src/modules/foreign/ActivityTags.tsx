// The state and importance of an activity as tags (ledger and page).
import { ACTIVITY_STATE_LABELS, type ActivityState, IMPORTANCE_LABELS, type Importance } from '@baomi/domain';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n.tsx';

const STATE_COLOURS: Record<ActivityState, string> = {
  draft: 'default',
  plan_submitted: 'processing',
  plan_approved: 'cyan',
  started: 'blue',
  ended: 'orange',
  closed: 'success',
};

export function ActivityStateTag({ state }: { state: ActivityState }) {
  const { l } = useI18n();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="activity-state">
      {l(ACTIVITY_STATE_LABELS[state])}
    </Tag>
  );
}

export function ImportanceTag({ importance }: { importance: Importance }) {
  const { l } = useI18n();
  return (
    <Tag color={importance === 'major' ? 'volcano' : 'default'} data-testid="activity-importance">
      {l(IMPORTANCE_LABELS[importance])}
    </Tag>
  );
}
