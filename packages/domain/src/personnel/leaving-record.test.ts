import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coolingOffPeriod } from './leaving.ts';
import {
  checkDevicesCount,
  checkLeavingEntryDate,
  checkLeavingRecord,
  commitmentParagraphs,
  type LeavingRecord,
  leavingChecklist,
  leavingIncomplete,
} from './leaving-record.ts';

const done: LeavingRecord = {
  reminderTalkOn: '2026-05-01',
  exitCommitmentSignedOn: '2026-05-02',
  carriersInCustody: 0,
  devicesNotReturned: 0,
  accessRevokedOn: '2026-05-03',
};

test('R-PER-06: a complete record passes; each missing item is named once, in checklist order', () => {
  assert.deepEqual(checkLeavingRecord(done), { ok: true });
  const cases: [Partial<LeavingRecord>, string[]][] = [
    [{ reminderTalkOn: null }, ['leaving_reminder_talk_missing']],
    [{ exitCommitmentSignedOn: null }, ['leaving_exit_commitment_missing']],
    [{ carriersInCustody: 2, carrierNames: ['甲文件（000001）', '乙文件'] }, ['leaving_carriers_in_custody']],
    [{ devicesNotReturned: 3 }, ['leaving_devices_not_returned']],
    [{ devicesNotReturned: null }, ['leaving_devices_not_counted']],
    [{ accessRevokedOn: null }, ['leaving_access_not_revoked']],
    [
      { reminderTalkOn: null, devicesNotReturned: null, accessRevokedOn: null },
      ['leaving_reminder_talk_missing', 'leaving_devices_not_counted', 'leaving_access_not_revoked'],
    ],
  ];
  for (const [over, codes] of cases) {
    const c = checkLeavingRecord({ ...done, ...over });
    assert.equal(c.ok, false);
    if (!c.ok)
      assert.deepEqual(
        c.violations.map((v) => v.code),
        codes,
        JSON.stringify(over),
      );
  }
});

test('R-CAR-08: the carriers line names the carriers and the refusal names every item', () => {
  const r = { ...done, carriersInCustody: 5, carrierNames: ['甲', '乙', '丙', '丁'], accessRevokedOn: null };
  const lines = leavingChecklist(r);
  assert.deepEqual(
    lines.map((l) => [l.item, l.done]),
    [
      ['reminder_talk', true],
      ['exit_commitment', true],
      ['carriers_handed_over', false],
      ['devices_returned', true],
      ['access_revoked', false],
    ],
  );
  assert.match(lines[2]!.zh, /甲、乙、丙等4件/);
  assert.equal(lines[2]!.rule, 'R-CAR-08');
  const c = checkLeavingRecord(r);
  assert.equal(c.ok, false);
  if (!c.ok) {
    const v = leavingIncomplete(c.violations);
    assert.equal(v.code, 'leaving_incomplete');
    assert.match(v.zh, /涉密载体.*甲.*；信息系统权限尚未撤销/);
  }
});

test('R-PER-06: checklist dates are real, not before the post, not after today', () => {
  const cases: [string, string | null][] = [
    ['2026-05-01', null],
    ['2026-02-30', 'leaving_entry_date_invalid'],
    ['1900-01-01', 'leaving_entry_date_invalid'],
    ['9999-12-31', 'leaving_entry_date_future'],
    ['2019-12-31', 'leaving_entry_date_before_post'],
  ];
  for (const [d, code] of cases) {
    const c = checkLeavingEntryDate(d, 'reminderTalkOn', '2020-01-01', '2026-06-01');
    assert.equal(c.ok ? null : c.violations[0]!.code, code, d);
  }
});

test('R-PER-06: the device count is a whole number 0..10000', () => {
  for (const [n, good] of [
    [0, true],
    [3, true],
    [10000, true],
    [-1, false],
    [1.5, false],
    [10001, false],
  ] as const)
    assert.equal(checkDevicesCount(n).ok, good, String(n));
});

test('R-PER-03: each form has its words; the exit commitment names the 脱密期', () => {
  assert.match(commitmentParagraphs('on_post').join(''), /保守国家秘密法/);
  assert.match(commitmentParagraphs('responsibility_letter').join(''), /保密要害部门/);
  assert.match(commitmentParagraphs('exit', { months: 24 }).join(''), /2年脱密期/);
  assert.match(commitmentParagraphs('exit', { months: 18 }).join(''), /18个月脱密期/);
});

test('R-PER-06: month ends and leap days in the 脱密期 (the longer stands on a class change)', () => {
  const cases: [string, 'core' | 'important' | 'general', string][] = [
    ['2028-02-29', 'important', '2030-02-28'],
    ['2028-02-29', 'core', '2031-02-28'],
    ['2031-02-28', 'general', '2032-02-28'],
    ['2026-01-31', 'general', '2027-01-31'],
  ];
  for (const [start, cls, end] of cases) assert.equal(coolingOffPeriod(start, cls).end, end);
  assert.equal(coolingOffPeriod('2026-08-31', 'general', undefined, [], 6).end, '2027-02-28');
  const up = coolingOffPeriod('2026-03-15', 'general', undefined, [
    { on: '2026-09-01', personClass: 'core' },
  ]);
  assert.deepEqual([up.end, up.personClass, up.months], ['2029-03-15', 'core', 36]);
  const down = coolingOffPeriod('2026-03-15', 'core', undefined, [
    { on: '2026-09-01', personClass: 'general' },
  ]);
  assert.equal(down.end, '2029-03-15');
});
