// 敏感词库 (the organisation's sensitive-term list), kept by its secrecy officers: import from a text
// file in parseTermList's format (add or replace), add, edit, delete. Every change counts the list's
// version up (the scan pools are cached per organisation + version) and is audited.
import type * as C from '@baomi/api/review/contract.ts';
import { invalid, notFound } from '@baomi/domain';
import { compilePattern, parseTermList } from '@baomi/scanner';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import {
  bumpTermVersion,
  deleteAllTerms,
  deleteTermRow,
  getTermRow,
  listTermRows,
  termVersion,
  updateTermRow,
  upsertTerms,
} from './queries.ts';

const TERM = { zh: '敏感词', en: 'Term' };
/** At most this many terms in one organisation's list. */
export const MAX_TERMS = 50_000;

export async function listTerms(
  sql: Sql,
  caller: Caller,
  q: C.TermListQuery,
  paging: { limit: number; offset: number },
) {
  const r = await listTermRows(sql, caller.orgId, {
    ...(q.q ? { q: q.q } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.severity ? { severity: q.severity } : {}),
    ...paging,
  });
  return { ...r, version: await termVersion(sql, caller.orgId) };
}

function checkPattern(term: string, pattern: boolean) {
  if (!pattern) return;
  try {
    compilePattern(term);
  } catch {
    throw invalid({
      code: 'term_pattern',
      field: 'term',
      zh: '模式无法识别',
      en: 'The pattern cannot be read',
    });
  }
}

function visibleTerm(t: string): string {
  const s = t.trim();
  if (!/[^\s\p{Cc}\p{Cf}]/u.test(s))
    throw invalid({ code: 'blank', field: 'term', zh: '请填写敏感词', en: 'Fill in the term' });
  return s;
}

export async function importTerms(sql: Sql, actor: Actor, caller: Caller, input: C.TermImport) {
  const { entries, problems } = parseTermList(input.text);
  const seen = new Map<string, (typeof entries)[number]>();
  for (const e of entries) {
    const term = e.term.trim();
    if (!/[^\s\p{Cc}\p{Cf}]/u.test(term)) continue;
    const category = (e.category || '未分类').slice(0, 50);
    seen.set(term, { ...e, term, category });
  }
  if (seen.size === 0)
    throw invalid({
      code: 'term_list_empty',
      field: 'text',
      zh: '没有读到敏感词：每行一个，格式为“词条<Tab>类别<Tab>高/中/低[<Tab>模式]”',
      en: 'No term read: one a line, term<TAB>category<TAB>severity[<TAB>pattern]',
    });
  if (seen.size > MAX_TERMS)
    throw invalid({
      code: 'term_list_too_long',
      field: 'text',
      zh: `敏感词库最多${MAX_TERMS}条`,
      en: `At most ${MAX_TERMS} terms`,
    });
  const removed = input.replace ? await deleteAllTerms(sql, caller.orgId) : 0;
  const { added, updated } = await upsertTerms(
    sql,
    caller.orgId,
    [...seen.values()].map((e) => ({
      term: e.term,
      category: e.category,
      severity: e.severity,
      pattern: e.pattern === true,
    })),
  );
  const version = await bumpTermVersion(sql, caller.orgId);
  await appendAudit(sql, actor, {
    action: 'review.terms_import',
    objectType: 'review_terms',
    objectId: caller.orgId,
    summary: {
      added,
      updated,
      removed: Math.max(0, removed - updated),
      replace: input.replace === true,
      version,
      problems: problems.length,
    },
  });
  return {
    added,
    updated: input.replace ? 0 : updated,
    removed: Math.max(0, removed - updated),
    version,
    problems: problems.slice(0, 100),
  };
}

export async function addTerm(sql: Sql, actor: Actor, caller: Caller, input: C.TermInput) {
  const term = visibleTerm(input.term);
  checkPattern(term, input.pattern === true);
  const r = await upsertTerms(sql, caller.orgId, [
    { term, category: input.category.trim(), severity: input.severity, pattern: input.pattern === true },
  ]);
  const version = await bumpTermVersion(sql, caller.orgId);
  await appendAudit(sql, actor, {
    action: r.added ? 'review.term_add' : 'review.term_update',
    objectType: 'review_terms',
    objectId: caller.orgId,
    summary: { term, category: input.category.trim(), severity: input.severity, version },
  });
  return { version };
}

export async function updateTerm(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.TermInput) {
  const old = await getTermRow(sql, caller.orgId, id);
  if (!old) throw notFound(TERM);
  const term = visibleTerm(input.term);
  checkPattern(term, input.pattern === true);
  if (term !== old.term) {
    const all = await listTermRows(sql, caller.orgId, { q: term, limit: 50, offset: 0 });
    if (all.items.some((t) => t.term === term && t.id !== id))
      throw invalid({
        code: 'term_duplicate',
        field: 'term',
        zh: '该敏感词已在词库中',
        en: 'The term is already listed',
      });
  }
  await updateTermRow(sql, caller.orgId, id, {
    term,
    category: input.category.trim(),
    severity: input.severity,
    pattern: input.pattern === true,
  });
  const version = await bumpTermVersion(sql, caller.orgId);
  const change = <T>(a: T, b: T) => (a === b ? undefined : { from: a, to: b });
  await appendAudit(sql, actor, {
    action: 'review.term_update',
    objectType: 'review_terms',
    objectId: caller.orgId,
    summary: {
      term: change(old.term, term) ?? term,
      category: change(old.category, input.category.trim()),
      severity: change(old.severity, input.severity),
      version,
    },
  });
  return { version };
}

export async function deleteTerm(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const old = await getTermRow(sql, caller.orgId, id);
  if (!old) throw notFound(TERM);
  await deleteTermRow(sql, caller.orgId, id);
  const version = await bumpTermVersion(sql, caller.orgId);
  await appendAudit(sql, actor, {
    action: 'review.term_delete',
    objectType: 'review_terms',
    objectId: caller.orgId,
    summary: { term: old.term, category: old.category, severity: old.severity, version },
  });
  return { version };
}
