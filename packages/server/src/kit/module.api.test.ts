// The module kit, shown with a throw-away module declared in this file: its contract (TypeBox), its
// manifest (routes under a prefix, a policy, a todo provider, a job, its audit actions) and one line
// added to the list. What a new module gets from the platform without touching any central file:
// routing, typed input, bilingual validation errors, serialisation of declared fields only, the OpenAPI
// description, the todo list, the job runner, and its audit events read in words.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AuditActionCatalogue, AuditEvent } from '@baomi/api/audit.ts';
import { Page, Paging, Req, type Static, Str, Timestamp, Type, Uuid } from '@baomi/api/common.ts';
import { appendAudit } from '../audit/chain.ts';
import { definePolicy, guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { runJobOnce } from '../jobs/runner.ts';
import { MODULES } from '../modules.ts';
import { type Client, createTestApp, type TestApp } from '../testing/harness.ts';
import { jobsOf } from './install.ts';
import { defineModule } from './module.ts';
import { wire } from './wire.ts';

// --- the contract (would be packages/api/src/notes.ts)
const NoteQuery = Req({ q: Type.Optional(Str(50)), ...Paging });
const Note = Type.Object({ id: Uuid, title: Type.String(), createdAt: Timestamp });
type Note = Static<typeof Note>;

// --- the policy, routes and manifest (would be packages/server/src/notes/*)
const notePolicy = definePolicy({ read: { allow: ['user'], zh: '查看便签', en: 'read notes' } });
const rows = [
  // `internal` is not in the contract: the serialiser must never send it.
  { id: '6f1c1a8e-57a4-4c61-9d0e-6f0d4d1b8c01', title: '便签一', createdAt: new Date(0), internal: 'x' },
];
const jobRuns: string[] = [];
const notes = defineModule({
  name: 'notes',
  label: { zh: '便签', en: 'Notes' },
  prefix: '/api/notes',
  policies: [notePolicy],
  // its audit actions, their words and its fields' labels: the audit page, its filter and its exports
  // read them
  auditActions: {
    'note.search': {
      zh: '查找便签',
      en: 'Search notes',
      fields: { q: { zh: '查找内容', en: 'Search text' }, found: { zh: '找到条数', en: 'Found' } },
    },
  },
  auditObjects: { note: { zh: '便签', en: 'Note' } },
  routes: async (app) => {
    app.get(
      '',
      {
        preValidation: guard(notePolicy, 'read'),
        schema: {
          tags: ['notes'],
          summary: '便签 Notes',
          querystring: NoteQuery,
          response: { 200: Page(Note) },
        },
      },
      // req.query is typed from NoteQuery: no hand-written generic.
      async (req) => {
        const items = rows.filter((r) => r.title.includes(req.query.q ?? ''));
        await app.deps.db.tx((sql) =>
          appendAudit(sql, actorFor(req), {
            action: 'note.search',
            objectType: 'note',
            summary: { q: req.query.q ?? null, found: items.length },
          }),
        );
        return wire({ items, total: rows.length });
      },
    );
  },
  todoProviders: [
    async (_sql, me) => [
      {
        id: 'note-todo',
        kind: 'deadline',
        module: 'notes',
        subjectType: 'note',
        subjectId: null,
        title: `${me.displayName}：整理便签`,
        link: '/notes',
        dueAt: null,
        createdAt: new Date(0),
      },
    ],
  ],
  jobs: [
    {
      name: 'notes.tidy',
      period: (now) => now.toISOString().slice(0, 10),
      run: async () => {
        jobRuns.push('tidy');
        return { tidied: 1 };
      },
    },
  ],
});

describe('module kit: a new module is its own folder plus one line in the module list', () => {
  let t: TestApp;
  let user: Client;

  before(async () => {
    t = await createTestApp({ modules: [...MODULES, notes] });
    user = (await t.businessUser({ roles: ['staff'] })).client;
  });
  after(() => t.close());

  test('its routes are served under its prefix, with only the contract fields serialised', async () => {
    const r = await user.get<{ items: (Note & { internal?: string })[]; total: number }>('/api/notes?q=便签');
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(r.body.items, [
      { id: rows[0]!.id, title: '便签一', createdAt: '1970-01-01T00:00:00.000Z' },
    ]);
    assert.equal(r.body.items[0]!.internal, undefined, 'an undeclared field never leaves the server');
  });

  test('its request schema refuses bad input with the bilingual 400, and its policy the wrong role', async () => {
    const bad = await user.get<{ error: { code: string; zh: string; en: string; field: string } }>(
      '/api/notes?pageSize=0',
    );
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'pageSize');
    assert.match(bad.body.error.zh, /pageSize/);
    const sys = await t.admin('sysadmin');
    const refused = await sys.get<{ error: { code: string } }>('/api/notes');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
  });

  test('its operation is in /api/openapi.json with its response schema', async () => {
    const r = await t.client().get<{
      paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
    }>('/api/openapi.json');
    const op = r.body.paths['/api/notes']?.get;
    assert.ok(op, 'GET /api/notes is described');
    assert.ok(op.responses['200']?.content, 'with a response schema');
  });

  test('its todo provider adds to the one todo list, and its job runs through the one runner', async () => {
    const r = await user.get<{ items: { id: string; module: string }[] }>('/api/todos');
    assert.equal(r.status, 200, r.raw);
    assert.ok(r.body.items.some((i) => i.id === 'note-todo' && i.module === 'notes'));
    const job = jobsOf([...MODULES, notes]).find((j) => j.name === 'notes.tidy');
    assert.ok(job, 'the scheduler gets the module job from the list');
    assert.deepEqual(await runJobOnce(t.db, job, new Date('2026-11-27T00:00:00Z')), { tidied: 1 });
    assert.deepEqual(jobRuns, ['tidy']);
  });

  test('its audit actions are in the catalogue under its label, and its events read in words', async () => {
    const sec = await t.admin('secadmin');
    const cat = await sec.get<AuditActionCatalogue>('/api/audit/actions');
    const group = cat.body.modules.find((m) => m.name === 'notes');
    assert.deepEqual(group, {
      name: 'notes',
      label: { zh: '便签', en: 'Notes' },
      actions: [{ action: 'note.search', label: { zh: '查找便签', en: 'Search notes' } }],
    });
    const r = await sec.get<{ items: AuditEvent[] }>('/api/audit?module=notes');
    assert.equal(r.status, 200, r.raw);
    const e = r.body.items[0]!;
    assert.deepEqual(e.actionLabel, { zh: '查找便签', en: 'Search notes' });
    assert.deepEqual(
      e.lines.map((l) => `${l.field.zh}：${l.value.zh}`),
      ['查找内容：便签', '找到条数：1'],
    );
  });
});
