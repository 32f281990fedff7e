import type { FastifyRequest } from 'fastify';
import { definePolicy } from '../http/policy.ts';

// R-DES-07 (working-day calendar): the secrecy officer (保密员) keeps the calendar every working-day
// deadline is counted on; everyone signed in reads it. R-SYS-01: no action is shared by an
// administrator and a business user, so reading is two actions.
export const workdayPolicy = definePolicy({
  read: { allow: ['user'], zh: '查看工作日历', en: 'view the work calendar' },
  readAdmin: { allow: ['sysadmin', 'secadmin', 'auditor'], zh: '查看工作日历', en: 'view the work calendar' },
  write: { allow: ['secrecy_officer'], zh: '维护工作日历', en: 'maintain the work calendar' },
});

/** The read action of the caller: administrators and business users read through two actions. */
export const readAction = (req: FastifyRequest): 'read' | 'readAdmin' =>
  req.auth?.me.adminRole ? 'readAdmin' : 'read';
