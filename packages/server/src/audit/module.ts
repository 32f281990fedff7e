import { defineModule } from '../kit/module.ts';
import { auditPolicy } from './policy.ts';
import auditRoutes from './routes.ts';
export default defineModule({
  name: 'audit',
  label: { zh: '审计', en: 'Audit' },
  prefix: '/api/audit',
  routes: auditRoutes,
  policies: [auditPolicy],
  auditActions: {
    'audit.export': { zh: '导出审计日志', en: 'Export audit trail' },
    'audit.verify': {
      zh: '校验审计日志',
      en: 'Verify audit trail',
      fields: {
        ok: {
          zh: '校验结果',
          en: 'Result',
          value: (v) =>
            v === true ? { zh: '完整', en: 'intact' } : v === false ? { zh: '已破坏', en: 'broken' } : null,
        },
        checked: { zh: '已校验条数', en: 'Events checked' },
        firstBroken: { zh: '首条破坏记录序号', en: 'First broken event' },
        checkpoint: { zh: '检查点', en: 'Checkpoint' },
      },
    },
    'audit.prune': {
      zh: '清理过期审计记录',
      en: 'Prune old audit events',
      fields: {
        removed: { zh: '清理条数', en: 'Removed' },
        anchorSeq: { zh: '锚点序号', en: 'Anchor seq' },
        anchorHash: { zh: '锚点哈希', en: 'Anchor hash' },
        cutoff: { zh: '截止时间', en: 'Cut-off' },
      },
    },
    'access.denied': { zh: '拒绝访问', en: 'Access denied' },
    'access.denied.flood': {
      zh: '大量访问被拒绝',
      en: 'Many refused attempts',
      fields: {
        perMinute: { zh: '每分钟上限', en: 'Limit per minute' },
        note: {
          zh: '说明',
          en: 'Note',
          value: () => ({
            zh: '本分钟内该地址的其余拒绝不再逐条记录',
            en: 'further refusals from this address this minute are not logged',
          }),
        },
      },
    },
  },
  auditObjects: { audit: { zh: '审计日志', en: 'Audit trail' } },
});
