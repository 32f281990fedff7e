// The UI strings of the approvals module (zh-CN and English), merged into the one dictionary.
import type { Bilingual } from '../../app/messages.ts';

export const messages = {
  // navigation and home
  'nav.approvals': { zh: '审批', en: 'Approvals' },

  // approvals
  'approvals.title': { zh: '审批', en: 'Approvals' },
  'approvals.waiting': { zh: '待我审批', en: 'Waiting on me' },
  'approvals.mine': { zh: '我发起的', en: 'Asked by me' },
  'approvals.emptyWaiting': { zh: '没有等待您审批的事项', en: 'Nothing waits on you' },
  'approvals.emptyMine': { zh: '您尚未发起审批', en: 'You have not asked for any approval' },
  'approvals.flow': { zh: '审批类型', en: 'Kind' },
  'approvals.subject': { zh: '审批事项', en: 'Subject' },
  'approvals.step': { zh: '当前环节', en: 'Current step' },
  'approvals.updatedAt': { zh: '更新时间', en: 'Updated' },
  'approvals.initiator': { zh: '发起人', en: 'Asked by' },
  'approvals.byMe': { zh: '本人发起', en: 'Me' },
  'approvals.rules': { zh: '依据', en: 'Basis' },
  'approvals.steps': { zh: '审批流程', en: 'Steps' },
  'approvals.waitingHere': { zh: '等待审批', en: 'Waiting for a decision' },
  'approvals.history': {
    zh: '全部审批记录（含已被重新提交取代的轮次）',
    en: 'All decisions (including earlier rounds)',
  },
  'approvals.actingAs': { zh: '{role}角', en: 'as {role}' },
  'approvals.superseded': { zh: '上一轮', en: 'Earlier round' },
  'approvals.decide': { zh: '作出审批决定', en: 'Decide' },
  'approvals.actingRole': { zh: '审批身份', en: 'Deciding as' },
  'approvals.actingHint': {
    zh: '您有多个业务角色，本环节以上述角色作出决定并记录',
    en: 'You hold several roles; this step is decided, and recorded, in the role shown',
  },
  'approvals.decision': { zh: '审批决定', en: 'Decision' },
  'approvals.comment': { zh: '审批意见', en: 'Comment' },
  'approvals.reason': { zh: '理由', en: 'Reason' },
  'approvals.correctHint': {
    zh: '修改后批准：在下一步填写修改后的密级、保密期限、知悉范围和修改说明',
    en: 'Approve with corrections: enter the corrected level, period, scope and a note next',
  },
  'approvals.openCorrect': { zh: '填写修改内容', en: 'Enter the corrections' },
  'approvals.submit': { zh: '提交决定', en: 'Submit the decision' },
  'approvals.decided': { zh: '审批决定已提交', en: 'Decision recorded' },
  'approvals.withdraw': { zh: '撤回申请', en: 'Withdraw' },
  'approvals.withdrawConfirm': { zh: '确定撤回该申请吗？', en: 'Withdraw this request?' },
  'approvals.withdrawn': { zh: '已撤回', en: 'Withdrawn' },
} as const satisfies Record<string, Bilingual>;
