// The UI strings of the accounts module (zh-CN and English), merged into the one dictionary.
import type { Bilingual } from '../../app/messages.ts';

export const messages = {
  'nav.accounts': { zh: '账号管理', en: 'Accounts' },
  'nav.resets': { zh: '待办与重置确认', en: 'Todos and resets' },

  // the security-secrecy administrator's console: her todos and the resets she confirms (R-SYS-01)
  'resets.title': { zh: '待办与密码重置确认', en: 'Todos and password resets' },
  'resets.todos': { zh: '管理待办与告警', en: 'Administrative todos and alerts' },
  'resets.noTodos': { zh: '暂无待办', en: 'Nothing to do' },
  'resets.kind.approval': { zh: '待确认', en: 'To confirm' },
  'resets.kind.return': { zh: '退回', en: 'Returned' },
  'resets.kind.deadline': { zh: '到期', en: 'Due' },
  'resets.kind.notice': { zh: '告警', en: 'Alert' },
  'resets.done': { zh: '已处理', en: 'Handled' },
  'resets.pending': { zh: '待确认的密码重置申请', en: 'Password resets waiting for confirmation' },
  'resets.explain': {
    zh: '依据三员分立的要求（GB/T 22239-2019《信息安全技术 网络安全等级保护基本要求》8.1.4.2），系统管理员不能单独重置业务账号的密码：其申请须经您确认后才生效。确认后您将看到一次性密码的后半段（前半段在系统管理员处），用户须将两段连在一起输入，并在登录时修改密码。申请 24 小时内未确认即失效。',
    en: 'Under the separation of the three administrators (GB/T 22239-2019, 8.1.4.2) the system administrator cannot reset a business password alone: his request takes effect only when you confirm it. On confirming you see the second half of the one-time password (he holds the first); the user types both halves together and must change the password at sign-in. A request lapses after 24 hours.',
  },
  'resets.none': { zh: '没有待确认的申请', en: 'No request is waiting' },
  'resets.requestedBy': { zh: '申请人', en: 'Requested by' },
  'resets.kind': { zh: '类型', en: 'Kind' },
  'resets.kind.initial': { zh: '新账号初始密码', en: 'New account’s initial password' },
  'resets.kind.reset': { zh: '密码重置', en: 'Password reset' },
  'resets.requestedAt': { zh: '申请时间', en: 'Requested at' },
  'resets.expiresAt': { zh: '有效至', en: 'Valid until' },
  'resets.confirm': { zh: '确认重置', en: 'Confirm' },
  'resets.confirmTitle': { zh: '确认密码重置', en: 'Confirm the password reset' },
  'resets.confirmText': {
    zh: '确认后“{name}”的原密码立即失效、会话全部结束。请先核实该申请确系用户本人所需。',
    en: 'On confirming, the old password of “{name}” stops working and its sessions end. Check first that the user really asked for it.',
  },
  'resets.reject': { zh: '拒绝', en: 'Reject' },
  'resets.rejectText': {
    zh: '拒绝“{name}”的密码重置申请吗？原密码不变。',
    en: 'Reject the reset of “{name}”? The password stays.',
  },
  'resets.rejected': { zh: '已拒绝该密码重置申请', en: 'Password reset rejected' },
  'resets.halfTitle': { zh: '一次性密码（后半段）', en: 'One-time password (second half)' },
  'resets.initialSecondHalfText': {
    zh: '已确认新账号“{name}”的初始密码。以下为初始密码的后半段，只显示这一次，请通过安全渠道交给本人；前半段由系统管理员交给本人。用户首次登录时须将前半段和后半段连在一起输入，并立即修改密码。',
    en: 'The initial password of the new account “{name}” is confirmed. Below is its second half, shown only this once: hand it to the user securely; the system administrator hands over the first half. At the first sign-in the user types the first and second halves together and must change the password at once.',
  },
  'resets.secondHalfText': {
    zh: '已确认“{name}”的密码重置。以下为一次性密码的后半段，只显示这一次，请通过安全渠道交给本人；前半段由系统管理员交给本人。用户登录时须将前半段和后半段连在一起输入，并立即修改密码。',
    en: 'The reset of “{name}” is confirmed. Below is the second half of the one-time password, shown only this once: hand it to the user securely; the system administrator hands over the first half. The user types the first and second halves together and must change the password at once.',
  },

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
  'accounts.initialHalfText': {
    zh: '已新建账号“{name}”。该账号须经安全保密管理员确认初始密码后才能登录。以下为初始密码的前半段，只显示这一次，请通过安全渠道交给本人；后半段由安全保密管理员确认时取得并交给本人。用户首次登录时须将两段连在一起输入，并立即修改密码。',
    en: 'The account “{name}” was created. It can be signed in to once the security administrator confirms its initial password. Below is the first half, shown only this once: hand it to the user securely; the security administrator gets the second half when she confirms. At the first sign-in the user types both halves together and must change the password at once.',
  },
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

  // The account's own side (the password page, modules/auth): the current rules as live hints, and
  // the notice of a reset done by two administrators (R-SYS-01, R-SYS-02).
  'auth.cp.live.length': {
    zh: '至少 {n} 个字符（当前 {has} 个）',
    en: 'At least {n} characters (has {has})',
  },
  'auth.cp.live.classes': {
    zh: '大写字母、小写字母、数字、符号中至少 {n} 种（当前 {has} 种）',
    en: 'At least {n} of: upper case, lower case, digits, symbols (has {has})',
  },
  'auth.cp.live.username': { zh: '不包含用户名“{name}”', en: 'Does not contain the username “{name}”' },
  'auth.cp.live.title': { zh: '当前安全策略要求：', en: 'The security policy in force requires:' },
  'auth.cp.initialNotice': {
    zh: '您的账号初始密码于 {time} 生效：账号由系统管理员 {by} 新建，初始密码经安全保密管理员 {confirmer} 确认。请设置只有您本人知道的新密码。',
    en: 'Your account’s initial password took effect on {time}: the account was created by the system administrator {by} and its initial password confirmed by the security administrator {confirmer}. Choose a new password only you know.',
  },
  'auth.cp.resetNotice': {
    zh: '您的密码已于 {time} 被重置：由系统管理员 {by} 申请，经安全保密管理员 {confirmer} 确认。如非您本人要求，请立即联系保密管理部门。',
    en: 'Your password was reset on {time}: requested by the system administrator {by} and confirmed by the security administrator {confirmer}. If you did not ask for it, tell the secrecy office at once.',
  },
} as const satisfies Record<string, Bilingual>;
