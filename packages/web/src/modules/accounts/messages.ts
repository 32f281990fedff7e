// The UI strings of the accounts module (zh-CN and English), merged into the one dictionary.
import type { Bilingual } from '../../app/messages.ts';

export const messages = {
  'nav.accounts': { zh: '账号管理', en: 'Accounts' },

  // accounts
  'accounts.title': { zh: '账号管理', en: 'Accounts' },
  'accounts.new': { zh: '新建账号', en: 'New account' },
  'accounts.username': { zh: '用户名', en: 'Username' },
  'accounts.displayName': { zh: '显示名称', en: 'Display name' },
  'accounts.person': { zh: '关联人员', en: 'Linked person' },
  'accounts.personHint': {
    zh: '业务用户须关联人员；输入姓名搜索。不关联则为未关联人员的账号。',
    en: 'A business user is linked to a person; type a name to search.',
  },
  'accounts.role': { zh: '角色', en: 'Role' },
  'accounts.lastLogin': { zh: '最近登录', en: 'Last sign-in' },
  'accounts.never': { zh: '从未登录', en: 'Never' },
  'accounts.searchPlaceholder': { zh: '用户名 / 显示名称 / 人员', en: 'Username / name / person' },
  'accounts.status.active': { zh: '正常', en: 'Active' },
  'accounts.status.disabled': { zh: '已停用', en: 'Disabled' },
  'accounts.status.locked': { zh: '已锁定', en: 'Locked' },
  'accounts.status.mustChange': { zh: '待改密', en: 'Must change password' },
  'accounts.lockedUntil': { zh: '锁定至 {time}', en: 'Locked until {time}' },
  'accounts.reset': { zh: '重置密码', en: 'Reset password' },
  'accounts.resetConfirm': {
    zh: '确定申请重置“{name}”的密码吗？申请须经安全保密管理员确认后才生效（24 小时内有效）。您将看到一次性密码的前半段，安全保密管理员确认时看到后半段；用户须将两段连在一起输入，并在登录时修改。',
    en: 'Request a password reset for “{name}”? It takes effect only when the security administrator confirms it (within 24 hours). You see the first half of the one-time password, she sees the second when confirming; the user types both halves together and must change the password at sign-in.',
  },
  'accounts.halfTitle': { zh: '一次性密码（前半段）', en: 'One-time password (first half)' },
  'accounts.firstHalfText': {
    zh: '已提交“{name}”的密码重置申请，待安全保密管理员确认。以下为一次性密码的前半段，只显示这一次，请通过安全渠道交给本人；后半段由安全保密管理员确认时取得并交给本人。确认前原密码仍然有效。',
    en: 'The password reset of “{name}” waits for the security administrator. Below is the first half of the one-time password, shown only this once: hand it to the user securely. The security administrator gets the second half when she confirms. Until then the old password stays valid.',
  },
  'accounts.resetAsked': { zh: '申请于 {time}，有效至 {until}', en: 'Requested {time}, valid until {until}' },
  'accounts.resetState.pending': { zh: '重置待确认', en: 'Reset pending' },
  'accounts.resetState.confirmed': { zh: '重置已确认', en: 'Reset confirmed' },
  'accounts.resetState.rejected': { zh: '重置被拒绝', en: 'Reset rejected' },
  'accounts.resetState.withdrawn': { zh: '重置已撤回', en: 'Reset withdrawn' },
  'accounts.resetState.expired': { zh: '重置已过期', en: 'Reset expired' },
  'accounts.withdraw': { zh: '撤回重置', en: 'Withdraw reset' },
  'accounts.withdrawConfirm': {
    zh: '确定撤回“{name}”的密码重置申请吗？',
    en: 'Withdraw the password reset request of “{name}”?',
  },
  'accounts.withdrawn': { zh: '密码重置申请已撤回', en: 'Password reset request withdrawn' },
  'accounts.adminOnlyCli': {
    zh: '三员账号不能在控制台重置或停用；请在服务器上执行 baomi admin reset-password',
    en: 'Administrator accounts are not reset or disabled from the console; run baomi admin reset-password on the server',
  },
  'accounts.disable': { zh: '停用', en: 'Disable' },
  'accounts.disableConfirm': {
    zh: '确定停用账号“{name}”吗？停用后该账号无法登录。',
    en: 'Disable the account “{name}”? It can no longer sign in.',
  },
  'accounts.enable': { zh: '启用', en: 'Enable' },
  'accounts.enableConfirm': { zh: '确定启用账号“{name}”吗？', en: 'Enable the account “{name}”?' },
  'accounts.unlock': { zh: '解锁', en: 'Unlock' },
  'accounts.unlockConfirm': { zh: '确定解除账号“{name}”的锁定吗？', en: 'Unlock the account “{name}”?' },
  'accounts.disabled': { zh: '账号已停用', en: 'Account disabled' },
  'accounts.enabled': { zh: '账号已启用', en: 'Account enabled' },
  'accounts.unlocked': { zh: '账号已解锁', en: 'Account unlocked' },
  'accounts.otpTitle': { zh: '一次性密码', en: 'One-time password' },
  'accounts.otpText': {
    zh: '账号“{name}”的一次性密码如下。此密码只显示这一次，请通过安全渠道交给本人；首次登录时必须修改。',
    en: 'The one-time password of “{name}” is below. It is shown only this once: hand it over securely. It must be changed at the first sign-in.',
  },
  'accounts.otpCopy': { zh: '复制密码', en: 'Copy password' },
  'accounts.otpDone': { zh: '我已妥善记录', en: 'I have recorded it' },
  'accounts.usernameRule': {
    zh: '用户名为 2–64 位字母、数字、点、下划线或连字符',
    en: 'Username: 2–64 letters, digits, dots, underscores or hyphens',
  },
} as const satisfies Record<string, Bilingual>;
