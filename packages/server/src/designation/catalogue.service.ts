// R-DES-01a, R-LVL-02: the clauses of the applicable 保密事项范围 an original designation relies on.
// Kept by secrecy officers: an organisation's own entries by its officers, shared entries (org null)
// by the officers of a secrecy bureau. Entries are deactivated, never deleted (matters cite them).
import {
  forbidden,
  LEVEL_RANK,
  notFound,
  type SecretCatalogueEntry,
  STATE_SECRET_LEVELS,
  type StateSecretLevel,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import {
  type CatalogueRow,
  getCatalogueEntry,
  insertCatalogueEntry,
  listCatalogue,
  updateCatalogueEntry,
} from './catalogue.queries.ts';
import { type Caller, callerOrg } from './common.ts';

const ENTRY = { zh: '保密事项范围条目', en: 'Catalogue entry' };

export interface CatalogueInput {
  clause: string;
  title: string;
  maxLevel: StateSecretLevel;
  indefiniteAllowed?: boolean;
  shared?: boolean;
}

export type CataloguePatch = Partial<Omit<CatalogueInput, 'shared'> & { active: boolean }>;

/** An entry as the matter draft uses it: `levels` = every level up to `maxLevel` (domain SecretCatalogueEntry). */
export interface CatalogueView extends CatalogueRow, Pick<SecretCatalogueEntry, 'levels'> {
  shared: boolean;
}

export const catalogueView = (e: CatalogueRow): CatalogueView => ({
  ...e,
  shared: e.orgId === null,
  levels: STATE_SECRET_LEVELS.filter((l) => LEVEL_RANK[l] <= LEVEL_RANK[e.maxLevel]),
});

async function requireBureauForShared(sql: Sql, caller: Caller): Promise<void> {
  if ((await callerOrg(sql, caller)).kind === 'secrecy_bureau') return;
  throw forbidden({
    code: 'catalogue_shared_bureau_only',
    rule: 'R-DES-01a',
    zh: '共用的保密事项范围条目只能由保密行政管理部门的保密员维护',
    en: 'Shared catalogue entries are kept by the secrecy officers of a secrecy bureau',
  });
}

export async function catalogueOf(
  sql: Sql,
  caller: Caller,
  includeInactive: boolean,
): Promise<CatalogueView[]> {
  return (await listCatalogue(sql, caller.orgId, includeInactive)).map(catalogueView);
}

export async function createEntry(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  input: CatalogueInput,
): Promise<CatalogueView> {
  if (input.shared) await requireBureauForShared(sql, caller);
  const orgId = input.shared ? null : caller.orgId;
  const e = { clause: input.clause.trim(), title: input.title.trim() };
  const id = await insertCatalogueEntry(sql, {
    orgId,
    clause: e.clause,
    title: e.title,
    maxLevel: input.maxLevel,
    indefiniteAllowed: input.indefiniteAllowed ?? false,
    createdBy: caller.accountId,
  });
  await appendAudit(sql, actor, {
    action: 'designation.catalogue.create',
    objectType: 'secret_catalogue_entry',
    objectId: id,
    summary: {
      orgId,
      ...e,
      maxLevel: input.maxLevel,
      indefiniteAllowed: input.indefiniteAllowed ?? false,
    },
  });
  return catalogueView((await getCatalogueEntry(sql, id))!);
}

export async function updateEntry(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  patch: CataloguePatch,
): Promise<CatalogueView> {
  const before = await getCatalogueEntry(sql, id, true);
  if (!before || (before.orgId !== null && before.orgId !== caller.orgId)) throw notFound(ENTRY);
  if (before.orgId === null) await requireBureauForShared(sql, caller);
  const next: CatalogueRow = {
    ...before,
    ...patch,
    clause: (patch.clause ?? before.clause).trim(),
    title: (patch.title ?? before.title).trim(),
  };
  await updateCatalogueEntry(sql, id, next);
  const keys = ['clause', 'title', 'maxLevel', 'indefiniteAllowed', 'active'] as const;
  const changed = Object.fromEntries(
    keys.filter((k) => before[k] !== next[k]).map((k) => [k, { from: before[k], to: next[k] }]),
  );
  await appendAudit(sql, actor, {
    action: 'designation.catalogue.update',
    objectType: 'secret_catalogue_entry',
    objectId: id,
    summary: changed,
  });
  return catalogueView((await getCatalogueEntry(sql, id))!);
}
