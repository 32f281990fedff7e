// What the incidents pages share: the deadline tag (R-INC-01: escalates as the deadline nears).
import type { Incident } from '@baomi/api/incidents.ts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n.tsx';

const COLORS = { due: 'blue', near: 'orange', overdue: 'red', reported: 'green' } as const;

export function DeadlineTag({ i }: { i: Pick<Incident, 'deadlineState' | 'reportDeadlineText'> }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[i.deadlineState]} data-testid="incident-deadline">
      {i.reportDeadlineText}（{t(`inc.state.${i.deadlineState}`)}）
    </Tag>
  );
}
