// 涉密载体 (classified carriers): the fixed lists of the module, with their words. Rule ids in the
// functions that use them (rules.ts, state.ts).

const L = (zh: string, en: string) => ({ zh, en });

/** What a carrier is: a paper document, a medium (disk, USB, optical disc) or an item. */
export const CARRIER_KINDS = ['document', 'medium', 'item'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];
export const CARRIER_KIND_LABELS: Record<CarrierKind, { zh: string; en: string }> = {
  document: L('纸质文件', 'Document'),
  medium: L('存储介质', 'Medium'),
  item: L('涉密物品', 'Item'),
};

/** R-CAR-03: a document's distribution class (发文范围), which fixes who may read it by rank. */
export const DISTRIBUTION_CLASSES = ['provincial', 'prefectural', 'county', 'professional'] as const;
export type DistributionClass = (typeof DISTRIBUTION_CLASSES)[number];
export const DISTRIBUTION_CLASS_LABELS: Record<DistributionClass, { zh: string; en: string }> = {
  provincial: L('省军级', 'Provincial/army level'),
  prefectural: L('地师级', 'Prefecture/division level'),
  county: L('县团级', 'County/regiment level'),
  professional: L('专业性', 'Line of work'),
};

/** How a carrier entered the organisation's ledger. */
export const CARRIER_ORIGINS = ['received', 'produced', 'copied'] as const;
export type CarrierOrigin = (typeof CARRIER_ORIGINS)[number];
export const CARRIER_ORIGIN_LABELS: Record<CarrierOrigin, { zh: string; en: string }> = {
  received: L('收进', 'Received'),
  produced: L('制作', 'Produced'),
  copied: L('复制', 'Copied'),
};

/**
 * Where a carrier is in its life (R-CAR-01). `in_registry`: kept by the registry (its custodian);
 * `on_loan`: lent to one reader; `taken_out`: carried out of the office; `pending_destruction`:
 * registered for destruction, waiting for approval and witnesses; `destroyed` and `handed_over`
 * (transferred out of the organisation) are final; `missing`: not found at an inventory.
 */
export const CARRIER_STATUSES = [
  'in_registry',
  'on_loan',
  'taken_out',
  'pending_destruction',
  'destroyed',
  'handed_over',
  'missing',
] as const;
export type CarrierStatus = (typeof CARRIER_STATUSES)[number];
export const CARRIER_STATUS_LABELS: Record<CarrierStatus, { zh: string; en: string }> = {
  in_registry: L('在册（存于登记处）', 'In the registry'),
  on_loan: L('借出', 'On loan'),
  taken_out: L('携带外出', 'Taken out'),
  pending_destruction: L('待销毁', 'Awaiting destruction'),
  destroyed: L('已销毁', 'Destroyed'),
  handed_over: L('已发出（移出本单位）', 'Sent out of the organisation'),
  missing: L('缺失', 'Missing'),
};
/** The states no step leaves: the carrier is read-only (R-CAR-07, R-CAR-08). */
export const FINAL_CARRIER_STATUSES: readonly CarrierStatus[] = ['destroyed', 'handed_over'];

/** R-CAR-01: the kinds of registration (登记) in a carrier's timeline. */
export const STEP_KINDS = [
  'receive',
  'produce',
  'copy',
  'loan',
  'extend',
  'return',
  'take_out',
  'bring_back',
  'handover',
  'transfer_out',
  'destruction_requested',
  'destruction_cancelled',
  'destroy',
  'missing',
  'found',
  'medium_use',
  'widen',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_KIND_LABELS: Record<StepKind, { zh: string; en: string }> = {
  receive: L('收进登记', 'Received'),
  produce: L('制作登记', 'Produced'),
  copy: L('复制登记', 'Copied'),
  loan: L('借出', 'Lent'),
  extend: L('续借', 'Loan extended'),
  return: L('归还', 'Returned'),
  take_out: L('携带外出', 'Taken out'),
  bring_back: L('带回交还', 'Brought back'),
  handover: L('岗位变动移交', 'Handed over on change of post'),
  transfer_out: L('发出（移交出本单位）', 'Sent out of the organisation'),
  destruction_requested: L('申请销毁', 'Destruction requested'),
  destruction_cancelled: L('撤销销毁', 'Destruction cancelled'),
  destroy: L('销毁', 'Destroyed'),
  missing: L('清查缺失', 'Found missing'),
  found: L('找回', 'Found again'),
  medium_use: L('介质使用登记', 'Medium used'),
  widen: L('批准扩大阅读范围', 'Reading scope widened'),
};

/** R-CAR-07: how a carrier is destroyed (selling to scrap collectors is never one of them). */
export const DESTRUCTION_METHODS = [
  'shred',
  'incinerate',
  'pulp',
  'degauss',
  'physical',
  'delivered',
] as const;
export type DestructionMethod = (typeof DESTRUCTION_METHODS)[number];
export const DESTRUCTION_METHOD_LABELS: Record<DestructionMethod, { zh: string; en: string }> = {
  shred: L('碎纸机粉碎', 'Shredded'),
  incinerate: L('焚毁', 'Incinerated'),
  pulp: L('化浆', 'Pulped'),
  degauss: L('消磁', 'Degaussed'),
  physical: L('物理破碎', 'Physically destroyed'),
  delivered: L('送销毁工作机构销毁', 'Delivered to the destruction centre'),
};

/** R-CAR-05a: how a carrier travels; ordinary post and couriers are never allowed. */
export const CONVEYANCES = ['by_hand', 'confidential_mail', 'ordinary_post', 'courier'] as const;
/** R-CAR-05a: the conveyances a carrier may leave by (机要交通/机要通信, 专人); the others are refused. */
export const PERMITTED_CONVEYANCES = ['confidential_mail', 'by_hand'] as const;
export type Conveyance = (typeof CONVEYANCES)[number];
export const CONVEYANCE_LABELS: Record<Conveyance, { zh: string; en: string }> = {
  by_hand: L('专人传递', 'By hand'),
  confidential_mail: L('机要交通/机要通信', 'Confidential mail'),
  ordinary_post: L('普通邮政', 'Ordinary post'),
  courier: L('快递', 'Courier'),
};

/** R-CAR-06: where a carrier may be taken; sightseeing, visits and public places never. */
export const TAKE_OUT_PLACES = [
  'meeting',
  'work_visit',
  'sightseeing',
  'private_visit',
  'public_place',
] as const;
export type TakeOutPlace = (typeof TAKE_OUT_PLACES)[number];
export const TAKE_OUT_PLACE_LABELS: Record<TakeOutPlace, { zh: string; en: string }> = {
  meeting: L('参加会议', 'Meeting'),
  work_visit: L('公务活动', 'Official business'),
  sightseeing: L('参观游览', 'Sightseeing'),
  private_visit: L('探亲访友', 'Private visit'),
  public_place: L('公共场所', 'Public place'),
};

/** R-CAR-11: the machine a medium is used on: a classified machine of a level, or an unclassified one. */
export const MACHINE_LEVELS = ['unclassified', 'confidential', 'secret', 'top_secret'] as const;
export type MachineLevel = (typeof MACHINE_LEVELS)[number];
export const MACHINE_LEVEL_LABELS: Record<MachineLevel, { zh: string; en: string }> = {
  unclassified: L('非涉密计算机', 'Unclassified machine'),
  confidential: L('秘密级计算机', 'Confidential machine'),
  secret: L('机密级计算机', 'Secret machine'),
  top_secret: L('绝密级计算机', 'Top-secret machine'),
};
