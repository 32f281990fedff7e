// 保密审查 over HTTP (R-REV-01, R-REV-02): the term list, a request from upload to the engine's report
// to the decision; a file with a 秘密-or-above marking never released (whatever the page sends); an
// unread file released only with the reviewer's confirmation (recorded); a changed file after a
// decision is a new review; 413 naming the limit; a corrupt file gives a per-file entry; reads audited;
// two reviewers at once → one wins, 409; ledger, export, PDF; reviewRefs for other modules.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { findTessdata } from '@baomi/scanner';
import { docx, zip } from '@baomi/scanner/extract/fixtures.ts';
import { chinesePng } from '@baomi/scanner/extract/ocr-fixtures.ts';
import { pdf } from '@baomi/scanner/extract/pdf-fixtures.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { reviewRefs } from './read.ts';
import { closeReviewPools, reviewConfig, setReviewConfig } from './scan.ts';

type Hit = {
  kind: string;
  text: string;
  normalized: string;
  location: string;
  before: string;
  after: string;
  level: string | null;
};
type File = {
  id: string;
  name: string;
  sm3: string;
  hitsCount: number;
  highestLevel: string | null;
  unread: boolean;
  unreadConfirmedByName: string | null;
  hits: Hit[];
  unreadParts: { code: string; reason: string }[];
};
type Detail = {
  id: string;
  no: string;
  title: string;
  state: string;
  version: number;
  hitsCount: number;
  highestLevel: string | null;
  files: File[];
  previousFiles: { sm3: string }[];
  abilities: Record<string, { allowed: boolean; reason?: { zh: string } }>;
};

const TERMS = [
  '天穹工程\t项目代号\t高',
  '星河-#号\t型号\t高\t模式',
  '内部试验基地\t地点\t中',
  '#注释行',
].join('\n');

describe('review (保密审查)', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let officer: Client;
  let officer2: Client;
  let requester: { client: Client; personId: string };
  let colleague: Client;
  let other: Client;
  const ids = { colleague: '', other: '', otherOrg: '' };
  let sysadmin: Client;
  const saved = { ...reviewConfig };

  const counts = async () =>
    (
      await t.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM review_request) AS requests, (SELECT count(*)::int FROM review_file) AS files,
                (SELECT count(*)::int FROM review_request WHERE state <> 'draft') AS moved,
                (SELECT count(*)::int FROM review_term) AS terms`,
      )
    ).rows[0]!;
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string; rule?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);

  const create = async (c: Client, title = '关于天穹工程进展的新闻稿', purpose = 'press') => {
    const r = await c.post<Detail>('/api/review', { title, purpose });
    assert.equal(r.status, 201, r.raw);
    return r.body;
  };
  const upload = (c: Client, id: string, name: string, bytes: Uint8Array, extra = '') =>
    c.request<Detail>(
      'POST',
      `/api/review/${id}/files?fileName=${encodeURIComponent(name)}${extra}`,
      Buffer.from(bytes),
      {
        headers: { 'content-type': 'application/octet-stream' },
      },
    );
  const submit = (c: Client, d: { id: string; version: number }) =>
    c.post<Detail>(`/api/review/${d.id}/submit`, { version: d.version });
  const decide = (
    c: Client,
    d: { id: string; version: number },
    decision: string,
    extra: Record<string, unknown> = {},
  ) =>
    c.post<Detail>(`/api/review/${d.id}/decide`, {
      decision,
      version: d.version,
      comments: '已审查',
      ...extra,
    });

  before(async () => {
    setReviewConfig({ scanTimeoutMs: 30_000 });
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    orgId = u.orgId;
    deptId = u.departmentId;
    officer2 = (await t.member(orgId, deptId, ['secrecy_officer'], 'secret')).client;
    requester = await t.member(orgId, deptId, ['staff'], 'confidential');
    const col = await t.member(orgId, deptId, ['staff'], 'secret');
    colleague = col.client;
    ids.colleague = col.personId;
    const oth = await t.businessUser({ roles: ['secrecy_officer', 'staff'], clearance: 'top_secret' });
    other = oth.client;
    ids.other = oth.personId;
    ids.otherOrg = oth.orgId;
    sysadmin = await t.admin('sysadmin');
    const imp = await officer.post<{ added: number; version: number; problems: unknown[] }>(
      '/api/review/terms/import',
      { text: TERMS },
    );
    assert.equal(imp.status, 200, imp.raw);
    assert.equal(imp.body.added, 3);
  });
  after(async () => {
    setReviewConfig(saved);
    await closeReviewPools();
    await t.close();
  });

  test('R-REV-01 term list: import counts the version up, edit and delete audited, staff and 三员 refused', async () => {
    const list = await officer.get<{ items: { id: string; term: string }[]; total: number; version: number }>(
      '/api/review/terms',
    );
    assert.equal(list.body.total, 3);
    const v0 = list.body.version;
    const head = await t.auditHead();
    const add = await officer.post<{ version: number }>('/api/review/terms', {
      term: '临时词',
      category: '测试',
      severity: 'low',
    });
    assert.equal(add.status, 200, add.raw);
    assert.equal(add.body.version, v0 + 1);
    const id = (await officer.get<{ items: { id: string; term: string }[] }>('/api/review/terms?q=临时')).body
      .items[0]!.id;
    assert.equal(
      (
        await officer.put(`/api/review/terms/${id}`, {
          term: '临时词二',
          category: '测试',
          severity: 'medium',
        })
      ).status,
      200,
    );
    assert.equal((await officer.delete(`/api/review/terms/${id}`)).status, 200);
    const acts = (await auditEventsSince(t.db, head)).map((e) => e.action);
    assert.deepEqual(acts, ['review.term_add', 'review.term_update', 'review.term_delete']);
    await refused(() => colleague.get('/api/review/terms'), 403);
    await refused(() => sysadmin.get('/api/review/terms'), 403);
    await refused(
      () => officer.post('/api/review/terms', { term: '\u200b\u200d', category: '测试', severity: 'low' }),
      400,
    );
    await refused(() => officer.post('/api/review/terms/import', { text: '\n# only a comment\n' }), 400, {
      code: 'term_list_empty',
    });
  });

  test('R-REV-01 an image is not read unless the installation enables OCR; with OCR its marking is found, machine-read', {
    skip:
      findTessdata() === undefined && process.env.CI !== 'true'
        ? 'tesseract-ocr-chi-sim not installed: OCR in the review skipped'
        : false,
  }, async () => {
    const png = chinesePng(['机密★5年']);
    const off = await create(requester.client, '扫描件（不识别）', 'publication');
    const a = await upload(requester.client, off.id, '扫描件.png', png);
    assert.equal(a.status, 201, a.raw);
    assert.equal(a.body.files[0]!.unread, true, 'without OCR an image is reported not read');
    const langPath = findTessdata();
    assert.ok(langPath, 'CI installs tesseract-ocr-chi-sim (.ci/run)');
    setReviewConfig({ ocr: { langPath } });
    try {
      const on = await create(requester.client, '扫描件（识别）', 'publication');
      const b = await upload(requester.client, on.id, '扫描件.png', png);
      assert.equal(b.status, 201, b.raw);
      const f = b.body.files[0]!;
      assert.equal(f.unread, false);
      assert.equal(f.highestLevel, 'secret', JSON.stringify(f.hits));
      assert.match(f.hits.find((h) => h.kind === 'marking')!.location, /OCR 识别/u);
    } finally {
      setReviewConfig({ ocr: undefined });
    }
  });

  test('R-REV-01 a PDF is read through the pool: its marking on page 2 is found and the release refused', async () => {
    const d = await create(requester.client, '会议论文（PDF）', 'conference');
    const bytes = await pdf({ pages: [['会议论文摘要'], ['正文', '秘密★10年', '天穹工程的阶段成果']] });
    const up = await upload(requester.client, d.id, '论文.pdf', bytes);
    assert.equal(up.status, 201, up.raw);
    const f = up.body.files[0]!;
    assert.equal(f.unread, false, 'the PDF was read, not reported unread');
    assert.equal(f.highestLevel, 'confidential');
    const marking = f.hits.find((h) => h.kind === 'marking');
    assert.ok(marking, f.hits.map((h) => h.kind).join());
    assert.match(marking.location, /第2页/u);
  });

  test('R-REV-01 R-REV-02 upload → report → release refused for a 机密 marking, naming the file and the marking', async () => {
    const d = await create(requester.client);
    assert.match(d.no, /^SC-\d{4}-\d{4}$/u);
    const bytes = docx({
      body: ['关于天穹工程的说明', '机密★10年', '正文：星河-7号已在内部试验基地完成试验。'],
    });
    const up = await upload(requester.client, d.id, '新闻稿.docx', bytes);
    assert.equal(up.status, 201, up.raw);
    const f = up.body.files[0]!;
    assert.match(f.sm3, /^[0-9a-f]{64}$/u);
    assert.equal(f.highestLevel, 'secret');
    const kinds = f.hits.map((h) => `${h.kind}:${h.normalized}`);
    for (const k of ['term:天穹工程', 'marking:机密★10年', 'term:内部试验基地'])
      assert.ok(kinds.includes(k), kinds.join(','));
    assert.ok(
      f.hits.some((h) => h.kind === 'term' && h.text === '星河-7号'),
      'the pattern',
    );
    const hit = f.hits.find((h) => h.normalized === '天穹工程')!;
    assert.match(hit.location, /第1段/u);
    assert.ok(hit.after.startsWith('的说明'), hit.after);
    const s = await submit(requester.client, up.body);
    assert.equal(s.status, 200, s.raw);
    assert.equal(s.body.state, 'in_review');
    assert.equal(s.body.abilities.release!.allowed, false);
    for (const decision of ['release', 'release_with_changes']) {
      const e = await refused(() => decide(officer, s.body, decision), 400, {
        code: 'review_marked_file',
        rule: 'R-REV-02',
      });
      assert.ok(e.zh.includes('《新闻稿.docx》') && e.zh.includes('机密'), e.zh);
    }
    const r = await decide(officer, s.body, 'refuse', { comments: '含机密标志，不同意发布' });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.state, 'refused');
    await refused(() => upload(requester.client, d.id, 'again.txt', Buffer.from('x')), 409);
  });

  test('R-REV-02 a file not read needs the reviewer confirming he read it himself; recorded', async () => {
    const d = await create(requester.client, '会议论文', 'conference');
    const img = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const up = await upload(requester.client, d.id, '图表.png', img);
    assert.equal(up.status, 201, up.raw);
    assert.equal(up.body.files[0]!.unread, true);
    assert.ok(up.body.files[0]!.unreadParts.length > 0);
    const s = (await submit(requester.client, up.body)).body;
    await refused(() => decide(officer, s, 'release'), 400, {
      code: 'review_unread_unconfirmed',
      field: 'confirmUnread',
    });
    const r = await decide(officer, s, 'release', { confirmUnread: [s.files[0]!.id] });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.state, 'released');
    assert.ok(r.body.files[0]!.unreadConfirmedByName);
  });

  test('R-REV-01 corrupt, encrypted-looking and nested files give per-file entries, never a 500', async () => {
    const d = await create(requester.client, '多个附件', 'email');
    const corrupt = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]);
    const a = await upload(requester.client, d.id, '损坏.docx', corrupt);
    assert.equal(a.status, 201, a.raw);
    let nested: Uint8Array = zip({ 'x.txt': '天穹工程' });
    for (let i = 0; i < 6; i++) nested = zip({ [`l${i}.zip`]: nested });
    const b = await upload(requester.client, d.id, '套娃.zip', nested);
    assert.equal(b.status, 201, b.raw);
    const c = await upload(requester.client, d.id, '正常.txt', Buffer.from('普通的对外宣传稿件', 'utf8'));
    assert.equal(c.status, 201, c.raw);
    const files = c.body.files;
    assert.equal(files.length, 3);
    assert.equal(files[0]!.unread, true);
    assert.equal(files[1]!.unread, true);
    assert.ok(
      files[1]!.unreadParts.some((u) => u.code === 'too_deep'),
      JSON.stringify(files[1]!.unreadParts),
    );
    assert.equal(files[2]!.unread, false);
    assert.equal(files[2]!.hitsCount, 0);
  });

  test('413 naming the limit; empty body 400', async () => {
    const d = await create(requester.client, '大文件', 'other');
    setReviewConfig({ maxFileBytes: 1024 });
    try {
      const e = await refused(() => upload(requester.client, d.id, '大.txt', Buffer.alloc(4096, 0x41)), 413, {
        code: 'review_file_too_large',
      });
      assert.match(e.zh, /MB 的上限/u);
    } finally {
      setReviewConfig({ maxFileBytes: saved.maxFileBytes });
    }
    await refused(() => upload(requester.client, d.id, '空.txt', Buffer.alloc(0)), 400);
  });

  test('R-REV-01 release after changes: the requester resubmits a changed file (new SM3), never the same one', async () => {
    const d = await create(requester.client, '网站稿件', 'publication');
    const one = (
      await upload(requester.client, d.id, '稿件.txt', Buffer.from('稿件提到内部试验基地', 'utf8'))
    ).body;
    const s = (await submit(requester.client, one)).body;
    const w = await decide(officer, s, 'release_with_changes', { comments: '删去试验基地名称' });
    assert.equal(w.status, 200, w.raw);
    const todos = await requester.client.get<{ items: { link: string; title: string }[] }>('/api/todos');
    assert.ok(
      todos.body.items.some((i) => i.link === `/review/${d.id}` && i.title.includes('修改后重新提交')),
    );
    // The same bytes again: unchanged.
    const same = (
      await upload(
        requester.client,
        d.id,
        '稿件.txt',
        Buffer.from('稿件提到内部试验基地', 'utf8'),
        `&replaces=${s.files[0]!.id}`,
      )
    ).body;
    await refused(() => submit(requester.client, same), 400, { code: 'review_unchanged' });
    const changed = await upload(
      requester.client,
      d.id,
      '稿件.txt',
      Buffer.from('稿件已修改', 'utf8'),
      `&replaces=${same.files[0]!.id}`,
    );
    assert.equal(changed.status, 201, changed.raw);
    assert.equal(changed.body.previousFiles.length, 2);
    const again = await submit(requester.client, changed.body);
    assert.equal(again.status, 200, again.raw);
    assert.equal(again.body.state, 'in_review');
    const ok = await decide(officer2, again.body, 'release');
    assert.equal(ok.status, 200, ok.raw);
  });

  test('R-REV-01 who reads: requester, reviewers; not a colleague (403), not another organisation (404), not the 三员 (403); reads audited', async () => {
    const d = await create(requester.client, '可见性测试稿', 'foreign_party');
    const head = await t.auditHead();
    assert.equal((await requester.client.get(`/api/review/${d.id}`)).status, 200);
    assert.equal((await officer.get(`/api/review/${d.id}`)).status, 200);
    const reads = (await auditEventsSince(t.db, head)).filter((e) => e.action === 'review.read');
    assert.equal(reads.length, 2);
    await refused(() => colleague.get(`/api/review/${d.id}`), 403);
    await refused(() => other.get(`/api/review/${d.id}`), 404);
    await refused(() => sysadmin.get(`/api/review/${d.id}`), 403);
    await refused(() => sysadmin.get('/api/review'), 403);
    const list = await colleague.get<{ items: { id: string }[]; total: number }>('/api/review');
    assert.equal(list.status, 200);
    assert.ok(!list.raw.includes('可见性测试稿'));
    assert.ok(!(await other.get('/api/review')).raw.includes('可见性测试稿'));
    assert.ok(!(await colleague.get('/api/review/export?format=csv')).raw.includes('可见性测试稿'));
    await refused(() => colleague.get(`/api/review/${d.id}/form`), 403);
    // reviewRefs (read.ts): the same rule.
    const refsOf = (personId: string, org: string, roles: ('staff' | 'secrecy_officer')[]) =>
      reviewRefs(
        t.db,
        { accountId: '', personId, orgId: org, departmentId: null, position: '', clearance: 'secret', roles },
        [d.id, 'not-a-uuid'],
      );
    const mine = await refsOf(requester.personId, orgId, ['staff']);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.purpose, 'foreign_party');
    assert.equal((await refsOf(ids.colleague, orgId, ['staff'])).length, 0);
    assert.equal((await refsOf(ids.other, ids.otherOrg, ['secrecy_officer'])).length, 0);
  });

  test('two reviewers at once: one decision wins, the other 409; the requester never decides his own', async () => {
    const d = await create(officer2, '保密员自己的稿件', 'press');
    const up = (await upload(officer2, d.id, 'a.txt', Buffer.from('普通内容', 'utf8'))).body;
    const s = (await submit(officer2, up)).body;
    await refused(() => decide(officer2, s, 'release'), 403, { code: 'review_own_request' });
    const d2 = await create(requester.client, '并发审查', 'press');
    const up2 = (await upload(requester.client, d2.id, 'b.txt', Buffer.from('普通内容二', 'utf8'))).body;
    const s2 = (await submit(requester.client, up2)).body;
    const [a, b] = await Promise.all([
      decide(officer, s2, 'release'),
      decide(officer2, s2, 'refuse', { comments: '不同意' }),
    ]);
    const st = [a.status, b.status].sort();
    assert.deepEqual(st, [200, 409], `${a.raw} ${b.raw}`);
  });

  test('bad input: zero-width title, Infinity / 9999 versions, unknown purpose, unknown fields', async () => {
    await refused(
      () => requester.client.post('/api/review', { title: '\u200b\u200c\u2060', purpose: 'press' }),
      400,
    );
    await refused(() => requester.client.post('/api/review', { title: '稿件', purpose: 'leak' }), 400);
    await refused(
      () => requester.client.post('/api/review', { title: '稿件', purpose: 'press', extra: 1 }),
      400,
    );
    const d = await create(requester.client, '带\u200b零宽字符的标题', 'press');
    await refused(() => requester.client.post(`/api/review/${d.id}/submit`, { version: 'Infinity' }), 400);
    await refused(() => requester.client.post(`/api/review/${d.id}/submit`, { version: 1e308 }), 400);
    await refused(() => requester.client.post(`/api/review/${d.id}/submit`, { version: 9999 }), 400, {
      code: 'review_no_files',
    });
    const up = (await upload(requester.client, d.id, 'c.txt', Buffer.from('内容', 'utf8'))).body;
    await refused(() => requester.client.post(`/api/review/${d.id}/submit`, { version: 9999 }), 409, {
      code: 'review_changed',
    });
    assert.equal((await submit(requester.client, up)).status, 200);
    await refused(() => requester.client.get('/api/review?from=9999-99-99'), 400);
  });

  test('ledger: filters, search, sort; Excel export and the review form PDF, audited', async () => {
    const q = await officer.get<{
      items: { no: string; state: string; highestLevel: string | null }[];
      total: number;
    }>('/api/review?state=refused&sort=no&order=asc');
    assert.equal(q.status, 200, q.raw);
    assert.ok(q.body.items.every((i) => i.state === 'refused'));
    const marked = await officer.get<{ items: { highestLevel: string | null }[] }>('/api/review?marked=true');
    assert.ok(marked.body.items.length > 0 && marked.body.items.every((i) => i.highestLevel !== null));
    const search = await officer.get<{ items: { title: string }[] }>(
      `/api/review?q=${encodeURIComponent('新闻稿')}`,
    );
    assert.ok(search.body.items.some((i) => i.title.includes('新闻稿')));
    // Titles sort by their pinyin (阿 a < 李 li < 张 zhang), not by code point.
    for (const title of ['张排序', '阿排序', '李排序']) await create(requester.client, title, 'other');
    const sorted = await requester.client.get<{ items: { title: string }[] }>(
      `/api/review?q=${encodeURIComponent('排序')}&sort=title&order=asc`,
    );
    assert.deepEqual(
      sorted.body.items.map((i) => i.title),
      ['阿排序', '李排序', '张排序'],
    );
    const head = await t.auditHead();
    const x = await officer.get('/api/review/export?format=xlsx');
    assert.equal(x.status, 200);
    const csv = await officer.get('/api/review/export?format=csv&state=refused');
    assert.ok(csv.raw.includes('SM3'), csv.raw.slice(0, 300));
    const id = (await officer.get<{ items: { id: string }[] }>('/api/review')).body.items[0]!.id;
    const pdf = await officer.get(`/api/review/${id}/form`);
    assert.equal(pdf.status, 200);
    assert.ok(pdf.raw.startsWith('%PDF'));
    const acts = (await auditEventsSince(t.db, head)).map((e) => e.action);
    assert.deepEqual(acts, ['review.export', 'review.export', 'review.print']);
  });
});
