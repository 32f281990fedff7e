// The basis of a rule as a 保密办 reads it: the law, regulation or standard article
// (《中华人民共和国保守国家秘密法》第二十条), with the rule id kept in a tooltip for support.
import { citationOf } from '@baomi/domain';
import { Tag, Tooltip } from 'antd';
import { useI18n } from './i18n.tsx';

export function Citation({ rule }: { rule: string }) {
  const { l } = useI18n();
  const c = citationOf(rule);
  return (
    <Tooltip title={rule}>
      <Tag style={{ marginInlineEnd: 0, whiteSpace: 'normal' }} data-testid="citation" data-rule={rule}>
        {c ? l(c) : rule}
      </Tag>
    </Tooltip>
  );
}
