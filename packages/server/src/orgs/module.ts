import { ADMIN_LEVEL_LABELS, ORG_KIND_LABELS } from '@baomi/domain';
import { defineModule } from '../kit/module.ts';
import { orgPolicy } from './policy.ts';
import orgRoutes from './routes.ts';

const ORG_FIELDS = {
  name: { zh: '单位名称', en: 'Name' },
  kind: { zh: '单位类别', en: 'Kind', values: ORG_KIND_LABELS },
  level: { zh: '行政级别', en: 'Administrative level', values: ADMIN_LEVEL_LABELS },
  parentId: { zh: '上级单位', en: 'Parent', ref: 'org' as const },
};
const DEPT_FIELDS = {
  name: { zh: '部门名称', en: 'Name' },
  parentId: { zh: '上级部门', en: 'Parent', ref: 'department' as const },
};

export default defineModule({
  name: 'orgs',
  label: { zh: '组织机构', en: 'Organisations' },
  prefix: '/api',
  routes: orgRoutes,
  policies: [orgPolicy],
  constraintFields: { org_unique_name: 'name', department_unique_name: 'name' },
  auditActions: {
    'org.create': { zh: '新建机构', en: 'Create organisation', fields: ORG_FIELDS },
    'org.update': { zh: '修改机构', en: 'Update organisation', fields: ORG_FIELDS },
    'org.delete': { zh: '删除机构', en: 'Delete organisation', fields: ORG_FIELDS },
    'department.create': { zh: '新建部门', en: 'Create department', fields: DEPT_FIELDS },
    'department.update': { zh: '修改部门', en: 'Update department', fields: DEPT_FIELDS },
    'department.delete': { zh: '删除部门', en: 'Delete department', fields: DEPT_FIELDS },
  },
  auditObjects: { org: { zh: '单位', en: 'Organisation' }, department: { zh: '部门', en: 'Department' } },
});
