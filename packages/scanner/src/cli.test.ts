import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { scanCli } from './cli.ts';
import { docx } from './extract/fixtures.ts';
import { pdf } from './extract/pdf-fixtures.ts';

describe('baomi scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baomi-scan-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'terms.tsv'), '导弹型号\t军工\thigh\n');
  writeFileSync(join(dir, 'clean.txt'), '会议通知：请准时参加。导弹型号');
  writeFileSync(join(dir, 'marked.docx'), docx({ header: '机密★10年', body: ['正文'] }));
  writeFileSync(join(dir, 'scan.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]));
  const marked = pdf({ pages: [['第一页'], ['机密★5年', '正文']] });
  const run = async (args: string[]) => {
    const lines: string[] = [];
    const code = await scanCli(args, (l) => lines.push(l));
    return { code, text: lines.join('\n') };
  };

  test('R-REV-02 exits 1 when a 秘密-or-above marking is found, and prints the hit with its place', async () => {
    const r = await run([join(dir, 'marked.docx')]);
    assert.equal(r.code, 1);
    assert.match(r.text, /marking .*机密★10年 .*header .*word\/header1\.xml/u);
  });
  test('R-REV-02 a PDF with a marking exits 1; the hit names its page', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'baomi-scan-pdf-'));
    try {
      writeFileSync(join(dir2, '报告.pdf'), await marked);
      const r = await run([join(dir2, '报告.pdf')]);
      assert.equal(r.code, 1);
      assert.match(r.text, /marking .*机密★5年 .*body · 第2页/u);
    } finally {
      rmSync(dir2, { recursive: true, force: true });
    }
  });
  test('R-REV-01 exits 0 on terms only; the term list is read', async () => {
    const r = await run([join(dir, 'clean.txt'), '--terms', join(dir, 'terms.tsv')]);
    assert.equal(r.code, 0);
    assert.match(r.text, /term .*导弹型号 .*军工/u);
  });
  test('R-REV-01 files not read are printed', async () => {
    const r = await run([join(dir, 'scan.png')]);
    assert.equal(r.code, 0);
    assert.match(r.text, /NOT READ .*image not read/u);
  });
  test('a directory is scanned recursively; --json prints one result a line', async () => {
    const r = await run([dir, '--json']);
    assert.equal(r.code, 1);
    assert.equal(r.text.split('\n').length, 4);
  });
  test('--ocr with a tessdata directory lacking the language data: the image is not read, the file named', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'baomi-tessdata-'));
    try {
      const r = await run([join(dir, 'scan.png'), '--ocr', '--tessdata', empty]);
      assert.equal(r.code, 0);
      assert.match(r.text, /NOT READ .*OCR language data missing .*chi_sim\.traineddata/u);
      assert.equal(
        (await run([join(dir, 'scan.png'), '--tessdata', empty])).code,
        2,
        '--tessdata needs --ocr',
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
  test('--threads: one thread and three give the same results, in file order', async () => {
    const many = mkdtempSync(join(tmpdir(), 'baomi-scan-threads-'));
    try {
      for (let i = 0; i < 9; i++)
        writeFileSync(
          join(many, `f${i}.docx`),
          docx({ body: [i % 4 === 0 ? `秘密★${i + 1}年` : `第${i}份材料 导弹型号`] }),
        );
      const terms = ['--terms', join(dir, 'terms.tsv'), '--json'];
      const one = await run([many, ...terms, '--threads', '1']);
      const three = await run([many, ...terms, '--threads', '3']);
      assert.equal(one.code, 1);
      assert.equal(three.code, 1);
      assert.equal(three.text, one.text);
      const files = one.text.split('\n').map((l) => (JSON.parse(l) as { file: string }).file);
      assert.deepEqual(files, [...files].sort());
      assert.equal(files.length, 9);
    } finally {
      rmSync(many, { recursive: true, force: true });
    }
  });
  test('--threads outside 1–64 or not a whole number is a usage error (2)', async () => {
    for (const bad of ['0', '65', '1.5', 'x', '-1', 'Infinity'])
      assert.equal((await run([join(dir, 'clean.txt'), '--threads', bad])).code, 2, bad);
  });
  test('no path is a usage error (2)', async () => {
    assert.equal((await run([])).code, 2);
    assert.equal((await run(['--nope'])).code, 2);
  });
});
