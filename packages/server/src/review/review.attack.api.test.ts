// 保密审查 attacks (think like an outsider): another organisation's officer deciding or downloading
// (404), a colleague downloading a file or printing the form (403), a file id of another request
// (404), the decision forged by the page (release with a marked file, confirming a file of another
// request), one organisation's term list never used for another's files, a list change used at the
// next upload (the cached detector follows the version), huge and hostile inputs, 三员 on every step.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { closeReviewPools } from './scan.ts';

type Detail = {
  id: string;
  version: number;
  state: string;
  files: { id: string; hits: { normalized: string }[]; highestLevel: string | null }[];
};

describe('review attacks', () => {
  let t: TestApp;
  let officer: Client;
  let requester: Client;
  let colleague: Client;
  let otherOfficer: Client;
  let otherStaff: Client;
  const admins: Client[] = [];

  const counts = async () =>
    (
      await t.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM review_request) AS requests, (SELECT count(*)::int FROM review_file) AS files,
                (SELECT count(*)::int FROM review_file WHERE unread_confirmed_by_person_id IS NOT NULL) AS confirmed,
                (SELECT count(*)::int FROM review_request WHERE state <> 'draft') AS moved,
                (SELECT count(*)::int FROM review_term) AS terms`,
      )
    ).rows[0]!;
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);
  const upload = (c: Client, id: string, name: string, bytes: Uint8Array) =>
    c.request<Detail>(
      'POST',
      `/api/review/${id}/files?fileName=${encodeURIComponent(name)}`,
      Buffer.from(bytes),
      {
        headers: { 'content-type': 'application/octet-stream' },
      },
    );
  const filed = async (c: Client, text: string, title = '稿件') => {
    const d = (await c.post<Detail>('/api/review', { title, purpose: 'publication' })).body;
    const up = await upload(c, d.id, 'a.txt', Buffer.from(text, 'utf8'));
    assert.equal(up.status, 201, up.raw);
    return up.body;
  };
  const submitted = async (c: Client, text: string, title?: string) => {
    const d = await filed(c, text, title);
    const s = await c.post<Detail>(`/api/review/${d.id}/submit`, { version: d.version });
    assert.equal(s.status, 200, s.raw);
    return s.body;
  };

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    requester = (await t.member(u.orgId, u.departmentId, ['staff'], 'secret')).client;
    colleague = (await t.member(u.orgId, u.departmentId, ['staff', 'leader'], 'top_secret')).client;
    const o = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'top_secret' });
    otherOfficer = o.client;
    otherStaff = (await t.member(o.orgId, o.departmentId, ['staff'], 'secret')).client;
    for (const r of ['sysadmin', 'secadmin', 'auditor'] as const) admins.push(await t.admin(r));
    assert.equal(
      (await officer.post('/api/review/terms/import', { text: '甲方代号\t项目代号\t高' })).status,
      200,
    );
    assert.equal(
      (await otherOfficer.post('/api/review/terms/import', { text: '乙方代号\t项目代号\t高' })).status,
      200,
    );
  });
  after(async () => {
    await closeReviewPools();
    await t.close();
  });

  test('one organisation’s list is never used on another’s files; a change is used at the next upload', async () => {
    const mine = await filed(requester, '甲方代号与乙方代号');
    assert.deepEqual(
      mine.files[0]!.hits.map((h) => h.normalized),
      ['甲方代号'],
    );
    const theirs = await filed(otherStaff, '甲方代号与乙方代号');
    assert.deepEqual(
      theirs.files[0]!.hits.map((h) => h.normalized),
      ['乙方代号'],
    );
    assert.equal(
      (await officer.post('/api/review/terms', { term: '新增代号', category: '项目代号', severity: 'high' }))
        .status,
      200,
    );
    const again = await filed(requester, '新增代号出现了');
    assert.deepEqual(
      again.files[0]!.hits.map((h) => h.normalized),
      ['新增代号'],
    );
    // Another organisation's officer sees only his own list.
    const list = await otherOfficer.get<{ items: { term: string }[] }>('/api/review/terms');
    assert.deepEqual(
      list.body.items.map((i) => i.term),
      ['乙方代号'],
    );
    const mineId = (await officer.get<{ items: { id: string; term: string }[] }>('/api/review/terms?q=甲方'))
      .body.items[0]!.id;
    await refused(() => otherOfficer.delete(`/api/review/terms/${mineId}`), 404);
    await refused(
      () => otherOfficer.put(`/api/review/terms/${mineId}`, { term: 'x', category: 'y', severity: 'low' }),
      404,
    );
  });

  test('another organisation: decide, download, print, upload, submit → 404', async () => {
    const s = await submitted(requester, '普通内容');
    const f = s.files[0]!.id;
    await refused(
      () => otherOfficer.post(`/api/review/${s.id}/decide`, { decision: 'release', version: s.version }),
      404,
    );
    await refused(() => otherOfficer.get(`/api/review/${s.id}/files/${f}`), 404);
    await refused(() => otherOfficer.get(`/api/review/${s.id}/form`), 404);
    await refused(() => upload(otherStaff, s.id, 'x.txt', Buffer.from('x')), 404);
    await refused(() => otherStaff.post(`/api/review/${s.id}/withdraw`, { version: s.version }), 404);
  });

  test('a colleague (even a leader cleared 绝密) neither reads, downloads, prints nor decides', async () => {
    const s = await submitted(requester, '普通内容二');
    const f = s.files[0]!.id;
    await refused(() => colleague.get(`/api/review/${s.id}/files/${f}`), 403);
    await refused(() => colleague.get(`/api/review/${s.id}/form`), 403);
    await refused(
      () =>
        colleague.post(`/api/review/${s.id}/decide`, {
          decision: 'refuse',
          version: s.version,
          comments: 'x',
        }),
      403,
    );
    await refused(() => colleague.post(`/api/review/${s.id}/withdraw`, { version: s.version }), 403);
    await refused(() => officer.post(`/api/review/${s.id}/withdraw`, { version: s.version }), 403, {
      code: 'review_not_requester',
    });
  });

  test('the 三员 on every step: 403', async () => {
    const s = await submitted(requester, '普通内容三');
    for (const a of admins) {
      await refused(() => a.get(`/api/review/${s.id}`), 403);
      await refused(
        () => a.post(`/api/review/${s.id}/decide`, { decision: 'refuse', version: s.version, comments: 'x' }),
        403,
      );
      await refused(() => a.get('/api/review/export'), 403);
      await refused(() => a.post('/api/review', { title: 'x', purpose: 'other' }), 403);
    }
  });

  test('a forged decision: a file id of another request, a marked file, an unknown file', async () => {
    const marked = await submitted(requester, '绝密★长期\n正文');
    assert.equal(marked.files[0]!.highestLevel, 'top_secret');
    const other = await submitted(requester, '普通内容四');
    // Confirming a file of another request does not count (400, nothing confirmed).
    await refused(
      () =>
        officer.post(`/api/review/${other.id}/decide`, {
          decision: 'release',
          version: other.version,
          confirmUnread: [marked.files[0]!.id],
        }),
      400,
      { code: 'review_confirm_unknown_file' },
    );
    await refused(
      () =>
        officer.post(`/api/review/${marked.id}/decide`, {
          decision: 'release',
          version: marked.version,
          confirmUnread: [marked.files[0]!.id],
        }),
      400,
      { code: 'review_marked_file' },
    );
    // A download of a file id that belongs to another request: 404.
    await refused(() => officer.get(`/api/review/${other.id}/files/${marked.files[0]!.id}`), 404);
    // Refusal without comments: 400 naming the field.
    await refused(
      () =>
        officer.post(`/api/review/${marked.id}/decide`, {
          decision: 'refuse',
          version: marked.version,
          comments: '\u200b',
        }),
      400,
      {
        field: 'comments',
      },
    );
  });

  test('hostile input: huge title, 10,000 confirmations, a huge term list line, path-like file names, deep JSON', async () => {
    await refused(() => requester.post('/api/review', { title: '题'.repeat(201), purpose: 'press' }), 400);
    const s = await submitted(requester, '普通内容五');
    const many = Array.from(
      { length: 101 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    await refused(
      () =>
        officer.post(`/api/review/${s.id}/decide`, {
          decision: 'release',
          version: s.version,
          confirmUnread: many,
        }),
      400,
    );
    await refused(
      () => officer.post('/api/review/terms', { term: '词'.repeat(101), category: 'x', severity: 'low' }),
      400,
    );
    await refused(
      () => officer.post('/api/review/terms', { term: '词', category: 'x', severity: 'extreme' }),
      400,
    );
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = { module: deep };
    await refused(
      () => requester.post('/api/review', { title: '稿件', purpose: 'press', source: deep }),
      400,
    );
    const d = (await requester.post<Detail>('/api/review', { title: '路径', purpose: 'press' })).body;
    const up = await upload(requester, d.id, '../../etc/passwd', Buffer.from('普通'));
    assert.equal(up.status, 201, up.raw);
    await refused(() => upload(requester, d.id, '\u200b', Buffer.from('普通')), 400);
    await refused(() => requester.get('/api/review?page=Infinity'), 400);
    await refused(() => requester.get('/api/review?pageSize=9999'), 400);
    await refused(() => requester.get('/api/review?sort=password'), 400);
  });
});
