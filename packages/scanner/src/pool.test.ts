import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { strToU8 } from 'fflate';
import { docx } from './extract/fixtures.ts';
import { pdf } from './extract/pdf-fixtures.ts';
import { ScanPool } from './pool.ts';

describe('scanning in worker threads', () => {
  test('R-REV-01 files are scanned off the main thread with the term list', async () => {
    const pool = new ScanPool([{ term: '导弹型号', category: '军工', severity: 'high' }], { size: 2 });
    try {
      const [a, b] = await Promise.all([
        pool.scan('a.docx', docx({ header: '机密★10年' })),
        pool.scan('b.txt', strToU8('提到导弹型号')),
      ]);
      assert.equal(a?.stateSecretMarking, true);
      assert.deepEqual(
        b?.hits.map((h) => h.normalized),
        ['导弹型号'],
      );
    } finally {
      await pool.close();
    }
  });
  test('R-REV-01 a PDF is read in the worker (pdfjs loaded there, on the first PDF)', async () => {
    const pool = new ScanPool([{ term: '核潜艇', category: '军工', severity: 'high' }], { size: 1 });
    try {
      const r = await pool.scan('a.pdf', await pdf({ pages: [['第一页'], ['秘 密★1年 核潜艇']] }));
      assert.deepEqual(
        r.hits.map((h) => [h.kind, h.normalized, h.where.page]),
        [
          ['marking', '秘密★1年', 2],
          ['term', '核潜艇', 2],
        ],
      );
      assert.deepEqual(r.unread, []);
    } finally {
      await pool.close();
    }
  });
  test('R-REV-01 a file that takes too long is reported, and the next file is still scanned', async () => {
    const pool = new ScanPool([], { size: 1, timeoutMs: 1 });
    try {
      const slow = await pool.scan('big.txt', strToU8('机密★10年 '.repeat(400_000)));
      assert.deepEqual(
        slow.unread.map((u) => u.code),
        ['timeout'],
      );
    } finally {
      await pool.close();
    }
    const pool2 = new ScanPool([], { size: 1 });
    try {
      const ok = await pool2.scan('s.txt', strToU8('秘密★1年'));
      assert.equal(ok.stateSecretMarking, true);
    } finally {
      await pool2.close();
    }
  });
});
