// The UI strings of the home module (zh-CN and English), merged into the one dictionary.
import type { Bilingual } from '../../app/messages.ts';

export const messages = {
  // navigation
  'nav.home': { zh: '首页', en: 'Home' },

  // home
  'home.welcome': { zh: '您好，{name}', en: 'Hello, {name}' },
  'home.todo': { zh: '待办', en: 'To do' },
  'home.todoEmpty': { zh: '暂无待办', en: 'Nothing to do' },
  'home.profile': { zh: '我的信息', en: 'My information' },
  'home.org': { zh: '所在机构', en: 'Organisation' },
  'home.department': { zh: '部门', en: 'Department' },
  'home.position': { zh: '职务', en: 'Position' },
  'home.rank': { zh: '职级', en: 'Rank' },
  'home.roles': { zh: '业务角色', en: 'Business roles' },
  'home.clearance': { zh: '涉密等级', en: 'Clearance' },
  'home.noPerson': {
    zh: '此账号尚未关联人员信息，请联系系统管理员。',
    en: 'This account is not linked to a person; contact the system administrator.',
  },
  'home.noRoles': { zh: '未授予业务角色', en: 'No business role granted' },
  'home.dueAt': { zh: '{date} 前', en: 'by {date}' },
  'home.kind.approval': { zh: '待审批', en: 'To decide' },
  'home.kind.return': { zh: '被退回', en: 'Returned' },
  'home.kind.deadline': { zh: '期限', en: 'Deadline' },
  'home.kind.notice': { zh: '通知', en: 'Notice' },
  'home.noticeDone': { zh: '知道了', en: 'Got it' },
} as const satisfies Record<string, Bilingual>;
