// 保密审查: who may do what. R-SYS-01: reviews are business work, never an administrator's (403). Any
// business user files a request for his material; the secrecy office keeps the term list and decides.
// What one may read of a request is the domain's read rule (access.ts).
import { definePolicy } from '../http/policy.ts';

export const reviewPolicy = definePolicy({
  read: { allow: ['user'], zh: '查看保密审查申请', en: 'view review requests' },
  request: { allow: ['user'], zh: '提交保密审查申请', en: 'file a review request' },
  decide: { allow: ['secrecy_officer'], zh: '作出保密审查结论', en: 'decide a review' },
  terms: { allow: ['secrecy_officer'], zh: '维护敏感词库', en: 'keep the sensitive-term list' },
  ledger: { allow: ['user'], zh: '导出保密审查台账', en: 'export the review ledger' },
});
