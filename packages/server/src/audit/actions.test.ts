// Every audit action the server writes is declared, with its words, in some module's manifest
// (issue 7: the trail as a person reads it). The server's code is read for the actions it writes:
// `action: '…'` literals, the actions of the one export and print mechanism (`<objectType>.export`,
// `<objectType>.print`), the jobs' `job.<name>`, and the few actions built from a value, each listed
// below with the values it takes. A new action that no module declares fails here and is named.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { DECISION_KINDS } from '@baomi/api/approvals/labels.ts';
import { MODULES } from '../modules.ts';
import { buildCatalogue } from './describe.ts';

const SRC = new URL('..', import.meta.url).pathname;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !relative(SRC, p).startsWith('testing/'))
      out.push(p);
  }
  return out;
}

/** The actions written from a template, with every value the template takes. */
const DYNAMIC: Record<string, readonly string[]> = {
  'approval.${record.decision}': DECISION_KINDS.map((d) => `approval.${d}`),
  "designation_item.${status === 'withdrawn' ? 'withdraw' : 'return'}": [
    'designation_item.withdraw',
    'designation_item.return',
  ],
  // a change that does not take effect: its approval's status, or too late (items.changes.ts)
  'designation_change.${status}': [
    'designation_change.returned',
    'designation_change.rejected',
    'designation_change.withdrawn',
    'designation_change.too_late',
  ],
  // exports/ledger.ts and exports/pdf.ts: the callers' object types are collected below
  '${audit.objectType}.export': [],
  '${audit.objectType}.print': [],
  // jobs/runner.ts: every module's jobs
  'job.${job.name}': MODULES.flatMap((m) => m.jobs ?? []).map((j) => `job.${j.name}`),
};

/** What the server's code writes. */
function writtenActions(): { actions: Map<string, string>; templates: Set<string> } {
  const actions = new Map<string, string>();
  const templates = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const where = relative(SRC, file);
    // action: 'x.y', action: cond ? 'x.y' : 'x.z', action: `x.${…}`
    for (const m of text.matchAll(/\baction:\s*([^\n,]+(?:\n\s*[?:][^\n,]+)*)/g)) {
      const expr = m[1]!;
      for (const lit of expr.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.set(lit[1]!, where);
      for (const tpl of expr.matchAll(/`([^`]*\$\{[^`]*)`/g)) templates.add(tpl[1]!);
    }
    // the export and print mechanism: sendLedger(…) / sendPdf(…) with { objectType: '…' }
    for (const m of text.matchAll(/(?<!function )\b(sendLedger|sendPdf)\s*(?:<[^>]*>)?\(/g)) {
      const rest = text.slice(m.index);
      const type = /objectType:\s*'([a-z_]+)'/.exec(rest)?.[1];
      assert.ok(type, `${where}: ${m[1]} without an objectType literal`);
      actions.set(`${type}.${m[1] === 'sendLedger' ? 'export' : 'print'}`, where);
    }
  }
  return { actions, templates };
}

test('every audit action the server writes is declared in a module manifest, with its words', () => {
  const { actions, templates } = writtenActions();
  const unknownTemplates = [...templates].filter((t) => !(t in DYNAMIC));
  assert.deepEqual(unknownTemplates, [], 'a new action template: list the values it takes in DYNAMIC');
  for (const t of templates) for (const a of DYNAMIC[t]!) actions.set(a, t);
  const cat = buildCatalogue(MODULES);
  const undeclared = [...actions].filter(([a]) => !cat.actions.has(a)).map(([a, where]) => `${a} (${where})`);
  assert.deepEqual(undeclared, [], 'actions written but declared by no module (auditActions in module.ts)');
  // and the scan itself found the actions we know of
  for (const a of [
    'access.denied',
    'designation_item.read',
    'person.update',
    'work_calendar.print',
    'job.cleanup',
  ]) {
    assert.ok(actions.has(a), `the scan finds ${a}`);
  }
});

test('every declared action is named <module-ish>.<verb> and has Chinese and English words', () => {
  for (const [a, d] of buildCatalogue(MODULES).actions) {
    assert.match(a, /^[a-z_]+(\.[a-z_]+)+$/, a);
    assert.ok(d.zh.trim() && d.en.trim(), `${a} has words`);
    assert.doesNotMatch(d.zh, /[a-z]+\.[a-z]+/, `${a}: its Chinese words are not a code`);
  }
});

test('every module that declares actions has a label, for the filter group', () => {
  for (const m of MODULES) if (m.auditActions) assert.ok(m.label, `${m.name} has a label`);
});
