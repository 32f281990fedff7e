// The PDF form mechanism (exports/pdf.ts): a real PDF with the shipped CJK font embedded, the
// marking on every page (R-LVL-03/05), tables repeated over pages, and the print audited first.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DomainError } from '@baomi/domain';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import {
  beijingTime,
  PDF_FONT_NAMES,
  type PdfSpec,
  type PdfValue,
  renderPdf,
  renderPdfDetailed,
  sendPdf,
} from './pdf.ts';

const MARK = { level: 'secret', period: { kind: 'years', n: 5 }, copyNumber: 12 } as const;

const form = (rows: number, extra: Partial<PdfSpec> = {}): PdfSpec => ({
  title: '国家秘密事项定密审核审批表',
  subtitle: '填报单位：江临市发展和改革委员会',
  marking: MARK,
  printedAt: new Date('2026-03-01T01:05:00Z'),
  printedBy: '赵敏',
  blocks: [
    {
      kind: 'fields',
      fields: [
        { label: '事项名称', value: '江临市重大项目布局规划（征求意见稿）', wide: true },
        { label: '密级', value: '机密' },
        { label: '保密期限', value: '5年' },
      ],
    },
    { kind: 'section', title: '一、审核意见' },
    {
      kind: 'decisions',
      items: [
        { label: '承办人意见', opinion: '建议定为机密级。', signer: '周晓燕', date: '2026年3月1日' },
        { label: '定密责任人意见' },
      ],
    },
    { kind: 'section', title: '二、附件清单' },
    {
      kind: 'table',
      columns: [{ header: '序号', width: 0.6 }, { header: '附件名称', width: 4 }, { header: '密级' }],
      rows: Array.from({ length: rows }, (_, i): PdfValue[] => [i + 1, `附件第${i + 1}号`, '机密']),
    },
  ],
  ...extra,
});

/** Pages as the PDF's own page tree counts them. */
function pageObjects(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined;

describe('PDF forms (exports/pdf.ts)', () => {
  test('renders a PDF document with the shipped Noto Sans SC fonts embedded (regular and bold)', async () => {
    const pdf = await renderPdf(form(3));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.subarray(-8).toString('latin1'), /%%EOF\s*$/);
    const bytes = pdf.toString('latin1');
    for (const name of Object.values(PDF_FONT_NAMES)) {
      assert.match(bytes, new RegExp(`/[A-Z]{6}\\+${name}\\b`), `${name} embedded as a subset`);
    }
    assert.ok(bytes.includes('/FontFile2'), 'the TrueType font program is in the file');
    assert.ok(!/\/BaseFont \/(Helvetica|Times|Courier)/.test(bytes), 'no standard (non-CJK) font is used');
    assert.equal(pageObjects(pdf), 1);
  });

  test('R-LVL-03/04 the copy number (line 1) and the canonical marking (line 2) head the first page', async () => {
    const out = await renderPdfDetailed(form(3));
    const lines = out.pageText[0]!;
    const copy = lines.indexOf('000012');
    assert.ok(copy >= 0, lines.join('|'));
    assert.equal(lines[copy + 1], '机密★5年');
    assert.ok(lines.includes('国家秘密事项定密审核审批表'));
  });

  test('R-LVL-05 a table over several pages repeats the marking and the table header on every page', async () => {
    const out = await renderPdfDetailed(form(120));
    assert.ok(out.pages >= 3, `pages: ${out.pages}`);
    assert.equal(pageObjects(out.pdf), out.pages, 'the page tree has as many pages as were laid out');
    out.pageText.forEach((lines, i) => {
      assert.ok(lines.includes('000012') && lines.includes('机密★5年'), `page ${i + 1}: ${lines.join('|')}`);
      assert.ok(lines.includes(`第 ${i + 1} 页 / 共 ${out.pages} 页`), `page ${i + 1} footer`);
      assert.ok(lines.includes('打印时间：2026-03-01 09:05（北京时间）　打印人：赵敏'), `page ${i + 1} time`);
      if (i > 0) assert.ok(lines.includes('附件名称'), `page ${i + 1} repeats the table header`);
    });
    const all = out.pageText.flat().join('\n');
    for (let i = 1; i <= 120; i++) assert.ok(all.includes(`附件第${i}号`), `row ${i}`);
  });

  test('a value taller than a page continues on the next page, nothing lost, marking on both', async () => {
    const long = Array.from({ length: 160 }, (_, i) => `第${i + 1}段：知悉范围的说明文字。`).join('\n');
    const out = await renderPdfDetailed({
      title: '长文本',
      marking: { level: 'confidential', period: { kind: 'default' } },
      blocks: [{ kind: 'fields', fields: [{ label: '说明', value: long, wide: true }] }],
    });
    assert.ok(out.pages >= 2, `pages: ${out.pages}`);
    for (const t of out.pageText) assert.ok(t.includes('秘密'), 'level-only marking on each page');
    assert.ok(
      out.pageText.every((t) => t.includes('说明')),
      'the label is repeated beside the continued value',
    );
    const squash = (s: string) => s.replace(/\s+/g, '');
    const pieces = out.pageText.flat().filter((t) => t.includes('段'));
    assert.ok(pieces.length >= 2, 'the value is split over pages');
    assert.equal(squash(pieces.join('')), squash(long), 'every character of the value is drawn, in order');
  });

  test('no marking prints no header; a public item prints none; a released item keeps its mark with （解密）', async () => {
    const plain = await renderPdfDetailed({ title: '工作日历', blocks: [{ kind: 'text', text: '正文' }] });
    assert.deepEqual(plain.pageText[0]!.slice(0, 2), ['工作日历', '正文']);
    const pub = await renderPdfDetailed({ title: '公开', marking: { level: 'public' }, blocks: [] });
    assert.equal(pub.pageText[0]![0], '公开');
    const released = await renderPdfDetailed({
      title: '已解密',
      marking: { level: 'top_secret', period: { kind: 'indefinite' }, released: true },
      blocks: [],
    });
    assert.ok(released.pageText[0]!.includes('绝密★长期（解密）'));
  });

  test('R-LVL-03 a malformed marking is refused rather than printed wrong', async () => {
    await assert.rejects(
      renderPdf({
        title: 'x',
        marking: { level: 'secret', period: { kind: 'years', n: 0 } },
        blocks: [],
      }),
      (e: unknown) => e instanceof DomainError && e.rule === 'R-LVL-03',
    );
  });

  test('print time is Beijing time whatever the server zone', () => {
    assert.equal(beijingTime(new Date('2026-12-31T16:30:00Z')), '2027-01-01 00:30');
  });

  test('Chinese text round-trips through a PDF text extractor (pdftotext)', {
    skip: pdftotext ? false : 'pdftotext (poppler-utils) is not installed; the check needs it',
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baomi-pdf-'));
    try {
      const file = join(dir, 'form.pdf');
      writeFileSync(file, await renderPdf(form(60)));
      const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      for (const s of ['国家秘密事项定密审核审批表', '机密★5年', '000012', '附件第60号', '签字：周晓燕']) {
        assert.ok(r.stdout.includes(s), `extracted text has ${s}`);
      }
      const pages = r.stdout.split('\f').filter((p) => p.trim() !== '');
      assert.ok(pages.length >= 2);
      for (const p of pages) assert.ok(p.includes('机密★5年'), 'the marking on every extracted page');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('R-SYS-03 sendPdf records <objectType>.print in the audit trail before the file is sent', async () => {
    const order: string[] = [];
    const queries: { text: string; params: readonly unknown[] }[] = [];
    const sql: Sql = {
      async query<T>(text: string, params: readonly unknown[] = []) {
        queries.push({ text, params });
        order.push('audit');
        const rows = text.includes('FROM audit_head') ? [{ seq: 41, hash: '0'.repeat(64) }] : [];
        return { rows: rows as T[], rowCount: rows.length };
      },
      async exec() {},
    };
    const db = { tx: (fn: (s: Sql) => Promise<unknown>) => fn(sql) } as unknown as Db;
    const headers: Record<string, string> = {};
    let sent: unknown = null;
    const reply = {
      header(k: string, v: string) {
        headers[k.toLowerCase()] = v;
        return this;
      },
      type(v: string) {
        headers['content-type'] = v;
        return this;
      },
      send(b: unknown) {
        order.push('send');
        sent = b;
        return this;
      },
    } as unknown as FastifyReply;
    const actor: Actor = { id: 'a1', name: '赵敏', class: 'user', role: 'secrecy_officer', orgId: null };
    await sendPdf(reply, '定密审批表-DM12', form(3), {
      db,
      actor,
      objectType: 'designation',
      objectId: 'd-12',
      filter: null,
    });
    assert.deepEqual(order.slice(-1), ['send']);
    assert.ok(order.indexOf('audit') < order.indexOf('send'));
    // Outside a registered transaction the event is chained at once (audit/chain.ts): one call of the
    // database's audit_append with the event's body (its payload without the sequence the chain assigns).
    const insert = queries.find((q) => q.text.includes('audit_append'));
    assert.ok(insert, 'an audit event is appended');
    const bodies = insert.params[0] as string[];
    assert.equal(bodies.length, 1);
    const payload = JSON.parse(bodies[0]!) as unknown[];
    assert.deepEqual(payload.slice(6, 9), ['designation.print', 'designation', 'd-12']);
    const summary = payload[9] as Record<string, unknown>;
    assert.equal(summary.marking, '机密★5年');
    assert.equal(summary.copyNumber, 12);
    assert.equal(summary.pages, 1);
    assert.equal(headers['content-type'], 'application/pdf');
    assert.match(headers['content-disposition']!, /^attachment; filename="_+-DM12\.pdf"; filename\*=UTF-8''/);
    assert.ok(Buffer.isBuffer(sent) && (sent as Buffer).subarray(0, 5).toString() === '%PDF-');
  });
});
