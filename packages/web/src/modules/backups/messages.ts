// The UI strings of the backups module (zh-CN and English), merged into the one dictionary.
import type { Bilingual } from '../../app/messages.ts';

export const messages = {
  'nav.backups': { zh: '备份', en: 'Backups' },

  // backups
  'backups.title': { zh: '备份', en: 'Backups' },
  'backups.create': { zh: '立即备份', en: 'Back up now' },
  'backups.createConfirm': {
    zh: '确定立即创建一份完整备份吗？',
    en: 'Create a full backup now?',
  },
  'backups.created': { zh: '备份已创建：{name}', en: 'Backup created: {name}' },
  'backups.name': { zh: '文件名', en: 'File' },
  'backups.size': { zh: '大小', en: 'Size' },
  'backups.download': { zh: '下载', en: 'Download' },
  'backups.empty': { zh: '尚无备份', en: 'No backup yet' },
  'backups.hint': {
    zh: '备份文件包含全部数据，请下载后存放在相应密级的介质中，按涉密载体管理。',
    en: 'A backup holds all data: store it on media of the right level and manage it as a classified carrier.',
  },
} as const satisfies Record<string, Bilingual>;
