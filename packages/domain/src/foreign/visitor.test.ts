import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Reader } from '../access/rule.ts';
import { maskDocumentNumber } from '../system/mask.ts';
import {
  checkVisit,
  checkVisitor,
  cleanText,
  foreignKeepVerdict,
  foreignReadScope,
  foreignReadVerdict,
  inForeignReadScope,
  keySiteVisitVerdict,
  normalizeDocNumber,
  VISIT_SHEET_NOTICE,
  type VisitInput,
  type VisitStatus,
} from './visitor.ts';

const codes = (c: { ok: boolean; violations?: { code: string }[] }) =>
  c.ok ? [] : (c as { violations: { code: string }[] }).violations.map((x) => x.code);

describe('R-FOR-05 the foreign-visitor register', () => {
  const base = {
    name: 'John Smith',
    nationality: '美国',
    docType: 'passport' as const,
    docNumber: 'E12345678',
  };
  const cases: [string, Partial<typeof base>, string[]][] = [
    ['a Latin name', {}, []],
    ['a Chinese name', { name: '山田太郎' }, []],
    ['zero-width only name', { name: '\u200b\u200d\ufeff' }, ['visitor_name_invalid']],
    ['blank name', { name: '   ' }, ['visitor_name_invalid']],
    ['name too long', { name: 'x'.repeat(101) }, ['visitor_name_invalid']],
    ['no nationality', { nationality: '\u200b' }, ['visitor_nationality_missing']],
    ['full-width document number', { docNumber: 'Ｅ１２３４５' }, []],
    ['document number with spaces inside', { docNumber: 'E12 345' }, []],
    ['document number too short', { docNumber: 'E1' }, ['visitor_doc_number_invalid']],
    ['document number with punctuation', { docNumber: 'E12;DROP' }, ['visitor_doc_number_invalid']],
  ];
  for (const [name, over, want] of cases)
    test(`R-FOR-05 ${name}`, () => assert.deepEqual(codes(checkVisitor({ ...base, ...over })), want));

  test('R-FOR-05 document numbers are masked in lists: first two and last two', () => {
    assert.equal(maskDocumentNumber('E12345678'), 'E1*****78');
    assert.equal(maskDocumentNumber('ABCD'), '****', 'a short number is hidden whole');
  });
  test('R-FOR-05 a masked number never holds more than four of the real characters', () =>
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{3,40}$/), (n) => {
        const m = maskDocumentNumber(n);
        assert.equal(m.length, n.length);
        assert.ok(m.replace(/\*/g, '').length <= 4);
      }),
    ));
  test('R-FOR-05 normalising is idempotent and leaves no invisible characters', () =>
    fc.assert(
      fc.property(fc.string(), (s) => {
        const c = cleanText(s);
        assert.equal(cleanText(c), c);
        assert.ok(!/\u200B|\u200D|\uFEFF/u.test(c));
        assert.equal(normalizeDocNumber(normalizeDocNumber(s)), normalizeDocNumber(s));
      }),
    ));
});

describe('R-FOR-05 receptions: scope, route, escort, dates', () => {
  const today = '2026-06-15';
  const base: VisitInput = {
    visitOn: '2026-06-20',
    endsOn: '2026-06-21',
    scope: '实验楼一层展厅',
    route: '东门—展厅—会议室',
    escortIds: ['p1'],
    visitorIds: ['v1'],
    today,
  };
  const cases: [string, Partial<VisitInput>, string[]][] = [
    ['a complete reception', {}, []],
    ['no escort', { escortIds: [] }, ['visit_escort_missing']],
    ['no scope', { scope: '\u200b' }, ['visit_scope_missing']],
    ['no route', { route: ' ' }, ['visit_route_missing']],
    ['no visitors', { visitorIds: [] }, ['visit_visitors_missing']],
    ['1900', { visitOn: '1900-01-01', endsOn: '1900-01-01' }, ['visit_date_invalid']],
    ['9999', { visitOn: '9999-12-31', endsOn: '9999-12-31' }, ['visit_date_invalid']],
    ['not a day', { visitOn: '2026-02-30' }, ['visit_date_invalid']],
    ['ends before it starts', { endsOn: '2026-06-19' }, ['visit_end_invalid']],
    ['longer than 30 days', { endsOn: '2026-07-20' }, ['visit_end_invalid']],
    ['registered afterwards, within a year', { visitOn: '2025-07-01', endsOn: '2025-07-01' }, []],
  ];
  for (const [name, over, want] of cases)
    test(`R-FOR-05 ${name}`, () => assert.deepEqual(codes(checkVisit({ ...base, ...over })), want));
});

describe('R-FOR-05, R-SITE-04 key sites need a per-visit approval', () => {
  const sites = [{ id: 's1', name: '机要室' }];
  const cases: [string, number, VisitStatus, boolean][] = [
    ['no key site, registered', 0, 'registered', true],
    ['key site, approved', 1, 'approved', true],
    ['key site, pending', 1, 'pending', false],
    ['key site, returned', 1, 'returned', false],
    ['key site, rejected', 1, 'rejected', false],
  ];
  for (const [name, n, status, ok] of cases)
    test(`R-SITE-04 ${name}`, () => {
      const verdict = keySiteVisitVerdict(sites.slice(0, n), status);
      assert.equal(verdict.allowed, ok);
      if (!verdict.allowed) {
        assert.equal(verdict.kind, 'conflict');
        assert.match(verdict.reason.zh, /机要室/);
        assert.equal(verdict.reason.rule, 'R-FOR-05');
      }
    });
  test('R-SITE-04 the visit sheet forbids recording devices and photographs', () => {
    assert.match(VISIT_SHEET_NOTICE, /录音/);
    assert.match(VISIT_SHEET_NOTICE, /拍照/);
  });
});

describe('R-FOR-05 read rule of visitors, visits and materials', () => {
  const r = (over: Partial<Reader> = {}): Reader => ({
    personId: 'me',
    orgId: 'o1',
    departmentId: 'd1',
    position: null,
    clearance: 'none',
    roles: [],
    ...over,
  });
  const subject = { orgId: 'o1', personIds: ['organiser', 'escort'], departmentId: 'd2' };
  const cases: [string, Reader, string][] = [
    ['another organisation: 404', r({ orgId: 'o2', roles: ['secrecy_officer'] }), 'not_found'],
    ['the secrecy officer', r({ roles: ['secrecy_officer'] }), 'allowed'],
    ['a leader', r({ roles: ['leader'] }), 'allowed'],
    ['the escort', r({ personId: 'escort' }), 'allowed'],
    ['the organiser', r({ personId: 'organiser' }), 'allowed'],
    ['the head of the record’s department', r({ roles: ['department_head'], departmentId: 'd2' }), 'allowed'],
    ['the head of another department', r({ roles: ['department_head'] }), 'forbidden'],
    ['a colleague', r(), 'forbidden'],
  ];
  for (const [name, reader, want] of cases)
    test(`R-FOR-05 ${name}`, () => {
      const v = foreignReadVerdict(reader, subject);
      assert.equal(v.allowed ? 'allowed' : v.kind, want);
      assert.equal(inForeignReadScope(foreignReadScope(reader), subject), want === 'allowed');
    });
  test('R-FOR-05 only the secrecy office or the organiser keep a record', () => {
    assert.equal(foreignKeepVerdict(r({ roles: ['secrecy_officer'] }), subject).allowed, true);
    assert.equal(foreignKeepVerdict(r({ personId: 'organiser' }), subject).allowed, true);
    assert.equal(foreignKeepVerdict(r({ roles: ['leader'] }), subject).allowed, false);
  });
});
