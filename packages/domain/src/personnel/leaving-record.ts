// 涉密人员 leaving a post as the record keeps it (R-PER-06, R-CAR-08) and the words of the commitments
// (R-PER-03) printed for signature. The checklist item by item (what the leaving page shows and what
// the approval refuses on), the officer's entries (the talk's date, the count of devices), and the
// texts of the forms. Pure: the server fetches the record and the custody count.
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { compareDates, isPlainDate, type PlainDate } from '../levels/calendar.ts';
import { type CommitmentKind, LEAVING_ITEM_LABELS, LEAVING_ITEMS, type LeavingItem } from './enums.ts';
import { checkLeaving } from './leaving.ts';

/** A leaving as stored: the officer's entries, the exit commitment and the custody count. */
export interface LeavingRecord {
  reminderTalkOn: PlainDate | null;
  exitCommitmentSignedOn: PlainDate | null;
  carriersInCustody: number;
  carrierNames?: readonly string[];
  /** Devices not returned as the officer counted them; null: not counted yet. */
  devicesNotReturned: number | null;
  accessRevokedOn: PlainDate | null;
}

/** One line of the checklist: done or not, and what is missing in words. */
export interface LeavingChecklistLine {
  item: LeavingItem;
  done: boolean;
  zh: string;
  en: string;
  rule: string;
}

const devicesUncounted = (): RuleViolation => ({
  code: 'leaving_devices_not_counted',
  rule: 'R-PER-06',
  field: 'devicesNotReturned',
  zh: '尚未登记涉密设备交还情况',
  en: 'The return of devices has not been recorded',
});

/**
 * R-PER-06, R-CAR-08: every item still missing for this record (checkLeaving's, plus a device count
 * never recorded: nothing is assumed returned until the officer says so).
 */
export function checkLeavingRecord(r: LeavingRecord): Check {
  const c = checkLeaving({
    reminderTalkOn: r.reminderTalkOn,
    exitCommitmentSignedOn: r.exitCommitmentSignedOn,
    carriersInCustody: r.carriersInCustody,
    carrierNames: r.carrierNames,
    devicesNotReturned: r.devicesNotReturned ?? 0,
    accessRevoked: r.accessRevokedOn !== null,
  });
  const out = c.ok ? [] : [...c.violations];
  if (r.devicesNotReturned === null) {
    const at = out.findIndex((v) => v.field === 'accessRevoked');
    out.splice(at < 0 ? out.length : at, 0, devicesUncounted());
  }
  return out.length ? fail(...out) : ok;
}

const ITEM_FIELD: Record<LeavingItem, string> = {
  reminder_talk: 'reminderTalkOn',
  exit_commitment: 'exitCommitmentSignedOn',
  carriers_handed_over: 'carriersInCustody',
  devices_returned: 'devicesNotReturned',
  access_revoked: 'accessRevoked',
};

/** R-PER-06, R-CAR-08: the checklist in LEAVING_ITEMS order, each line done or with what is missing. */
export function leavingChecklist(r: LeavingRecord): LeavingChecklistLine[] {
  const c = checkLeavingRecord(r);
  const missing = c.ok ? [] : c.violations;
  return LEAVING_ITEMS.map((item) => {
    const v = missing.find((m) => m.field === ITEM_FIELD[item]);
    const label = LEAVING_ITEM_LABELS[item];
    return v
      ? { item, done: false, zh: v.zh, en: v.en, rule: v.rule ?? 'R-PER-06' }
      : {
          item,
          done: true,
          zh: label.zh,
          en: label.en,
          rule: item === 'carriers_handed_over' ? 'R-CAR-08' : 'R-PER-06',
        };
  });
}

/**
 * R-PER-06: the refusal of an approval while items are missing: one message naming every item
 * (the first line of the error), with each violation in `details`.
 */
export function leavingIncomplete(missing: readonly RuleViolation[]): RuleViolation {
  return {
    code: 'leaving_incomplete',
    rule: missing[0]?.rule ?? 'R-PER-06',
    field: missing[0]?.field,
    zh: `离岗审批前须完成以下事项：${missing.map((m) => m.zh).join('；')}`,
    en: `Before leaving is approved: ${missing.map((m) => m.en).join('; ')}`,
  };
}

/** R-PER-06: a day the officer records on the checklist (talk, revocation): real, not before the
 * post was taken, not after today. */
export function checkLeavingEntryDate(
  on: PlainDate,
  field: string,
  since: PlainDate,
  today: PlainDate,
): Check {
  const v = (code: string, zh: string, en: string): Check => fail({ code, rule: 'R-PER-06', field, zh, en });
  if (!isPlainDate(on) || compareDates(on, '1950-01-01') < 0)
    return v('leaving_entry_date_invalid', '日期无效', 'The date is not valid');
  if (compareDates(on, today) > 0)
    return v(
      'leaving_entry_date_future',
      `日期不能晚于今天（${today}）`,
      `The date cannot be after today (${today})`,
    );
  if (compareDates(on, since) < 0)
    return v(
      'leaving_entry_date_before_post',
      `日期不能早于上岗日期（${since}）`,
      `The date cannot be before the post was taken (${since})`,
    );
  return ok;
}

/** R-PER-06: the count of devices not returned: a whole number 0 … 10000. */
export function checkDevicesCount(n: number): Check {
  return Number.isInteger(n) && n >= 0 && n <= 10000
    ? ok
    : fail({
        code: 'leaving_devices_count_invalid',
        rule: 'R-PER-06',
        field: 'devicesNotReturned',
        zh: '未交还设备数应为0至10000的整数',
        en: 'Devices not returned is a whole number from 0 to 10000',
      });
}

/**
 * R-PER-03 (seed 003 第四篇九、十, 第五篇四6、7; 保密法 第四十四、四十六条): the words of each form, in
 * paragraphs, printed above the signature lines. `months` is the 脱密期 the exit commitment names.
 */
export function commitmentParagraphs(kind: CommitmentKind, o: { months?: number | null } = {}): string[] {
  const law = '《中华人民共和国保守国家秘密法》';
  const common = [
    `一、认真遵守${law}及其实施条例和本单位保密管理制度，履行保密义务，不该说的秘密不说，不该问的秘密不问，不该看的秘密不看。`,
    '二、不以任何方式泄露所接触和知悉的国家秘密；不在非涉密计算机、互联网及其他公共信息网络上存储、处理、传输国家秘密。',
    '三、按规定管理涉密载体和涉密设备，不私自复制、留存、携带涉密载体外出。',
    '四、未经批准，不擅自出境；不参与、不从事危害国家秘密安全的活动；发生重大事项及时向本单位报告。',
  ];
  if (kind === 'on_post' || kind === 'yearly')
    return [
      '本人自愿作出如下保密承诺：',
      ...common,
      '五、自觉接受保密教育培训和监督检查。违反上述承诺，自愿承担党纪、政纪责任和法律后果。',
    ];
  if (kind === 'responsibility_letter')
    return [
      '为加强保密要害部门、部位的管理，根据本单位保密管理制度，签订本责任书。责任人承担以下保密责任和义务：',
      ...common,
      '五、严格执行保密要害部门、部位的门禁、值班、技术防范等管理措施，发现泄密隐患立即报告。',
      '六、遵守保密纪律和其他限制性要求；履行责任情况纳入年度考核，违反者依照有关规定给予处理。',
    ];
  const months = o.months ?? null;
  const period =
    months === null
      ? '在单位确定的脱密期内'
      : `在${months % 12 === 0 ? `${months / 12}年` : `${months}个月`}脱密期内`;
  return [
    '本人即将离开涉密岗位，郑重承诺：',
    '一、已全部清退所保管和使用的涉密载体及涉密设备，未私自留存任何国家秘密。',
    '二、离岗后继续遵守保密法律法规，不以任何方式泄露所知悉的国家秘密。',
    `三、${period}，自觉遵守脱密期管理规定：未经审查批准不擅自出境，不到境外驻华机构、组织或者外资企业工作，不为境外组织人员或者外资企业提供劳务、咨询或者其他服务。`,
    '四、脱密期满后，对所知悉的国家秘密仍负有保密义务。违反上述承诺，自愿承担法律责任。',
  ];
}
