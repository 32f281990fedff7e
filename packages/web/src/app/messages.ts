// The platform's UI strings (shell, common words, errors, sign-in), in Chinese and English.
// Each module keeps its own strings in modules/<module>/messages.ts; app/i18n.tsx merges them
// with these into the one dictionary (modules.ts names the modules).

export interface Bilingual {
  zh: string;
  en: string;
}

export const platformMessages = {
  // app
  'app.name': { zh: '保密管理平台', en: 'Baomi Secrecy Management' },
  'app.short': { zh: '保密', en: 'Baomi' },
  'app.brand': { zh: '保密管理平台', en: 'Baomi' },
  'app.demo': { zh: '演示数据 / Demo data', en: '演示数据 / Demo data' },
  'app.demoHint': {
    zh: '本系统当前运行在演示模式，所有数据均为虚构，请勿录入真实信息。',
    en: 'This system runs in demo mode; all data are fictitious. Do not enter real information.',
  },
  'app.loading': { zh: '加载中…', en: 'Loading…' },
  'app.langSwitch': { zh: 'English', en: '中文' },
  'app.langLabel': { zh: '语言', en: 'Language' },
  'app.offline': { zh: '本系统不连接互联网', en: 'This system works without the internet' },
  'nav.changePassword': { zh: '修改密码', en: 'Change password' },
  'nav.logout': { zh: '退出登录', en: 'Sign out' },

  // common
  'common.search': { zh: '搜索', en: 'Search' },
  'common.reset': { zh: '重置', en: 'Reset' },
  'common.refresh': { zh: '刷新', en: 'Refresh' },
  'common.create': { zh: '新建', en: 'New' },
  'common.edit': { zh: '编辑', en: 'Edit' },
  'common.delete': { zh: '删除', en: 'Delete' },
  'common.save': { zh: '保存', en: 'Save' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.ok': { zh: '确定', en: 'OK' },
  'common.close': { zh: '关闭', en: 'Close' },
  'common.actions': { zh: '操作', en: 'Actions' },
  'common.all': { zh: '全部', en: 'All' },
  'common.none': { zh: '无', en: 'None' },
  'common.yes': { zh: '是', en: 'Yes' },
  'common.no': { zh: '否', en: 'No' },
  'common.saved': { zh: '已保存', en: 'Saved' },
  'common.created': { zh: '已创建', en: 'Created' },
  'common.deleted': { zh: '已删除', en: 'Deleted' },
  'common.copy': { zh: '复制', en: 'Copy' },
  'common.copied': { zh: '已复制', en: 'Copied' },
  'common.copyFailed': { zh: '复制失败，请手动选择复制', en: 'Copy failed; select the text and copy it' },
  'common.total': { zh: '共 {total} 条', en: '{total} in total' },
  'common.totalAtLeast': { zh: '超过 {total} 条', en: 'more than {total}' },
  'common.required': { zh: '请填写{field}', en: '{field} is required' },
  'common.select': { zh: '请选择{field}', en: 'Choose {field}' },
  'common.tooLong': { zh: '{field}不能超过 {max} 个字符', en: '{field} must be at most {max} characters' },
  'common.confirmDelete': { zh: '确定删除“{name}”吗？', en: 'Delete “{name}”?' },
  'common.irreversible': { zh: '此操作不可撤销。', en: 'This cannot be undone.' },
  'common.empty': { zh: '暂无数据', en: 'No data' },
  'common.noMatch': { zh: '没有符合条件的记录', en: 'No matching records' },
  'common.retry': { zh: '重试', en: 'Retry' },
  'common.loadFailed': { zh: '加载失败', en: 'Failed to load' },
  'common.back': { zh: '返回', en: 'Back' },
  'common.backHome': { zh: '返回首页', en: 'Back to home' },
  'common.status': { zh: '状态', en: 'Status' },
  'common.name': { zh: '名称', en: 'Name' },
  'common.createdAt': { zh: '创建时间', en: 'Created' },
  'common.keyword': { zh: '关键字', en: 'Keyword' },

  // ledger page kit
  'ledger.columns': { zh: '列设置', en: 'Columns' },
  'ledger.columnsReset': { zh: '恢复默认', en: 'Restore the default' },
  'ledger.exportXlsx': { zh: '导出 Excel', en: 'Export Excel' },
  'ledger.exportCsv': { zh: '导出 CSV', en: 'Export CSV' },

  // errors
  'error.403.title': { zh: '403 无权访问', en: '403 Forbidden' },
  'error.403.text': {
    zh: '您的角色无权使用此页面。按照“三员分立”原则，每个管理员只能使用本角色的功能。',
    en: 'Your role may not use this page. Under the separation of the three administrators, each uses only their own console.',
  },
  'error.404.title': { zh: '404 页面不存在', en: '404 Not found' },
  'error.404.text': { zh: '您访问的页面不存在。', en: 'The page you asked for does not exist.' },
  'error.unexpected': { zh: '页面出现错误', en: 'Something went wrong on this page' },

  // auth
  'auth.title': { zh: '登录', en: 'Sign in' },
  'auth.subtitle': {
    zh: '请使用管理员分配的账号登录',
    en: 'Sign in with the account your administrator gave you',
  },
  'auth.username': { zh: '用户名', en: 'Username' },
  'auth.password': { zh: '密码', en: 'Password' },
  'auth.submit': { zh: '登录', en: 'Sign in' },
  'auth.lockHint': {
    zh: '连续多次输错密码，将暂时锁定从本机登录该账号；账号被锁定或停用时，请联系系统管理员。',
    en: 'Repeated wrong passwords lock this account for sign-in from this computer for a while; if the account is locked or disabled, ask the system administrator.',
  },
  'auth.idle': {
    zh: '由于长时间未操作，您已自动退出登录，请重新登录。',
    en: 'You were signed out after a period of inactivity. Please sign in again.',
  },
  'auth.expired': { zh: '会话已过期，请重新登录。', en: 'Your session has expired. Please sign in again.' },
  'auth.loggedOut': { zh: '您已安全退出。', en: 'You have signed out.' },
  'auth.changed': { zh: '密码已修改', en: 'Password changed' },
  'auth.cp.title': { zh: '修改密码', en: 'Change password' },
  'auth.cp.forced': {
    zh: '首次登录或密码被重置后，必须先修改密码才能继续使用系统。',
    en: 'After the first sign-in or a password reset you must change your password before going on.',
  },
  'auth.cp.old': { zh: '当前密码', en: 'Current password' },
  'auth.cp.new': { zh: '新密码', en: 'New password' },
  'auth.cp.confirm': { zh: '确认新密码', en: 'Confirm new password' },
  'auth.cp.mismatch': { zh: '两次输入的新密码不一致', en: 'The two new passwords differ' },
  'auth.cp.same': { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  'auth.cp.hint': {
    zh: '密码须满足安全策略：足够长度，包含多种字符（大写字母、小写字母、数字、符号），且不能包含用户名。',
    en: 'The password must meet the security policy: long enough, several kinds of characters (upper case, lower case, digits, symbols), and not containing the username.',
  },
  'auth.cp.rules': {
    zh: '新密码至少 {minLength} 个字符，须包含大写字母、小写字母、数字、符号中的至少 {minClasses} 种。',
    en: 'The new password needs at least {minLength} characters and at least {minClasses} of: upper case, lower case, digits, symbols.',
  },
  'auth.cp.noUsername': { zh: '密码不能包含用户名。', en: ' It must not contain the username.' },
  'auth.cp.submit': { zh: '确认修改', en: 'Change password' },
  'auth.role.business': { zh: '业务用户', en: 'Business user' },
} as const satisfies Record<string, Bilingual>;
