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
  test('R-REV-01 one worker thread scans two files at once, each answered with its own result (D162)', async () => {
    const pool = new ScanPool([{ term: '核潜艇', category: '军工', severity: 'high' }], {
      size: 1,
      perWorker: 2,
    });
    try {
      assert.equal(pool.capacity, 2);
      const [a, b, c] = await Promise.all([
        pool.scan('a.pdf', await pdf({ pages: [['核潜艇']] })),
        pool.scan('b.docx', docx({ header: '机密★10年' })),
        pool.scan('c.txt', strToU8('无')),
      ]);
      assert.deepEqual(
        [a, b, c].map((r) => [r.file, r.hits.map((h) => h.normalized)]),
        [
          ['a.pdf', ['核潜艇']],
          ['b.docx', ['机密★10年']],
          ['c.txt', []],
        ],
      );
    } finally {
      await pool.close();
    }
  });
  test('R-REV-01 a file past its time limit is reported; the file in the same thread with it is scanned again, not reported', async () => {
    const pool = new ScanPool([], { size: 1, perWorker: 2, timeoutMs: 4000 });
    try {
      await pool.scan('warm.txt', strToU8('秘密★1年')); // the thread started, so the limit measures the scan
      // The big file holds the thread (a text is scanned in one go) until its limit ends the thread;
      // the small one, sent with it, waits behind it and is then scanned by the new thread.
      const [slow, small] = await Promise.all([
        pool.scan('big.txt', strToU8('机密★10年 '.repeat(1_500_000))),
        pool.scan('small.txt', strToU8('秘密★1年')),
      ]);
      assert.deepEqual(
        slow.unread.map((u) => u.code),
        ['timeout'],
      );
      assert.deepEqual(small.unread, []);
      assert.equal(small.stateSecretMarking, true);
    } finally {
      await pool.close();
    }
  });
  test('a closed pool answers every file, in flight or waiting, as not scanned', async () => {
    const pool = new ScanPool([], { size: 1, perWorker: 1 });
    const pending = [
      pool.scan('a.txt', strToU8('机密★10年 '.repeat(200_000))),
      pool.scan('b.txt', strToU8('x')),
    ];
    await pool.close();
    const results = await Promise.all(pending);
    assert.deepEqual(
      results.map((r) => r.unread.map((u) => u.code)),
      [['unsupported'], ['unsupported']],
    );
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
