// 保密审查 (confidentiality review of outgoing material, R-REV-01, R-REV-02, R-FOR-06, R-FOR-07): the
// sensitive-term list, review requests with their files scanned by the engine (@baomi/scanner, in
// worker threads), the reviewer's decision, the ledger and the review form. Other modules read reviews
// through read.ts (`reviewRefs`).

import { APPROVAL_STATUS_LABELS } from '@baomi/api/approvals/labels.ts';
import {
  FOUND_LEVEL_LABELS,
  REVIEW_DECISION_LABELS,
  REVIEW_PURPOSE_LABELS,
  REVIEW_SEVERITY_LABELS,
  REVIEW_STATE_LABELS,
} from '@baomi/domain';
import { defineModule } from '../kit/module.ts';
import { REVIEW_SUBJECT, reviewChainLink, reviewChainSettled } from './chain.ts';
import { reviewDemoSeed } from './demo.ts';
import { reviewPolicy } from './policy.ts';
import { reviewRoutes } from './routes.ts';
import { reviewTodos } from './todos.ts';

const LEVELS = Object.fromEntries(Object.entries(FOUND_LEVEL_LABELS).map(([k, v]) => [k, { zh: v, en: k }]));

const FIELDS = {
  no: { zh: '审查编号', en: 'No.' },
  title: { zh: '标题', en: 'Title' },
  purpose: { zh: '用途', en: 'Purpose', values: REVIEW_PURPOSE_LABELS },
  source: { zh: '来源', en: 'Source' },
  state: { zh: '状态', en: 'State', values: REVIEW_STATE_LABELS },
  decision: { zh: '审查结论', en: 'Decision', values: REVIEW_DECISION_LABELS },
  comments: { zh: '审查意见', en: 'Comments' },
  confirmedUnread: { zh: '审查人亲自阅读确认的文件', en: 'Unread files confirmed read' },
  files: { zh: '文件（SM3）', en: 'Files (SM3)' },
  fileName: { zh: '文件名', en: 'File' },
  fileId: { zh: '文件', en: 'File id', hidden: true },
  replaces: { zh: '替换文件', en: 'Replaces', hidden: true },
  bytes: { zh: '文件大小（字节）', en: 'Bytes' },
  sm3: { zh: '文件SM3', en: 'File SM3' },
  hits: { zh: '命中数', en: 'Hits' },
  highestLevel: { zh: '发现的最高密级标志', en: 'Highest marking', values: LEVELS },
  unread: { zh: '有未读内容', en: 'Unread parts' },
  format: { zh: '格式', en: 'Format' },
  rows: { zh: '行数', en: 'Rows' },
  filter: { zh: '筛选条件', en: 'Filter' },
  pages: { zh: '页数', en: 'Pages' },
  marking: { zh: '密级标志', en: 'Marking' },
  copyNumber: { zh: '份号', en: 'Copy number' },
};

const TERM_FIELDS = {
  term: { zh: '敏感词', en: 'Term' },
  category: { zh: '类别', en: 'Category' },
  severity: { zh: '敏感程度', en: 'Severity', values: REVIEW_SEVERITY_LABELS },
  version: { zh: '词库版本', en: 'List version' },
  added: { zh: '新增', en: 'Added' },
  updated: { zh: '更新', en: 'Updated' },
  removed: { zh: '删除', en: 'Removed' },
  replace: { zh: '整体替换', en: 'Replace' },
  problems: { zh: '无法识别的行', en: 'Lines not read' },
};

export default defineModule({
  name: 'review',
  label: { zh: '保密审查', en: 'Confidentiality review' },
  prefix: '/api/review',
  routes: reviewRoutes,
  policies: [reviewPolicy],
  todoProviders: [reviewTodos],
  approvalFlows: [{ subjectType: REVIEW_SUBJECT, onSettled: reviewChainSettled, link: reviewChainLink }],
  constraintFields: { review_term_unique: 'term', review_request_no: 'no' },
  demoSeed: reviewDemoSeed,
  auditActions: {
    'review.create': { zh: '新建保密审查申请', en: 'File a review request', fields: FIELDS },
    'review.upload': { zh: '上传审查文件', en: 'Upload a file for review', fields: FIELDS },
    'review.remove_file': { zh: '移除审查文件', en: 'Remove a file from a review', fields: FIELDS },
    'review.submit': { zh: '提交保密审查', en: 'Submit for review', fields: FIELDS },
    'review.withdraw': { zh: '撤回保密审查申请', en: 'Withdraw a review request', fields: FIELDS },
    'review.chain_settled': {
      zh: '保密审查前置审核结束',
      en: 'The review’s approval chain settled',
      fields: { ...FIELDS, approval: { zh: '审核结果', en: 'Result', values: APPROVAL_STATUS_LABELS } },
    },
    'review.decide': { zh: '作出保密审查结论', en: 'Decide a review', fields: FIELDS },
    'review.read': {
      zh: '查看保密审查申请及命中内容',
      en: 'Read a review request and its hits',
      fields: FIELDS,
    },
    'review.file_read': { zh: '下载审查文件', en: 'Download a review file', fields: FIELDS },
    'review.export': { zh: '导出保密审查台账', en: 'Export the review ledger', fields: FIELDS },
    'review.print': { zh: '打印保密审查表', en: 'Print a review form', fields: FIELDS },
    'review.terms_import': { zh: '导入敏感词库', en: 'Import sensitive terms', fields: TERM_FIELDS },
    'review.term_add': { zh: '添加敏感词', en: 'Add a sensitive term', fields: TERM_FIELDS },
    'review.term_update': { zh: '修改敏感词', en: 'Edit a sensitive term', fields: TERM_FIELDS },
    'review.term_delete': { zh: '删除敏感词', en: 'Delete a sensitive term', fields: TERM_FIELDS },
  },
  auditObjects: {
    review: { zh: '保密审查申请', en: 'Review request' },
    review_terms: { zh: '敏感词库', en: 'Sensitive-term list' },
  },
});
