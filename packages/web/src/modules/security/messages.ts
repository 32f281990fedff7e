// The UI strings of two-factor sign-in (安全设置, the login page's second step, the dual-controlled
// reset), zh-CN and English. The basis cited is GB/T 22239-2019 8.1.4.1 d).
import type { Bilingual } from '../../app/messages.ts';

export const messages = {
  'nav.securitySettings': { zh: '安全设置', en: 'Security settings' },
  'nav.factorResets': { zh: '双因素重置', en: 'Second-factor resets' },

  'security.title': { zh: '安全设置', en: 'Security settings' },
  'security.basis': {
    zh: '依 GB/T 22239-2019《网络安全等级保护基本要求》8.1.4.1 d)，应采用口令和密码技术等两种或两种以上组合的鉴别技术对用户进行身份鉴别。',
    en: 'GB/T 22239-2019 8.1.4.1 d): users are identified by two or more authentication techniques combined, one of them cryptographic.',
  },
  'security.forced': {
    zh: '您的账号须使用双因素登录。请先登记动态口令或安全密钥，登记后才能使用系统。',
    en: 'Your account must sign in with a second factor. Enrol a one-time-password token or a security key before anything else.',
  },
  'security.factors': { zh: '已登记的认证因素', en: 'Enrolled factors' },
  'security.none': { zh: '尚未登记第二认证因素', en: 'No second factor yet' },
  'security.kind.totp': { zh: '动态口令', en: 'One-time password' },
  'security.kind.webauthn': { zh: '安全密钥', en: 'Security key' },
  'security.created': { zh: '登记时间', en: 'Enrolled' },
  'security.lastUsed': { zh: '最近使用', en: 'Last used' },
  'security.revoke': { zh: '撤销', en: 'Revoke' },
  'security.revokeConfirm': {
    zh: '确定撤销该认证因素吗？撤销后不能再用它登录。',
    en: 'Revoke this factor? It can no longer sign you in.',
  },
  'security.revoked': { zh: '已撤销', en: 'Revoked' },
  'security.addTotp': { zh: '登记动态口令', en: 'Enrol a one-time-password token' },
  'security.algorithm': { zh: '算法', en: 'Algorithm' },
  'security.algorithm.SHA1': { zh: 'SHA-1（常见身份验证器应用）', en: 'SHA-1 (ordinary authenticator apps)' },
  'security.algorithm.SM3': { zh: 'SM3（国密动态令牌，HMAC-SM3）', en: 'SM3 (Chinese tokens, HMAC-SM3)' },
  'security.start': { zh: '生成二维码', en: 'Make the QR code' },
  'security.scan': {
    zh: '请用身份验证器应用或动态令牌扫描二维码，或手工输入下面的密钥，然后输入显示的 6 位动态口令。',
    en: 'Scan the QR code with an authenticator app or token, or type the key below, then enter the 6-digit code it shows.',
  },
  'security.secret': { zh: '密钥', en: 'Key' },
  'security.code': { zh: '动态口令', en: 'One-time password' },
  'security.confirm': { zh: '验证并登记', en: 'Verify and enrol' },
  'security.enrolled': { zh: '登记成功', en: 'Enrolled' },
  'security.addKey': { zh: '登记安全密钥', en: 'Enrol a security key' },
  'security.keyHint': {
    zh: '使用 USB 安全密钥或本机的平台认证器（WebAuthn），内网环境可用。',
    en: 'A USB security key or this computer’s platform authenticator (WebAuthn); works on an intranet.',
  },
  'security.keyUnsupported': {
    zh: '此浏览器不支持安全密钥',
    en: 'This browser does not support security keys',
  },
  'security.recovery': { zh: '恢复码', en: 'Recovery codes' },
  'security.recoveryLeft': { zh: '剩余 {n} 个未使用的恢复码', en: '{n} unused recovery codes left' },
  'security.recoveryNew': { zh: '重新生成恢复码', en: 'New recovery codes' },
  'security.recoveryNewConfirm': {
    zh: '重新生成后，原有恢复码全部作废。确定吗？',
    en: 'The old recovery codes stop working. Go on?',
  },
  'security.recoveryShown': { zh: '请妥善保存恢复码', en: 'Keep your recovery codes' },
  'security.recoveryOnce': {
    zh: '以下恢复码只显示这一次，每个只能使用一次。令牌丢失时可用恢复码登录。请抄写后妥善保管，不要存放在联网计算机上。',
    en: 'These codes are shown only now; each works once, to sign in when the token is lost. Write them down and keep them safe.',
  },
  'security.recoveryDone': { zh: '我已记下', en: 'I have written them down' },
  'security.required': { zh: '您的账号须使用双因素登录', en: 'Your account must use a second factor' },

  'login.secondFactor': { zh: '第二步：验证身份', en: 'Step two: verify it is you' },
  'login.secondFactorHint': {
    zh: '请输入动态令牌或身份验证器应用显示的 6 位动态口令。',
    en: 'Enter the 6-digit code of your token or authenticator app.',
  },
  'login.code': { zh: '动态口令', en: 'One-time password' },
  'login.verify': { zh: '验证', en: 'Verify' },
  'login.useKey': { zh: '使用安全密钥', en: 'Use the security key' },
  'login.useRecovery': { zh: '使用恢复码', en: 'Use a recovery code' },
  'login.useCode': { zh: '使用动态口令', en: 'Use a one-time password' },
  'login.recoveryCode': { zh: '恢复码', en: 'Recovery code' },
  'login.back': { zh: '返回', en: 'Back' },

  'factorResets.title': { zh: '双因素认证重置', en: 'Second-factor resets' },
  'factorResets.hint': {
    zh: '业务用户丢失令牌或安全密钥时，由安全保密管理员申请、系统管理员确认后重置（三员分立，双人控制）。管理员本人的认证因素只能在服务器上用命令 baomi admin reset-2fa 重置。',
    en: 'When a business user loses his token or key, the security-secrecy administrator requests a reset and the system administrator confirms it (dual control). An administrator’s own factor is reset only on the server with baomi admin reset-2fa.',
  },
  'factorResets.pending': {
    zh: '有 {n} 个双因素认证重置申请待确认',
    en: '{n} second-factor reset requests wait',
  },
  'factorResets.hintShort': {
    zh: '业务用户丢失动态令牌或安全密钥时，在此申请重置其双因素认证（系统管理员确认）。',
    en: 'When a business user loses his token or key, request the reset of his second factor here (the system administrator confirms).',
  },
  'factorResets.username': { zh: '用户名', en: 'User name' },
  'factorResets.request': { zh: '申请重置', en: 'Request a reset' },
  'factorResets.requested': {
    zh: '已提交申请，待系统管理员确认',
    en: 'Requested; the system administrator confirms',
  },
  'factorResets.account': { zh: '账号', en: 'Account' },
  'factorResets.requestedBy': { zh: '申请人', en: 'Requested by' },
  'factorResets.requestedAt': { zh: '申请时间', en: 'Requested' },
  'factorResets.status': { zh: '状态', en: 'Status' },
  'factorResets.status.pending': { zh: '待确认', en: 'Pending' },
  'factorResets.status.confirmed': { zh: '已重置', en: 'Reset' },
  'factorResets.status.rejected': { zh: '已拒绝', en: 'Rejected' },
  'factorResets.status.withdrawn': { zh: '已撤回', en: 'Withdrawn' },
  'factorResets.status.expired': { zh: '已过期', en: 'Expired' },
  'factorResets.confirm': { zh: '确认重置', en: 'Confirm' },
  'factorResets.reject': { zh: '拒绝', en: 'Reject' },
  'factorResets.confirmText': {
    zh: '确认后该用户的全部认证因素和恢复码作废、会话结束，下次登录须重新登记。',
    en: 'The user’s factors and recovery codes stop working and his sessions end; he enrols again at his next sign-in.',
  },

  'settings.secondFactor': { zh: '双因素认证', en: 'Two-factor sign-in' },
  'settings.secondFactorAdmins': {
    zh: '三员（系统管理员、安全保密管理员、安全审计员）始终须使用双因素登录，不可关闭（GB/T 22239-2019 8.1.4.1 d）。',
    en: 'The three administrators always sign in with a second factor; this cannot be switched off (GB/T 22239-2019 8.1.4.1 d).',
  },
  'settings.secondFactorAll': { zh: '全部业务用户须使用双因素', en: 'Every business user' },
  'settings.secondFactorMinClearance': {
    zh: '涉密等级达到以下的用户须使用',
    en: 'Users with at least this clearance',
  },
  'settings.secondFactorMinClearance.none': { zh: '不按涉密等级要求', en: 'No clearance rule' },
  'settings.secondFactorBureau': { zh: '保密行政管理部门的用户须使用', en: 'Users of the secrecy bureau' },
} as const satisfies Record<string, Bilingual>;
