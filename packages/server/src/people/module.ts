import { defineModule } from '../kit/module.ts';
import { peoplePolicy } from './policy.ts';
import peopleRoutes from './routes.ts';
export default defineModule({
  name: 'people',
  label: { zh: '人员管理', en: 'People' },
  prefix: '/api/people',
  routes: peopleRoutes,
  policies: [peoplePolicy],
  constraintFields: { person_account_id_key: 'personId' },
  auditActions: {
    'person.create': { zh: '新建人员', en: 'Create person' },
    'person.update': { zh: '修改人员', en: 'Update person' },
    'person.roles.update': { zh: '设置业务角色', en: 'Set business roles', change: 'roles' },
    'person.clearance.update': { zh: '设置涉密等级', en: 'Set clearance', change: 'clearance' },
    'person.export': { zh: '导出人员名册', en: 'Export roster' },
  },
  auditObjects: { person: { zh: '人员', en: 'Person' } },
});
