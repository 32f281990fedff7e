import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../errors.ts';
import { checkClassification, EMPTY_KNOW_SCOPE, isKnowScopeEmpty } from './classification.ts';
import { documentHeaderLines, type MarkedItem, markingLine } from './display.ts';

describe('marking on every surface', () => {
  const lines: [MarkedItem, string][] = [
    [{ level: 'secret', period: { kind: 'years', n: 5 } }, '机密★5年'],
    [{ level: 'secret', period: { kind: 'years', n: 5 }, released: true }, '机密★5年（解密）'],
    [{ level: 'top_secret' }, '绝密'],
    [{ level: 'top_secret', period: null }, '绝密'],
    [{ level: 'confidential', period: { kind: 'date', date: '2030-12-31' } }, '秘密★2030年12月31日'],
    [{ level: 'internal' }, '内部'],
    [{ level: 'work_secret', period: { kind: 'years', n: 2 } }, '工作秘密'],
    [{ level: 'public' }, ''],
  ];
  for (const [item, text] of lines) {
    test(`R-LVL-05 markingLine(${JSON.stringify(item)}) = ${JSON.stringify(text)}`, () => {
      assert.equal(markingLine(item), text);
    });
  }

  test('R-LVL-05 markingLine refuses to print a wrong mark for a malformed period', () => {
    assert.throws(
      () => markingLine({ level: 'secret', period: { kind: 'years', n: 0 } }),
      (e: unknown) => e instanceof DomainError && e.rule === 'R-LVL-03',
    );
  });

  test('R-LVL-04 R-LVL-05 document header: copy number on line 1, marking on line 2', () => {
    assert.deepEqual(
      documentHeaderLines({ level: 'secret', period: { kind: 'years', n: 5 }, copyNumber: 123 }),
      ['000123', '机密★5年'],
    );
    assert.deepEqual(documentHeaderLines({ level: 'secret' }), ['机密']);
    assert.deepEqual(documentHeaderLines({ level: 'public', copyNumber: null }), []);
    assert.deepEqual(documentHeaderLines({ level: 'public', copyNumber: 7 }), ['000007']);
  });
});

describe('classified item completeness', () => {
  const scope = { personIds: ['p1'], departmentIds: [], positions: [] };

  test('R-LVL-01 an empty scope is empty; any list entry makes it non-empty', () => {
    assert.ok(isKnowScopeEmpty(EMPTY_KNOW_SCOPE));
    assert.equal(isKnowScopeEmpty(scope), false);
    assert.equal(isKnowScopeEmpty({ personIds: [], departmentIds: [], positions: ['处长'] }), false);
  });

  test('R-LVL-01 a state-secret item with level, period and scope passes', () => {
    assert.deepEqual(
      checkClassification({
        level: 'secret',
        period: { kind: 'years', n: 5 },
        issueDate: '2024-01-01',
        knowScope: scope,
      }),
      { ok: true },
    );
  });

  test('R-LVL-01 a state-secret item without a scope is refused, with period problems too', () => {
    const r = checkClassification({
      level: 'confidential',
      period: { kind: 'years', n: 11 },
      issueDate: '2024-01-01',
      knowScope: EMPTY_KNOW_SCOPE,
    });
    assert.ok(!r.ok);
    assert.deepEqual(
      r.violations.map((v) => [v.code, v.rule]),
      [
        ['know_scope_empty', 'R-LVL-01'],
        ['period_exceeds_maximum', 'R-LVL-02'],
      ],
    );
  });

  test('R-LVL-01 an internal item needs no scope', () => {
    assert.ok(
      checkClassification({
        level: 'internal',
        period: { kind: 'default' },
        issueDate: '2024-01-01',
        knowScope: EMPTY_KNOW_SCOPE,
      }).ok,
    );
  });

  test('R-LVL-01 R-LVL-02 长期 passes when the catalogue allows it', () => {
    const input = {
      level: 'top_secret' as const,
      period: { kind: 'indefinite' as const },
      issueDate: '2024-01-01',
      knowScope: scope,
    };
    assert.equal(checkClassification(input).ok, false);
    assert.equal(checkClassification(input, { indefiniteAllowed: true }).ok, true);
  });
});
