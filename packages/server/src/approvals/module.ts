import { APPROVAL_STATUS_LABELS } from '@baomi/api/approvals/labels.ts';
import { BUSINESS_ROLE_LABELS } from '@baomi/domain';
import { defineModule } from '../kit/module.ts';
import { approvalPolicy } from './policy.ts';
import approvalRoutes from './routes.ts';
import { approvalTodos } from './todos.ts';

const APPROVAL_FIELDS = {
  flowType: { zh: '审批流程', en: 'Flow' },
  subjectType: { zh: '审批对象类型', en: 'Subject type' },
  subjectId: { zh: '审批对象', en: 'Subject', hidden: true },
  subject: { zh: '审批对象', en: 'Subject', hidden: true },
  step: { zh: '审批环节', en: 'Step' },
  role: { zh: '审批角色', en: 'Role', values: BUSINESS_ROLE_LABELS },
  actingAs: { zh: '身份', en: 'Acting as' },
  status: { zh: '审批状态', en: 'Status', values: APPROVAL_STATUS_LABELS },
  corrected: { zh: '修正内容', en: 'Corrections' },
};

export default defineModule({
  name: 'approvals',
  label: { zh: '审批', en: 'Approvals' },
  prefix: '/api/approvals',
  routes: approvalRoutes,
  policies: [approvalPolicy],
  todoProviders: [approvalTodos],
  auditActions: {
    'approval.open': { zh: '发起审批', en: 'Open approval', fields: APPROVAL_FIELDS },
    'approval.approve': { zh: '审批：同意', en: 'Approval: approve', fields: APPROVAL_FIELDS },
    'approval.correct': {
      zh: '审批：修正后同意',
      en: 'Approval: approve with corrections',
      fields: APPROVAL_FIELDS,
    },
    'approval.opinion': { zh: '审批：提出意见', en: 'Approval: give opinion', fields: APPROVAL_FIELDS },
    'approval.attest': { zh: '审批：确认', en: 'Approval: attest', fields: APPROVAL_FIELDS },
    'approval.return': { zh: '审批：退回', en: 'Approval: return', fields: APPROVAL_FIELDS },
    'approval.reject': { zh: '审批：不予批准', en: 'Approval: reject', fields: APPROVAL_FIELDS },
    'approval.reopen': { zh: '重新发起审批', en: 'Reopen approval', fields: APPROVAL_FIELDS },
    'approval.resubmit': { zh: '重新提交审批', en: 'Resubmit approval' },
    'approval.withdraw': { zh: '撤回审批', en: 'Withdraw approval' },
  },
  auditObjects: { approval: { zh: '审批单', en: 'Approval' } },
});
