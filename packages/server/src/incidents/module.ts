// 泄密事件 (leak incidents, R-INC-01): the first piece of the incidents module — the record, its 24-hour
// report deadline, the todo to the secrecy officers and leaders, and "reported". Other modules open an
// incident through `openIncident` (service.ts), never by writing the table.
import { INCIDENT_SOURCE_LABELS, INCIDENT_STATUS_LABELS, LEVEL_LABELS } from '@baomi/domain';
import { defineModule } from '../kit/module.ts';
import { incidentPolicy } from './policy.ts';
import { incidentRoutes } from './routes.ts';
import { incidentTodos } from './todos.ts';

const FIELDS = {
  level: { zh: '密级', en: 'Level', values: LEVEL_LABELS },
  source: { zh: '来源', en: 'Source', values: INCIDENT_SOURCE_LABELS },
  custodianPersonId: { zh: '保管人', en: 'Custodian', ref: 'person' as const },
  reportDeadline: { zh: '报告时限（北京时间）', en: 'Report deadline (Beijing time)' },
  status: { zh: '状态', en: 'Status', values: INCIDENT_STATUS_LABELS },
  late: { zh: '超过24小时时限', en: 'Past the 24-hour deadline' },
};

export default defineModule({
  name: 'incidents',
  label: { zh: '泄密事件', en: 'Leak incidents' },
  prefix: '/api/incidents',
  routes: incidentRoutes,
  policies: [incidentPolicy],
  todoProviders: [incidentTodos],
  auditActions: {
    'incident.open': { zh: '登记泄密事件', en: 'Open a leak incident', fields: FIELDS },
    'incident.read': { zh: '查看泄密事件', en: 'Read a leak incident', fields: FIELDS },
    'incident.report': { zh: '登记泄密事件已报告', en: 'Record a leak incident as reported', fields: FIELDS },
  },
  auditObjects: { incident: { zh: '泄密事件', en: 'Leak incident' } },
});
