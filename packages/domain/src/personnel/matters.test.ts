import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Check } from '../errors.ts';
import { MAJOR_MATTER_KIND_LABELS, MAJOR_MATTER_KINDS } from './enums.ts';
import { checkMajorMatterReport, impliedMajorMatter, type MajorMatterReport } from './matters.ts';

const codes = (c: Check) => (c.ok ? [] : c.violations.map((x) => x.code));
const r = (extra: Partial<MajorMatterReport> = {}): MajorMatterReport => ({
  kind: 'foreign_contact',
  source: 'self',
  occurredOn: '2026-11-01',
  description: '',
  ...extra,
});

describe('R-PER-05 major-matter reports', () => {
  test('R-PER-05 the kinds of RULES.md, each with a Chinese label, and other', () => {
    assert.equal(MAJOR_MATTER_KINDS.length, 10);
    assert.equal(MAJOR_MATTER_KINDS.at(-1), 'other');
    for (const k of MAJOR_MATTER_KINDS) assert.match(MAJOR_MATTER_KIND_LABELS[k].zh, /\p{Script=Han}/u);
    assert.equal(MAJOR_MATTER_KIND_LABELS.foreign_marriage.zh, '涉外婚恋');
    assert.equal(MAJOR_MATTER_KIND_LABELS.private_travel_abroad.zh, '因私出国（境）');
  });
  const cases: [string, MajorMatterReport, string[]][] = [
    ['a report by the person', r(), []],
    ['other without a description', r({ kind: 'other' }), ['matter_description_missing']],
    ['other with one', r({ kind: 'other', description: '子女赴境外留学' }), []],
    [
      'recorded by the officer without a description',
      r({ source: 'officer' }),
      ['matter_description_missing'],
    ],
    [
      'recorded by the officer with one',
      r({ source: 'officer', description: '经了解，与境外人员有非公务交往' }),
      [],
    ],
    ['dated tomorrow', r({ occurredOn: '2026-11-28' }), ['matter_date_future']],
    ['dated 1900', r({ occurredOn: '1900-01-01' }), ['matter_date_invalid']],
    ['too long', r({ description: '字'.repeat(2001) }), ['matter_description_too_long']],
  ];
  for (const [name, x, expected] of cases) {
    test(`R-PER-05 ${name}: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(codes(checkMajorMatterReport(x, '2026-11-27')), expected));
  }
  test('R-PER-05 R-PER-06a a private trip is itself a reported matter; an official one is not', () => {
    assert.equal(impliedMajorMatter('private'), 'private_travel_abroad');
    assert.equal(impliedMajorMatter('official'), null);
  });
});
