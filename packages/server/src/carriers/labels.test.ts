// R-CAR-09 the label sheet through the PDF form mechanism (exports/pdf.ts, block `labels`): 16 labels
// a page (14 under the title), the QR payload exactly `BAOMI-CARRIER:<uuid>`, each label's words (copy number, canonical
// marking, shortened title, 文号), and the sheet's marking on every page (R-LVL-05).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { CARRIER_QR_PREFIX, carrierQrPayload, truncateForLabel } from '@baomi/domain';
import { type PdfLabel, renderPdfDetailed } from '../exports/pdf.ts';

const labels = (n: number): PdfLabel[] =>
  Array.from({ length: n }, (_, i) => ({
    qr: carrierQrPayload(randomUUID()),
    lines: [
      `份号 ${String(i + 1).padStart(6, '0')}`,
      '机密★10年',
      '文号 国保发〔2026〕3号',
      truncateForLabel(
        `关于做好第${i}批涉密载体清查清退工作的通知及其附件目录、有关说明和各部门落实情况汇总表`,
        36,
      ),
    ],
  }));

describe('QR label sheets (R-CAR-09)', () => {
  test('the payload is exactly BAOMI-CARRIER:<uuid>, a version the label size reads well', async () => {
    const id = randomUUID();
    assert.equal(carrierQrPayload(id), `BAOMI-CARRIER:${id}`);
    assert.equal(CARRIER_QR_PREFIX, 'BAOMI-CARRIER:');
    const mod = (await import('qrcode')) as unknown as {
      default: { create(t: string, o: object): { version: number; modules: { size: number } } };
    };
    const qr = mod.default.create(carrierQrPayload(id), { errorCorrectionLevel: 'M' });
    assert.ok(qr.version <= 4, `version ${qr.version}`);
  });

  test('16 labels a page, each with its words, the marking on every page', async () => {
    const out = await renderPdfDetailed({
      title: '涉密载体二维码标签',
      subtitle: '共 20 张',
      marking: { level: 'secret' },
      printedAt: new Date('2026-03-01T01:05:00Z'),
      blocks: [{ kind: 'labels', items: labels(20) }],
    });
    assert.equal(out.pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(out.pages, 2);
    const first = out.pageText[0]!;
    const second = out.pageText[1]!;
    // The first page also holds the title: 14 there, 16 on the next ones.
    assert.equal(first.filter((s) => s.startsWith('份号 ')).length, 14);
    assert.equal(second.filter((s) => s.startsWith('份号 ')).length, 6);
    for (const p of out.pageText)
      assert.ok(
        p.some((s) => s.startsWith('机密') && s !== '机密★10年'),
        p.join('|'),
      );
    assert.ok(first.includes('文号 国保发〔2026〕3号'));
    assert.ok(first.some((s) => s.endsWith('…') && [...s].length === 36));
  });

  test('a long title is shortened by characters (never inside a surrogate pair)', () => {
    assert.equal(truncateForLabel('短标题', 36), '短标题');
    const s = truncateForLabel('𠀀'.repeat(50), 10);
    assert.equal([...s].length, 10);
    assert.ok(s.endsWith('…'));
  });
});
