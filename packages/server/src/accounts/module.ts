import { defineModule } from '../kit/module.ts';
import { accountPolicy } from './policy.ts';
import accountRoutes from './routes.ts';
export default defineModule({
  name: 'accounts',
  label: { zh: '账号管理', en: 'Accounts' },
  prefix: '/api/accounts',
  routes: accountRoutes,
  policies: [accountPolicy],
  constraintFields: { account_username: 'username' },
  auditActions: {
    'account.bootstrap': { zh: '初始化管理员账号', en: 'Create administrator account' },
    'account.create': { zh: '新建账号', en: 'Create account' },
    'account.password.reset': {
      zh: '重置密码',
      en: 'Reset password',
      fields: { via: { zh: '途径', en: 'Via', values: { cli: { zh: '命令行', en: 'Command line' } } } },
    },
    'account.disable': { zh: '停用账号', en: 'Disable account' },
    'account.enable': { zh: '启用账号', en: 'Enable account' },
    'account.unlock': { zh: '解除锁定', en: 'Unlock account' },
  },
  auditObjects: { account: { zh: '账号', en: 'Account' } },
});
