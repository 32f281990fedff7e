// The audit trail's words for 清查清退 (R-CAR-09), spread into the carriers manifest.
import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_SCOPE_LABELS,
  CAMPAIGN_STATUS_LABELS,
  CARRIER_STATUS_LABELS,
  INVENTORY_RESULT_LABELS,
  LEVEL_LABELS,
} from '@baomi/domain';

const FIELDS = {
  kind: { zh: '类别', en: 'Kind', values: CAMPAIGN_KIND_LABELS },
  scope: { zh: '范围', en: 'Scope', values: CAMPAIGN_SCOPE_LABELS },
  level: { zh: '密级', en: 'Level', values: LEVEL_LABELS },
  count: { zh: '载体件数', en: 'Carriers' },
  campaignId: { zh: '清查', en: 'Campaign', hidden: true },
  result: { zh: '清查结果', en: 'Result', values: INVENTORY_RESULT_LABELS },
  copyNumber: {
    zh: '份号',
    en: 'Copy number',
    value: (v: unknown) => (typeof v === 'number' ? String(v).padStart(6, '0') : null),
  },
  status: { zh: '状态', en: 'Status', values: { ...CARRIER_STATUS_LABELS, ...CAMPAIGN_STATUS_LABELS } },
  found: { zh: '在位', en: 'Found' },
  missing: { zh: '缺失', en: 'Missing' },
  damaged: { zh: '损坏', en: 'Damaged' },
  format: { zh: '格式', en: 'Format' },
  rows: { zh: '行数', en: 'Rows' },
  filter: { zh: '筛选条件', en: 'Filter' },
};

export const CAMPAIGN_AUDIT_ACTIONS = {
  'carrier.campaign_open': { zh: '发起清查清退', en: 'Open an inventory campaign', fields: FIELDS },
  'carrier.campaign_read': { zh: '查看清查清退', en: 'Read an inventory campaign', fields: FIELDS },
  'carrier.campaign_confirm': { zh: '确认清查结果', en: 'Confirm a carrier at an inventory', fields: FIELDS },
  'carrier.campaign_close': { zh: '结束清查清退', en: 'Close an inventory campaign', fields: FIELDS },
  'carrier_campaign.export': { zh: '导出清查报告', en: 'Export a campaign report', fields: FIELDS },
  'carrier.found': { zh: '登记找回缺失载体', en: 'Missing carrier found again', fields: FIELDS },
};
