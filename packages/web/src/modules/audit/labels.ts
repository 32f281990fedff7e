// Names of the audit trail's actions and object types, as the server writes them.
import { ACTOR_CLASS_LABELS as CONTRACT_ACTOR_CLASS_LABELS } from '@baomi/api/audit.ts';
import type { Bilingual } from '../../app/api.ts';

export const ACTION_LABELS: Record<string, Bilingual> = {
  'auth.login.success': { zh: '登录成功', en: 'Signed in' },
  'auth.login.failure': { zh: '登录失败', en: 'Sign-in failed' },
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  'auth.password.change': { zh: '修改密码', en: 'Changed password' },
  'account.bootstrap': { zh: '初始化管理员账号', en: 'Created administrator' },
  'account.create': { zh: '新建账号', en: 'Created account' },
  'account.password.reset': { zh: '重置密码', en: 'Reset password' },
  'account.disable': { zh: '停用账号', en: 'Disabled account' },
  'account.enable': { zh: '启用账号', en: 'Enabled account' },
  'account.unlock': { zh: '解除锁定', en: 'Unlocked account' },
  'audit.export': { zh: '导出审计日志', en: 'Exported audit trail' },
  'audit.verify': { zh: '校验审计日志', en: 'Verified audit trail' },
  'backup.create': { zh: '创建备份', en: 'Created backup' },
  'backup.download': { zh: '下载备份', en: 'Downloaded backup' },
  'demo.seed': { zh: '生成演示数据', en: 'Seeded demo data' },
  'org.create': { zh: '新建机构', en: 'Created organisation' },
  'org.update': { zh: '修改机构', en: 'Updated organisation' },
  'org.delete': { zh: '删除机构', en: 'Deleted organisation' },
  'department.create': { zh: '新建部门', en: 'Created department' },
  'department.update': { zh: '修改部门', en: 'Updated department' },
  'department.delete': { zh: '删除部门', en: 'Deleted department' },
  'person.create': { zh: '新建人员', en: 'Created person' },
  'person.update': { zh: '修改人员', en: 'Updated person' },
  'person.roles.update': { zh: '设置业务角色', en: 'Set business roles' },
  'person.clearance.update': { zh: '设置涉密等级', en: 'Set clearance' },
  'settings.security.update': { zh: '修改安全策略', en: 'Changed security policy' },
};

export const OBJECT_TYPE_LABELS: Record<string, Bilingual> = {
  account: { zh: '账号', en: 'Account' },
  audit: { zh: '审计日志', en: 'Audit trail' },
  backup: { zh: '备份', en: 'Backup' },
  org: { zh: '组织机构', en: 'Organisation' },
  department: { zh: '部门', en: 'Department' },
  person: { zh: '人员', en: 'Person' },
  setting: { zh: '系统设置', en: 'Setting' },
  system: { zh: '系统', en: 'System' },
  job: { zh: '定时任务', en: 'Scheduled job' },
};

/** Who acted (the contract's list and labels). */
export const ACTOR_CLASS_LABELS: Record<string, Bilingual> = CONTRACT_ACTOR_CLASS_LABELS;

export function actionLabel(action: string, lang: 'zh' | 'en'): string | null {
  const exact = ACTION_LABELS[action];
  if (exact) return exact[lang];
  if (action.startsWith('job.')) return lang === 'zh' ? '定时任务' : 'Scheduled job';
  return null;
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** A one-line reading of an event's summary (a JSON object on the server). */
export function summaryText(s: unknown, lang: 'zh' | 'en'): string {
  if (s === null || s === undefined) return '';
  if (typeof s !== 'object') return scalar(s);
  if (Array.isArray(s)) return s.map(scalar).join(', ');
  const o = s as Record<string, unknown>;
  if (typeof o.zh === 'string' && typeof o.en === 'string') return o[lang] as string;
  return Object.entries(o)
    .map(([k, v]) => `${k}: ${scalar(v)}`)
    .join('; ');
}
