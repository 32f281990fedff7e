import { defineModule } from '../kit/module.ts';
import { settingsPolicy } from './policy.ts';
import settingsRoutes from './routes.ts';
export default defineModule({
  name: 'settings',
  label: { zh: '系统设置', en: 'Settings' },
  prefix: '/api/settings',
  routes: settingsRoutes,
  policies: [settingsPolicy],
  auditActions: {
    'settings.security.update': {
      zh: '修改安全策略',
      en: 'Change security policy',
      fields: {
        minLength: { zh: '密码最短长度', en: 'Minimum password length' },
        minClasses: { zh: '密码字符种类', en: 'Character kinds' },
        forbidUsername: { zh: '禁止包含用户名', en: 'User name forbidden' },
        maxFailures: { zh: '失败锁定次数', en: 'Failures before lock' },
        lockMinutes: { zh: '锁定时长（分钟）', en: 'Lock minutes' },
        idleMinutes: { zh: '会话空闲超时（分钟）', en: 'Idle timeout (minutes)' },
        auditRetentionMonths: { zh: '审计日志保存期（月）', en: 'Audit retention (months)' },
      },
    },
  },
  auditObjects: { setting: { zh: '系统设置', en: 'Setting' } },
});
