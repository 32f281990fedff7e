// The UI strings of the workdays module (zh-CN and English), merged into the one dictionary.
import type { Bilingual } from '../../app/messages.ts';

export const messages = {
  'nav.workdays': { zh: '工作日历', en: 'Work calendar' },

  // work calendar (工作日历)
  'workdays.title': { zh: '工作日历', en: 'Work calendar' },
  'workdays.description': {
    zh: '法定节假日和调休上班日由保密员按国务院办公厅当年节假日安排录入；未录入的日期按周一至周五上班、周六周日休息。系统中所有按工作日计算的期限均以此日历为准。',
    en: 'The secrecy officer enters the public holidays and 调休 working weekends from the State Council notice of the year; other dates follow the week (Monday–Friday work). Every working-day deadline in Baomi is counted on this calendar.',
  },
  'workdays.editHint': {
    zh: '点击日期设置节假日或调休上班日；点击已设置的日期可修改或清除。',
    en: 'Click a day to make it a holiday or a working weekend day; click a set day to change or clear it.',
  },
  'workdays.readOnly': {
    zh: '工作日历由保密员维护，此处仅供查看。',
    en: 'The secrecy officer keeps the work calendar; you can view it here.',
  },
  'workdays.notEntered': {
    zh: '{year}年尚未录入节假日和调休上班日：期限暂按仅周六、周日休息计算。',
    en: 'No holidays or working weekends are entered for {year}: deadlines count weekends alone.',
  },
  'workdays.prevYear': { zh: '上一年', en: 'Previous year' },
  'workdays.nextYear': { zh: '下一年', en: 'Next year' },
  'workdays.thisYear': { zh: '今年', en: 'This year' },
  'workdays.yearLabel': { zh: '{year}年', en: '{year}' },
  'workdays.print': { zh: '打印', en: 'Print' },
  'workdays.kind': { zh: '类别', en: 'Kind' },
  'workdays.kind.holiday': { zh: '节假日（放假）', en: 'Holiday (day off)' },
  'workdays.kind.working_weekend': { zh: '调休上班日', en: 'Working weekend day (调休)' },
  'workdays.short.holiday': { zh: '休', en: 'Off' },
  'workdays.short.working_weekend': { zh: '班', en: 'Work' },
  'workdays.weekend': { zh: '周末', en: 'Weekend' },
  'workdays.today': { zh: '今天', en: 'Today' },
  'workdays.date': { zh: '日期', en: 'Date' },
  'workdays.weekday': { zh: '星期', en: 'Day' },
  'workdays.name': { zh: '名称', en: 'Name' },
  'workdays.namePlaceholder': { zh: '如：春节、国庆节调休上班', en: 'e.g. 春节 (Spring Festival)' },
  'workdays.updatedBy': { zh: '录入人', en: 'Entered by' },
  'workdays.setTitle': { zh: '设置 {date}（{weekday}）', en: 'Set {date} ({weekday})' },
  'workdays.weekendOnly': {
    zh: '调休上班日只能是星期六或星期日',
    en: 'A working weekend day must be a Saturday or a Sunday',
  },
  'workdays.clear': { zh: '清除此日设置', en: 'Clear this day' },
  'workdays.clearConfirm': {
    zh: '确定清除 {date} 的设置吗？清除后该日按星期计算。',
    en: 'Clear {date}? It then follows the week.',
  },
  'workdays.cleared': { zh: '已清除', en: 'Cleared' },
  'workdays.list': { zh: '本年已设置的日期', en: 'Days set this year' },
  'workdays.empty': { zh: '本年尚未设置', en: 'Nothing set this year' },
  'workdays.summary': {
    zh: '节假日 {holidays} 天，调休上班日 {working} 天',
    en: '{holidays} holidays, {working} working weekend days',
  },
  'workdays.calc': { zh: '工作日期限计算', en: 'Working-day deadline' },
  'workdays.calcHint': {
    zh: '起算日当天不计；“N个工作日内”指截止日当天（含）之前。',
    en: 'The start day is not counted; "within N working days" means on or before the deadline day.',
  },
  'workdays.from': { zh: '起算日', en: 'From' },
  'workdays.n': { zh: '工作日数', en: 'Working days' },
  'workdays.compute': { zh: '计算', en: 'Compute' },
  'workdays.deadline': { zh: '截止日：{date}（{weekday}）', en: 'Deadline: {date} ({weekday})' },
} as const satisfies Record<string, Bilingual>;
