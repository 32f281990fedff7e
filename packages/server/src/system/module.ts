import { analyzeJob } from '../jobs/runner.ts';
import { defineModule } from '../kit/module.ts';
import systemRoutes from './routes.ts';
export default defineModule({
  name: 'system',
  label: { zh: '系统', en: 'System' },
  prefix: '/api/system',
  routes: systemRoutes,
  jobs: [analyzeJob],
  auditActions: {
    'job.analyze': {
      zh: '定时任务：更新嵌入式数据库统计信息',
      en: 'Job: refresh the embedded database’s statistics',
      fields: { ms: { zh: '耗时（毫秒）', en: 'Took (ms)' } },
    },
    'demo.seed': {
      zh: '生成演示数据',
      en: 'Seed demo data',
      fields: {
        organisations: { zh: '单位数', en: 'Organisations' },
        designationItems: { zh: '定密事项数', en: 'Designation items' },
        changes: { zh: '变更数', en: 'Changes' },
        autoReleased: { zh: '自动解密数', en: 'Released automatically' },
        above: { zh: '上级单位', en: 'Parent', ref: 'org' },
      },
    },
  },
});
