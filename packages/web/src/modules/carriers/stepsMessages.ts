// The UI strings of the carriers' remaining life steps (send out, media uses, widening, the handover
// page), merged into the module's messages in module.tsx.
export const stepMessages = {
  'nav.carrierHandover': { zh: '岗位变动移交', en: 'Handover on change of post' },

  'car.sendOut': { zh: '发出', en: 'Send out' },
  'car.sendOut.title': { zh: '发出（移交出本单位）', en: 'Send out of the organisation' },
  'car.sendOut.recipient': { zh: '接收机关（单位）', en: 'Receiving organ' },
  'car.sendOut.docNumber': { zh: '发文（移交）文号', en: 'Transmittal number' },
  'car.sendOut.conveyance': { zh: '传递方式', en: 'Conveyance' },
  'car.sendOut.bearers': { zh: '携带人（姓名）', en: 'Carried by (names)' },
  'car.sendOut.hint': {
    zh: '须通过机要交通、机要通信或派专人传递，严禁普通邮寄和快递；绝密级载体须二人以上同行携带。发出后该载体不再由本单位保管，只能查阅。',
    en: 'By confidential mail or by hand only, never by post or courier; a top-secret carrier is carried by two or more. Once sent it is read-only.',
  },
  'car.sendOut.bearersHint': { zh: '输入姓名后回车，可填多人', en: 'Type a name and press Enter' },

  'car.mediumUse': { zh: '介质使用登记', en: 'Register a use' },
  'car.mediumUse.machineLevel': { zh: '使用的计算机', en: 'Machine' },
  'car.mediumUse.machine': { zh: '计算机名称或编号', en: 'Machine name or number' },
  'car.mediumUse.dataLevel': { zh: '存取信息的密级', en: 'Level of the data' },
  'car.mediumUse.purpose': { zh: '用途', en: 'Purpose' },
  'car.mediumUse.hint': {
    zh: '专盘专用：涉密介质严禁在非涉密计算机上使用，不得存储高于本介质密级的信息。',
    en: 'Kept per level: never on an unclassified machine, never data above the medium’s level.',
  },

  'car.widen': { zh: '扩大阅读范围', en: 'Widen the reading scope' },
  'car.widen.person': { zh: '准予阅读的人员', en: 'Person admitted' },
  'car.widen.reason': { zh: '理由', en: 'Reason' },
  'car.widen.hint': {
    zh: '由主管领导批准，准予发文范围以外的人员阅读；密级资格和知悉范围仍须符合。',
    en: 'The responsible leader admits a person beyond the distribution class; clearance and scope still apply.',
  },
  'car.widen.list': { zh: '经批准扩大的阅读范围', en: 'Reading scope widened' },
  'car.widen.approvedBy': { zh: '批准人', en: 'Approved by' },
  'car.widen.at': { zh: '批准时间', en: 'Approved at' },

  'car.step.recipient': { zh: '接收机关', en: 'Receiving organ' },
  'car.step.docNumber': { zh: '文号', en: 'Number' },
  'car.step.conveyance': { zh: '传递方式', en: 'Conveyance' },
  'car.step.bearers': { zh: '携带人', en: 'Carried by' },
  'car.step.machine': { zh: '计算机', en: 'Machine' },
  'car.step.dataLevel': { zh: '信息密级', en: 'Data level' },
  'car.step.admitted': { zh: '准予阅读', en: 'Admitted' },
  'car.step.reason': { zh: '理由', en: 'Reason' },

  'car.handover.title': { zh: '岗位变动移交', en: 'Handover on change of post' },
  'car.handover.hint': {
    zh: '人员调岗、离岗前，逐件移交本人保管和借用的全部涉密载体：清点件数，打印移交清单，移交人和接收人双方签字后登记。仍有载体未移交的，系统不允许调整其岗位。',
    en: 'Before a person changes post, every carrier he keeps or holds is handed over item by item: count, print the list, both sign, then register. His post cannot be closed while carriers remain.',
  },
  'car.handover.from': { zh: '移交人', en: 'Handing over' },
  'car.handover.to': { zh: '接收人', en: 'Receiver' },
  'car.handover.count': { zh: '件数', en: 'Count' },
  'car.handover.items': { zh: '移交清单（逐件）', en: 'Itemised list' },
  'car.handover.empty': {
    zh: '该人员名下没有涉密载体，可以调整岗位',
    en: 'Nothing in custody: the post may close',
  },
  'car.handover.signedFrom': { zh: '移交人已在清单上签字', en: 'The person handing over signed' },
  'car.handover.signedTo': { zh: '接收人已在清单上签字', en: 'The receiver signed' },
  'car.handover.print': { zh: '打印移交清单', en: 'Print the list' },
  'car.handover.submit': { zh: '登记移交', en: 'Register the handover' },
  'car.handover.done': { zh: '已登记移交 {count} 件', en: '{count} carriers handed over' },
  'car.handover.outFirst': {
    zh: '借出或携带外出的载体须先归还登记处，再办理移交',
    en: 'Carriers on loan or taken out come back to the registry first',
  },
} as const;
