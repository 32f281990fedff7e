import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { formatCopyNumber, isCopyNumber, MAX_COPY_NUMBER, parseCopyNumber } from './copy-number.ts';

describe('copy number (份号)', () => {
  const formatted: [number, string][] = [
    [1, '000001'],
    [123, '000123'],
    [100000, '100000'],
    [999999, '999999'],
  ];
  for (const [n, text] of formatted) {
    test(`R-LVL-04 formatCopyNumber(${n}) = ${text}`, () => {
      assert.equal(formatCopyNumber(n), text);
    });
  }

  for (const n of [0, -1, 1_000_000, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    test(`R-LVL-04 formatCopyNumber refuses ${n}`, () => {
      assert.throws(
        () => formatCopyNumber(n),
        (e: unknown) =>
          e instanceof DomainError && e.rule === 'R-LVL-04' && e.code === 'copy_number_out_of_range',
      );
    });
  }

  const parsed: [string, number][] = [
    ['000123', 123],
    ['999999', 999999],
    [' 000001 ', 1],
    ['０００１２３', 123],
    ['\u3000000042\u3000', 42],
  ];
  for (const [text, value] of parsed) {
    test(`R-LVL-04 parseCopyNumber(${JSON.stringify(text)}) = ${value}`, () => {
      assert.deepEqual(parseCopyNumber(text), { ok: true, value });
    });
  }

  const refused: [string, string][] = [
    ['123', 'copy_number_malformed'],
    ['0001234', 'copy_number_malformed'],
    ['00012a', 'copy_number_malformed'],
    ['-00012', 'copy_number_malformed'],
    ['000 123', 'copy_number_malformed'],
    ['', 'copy_number_malformed'],
    ['000000', 'copy_number_out_of_range'],
  ];
  for (const [text, code] of refused) {
    test(`R-LVL-04 parseCopyNumber refuses ${JSON.stringify(text)} (${code})`, () => {
      const r = parseCopyNumber(text);
      assert.ok(!r.ok);
      assert.equal(r.violation.code, code);
      assert.equal(r.violation.rule, 'R-LVL-04');
      assert.equal(r.violation.field, 'copyNumber');
      assert.match(r.violation.zh, /份号/);
      assert.match(r.violation.en, /copy number/i);
    });
  }

  test('R-LVL-04 property: format gives six digits and parse inverts it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_COPY_NUMBER }), (n) => {
        const text = formatCopyNumber(n);
        assert.match(text, /^\d{6}$/);
        assert.deepEqual(parseCopyNumber(text), { ok: true, value: n });
      }),
    );
  });

  test('R-LVL-04 property: format ∘ parse is the identity on six-digit strings other than 000000', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }), (s) => {
        fc.pre(s !== '000000');
        const r = parseCopyNumber(s);
        assert.ok(r.ok);
        assert.equal(formatCopyNumber(r.value), s);
      }),
    );
  });

  test('R-LVL-04 property: parse never throws, and what it accepts is a copy number', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'0123456789０９ -') })),
        (s) => {
          const r = parseCopyNumber(s);
          if (r.ok) assert.ok(isCopyNumber(r.value));
          else assert.ok(r.violation.zh !== '' && r.violation.en !== '');
        },
      ),
    );
  });
});
