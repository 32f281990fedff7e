// 涉密载体: the rules of the remaining life steps — sending a carrier out of the organisation
// (R-CAR-01, R-CAR-05a) and registering a use of a medium (R-CAR-11). Pure; the server calls these.
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { isStateSecret, LEVEL_LABELS, LEVEL_RANK, type Level } from '../levels/level.ts';
import type { Conveyance, MachineLevel } from './enums.ts';
import { checkConveyance, checkMediumUse } from './rules.ts';

const v = (code: string, rule: string, field: string, zh: string, en: string): RuleViolation => ({
  code,
  rule,
  field,
  zh,
  en,
});

/** What a send-out (发出) registers: to whom, under which transmittal, how it travels, who carries it. */
export interface SendOutInput {
  /** The highest level among the carriers sent. */
  level: Level;
  recipientOrgan: string;
  /** The 文号 of the transmittal (发文/移交文号). */
  docNumber: string;
  conveyance: Conveyance;
  /** The people carrying it (专人; for 绝密 two or more), by name. */
  bearers: readonly string[];
}

/**
 * R-CAR-01, R-CAR-05a: a carrier leaves the organisation registered — the receiving organ and the
 * transmittal's 文号 named — by 机要交通/机要通信 or by hand, never by ordinary post or courier; by
 * hand names who carries it; a 绝密 carrier is carried by two or more people together.
 */
export function checkSendOut(s: SendOutInput): Check {
  const out: RuleViolation[] = [];
  if (s.recipientOrgan.trim() === '')
    out.push(
      v(
        'recipient_missing',
        'R-CAR-01',
        'recipientOrgan',
        '须登记接收机关（单位）',
        'Name the receiving organ',
      ),
    );
  if (s.docNumber.trim() === '')
    out.push(
      v(
        'transmittal_missing',
        'R-CAR-01',
        'docNumber',
        '须登记发文（移交）文号',
        'Register the transmittal’s document number',
      ),
    );
  const bearers = [...new Set(s.bearers.map((b) => b.trim()).filter((b) => b !== ''))];
  const conv = checkConveyance(s.level, s.conveyance, bearers);
  // The request names the carrying people `bearers`.
  if (!conv.ok)
    out.push(...conv.violations.map((x) => (x.field === 'people' ? { ...x, field: 'bearers' } : x)));
  if (s.conveyance === 'by_hand' && bearers.length === 0 && s.level !== 'top_secret')
    out.push(
      v(
        'bearer_missing',
        'R-CAR-05a',
        'bearers',
        '专人传递须登记携带人姓名',
        'Carried by hand: name who carries it',
      ),
    );
  return out.length ? fail(...out) : ok;
}

/**
 * R-CAR-11: a use of a medium on a machine. The domain's checkMediumUse (专盘专用: never data above the
 * medium's level; classified media and unclassified machines never across each other), and a classified
 * machine never processes data above its own level.
 */
export function checkMediumUseOn(u: { mediumLevel: Level; dataLevel: Level; machine: MachineLevel }): Check {
  const out: RuleViolation[] = [];
  const classified = u.machine !== 'unclassified';
  const base = checkMediumUse({
    mediumLevel: u.mediumLevel,
    dataLevel: u.dataLevel,
    machineClassified: classified,
  });
  if (!base.ok) out.push(...base.violations);
  if (classified && isStateSecret(u.dataLevel) && LEVEL_RANK[u.dataLevel] > LEVEL_RANK[u.machine as Level])
    out.push(
      v(
        'machine_level_too_low',
        'R-CAR-11',
        'machineLevel',
        `${LEVEL_LABELS[u.machine as Level].zh}计算机不能处理${LEVEL_LABELS[u.dataLevel].zh}信息`,
        `A ${LEVEL_LABELS[u.machine as Level].en.toLowerCase()} machine cannot process ${LEVEL_LABELS[u.dataLevel].en.toLowerCase()} data`,
      ),
    );
  return out.length ? fail(...out) : ok;
}
