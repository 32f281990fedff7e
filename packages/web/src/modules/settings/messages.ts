// The UI strings of the settings module (zh-CN and English), merged into the one dictionary.
import type { Bilingual } from '../../app/messages.ts';

export const messages = {
  'nav.security': { zh: '安全策略', en: 'Security policy' },

  // settings
  'settings.title': { zh: '安全策略', en: 'Security policy' },
  'settings.password': { zh: '密码策略', en: 'Passwords' },
  'settings.login': { zh: '登录与会话', en: 'Sign-in and sessions' },
  'settings.audit': { zh: '审计', en: 'Audit' },
  'settings.minLength': { zh: '密码最小长度', en: 'Minimum password length' },
  'settings.minClasses': { zh: '至少包含字符种类', en: 'Minimum kinds of characters' },
  'settings.minClassesHint': {
    zh: '大写字母、小写字母、数字、符号四类中至少包含的种类数',
    en: 'How many of upper case, lower case, digits and symbols must appear',
  },
  'settings.forbidUsername': { zh: '禁止密码包含用户名', en: 'Forbid the username in the password' },
  'settings.maxFailures': { zh: '连续登录失败次数上限', en: 'Sign-in failures before lockout' },
  'settings.lockMinutes': { zh: '锁定时长（分钟）', en: 'Lockout (minutes)' },
  'settings.idleMinutes': { zh: '空闲超时（分钟）', en: 'Idle timeout (minutes)' },
  'settings.auditRetentionMonths': { zh: '审计日志保存期（月）', en: 'Audit retention (months)' },
  'settings.retentionHint': {
    zh: '依《网络安全法》第二十一条，网络日志至少保存六个月。',
    en: 'The Cybersecurity Law (Art. 21) requires logs to be kept at least six months.',
  },
  'settings.defaults': {
    zh: '默认：密码至少 10 位且含 3 类字符；连续失败 5 次锁定 30 分钟；空闲 30 分钟退出。',
    en: 'Defaults: passwords of at least 10 characters of 3 kinds; 5 failures lock for 30 minutes; 30 idle minutes sign out.',
  },
  'settings.confirmSave': { zh: '确定保存安全策略吗？', en: 'Save the security policy?' },
  'settings.confirmSaveText': {
    zh: '新策略立即对所有账号生效，修改将记入审计日志。',
    en: 'The new policy applies to every account at once and is written to the audit trail.',
  },
  'settings.range': { zh: '{field}须在 {min}–{max} 之间', en: '{field} must be between {min} and {max}' },
} as const satisfies Record<string, Bilingual>;
