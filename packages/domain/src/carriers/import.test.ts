import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  cleanCell,
  excelSerialDate,
  IMPORT_COLUMNS,
  type ImportCell,
  type ImportColumn,
  importDuplicates,
  isBlankRow,
  narrowForms,
  readImportDate,
  readImportHeader,
  readImportRow,
} from './import.ts';

const TODAY = '2026-11-27';
const good: Partial<Record<ImportColumn, ImportCell>> = {
  title: '关于做好年度保密工作的通知',
  docNumber: '国保发〔2026〕3号',
  sender: '国家保密局',
  marking: '机密★10年',
  copyNumber: '000001',
  kind: '纸质文件',
  distributionClass: '地师级',
  custodian: '',
  issueDate: '2026-01-05',
  status: '在册',
};

const row = (patch: Partial<Record<ImportColumn, ImportCell>>) => readImportRow({ ...good, ...patch }, TODAY);
const codes = (r: ReturnType<typeof readImportRow>) => (r.ok ? [] : r.violations.map((x) => x.code));

describe('R-CAR-01 ledger import: one row read with the receive form’s rules', () => {
  test('a good row gives the receive registration’s terms, marking canonical', () => {
    const r = row({});
    assert.ok(r.ok);
    assert.equal(r.value.marking.marking, '机密★10年');
    assert.equal(r.value.marking.level, 'secret');
    assert.equal(r.value.copyNumber, 1);
    assert.equal(r.value.distributionClass, 'prefectural');
    assert.equal(r.value.kind, 'document');
    assert.equal(r.value.custodianName, null);
  });

  const cases: [string, Partial<Record<ImportColumn, ImportCell>>, string[]][] = [
    ['R-LVL-03 a marking that is no marking', { marking: '很机密' }, ['marking_unknown_level']],
    ['R-LVL-02 a period above the level’s maximum', { marking: '秘密★11年' }, ['period_exceeds_maximum']],
    ['R-LVL-03 a released mark', { marking: '机密★5年（解密）' }, ['marking_released']],
    ['R-LVL-03 the marking missing', { marking: '  ' }, ['marking_missing']],
    ['R-LVL-04 a copy number of five digits', { copyNumber: '00001' }, ['copy_number_malformed']],
    ['R-LVL-04 copy number 000000', { copyNumber: '000000' }, ['copy_number_out_of_range']],
    ['R-LVL-04 a document without copy number', { copyNumber: null }, ['copy_number_missing']],
    ['R-LVL-02 a date in 9999', { issueDate: '9999-12-31' }, ['issue_date_future']],
    ['R-LVL-02 a date before 1900', { issueDate: '1899-12-31' }, ['issue_date_invalid']],
    ['R-LVL-02 an impossible date', { issueDate: '2026-02-30' }, ['issue_date_invalid']],
    ['R-LVL-02 no date', { issueDate: '' }, ['issue_date_missing']],
    [
      'a title missing and a sender missing',
      { title: '', sender: '\u200B' },
      ['title_missing', 'sender_missing'],
    ],
    ['a title over 300 characters', { title: '密'.repeat(301) }, ['title_too_long']],
    ['an unknown kind', { kind: '卷轴' }, ['kind_unknown']],
    [
      'R-CAR-03 an unknown distribution class',
      { distributionClass: '乡镇级' },
      ['distribution_class_unknown'],
    ],
    [
      'R-CAR-03 a line-of-work document (departments not in the file)',
      { distributionClass: '专业性' },
      ['line_of_work_missing'],
    ],
    ['R-CAR-01 a destroyed carrier', { status: '已销毁' }, ['status_not_importable']],
    ['R-CAR-01 an unknown status', { status: '丢了' }, ['status_not_importable']],
  ];
  for (const [name, patch, expected] of cases) {
    test(name, () => {
      const r = row(patch);
      assert.equal(r.ok, false);
      assert.deepEqual(codes(r).sort(), [...expected].sort());
      if (!r.ok) for (const x of r.violations) assert.ok(x.zh && x.en && x.field, JSON.stringify(x));
    });
  }

  test('R-LVL-02 a level alone takes the legal default', () => {
    const r = row({ marking: '秘密' });
    assert.ok(r.ok);
    assert.equal(r.value.marking.isDefault, true);
  });

  test('tolerant cells: zero-width characters, full-width digits and stars, Excel numbers', () => {
    const r = row({
      title: '\u200B关于\u200D做好工作的通知\uFEFF',
      marking: '机密　＊　５　年',
      copyNumber: '０００１２３',
      issueDate: '２０２６年１月５日',
      docNumber: '国保发〔２０２６〕３号',
      kind: ' 纸质 ',
    });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.title, '关于做好工作的通知');
    assert.equal(r.value.marking.marking, '机密★5年');
    assert.equal(r.value.copyNumber, 123);
    assert.equal(r.value.issueDate, '2026-01-05');
    assert.equal(r.value.docNumber, '国保发〔2026〕3号');
    const n = row({ copyNumber: 42, issueDate: 46027 });
    assert.ok(n.ok);
    assert.equal(n.value.copyNumber, 42);
    assert.equal(n.value.issueDate, '2026-01-05');
  });

  test('media and items need no copy number', () => {
    const r = row({ kind: 'U盘', copyNumber: null, mediumSerial: 'ＳＮ-001' });
    assert.ok(r.ok);
    assert.equal(r.value.kind, 'medium');
    assert.equal(r.value.mediumSerial, 'SN-001');
  });

  test('blank rows are skipped', () => {
    assert.equal(isBlankRow({ title: '\u200B', note: ' ' }), true);
    assert.equal(isBlankRow({ title: 'x' }), false);
  });
});

describe('the header', () => {
  test('the template’s header, aliases and English glosses are read', () => {
    const h = readImportHeader(IMPORT_COLUMNS.map((c) => c.zh));
    assert.ok(h.ok);
    const a = readImportHeader(['名称', '文号 Doc number', '来文单位*', '密级', '份号', '成文日期']);
    assert.ok(a.ok, JSON.stringify(a));
    assert.equal(a.columns.sender, 2);
  });
  test('a wrong header names the missing and unknown columns', () => {
    const h = readImportHeader(['标题', '作者', '份号']);
    assert.equal(h.ok, false);
    if (!h.ok) {
      assert.equal(h.violation.code, 'import_header_invalid');
      assert.match(h.violation.zh, /发文机关\/来源/);
      assert.match(h.violation.zh, /作者/);
    }
    const d = readImportHeader(['标题', '标题', '来源', '密级', '日期']);
    assert.equal(d.ok, false);
  });
});

describe('R-CAR-01 duplicates inside the file', () => {
  test('the same copy twice is refused on the later row, naming the first', () => {
    const rows = [good, good, { ...good, copyNumber: '000002' }, { ...good, title: '另一标题' }].map(
      (c, i) => {
        const r = readImportRow(c, TODAY);
        assert.ok(r.ok);
        return { index: i, rowNumber: i + 2, value: r.value };
      },
    );
    const d = importDuplicates(rows);
    assert.deepEqual([...d.keys()], [1, 3]);
    assert.match(d.get(1)!.zh, /第2行/);
  });
});

describe('cells (property)', () => {
  test('cleanCell: a control between two spaces leaves one space (the counterexample fast-check found)', () => {
    for (const [raw, clean] of [
      ['!\t\u0000\t!', '! !'],
      ['a \u0007 b', 'a b'],
      ['\u0000 a \u0000', 'a'],
      ['甲\u3000\u0001\u00A0乙', '甲 乙'],
    ] as const) {
      assert.equal(cleanCell(raw), clean, JSON.stringify(raw));
      assert.equal(cleanCell(clean), clean);
    }
  });
  test('cleanCell is idempotent, never leaves zero-width characters or edge spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const c = cleanCell(s);
        assert.equal(cleanCell(c), c);
        for (const z of ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060']) assert.ok(!c.includes(z));
        assert.equal(c, c.trim());
      }),
    );
  });
  test('full-width digits read as ASCII; any six-digit copy number in either width round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.boolean(), fc.boolean(), (n, wide, zw) => {
        let t = String(n).padStart(6, '0');
        if (wide) t = t.replace(/\d/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        if (zw) t = `\u200B${t}\u200C`;
        const r = row({ copyNumber: t });
        assert.ok(r.ok);
        assert.equal(r.value.copyNumber, n);
        assert.equal(narrowForms('０１２'), '012');
      }),
    );
  });
  test('the row reader never throws, whatever the cells', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.double(), fc.constant(null));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...IMPORT_COLUMNS.map((c) => c.key)), cell), (cells) => {
        const r = readImportRow(cells, TODAY);
        assert.equal(typeof r.ok, 'boolean');
      }),
      { numRuns: 300 },
    );
  });
  test('dates: every real day from 1900 reads the same in all written forms and as Excel’s serial', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 80_000 }), (serial) => {
        const d = excelSerialDate(serial)!;
        const [y, m, dd] = d.split('-').map(Number);
        assert.equal(readImportDate(`${y}年${m}月${dd}日`), d);
        assert.equal(readImportDate(`${y}/${m}/${dd}`), d);
        assert.equal(readImportDate(d), d);
      }),
    );
    assert.equal(excelSerialDate(1), '1900-01-01');
    assert.equal(excelSerialDate(61), '1900-03-01');
    assert.equal(excelSerialDate(60), null);
    assert.equal(excelSerialDate(45658), '2025-01-01');
  });
});
