// Pieces every designation page shows: the marking (R-LVL-05), status and level tags, the domain's
// bilingual reasons, the knowledge scope by name, and the organisation's directory.
import { formatMarking, type KnowScope, LEVEL_LABELS, type Level, type Period } from '@baomi/domain';
import { List, Space, Tag, Typography } from 'antd';
import type { Bilingual } from '../../app/api.ts';
import { Citation } from '../../app/citation.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { type Directory, designationApi, type Item, type ItemStatus } from './api.ts';
import { ITEM_STATUS_COLORS, ITEM_STATUS_LABELS } from './labels.ts';

/** The canonical marking of level and period, or null when they do not make one. */
export function markingOf(level: Level, period: Period | undefined | null): string | null {
  if (!period) return null;
  try {
    return formatMarking({ level: level as never, period });
  } catch {
    return null;
  }
}

/**
 * R-LVL-05: the item's marking wherever it is shown. A designated item shows its marking (a released
 * one with 解密); one not yet designated shows the proposed marking, marked as proposed.
 */
export function MarkingTag({ item }: { item: Pick<Item, 'marking' | 'level' | 'period' | 'status'> }) {
  const { t } = useI18n();
  if (item.marking) {
    const released = item.status === 'released';
    return (
      <Tag color={released ? 'default' : 'red'} data-testid="marking" style={{ fontWeight: 600 }}>
        {item.marking}
      </Tag>
    );
  }
  const proposed = markingOf(item.level, item.period);
  return (
    <Tag variant="outlined" color="orange" data-testid="marking-proposed">
      {t('des.proposedMarking', { marking: proposed ?? LEVEL_LABELS[item.level].zh })}
    </Tag>
  );
}

export function StatusTag({ status }: { status: ItemStatus }) {
  const { l } = useI18n();
  return (
    <Tag color={ITEM_STATUS_COLORS[status]} data-testid="item-status">
      {l(ITEM_STATUS_LABELS[status])}
    </Tag>
  );
}

const LEVEL_COLORS: Partial<Record<Level, string>> = {
  confidential: 'gold',
  secret: 'orange',
  top_secret: 'red',
};

export function LevelTag({ level }: { level: Level }) {
  const { l } = useI18n();
  return <Tag color={LEVEL_COLORS[level]}>{l(LEVEL_LABELS[level])}</Tag>;
}

/** The domain's reasons (R-…), each in the current language with its rule. */
export function ReasonList({
  reasons,
  'data-testid': testId,
}: {
  reasons: (Bilingual & { rule?: string; code?: string })[];
  'data-testid'?: string;
}) {
  const { l } = useI18n();
  return (
    <List
      size="small"
      split={false}
      dataSource={reasons}
      data-testid={testId}
      renderItem={(r) => (
        <List.Item style={{ padding: '2px 0' }}>
          <Space align="start" size={6}>
            {r.rule && <Citation rule={r.rule} />}
            <Typography.Text>{l(r)}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The organisation's people, departments and the organisations below it (for pickers and names). */
export function useDirectory() {
  return useLoad(() => designationApi.directory(), []);
}

/** A knowledge scope by name: people, departments, positions. */
export function ScopeText({ scope, directory }: { scope: KnowScope; directory: Directory | undefined }) {
  const { t } = useI18n();
  const person = (id: string) => directory?.people.find((p) => p.id === id)?.name ?? id.slice(0, 8);
  const dept = (id: string) => directory?.departments.find((d) => d.id === id)?.name ?? id.slice(0, 8);
  const parts: [string, string[]][] = [
    [t('des.scope.people'), scope.personIds.map(person)],
    [t('des.scope.departments'), scope.departmentIds.map(dept)],
    [t('des.scope.positions'), [...scope.positions]],
  ];
  const shown = parts.filter(([, v]) => v.length > 0);
  if (shown.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={2} data-testid="scope-text">
      {shown.map(([k, v]) => (
        <span key={k}>
          <Typography.Text type="secondary">{k}：</Typography.Text>
          {v.join('、')}
        </span>
      ))}
    </Space>
  );
}
