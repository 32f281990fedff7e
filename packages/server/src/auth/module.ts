import { cleanupJob } from '../jobs/runner.ts';
import { defineModule } from '../kit/module.ts';
import authRoutes from './routes.ts';
export default defineModule({
  name: 'auth',
  label: { zh: '登录与会话', en: 'Sign-in' },
  prefix: '/api/auth',
  routes: authRoutes,
  jobs: [cleanupJob],
  auditActions: {
    'auth.login.success': { zh: '登录成功', en: 'Sign in' },
    'auth.login.failure': {
      zh: '登录失败',
      en: 'Sign-in failed',
      fields: {
        username: { zh: '用户名', en: 'User name' },
        reason: {
          zh: '原因',
          en: 'Reason',
          values: {
            unknown_user: { zh: '用户名不存在', en: 'Unknown user name' },
            bad_password: { zh: '密码错误', en: 'Wrong password' },
            locked: { zh: '账号已锁定', en: 'Account locked' },
            disabled: { zh: '账号已停用', en: 'Account disabled' },
          },
        },
        lockedUntil: { zh: '锁定至', en: 'Locked until' },
        failedCount: { zh: '连续失败次数', en: 'Failures in a row' },
        locked: { zh: '已锁定', en: 'Locked' },
        sources: { zh: '失败来源地址数', en: 'Source addresses' },
      },
    },
    'auth.logout': { zh: '退出登录', en: 'Sign out' },
    'auth.password.change': { zh: '修改本人密码', en: 'Change own password' },
    'job.cleanup': {
      zh: '定时任务：清理过期会话',
      en: 'Job: remove expired sessions',
      fields: {
        sessions: { zh: '清理会话数', en: 'Sessions removed' },
        rateCounters: { zh: '清理计数器数', en: 'Counters removed' },
      },
    },
  },
});
