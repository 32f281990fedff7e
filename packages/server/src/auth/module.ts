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
            bad_second_factor: { zh: '第二认证因素错误', en: 'Wrong second factor' },
            bad_pending: { zh: '登录第二步无效或已过期', en: 'Second step unknown or expired' },
          },
        },
        secondFactor: { zh: '第二认证因素', en: 'Second factor' },
        lockedUntil: { zh: '锁定至', en: 'Locked until' },
        failedCount: { zh: '连续失败次数', en: 'Failures in a row' },
        locked: { zh: '已锁定', en: 'Locked' },
        sources: { zh: '失败来源地址数', en: 'Source addresses' },
      },
    },
    'auth.login.password': {
      zh: '登录：密码正确，待验证第二认证因素',
      en: 'Sign-in: password right, second factor next',
      fields: { secondFactor: { zh: '第二认证因素', en: 'Second factor' } },
    },
    'auth.logout': { zh: '退出登录', en: 'Sign out' },
    'auth.second_factor.enrol': {
      zh: '登记第二认证因素',
      en: 'Enrol a second factor',
      fields: {
        kind: { zh: '类型', en: 'Kind' },
        algorithm: { zh: '算法', en: 'Algorithm' },
        recoveryCodes: { zh: '生成恢复码数', en: 'Recovery codes made' },
      },
    },
    'auth.second_factor.revoke': {
      zh: '撤销本人的第二认证因素',
      en: 'Revoke an own second factor',
      fields: { kind: { zh: '类型', en: 'Kind' }, label: { zh: '名称', en: 'Name' } },
    },
    'auth.recovery_codes.generate': {
      zh: '重新生成恢复码',
      en: 'New recovery codes',
      fields: { count: { zh: '数量', en: 'Count' } },
    },
    'auth.second_factor.reset_request': {
      zh: '申请重置双因素认证',
      en: 'Request a second-factor reset',
      fields: { username: { zh: '用户名', en: 'User name' } },
    },
    'auth.second_factor.reset_confirm': {
      zh: '确认重置双因素认证',
      en: 'Confirm a second-factor reset',
      fields: {
        username: { zh: '用户名', en: 'User name' },
        factorsRevoked: { zh: '撤销认证因素数', en: 'Factors revoked' },
        sessionsRevoked: { zh: '结束会话数', en: 'Sessions ended' },
      },
    },
    'auth.second_factor.reset_reject': {
      zh: '拒绝重置双因素认证',
      en: 'Reject a second-factor reset',
      fields: { username: { zh: '用户名', en: 'User name' } },
    },
    'auth.second_factor.reset_cli': {
      zh: '命令行重置管理员的双因素认证',
      en: 'Reset an administrator’s second factor (CLI)',
      fields: {
        username: { zh: '用户名', en: 'User name' },
        factorsRevoked: { zh: '撤销认证因素数', en: 'Factors revoked' },
        sessionsRevoked: { zh: '结束会话数', en: 'Sessions ended' },
      },
    },
    'auth.password.change': { zh: '修改本人密码', en: 'Change own password' },
    'job.cleanup': {
      zh: '定时任务：清理过期会话',
      en: 'Job: remove expired sessions',
      fields: {
        sessions: { zh: '清理会话数', en: 'Sessions removed' },
        rateCounters: { zh: '清理计数器数', en: 'Counters removed' },
        secondFactorSteps: { zh: '清理过期的登录第二步数', en: 'Expired second steps removed' },
      },
    },
  },
});
