import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { maskDocumentNumber } from './mask.ts';

test('R-SYS-01 a document number is shown with its middle hidden', () => {
  const cases: [string, string][] = [
    ['E12345678', 'E1*****78'],
    ['G1234', 'G1*34'],
    ['1234', '****'],
    ['', ''],
    ['  EA9876543 ', 'EA*****43'],
    ['护照号码一二三', '护照***二三'],
  ];
  for (const [n, want] of cases) assert.equal(maskDocumentNumber(n), want, n);
});

test('R-SYS-01 a masked number never shows more than four of its characters, and keeps its length', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), (n) => {
      const m = maskDocumentNumber(n);
      const shown = [...m].filter((c) => c !== '*').length;
      assert.ok(shown <= 4);
      assert.equal([...m].length, [...n.trim()].length);
    }),
  );
});
