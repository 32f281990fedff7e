// 泄密事件 (leak incidents): business work only (R-SYS-01). Any business user may ask; the read rule
// (INCIDENT_READ) decides what he sees; the secrecy officer or a leader records the report (R-INC-01).
import { definePolicy } from '../http/policy.ts';

export const incidentPolicy = definePolicy({
  read: { allow: ['user'], zh: '查看泄密事件', en: 'view leak incidents' },
  report: {
    allow: ['secrecy_officer', 'leader'],
    zh: '登记泄密事件已报告',
    en: 'record a leak incident as reported',
  },
});
