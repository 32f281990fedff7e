// 涉密载体 (classified carriers): receipt, production, loans, destruction, the ledger and the trace.
import { APPROVAL_STATUS_LABELS } from '@baomi/api/approvals/labels.ts';
import {
  CARRIER_STATUS_LABELS,
  CONVEYANCE_LABELS,
  DESTRUCTION_METHOD_LABELS,
  LEVEL_LABELS,
  MACHINE_LEVEL_LABELS,
} from '@baomi/domain';
import { defineModule } from '../kit/module.ts';
import { CAMPAIGN_AUDIT_ACTIONS } from './campaigns.audit.ts';
import { campaignTodos } from './campaigns.todos.ts';
import { copyLink, copySettled } from './copies.ts';
import { carriersDemoSeed } from './demo.ts';
import { carrierClearanceCheck, carrierPostClosing } from './handover.ts';
import { carrierOverdueJob, overdueTodos } from './overdue.ts';
import { carrierPolicy } from './policy.ts';
import { carrierRoutes } from './routes.ts';
import { destructionLink, destructionSettled } from './service.ts';
import { takeOutLink, takeOutSettled } from './takeout.ts';

const FIELDS = {
  level: { zh: '密级', en: 'Level', values: LEVEL_LABELS },
  copyNumber: {
    zh: '份号',
    en: 'Copy number',
    value: (v: unknown) => (typeof v === 'number' ? String(v).padStart(6, '0') : null),
  },
  copyNumbers: { zh: '份号', en: 'Copy numbers' },
  count: { zh: '件数', en: 'Count' },
  spoiledCount: { zh: '草稿、废页', en: 'Spoilage' },
  consent: { zh: '原定密机关同意', en: 'Originator consent' },
  abroad: { zh: '出境', en: 'Abroad' },
  batchId: { zh: '登记批次', en: 'Batch', hidden: true },
  requestId: { zh: '复制申请', en: 'Copy request', hidden: true },
  takeOutId: { zh: '携带外出申请', en: 'Take-out request', hidden: true },
  status: { zh: '状态', en: 'Status', values: CARRIER_STATUS_LABELS },
  toPersonId: { zh: '借阅人', en: 'Reader', ref: 'person' as const },
  fromPersonId: { zh: '交出人', en: 'From', ref: 'person' as const },
  handoverId: { zh: '移交批次', en: 'Handover', hidden: true },
  dueDate: { zh: '应还日期', en: 'Due date' },
  method: { zh: '销毁方式', en: 'Method', values: DESTRUCTION_METHOD_LABELS },
  supervisorPersonIds: { zh: '监销人', en: 'Supervisors' },
  approval: { zh: '审批结果', en: 'Approval', values: APPROVAL_STATUS_LABELS },
  format: { zh: '格式', en: 'Format' },
  rows: { zh: '行数', en: 'Rows' },
  filter: { zh: '筛选条件', en: 'Filter' },
};

const IMPORT_FIELDS = {
  ...FIELDS,
  fileName: { zh: '文件名', en: 'File' },
  batches: { zh: '登记批次数', en: 'Batches' },
  sha256: { zh: '文件SHA-256', en: 'File SHA-256' },
  sm3: { zh: '文件SM3', en: 'File SM3' },
  bytes: { zh: '文件大小（字节）', en: 'Bytes' },
  pages: { zh: '页数', en: 'Pages' },
  title: { zh: '表单', en: 'Form' },
  marking: { zh: '密级标志', en: 'Marking' },
};

export default defineModule({
  name: 'carriers',
  label: { zh: '涉密载体', en: 'Classified carriers' },
  prefix: '/api/carriers',
  routes: carrierRoutes,
  policies: [carrierPolicy],
  jobs: [carrierOverdueJob],
  todoProviders: [overdueTodos, campaignTodos],
  approvalFlows: [
    { subjectType: 'carrier_destruction', onSettled: destructionSettled, link: destructionLink },
    { subjectType: 'carrier_copy', onSettled: copySettled, link: copyLink },
    { subjectType: 'carrier_take_out', onSettled: takeOutSettled, link: takeOutLink },
  ],
  constraintFields: {
    carrier_batch_copy_number: 'copyNumbers',
    carrier_received_copy: 'firstCopyNumber',
    carrier_import_file: 'file',
  },
  demoSeed: carriersDemoSeed,
  postClosingChecks: [carrierPostClosing],
  clearanceChecks: [carrierClearanceCheck],
  auditActions: {
    'carrier.receive': { zh: '涉密载体收进登记', en: 'Receive carriers', fields: FIELDS },
    'carrier.produce': { zh: '涉密载体制作登记', en: 'Produce carriers', fields: FIELDS },
    'carrier.loan': { zh: '借出涉密载体', en: 'Lend a carrier', fields: FIELDS },
    'carrier.return': { zh: '归还涉密载体', en: 'Return a carrier', fields: FIELDS },
    'carrier.extend': { zh: '续借涉密载体', en: 'Extend a loan', fields: FIELDS },
    'carrier.read': { zh: '查看涉密载体', en: 'Read a carrier', fields: FIELDS },
    'carrier.destruction_read': { zh: '查看涉密载体销毁清单', en: 'Read a destruction list', fields: FIELDS },
    'carrier.copy_request_read': { zh: '查看涉密载体复制申请', en: 'Read a copy request', fields: FIELDS },
    'carrier.take_out_read': {
      zh: '查看涉密载体携带外出申请',
      en: 'Read a take-out request',
      fields: FIELDS,
    },
    'carrier.export': { zh: '导出涉密载体台账', en: 'Export the carrier ledger', fields: FIELDS },
    'carrier.destruction_request': { zh: '申请销毁涉密载体', en: 'Request destruction', fields: FIELDS },
    'carrier.destruction_settled': { zh: '销毁审批结束', en: 'Destruction approval settled', fields: FIELDS },
    'carrier.copy_request': { zh: '申请复制涉密载体', en: 'Ask to copy a carrier', fields: FIELDS },
    'carrier.copy_settled': { zh: '复制审批结束', en: 'Copy approval settled', fields: FIELDS },
    'carrier.copy': { zh: '登记复制件', en: 'Register copies', fields: FIELDS },
    'carrier.take_out_request': { zh: '申请携带外出', en: 'Ask to take a carrier out', fields: FIELDS },
    'carrier.take_out_settled': { zh: '携带外出审批结束', en: 'Take-out approval settled', fields: FIELDS },
    'carrier.take_out': { zh: '登记携带外出', en: 'Carrier taken out', fields: FIELDS },
    'carrier.widen': {
      zh: '批准扩大涉密载体阅读范围',
      en: 'Widen a carrier’s reading scope',
      fields: FIELDS,
    },
    'carrier.handover': { zh: '岗位变动移交涉密载体', en: 'Hand over carriers', fields: FIELDS },
    'carrier.bring_back': { zh: '带回交还', en: 'Carrier brought back', fields: FIELDS },
    'carrier.destroy': { zh: '销毁涉密载体', en: 'Destroy carriers', fields: FIELDS },
    // 台账导入 and QR label sheets (carriers/import.ts, carriers/labels.ts).
    'carrier.import': { zh: '导入涉密载体台账', en: 'Import a carrier ledger', fields: IMPORT_FIELDS },
    'carrier.print': {
      zh: '打印涉密载体表单（二维码标签、移交清单）',
      en: 'Print carrier labels or a handover list',
      fields: { ...IMPORT_FIELDS, filter: { zh: '范围', en: 'Scope', hidden: true } },
    },
    'carrier.send_out': {
      zh: '发出涉密载体（移交出本单位）',
      en: 'Send carriers out of the organisation',
      fields: {
        ...FIELDS,
        conveyance: { zh: '传递方式', en: 'Conveyance', values: CONVEYANCE_LABELS },
        sendOutId: { zh: '发出批次', en: 'Send-out', hidden: true },
      },
    },
    'carrier.medium_use': {
      zh: '登记存储介质使用',
      en: 'Register a use of a medium',
      fields: {
        ...FIELDS,
        machineLevel: { zh: '计算机', en: 'Machine', values: MACHINE_LEVEL_LABELS },
        dataLevel: { zh: '信息密级', en: 'Data level', values: LEVEL_LABELS },
      },
    },
    'job.carrier_overdue': {
      zh: '定时任务：统计逾期未还载体',
      en: 'Job: count overdue carriers',
      fields: { overdue: { zh: '逾期件数', en: 'Overdue' } },
    },
    ...CAMPAIGN_AUDIT_ACTIONS,
  },
  auditObjects: {
    carrier: { zh: '涉密载体', en: 'Carrier' },
    carrier_destruction: { zh: '销毁清单', en: 'Destruction list' },
    carrier_campaign: { zh: '清查清退', en: 'Inventory campaign' },
    carrier_import: { zh: '台账导入', en: 'Ledger import' },
  },
});
