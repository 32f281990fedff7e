// The work calendar module: the smallest complete module, and the template for new ones
// (docs/module-guide.md walks through it).
import { DAY_KIND_LABELS } from '@baomi/api/workdays/labels.ts';
import { defineModule } from '../kit/module.ts';
import { workdayPolicy } from './policy.ts';
import { workdayRoutes } from './routes.ts';

const DAY_FIELDS = {
  kind: { zh: '类别', en: 'Kind', values: DAY_KIND_LABELS },
  name: { zh: '名称', en: 'Name' },
  from: { zh: '原设置', en: 'Before' },
};

export default defineModule({
  name: 'workdays',
  label: { zh: '工作日历', en: 'Work calendar' },
  prefix: '/api/workdays',
  routes: workdayRoutes,
  policies: [workdayPolicy],
  auditActions: {
    'work_calendar.set': { zh: '设置节假日或调休', en: 'Set holiday or working day', fields: DAY_FIELDS },
    'work_calendar.clear': {
      zh: '删除节假日或调休',
      en: 'Remove holiday or working day',
      fields: DAY_FIELDS,
    },
    'work_calendar.print': {
      zh: '打印工作日历',
      en: 'Print work calendar',
      fields: { year: { zh: '年度', en: 'Year' } },
    },
  },
  auditObjects: {
    work_calendar: { zh: '工作日历', en: 'Work calendar' },
    work_calendar_day: { zh: '日历日', en: 'Calendar day' },
  },
});
