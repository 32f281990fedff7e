import {
  BUSINESS_ROLE_LABELS,
  type BusinessRole,
  CLEARANCE_LABELS,
  type Clearance,
  RANK_LABELS,
  type Rank,
} from '@baomi/domain';
import { Space, Tag } from 'antd';
import { useI18n } from '../../app/i18n.tsx';

export const CLEARANCE_COLORS: Record<Clearance, string> = {
  none: 'default',
  confidential: 'gold',
  secret: 'orange',
  top_secret: 'red',
};

export function RoleTags({ roles }: { roles: BusinessRole[] }) {
  const { l } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      {roles.map((r) => (
        <Tag key={r} color="blue" style={{ marginInlineEnd: 0 }}>
          {BUSINESS_ROLE_LABELS[r] ? l(BUSINESS_ROLE_LABELS[r]) : r}
        </Tag>
      ))}
    </Space>
  );
}

export function ClearanceTag({ clearance }: { clearance: Clearance }) {
  const { l } = useI18n();
  const label = CLEARANCE_LABELS[clearance];
  return (
    <Tag color={CLEARANCE_COLORS[clearance] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {label ? l(label) : clearance}
    </Tag>
  );
}

export function rankLabel(rank: string, l: (b: { zh: string; en: string }) => string): string {
  const label = RANK_LABELS[rank as Rank];
  return label ? l(label) : rank;
}
