// 涉外活动, part "visitors and materials": who may call what (R-SYS-01: business work, never the 三员's).
// The routes admit business users; the services then apply the one read rule and keep rule of the
// domain (foreign/visitor.ts foreignReadVerdict, foreignKeepVerdict) and the activity's read rule.
import { invalid } from '@baomi/domain';
import type { FastifyRequest } from 'fastify';
import { type Caller, callerOf, definePolicy } from '../http/policy.ts';
import { ctxOf } from '../http/request.ts';

export const visitorPolicy = definePolicy({
  visitorRead: { allow: ['user'], zh: '查看境外来访人员和接待登记', en: 'read foreign visitors and visits' },
  visitorKeep: {
    allow: ['user'],
    zh: '登记境外来访人员和接待（参观）',
    en: 'register foreign visitors and visits',
  },
  visitorLedger: {
    allow: ['secrecy_officer', 'leader'],
    zh: '导出境外来访人员台账',
    en: 'export the foreign-visitor register',
  },
  materialRead: { allow: ['user'], zh: '查看对外提供资料', en: 'read materials for foreign parties' },
  materialKeep: {
    allow: ['user'],
    zh: '申请对外提供资料',
    en: 'request to provide materials to foreign parties',
  },
  materialLedger: {
    allow: ['secrecy_officer', 'leader'],
    zh: '导出对外提供资料台账',
    en: 'export the ledger of materials for foreign parties',
  },
});

/** The caller of a foreign-affairs route: a business account linked to a person (else 400, R-SYS-01). */
export function foreignCaller(req: FastifyRequest): Caller {
  const caller = callerOf(ctxOf(req));
  if (!caller)
    throw invalid({
      code: 'no_person',
      rule: 'R-SYS-01',
      zh: '只有关联人员的业务账号可以办理涉外事务',
      en: 'Only business accounts linked to a person handle foreign-affairs records',
    });
  return caller;
}
