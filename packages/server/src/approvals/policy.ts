import { definePolicy } from '../http/policy.ts';

// Approvals are business: a business user sees what waits on him and what he asked for, and
// decides where a flow step names one of his roles (checked by the engine, per approval).
export const approvalPolicy = definePolicy({
  read: { allow: ['user'], zh: '查看审批', en: 'view approvals' },
  decide: { allow: ['user'], zh: '审批', en: 'decide approvals' },
});
