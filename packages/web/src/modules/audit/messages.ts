// The UI strings of the audit module (zh-CN and English), merged into the one dictionary.
import type { Bilingual } from '../../app/messages.ts';

export const messages = {
  'nav.myAudit': { zh: '我的审计记录', en: 'My audit records' },
  'nav.audit': { zh: '审计日志', en: 'Audit trail' },

  // audit
  'audit.title': { zh: '审计日志', en: 'Audit trail' },
  'audit.myTitle': { zh: '我的审计记录', en: 'My audit records' },
  'audit.myHint': {
    zh: '这里只显示您本人的操作记录；系统管理员的操作由安全审计员审查。',
    en: 'Only your own actions are shown here; the security auditor reviews the system administrator.',
  },
  'audit.secHint': {
    zh: '安全保密管理员审查普通用户的操作记录。',
    en: 'The security-secrecy administrator reviews the actions of ordinary users.',
  },
  'audit.auditorHint': {
    zh: '安全审计员审查系统管理员和安全保密管理员的操作记录，并校验日志链的完整性。',
    en: 'The security auditor reviews the two other administrators and verifies the integrity of the chain.',
  },
  'audit.seq': { zh: '序号', en: 'Seq' },
  'audit.at': { zh: '时间', en: 'Time' },
  'audit.actor': { zh: '操作人', en: 'Actor' },
  'audit.action': { zh: '操作', en: 'Action' },
  'audit.objectType': { zh: '对象类型', en: 'Object type' },
  'audit.objectId': { zh: '对象标识', en: 'Object ID' },
  'audit.object': { zh: '对象', en: 'Object' },
  'audit.account': { zh: '账号', en: 'Account' },
  'audit.role': { zh: '角色', en: 'Role' },
  'audit.ip': { zh: '来源地址', en: 'Address' },
  'audit.summary': { zh: '内容', en: 'Details' },
  'audit.detail': { zh: '详情', en: 'Details' },
  'audit.prevHash': { zh: '前序哈希', en: 'Previous hash' },
  'audit.payload': { zh: '原始记录', en: 'Raw record' },
  'audit.payloadHint': {
    zh: '哈希所覆盖的原始记录：[序号, 时间, 操作人标识, 姓名, 身份, 角色, 单位, 操作, 对象类型, 对象标识, 内容, 来源地址]',
    en: 'The record the hash covers: [seq, time, actor id, name, class, role, organisation, action, object type, object id, details, address]',
  },
  'audit.hash': { zh: '哈希', en: 'Hash' },
  'audit.range': { zh: '时间范围', en: 'Time range' },
  'audit.export': { zh: '导出', en: 'Export' },
  'audit.exportCsv': { zh: '导出 CSV', en: 'Export CSV' },
  'audit.exportXlsx': { zh: '导出 Excel', en: 'Export Excel' },
  'audit.verify': { zh: '校验', en: 'Verify' },
  'audit.verifyTitle': { zh: '日志链校验', en: 'Chain verification' },
  'audit.verifyHint': {
    zh: '可填写此前导出的检查点（序号和哈希）以确认日志未被改写；不填写则校验整条链。',
    en: 'Enter a checkpoint exported earlier (seq and hash) to confirm nothing was rewritten; leave empty to check the whole chain.',
  },
  'audit.cpSeq': { zh: '检查点序号', en: 'Checkpoint seq' },
  'audit.cpHash': { zh: '检查点哈希', en: 'Checkpoint hash' },
  'audit.cpBoth': { zh: '检查点序号和哈希须同时填写', en: 'Give both the checkpoint seq and hash' },
  'audit.verifyOk': {
    zh: '校验通过：已校验 {checked} 条记录，日志链完整。',
    en: 'Verified: {checked} records checked, the chain is intact.',
  },
  'audit.verifyBroken': {
    zh: '校验失败：第 {seq} 条记录起日志链被破坏。',
    en: 'Verification failed: the chain is broken from record {seq}.',
  },
  'audit.verifyFailed': { zh: '校验失败', en: 'Verification failed' },
  'audit.waiting': {
    zh: '校验开始时有 {n} 条已提交的记录尚待入链（提交后约一秒内入链），已先接入审计链并一并校验。',
    en: '{n} committed records were still waiting to be chained when verification began (they are chained within about a second of their commit); they were chained first and checked too.',
  },
  'audit.head': { zh: '链头：序号 {seq}', en: 'Head: seq {seq}' },
  'audit.checkpoint': { zh: '当前检查点', en: 'Current checkpoint' },
  'audit.checkpointHint': {
    zh: '请定期将检查点（序号和哈希）抄录或导出并离线保存，日后可用于证明日志未被篡改。',
    en: 'Copy the checkpoint (seq and hash) regularly and keep it offline: it later proves the trail was not tampered with.',
  },
  'audit.copyCheckpoint': { zh: '复制检查点', en: 'Copy checkpoint' },
  'audit.useCheckpoint': { zh: '填入校验', en: 'Use for verification' },
  'audit.empty': { zh: '暂无审计记录', en: 'No audit records' },
  'audit.actorPlaceholder': { zh: '用户名或姓名', en: 'Username or name' },
  'audit.actionPlaceholder': { zh: '全部操作', en: 'All actions' },
  'audit.system': { zh: '系统', en: 'System' },
} as const satisfies Record<string, Bilingual>;
