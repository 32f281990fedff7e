// 涉密人员, part "core": the use cases of the core record. Every read of a person's record decides with
// personnelReadVerdict, every write with personnelWriteVerdict (packages/domain/src/personnel/access.ts);
// every value is checked by the domain (checkPost, checkKeySite, checkVetting, checkEligibilityFact)
// and a placement in a key site by placementVerdict (R-PER-02, R-SITE-04, R-PER-01) before anything is
// written; each change and each read of a record is one audit event in the same transaction.
import type * as C from '@baomi/api/personnel/core.ts';
import {
  abilityOf,
  type Check,
  checkEligibilityFact,
  checkKeySite,
  checkPost,
  checkVetting,
  checkVettingPolicy,
  conflict,
  DEFAULT_VETTING_POLICY,
  ELIGIBILITY_CONDITION_LABELS,
  effectiveClass,
  enforce,
  factHolds,
  hiddenRecord,
  invalid,
  isChineseCitizen,
  type KeySite,
  notFound,
  PERSON_CLASS_SHORT_LABELS,
  type PersonClass,
  type PersonnelSubject,
  personnelReadScope,
  personnelReadVerdict,
  personnelWriteVerdict,
  placementVerdict,
  type Reader,
  type RuleViolation,
  refused,
  type Verdict,
  type Vetting,
  type VettingPolicy,
  vettingStatus,
  visible,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { type Caller, roleVerdict } from '../http/policy.ts';
import { todayInChina } from '../kit/today.ts';
import { readSetting } from '../settings/queries.ts';
import { corePolicy } from './core.policy.ts';
import {
  candidatesOf,
  coolingOffUntil,
  departmentOrg,
  endFact,
  type FactRow,
  factsOf,
  getFact,
  getKeySite,
  getPost,
  getSubject,
  insertFact,
  insertKeySite,
  insertPost,
  insertVetting,
  type KeySiteRow,
  keySitesOf,
  ledgerRows,
  type PersonSubjectRow,
  type PostRow,
  postsOf,
  updateKeySite,
  updatePost,
  type VettingRow,
  vettingsOf,
} from './core.queries.ts';
import { type PersonTimelineEntry, personTimelineSources } from './part.ts';
import { trainingShortfallPersonIds } from './training.service.ts';

export const PERSON = { zh: '涉密人员记录', en: 'Classified-personnel record' };
const KEY_SITE = { zh: '保密要害部门部位', en: 'Key site' };

export const readerOf = (c: Caller): Reader => ({
  personId: c.personId,
  orgId: c.orgId,
  departmentId: c.departmentId,
  position: c.position,
  clearance: c.clearance,
  roles: c.roles,
});

const subjectOf = (p: PersonSubjectRow): PersonnelSubject => ({
  personId: p.personId,
  orgId: p.orgId,
  departmentId: p.departmentId,
});

/** The first violation of a check as a 400 naming its field, every one in details. */
function enforceCheck(c: Check): void {
  if (!c.ok) throw invalid(c.violations[0]!, c.violations);
}

/** A verdict as thrown; another organisation's record is the same 404 as an unknown id (audited). */
function enforceOn(v: Verdict): void {
  if (!v.allowed && v.kind === 'not_found') throw hiddenRecord(PERSON, 'personId');
  enforce(v);
}

/** The person, if `caller` may read his record (404 unknown/other org, 403 a colleague). */
async function readable(sql: Sql, caller: Caller, personId: string): Promise<PersonSubjectRow> {
  const p = await getSubject(sql, personId);
  if (!p) throw notFound(PERSON, 'personId');
  enforceOn(personnelReadVerdict(readerOf(caller), subjectOf(p)));
  return p;
}

/** The person, locked, if `caller` may keep his record (the secrecy officer of his organisation). */
async function writable(sql: Sql, caller: Caller, personId: string): Promise<PersonSubjectRow> {
  const p = await getSubject(sql, personId, true);
  if (!p) throw notFound(PERSON, 'personId');
  enforceOn(personnelWriteVerdict(readerOf(caller), subjectOf(p)));
  return p;
}

// ---- the vetting policy (R-PER-01, D80): per organisation in the settings, defaults otherwise

export const vettingPolicyKey = (orgId: string) => `personnel.vetting_policy.${orgId}`;

/** The organisation's vetting policy: the stored one when it is within bounds, else the default. */
export async function vettingPolicyOf(sql: Sql, orgId: string): Promise<VettingPolicy> {
  const v = await readSetting(sql, vettingPolicyKey(orgId));
  if (v && typeof v === 'object') {
    const p = v as VettingPolicy;
    if (p.validityMonths && typeof p.dueSoonDays === 'number' && checkVettingPolicy(p).ok) return p;
  }
  return DEFAULT_VETTING_POLICY;
}

const asVetting = (v: VettingRow): Vetting => ({
  vettedOn: v.vettedOn,
  result: v.result,
  reviewer: v.reviewer,
  personClass: v.personClass,
  clearance: v.clearance,
});

/** The vetting status as the contract sends it (null: he holds no open post, so no class to vet for). */
export function statusView(
  vettings: readonly VettingRow[],
  personClass: PersonClass | null,
  clearance: C.PersonRecord['person']['clearance'],
  today: string,
  policy: VettingPolicy,
): C.VettingStatus | null {
  if (!personClass) return null;
  const s = vettingStatus(vettings.map(asVetting), personClass, clearance, today, policy);
  return { state: s.state, vettedOn: s.vetting?.vettedOn ?? null, validUntil: s.validUntil, valid: s.valid };
}

const siteOf = (s: KeySiteRow): KeySite => ({
  name: s.name,
  kind: s.kind,
  departmentId: s.departmentId,
  level: s.level,
});

// ---- the person's record

export async function personRecord(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  personId: string,
  /** false: the record sent back after the caller's own write (that write is the audit event). */
  audit = true,
): Promise<C.PersonRecord> {
  const p = await readable(sql, caller, personId);
  const today = todayInChina();
  const [posts, vettings, facts, cooling, policy] = await Promise.all([
    postsOf(sql, personId),
    vettingsOf(sql, [personId]),
    factsOf(sql, personId),
    coolingOffUntil(sql, personId, today),
    vettingPolicyOf(sql, p.orgId),
  ]);
  const open = posts.filter((x) => x.leftOn === null);
  const personClass = effectiveClass(open);
  const sites = new Map<string, string>();
  for (const x of open) if (x.keySiteId) sites.set(x.keySiteId, x.keySiteName ?? '');
  if (audit)
    await appendAudit(sql, actor, {
      action: 'personnel.read',
      objectType: 'personnel',
      objectId: personId,
      summary: { personId, view: 'record' },
    });
  return {
    person: {
      id: p.personId,
      name: p.name,
      departmentId: p.departmentId,
      departmentName: p.departmentName,
      position: p.position,
      clearance: p.clearance,
      nationality: p.nationality,
      chineseCitizen: isChineseCitizen(p.nationality),
    },
    personClass,
    keySites: [...sites].map(([id, name]) => ({ id, name })),
    vetting: statusView(vettings, personClass, p.clearance, today, policy),
    coolingOffUntil: cooling,
    posts: posts.map(postView),
    vettings: vettings.map(({ personId: _p, ...v }) => v),
    facts: facts.map((f) => factView(f, today)),
    abilities: { write: abilityOf(personnelWriteVerdict(readerOf(caller), subjectOf(p))) },
  };
}

const postView = ({ personId: _p, ...x }: PostRow): C.Post => x;
const factView = ({ personId: _p, ...f }: FactRow, today: string): C.Fact => ({
  ...f,
  holds: factHolds(f, today),
});

/** The core part's own lines of the timeline: posts taken and left, vettings, facts. */
export async function coreTimeline(sql: Sql, personId: string): Promise<PersonTimelineEntry[]> {
  const [posts, vettings, facts] = await Promise.all([
    postsOf(sql, personId),
    vettingsOf(sql, [personId]),
    factsOf(sql, personId),
  ]);
  const out: PersonTimelineEntry[] = [];
  for (const x of posts) {
    const cls = PERSON_CLASS_SHORT_LABELS[x.personClass];
    const site = x.keySiteName ? `，在“${x.keySiteName}”` : '';
    const siteEn = x.keySiteName ? `, in "${x.keySiteName}"` : '';
    out.push({
      on: x.since,
      kind: 'post',
      zh: `上岗：${x.name}（${cls.zh}涉密人员${site}）`,
      en: `Took up the post ${x.name} (${cls.en.toLowerCase()}${siteEn})`,
    });
    if (x.leftOn)
      out.push({ on: x.leftOn, kind: 'post', zh: `离开涉密岗位：${x.name}`, en: `Left the post ${x.name}` });
  }
  for (const v of vettings)
    out.push({
      on: v.vettedOn,
      kind: 'vetting',
      zh: `涉密资格审查${v.result === 'passed' ? '通过' : '未通过'}（审查人：${v.reviewer}）`,
      en: `Vetting ${v.result === 'passed' ? 'passed' : 'not passed'} (reviewer: ${v.reviewer})`,
    });
  const L = ELIGIBILITY_CONDITION_LABELS;
  for (const f of facts) {
    out.push({
      on: f.since,
      kind: 'fact',
      zh: `登记情形：${L[f.condition].zh}`,
      en: `Recorded: ${L[f.condition].en}`,
    });
    if (f.until)
      out.push({
        on: f.until,
        kind: 'fact',
        zh: `情形解除：${L[f.condition].zh}`,
        en: `Ended: ${L[f.condition].en}`,
      });
  }
  return out;
}

/** Every part's lines, newest first (the caller passed personnelReadVerdict first). */
export async function personTimeline(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  personId: string,
): Promise<C.Timeline> {
  await readable(sql, caller, personId);
  const lists = [];
  for (const source of personTimelineSources()) lists.push(await source(sql, personId));
  const items = lists.flat().sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
  await appendAudit(sql, actor, {
    action: 'personnel.read',
    objectType: 'personnel',
    objectId: personId,
    summary: { personId, view: 'timeline' },
  });
  return { items };
}

// ---- posts and placement

/** The key site of the caller's organisation (404 naming keySiteId otherwise). */
async function siteFor(sql: Sql, orgId: string, id: string): Promise<KeySiteRow> {
  const s = await getKeySite(sql, id);
  if (!s || s.orgId !== orgId) throw notFound(KEY_SITE, 'keySiteId');
  return s;
}

/**
 * R-PER-02, R-SITE-04, R-PER-01: may the person work in `site` as a person of `personClass` (the class
 * he will hold with this post)? 409 with every blocking fact in details; nothing written.
 */
async function enforcePlacement(sql: Sql, p: PersonSubjectRow, site: KeySiteRow, personClass: PersonClass) {
  const today = todayInChina();
  const [facts, vettings, policy] = await Promise.all([
    factsOf(sql, p.personId),
    vettingsOf(sql, [p.personId]),
    vettingPolicyOf(sql, p.orgId),
  ]);
  const candidate = {
    facts,
    vettings: vettings.map(asVetting),
    personClass,
    clearance: p.clearance,
    chineseCitizen: isChineseCitizen(p.nationality),
  };
  // placementVerdict's reasons (R-PER-02, R-SITE-04, R-PER-01); the vetting's validity under the
  // unit's own policy (D80) replaces the default's where the unit set one.
  const verdict = placementVerdict(candidate, siteOf(site), today);
  const all = verdict.allowed ? [] : [...(verdict.details ?? [verdict.reason])];
  const status = vettingStatus(candidate.vettings, personClass, p.clearance, today, policy);
  const isVetting = (x: RuleViolation) => x.code.startsWith('ineligible_vetting_');
  const reasons = status.valid ? all.filter((x) => !isVetting(x)) : all;
  if (!status.valid && !reasons.some(isVetting))
    reasons.push({
      code: `ineligible_vetting_${status.state}`,
      rule: 'R-PER-02',
      field: 'vettings',
      zh: `涉密资格审查已过复审期限（${status.validUntil ?? ''}），不得在“${site.name}”工作`,
      en: `The vetting is past the re-vetting date (${status.validUntil ?? ''}): may not work in "${site.name}"`,
    });
  if (reasons.length) enforce(refused('conflict', reasons[0]!, reasons));
}

export async function addPost(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  personId: string,
  input: C.PostInput,
): Promise<C.PersonRecord> {
  const p = await writable(sql, caller, personId);
  const today = todayInChina();
  enforceCheck(checkPost({ name: input.name, personClass: input.personClass, since: input.since }, today));
  const keySiteId = input.keySiteId ?? null;
  if (keySiteId) {
    const site = await siteFor(sql, p.orgId, keySiteId);
    const open = (await postsOf(sql, personId)).filter((x) => x.leftOn === null);
    const cls = effectiveClass([...open, { personClass: input.personClass }])!;
    await enforcePlacement(sql, p, site, cls);
  }
  const name = input.name.trim();
  const id = await insertPost(sql, p.orgId, personId, caller.personId, {
    name,
    personClass: input.personClass,
    keySiteId,
    since: input.since,
  });
  await appendAudit(sql, actor, {
    action: 'personnel.post_add',
    objectType: 'personnel',
    objectId: personId,
    summary: { personId, postId: id, name, personClass: input.personClass, keySiteId, since: input.since },
  });
  return personRecord(sql, actor, caller, personId, false);
}

export async function changePost(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  personId: string,
  postId: string,
  patch: C.PostPatch,
): Promise<C.PersonRecord> {
  const p = await writable(sql, caller, personId);
  const post = await getPost(sql, postId);
  if (!post || post.personId !== personId) throw notFound({ zh: '涉密岗位', en: 'Post' }, 'postId');
  if (post.leftOn !== null)
    throw conflict({
      code: 'post_left',
      rule: 'R-PER-06',
      zh: `该岗位已于${post.leftOn}离岗，不能再调整`,
      en: `This post was left on ${post.leftOn} and cannot be changed`,
    });
  const personClass = patch.personClass ?? post.personClass;
  const keySiteId = patch.keySiteId === undefined ? post.keySiteId : patch.keySiteId;
  if (personClass === post.personClass && keySiteId === post.keySiteId)
    return personRecord(sql, actor, caller, personId, false);
  if (keySiteId) {
    const site = await siteFor(sql, p.orgId, keySiteId);
    const others = (await postsOf(sql, personId)).filter((x) => x.leftOn === null && x.id !== postId);
    await enforcePlacement(sql, p, site, effectiveClass([...others, { personClass }])!);
  }
  await updatePost(sql, postId, { personClass, keySiteId });
  const summary: Record<string, unknown> = { personId, postId, name: post.name };
  if (personClass !== post.personClass) summary.personClass = { from: post.personClass, to: personClass };
  if (keySiteId !== post.keySiteId)
    summary.keySiteName = {
      from: post.keySiteName,
      to: keySiteId ? ((await getKeySite(sql, keySiteId))?.name ?? null) : null,
    };
  await appendAudit(sql, actor, {
    action: 'personnel.post_update',
    objectType: 'personnel',
    objectId: personId,
    summary,
  });
  return personRecord(sql, actor, caller, personId, false);
}

// ---- vettings and facts

export async function addVetting(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  personId: string,
  input: C.VettingInput,
): Promise<C.PersonRecord> {
  const p = await writable(sql, caller, personId);
  const reviewer = input.reviewer.trim();
  const v = {
    vettedOn: input.vettedOn,
    result: input.result,
    reviewer: visible(reviewer) ? reviewer : '',
    personClass: input.personClass,
    clearance: input.clearance,
  };
  enforceCheck(checkVetting(v, todayInChina()));
  // checkVetting refused 'none' above (vetting_clearance_none); this narrows the column's type.
  const clearance = v.clearance;
  if (clearance === 'none') throw new Error('unreachable: checkVetting refuses a vetting for no clearance');
  await insertVetting(sql, p.orgId, personId, caller.personId, {
    ...v,
    clearance,
    note: input.note?.trim() ?? '',
  });
  await appendAudit(sql, actor, {
    action: 'personnel.vetting',
    objectType: 'personnel',
    objectId: personId,
    summary: {
      personId,
      vettedOn: v.vettedOn,
      result: v.result,
      reviewer,
      personClass: v.personClass,
      clearance: v.clearance,
    },
  });
  return personRecord(sql, actor, caller, personId, false);
}

export async function recordFact(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  personId: string,
  input: C.FactInput,
): Promise<C.PersonRecord> {
  const p = await writable(sql, caller, personId);
  const f = {
    condition: input.condition,
    since: input.since,
    until: input.until ?? null,
    note: (input.note ?? '').trim(),
  };
  enforceCheck(checkEligibilityFact({ ...f, note: visible(f.note) ? f.note : '' }, todayInChina()));
  await insertFact(sql, p.orgId, personId, caller.personId, f);
  await appendAudit(sql, actor, {
    action: 'personnel.fact_record',
    objectType: 'personnel',
    objectId: personId,
    summary: { personId, condition: f.condition, since: f.since, until: f.until },
  });
  return personRecord(sql, actor, caller, personId, false);
}

export async function endEligibilityFact(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  personId: string,
  factId: string,
  input: C.FactEnd,
): Promise<C.PersonRecord> {
  await writable(sql, caller, personId);
  const f = await getFact(sql, factId, true);
  if (!f || f.personId !== personId) throw notFound({ zh: '登记情形', en: 'Recorded condition' }, 'factId');
  if (f.until !== null)
    throw conflict({
      code: 'fact_already_ended',
      rule: 'R-PER-02',
      field: 'until',
      zh: `该情形已于${f.until}解除`,
      en: `This condition already ended on ${f.until}`,
    });
  enforceCheck(checkEligibilityFact({ ...f, until: input.until }, todayInChina()));
  await endFact(sql, factId, input.until);
  await appendAudit(sql, actor, {
    action: 'personnel.fact_end',
    objectType: 'personnel',
    objectId: personId,
    summary: { personId, condition: f.condition, until: { from: null, to: input.until } },
  });
  return personRecord(sql, actor, caller, personId, false);
}

// ---- key sites (R-SITE-01, minimal)

const officerOnly = (caller: Caller): Verdict => roleVerdict(corePolicy, 'write', caller);

export async function keySiteList(sql: Sql, caller: Caller) {
  return { items: await keySitesOf(sql, caller.orgId), abilities: { write: abilityOf(officerOnly(caller)) } };
}

async function checkedSite(sql: Sql, caller: Caller, w: C.KeySiteInput) {
  const site = {
    name: w.name.trim(),
    kind: w.kind,
    departmentId: w.departmentId,
    level: w.level,
    note: (w.note ?? '').trim(),
  };
  enforceCheck(checkKeySite({ ...site, name: visible(site.name) ? site.name : '' }));
  if ((await departmentOrg(sql, w.departmentId)) !== caller.orgId)
    throw notFound({ zh: '部门', en: 'Department' }, 'departmentId');
  return site;
}

export async function createKeySite(sql: Sql, actor: Actor, caller: Caller, input: C.KeySiteInput) {
  enforce(officerOnly(caller));
  const site = await checkedSite(sql, caller, input);
  const id = await insertKeySite(sql, caller.orgId, caller.personId, site);
  await appendAudit(sql, actor, {
    action: 'personnel.key_site_create',
    objectType: 'key_site',
    objectId: id,
    summary: { name: site.name, kind: site.kind, departmentId: site.departmentId, level: site.level },
  });
  return (await getKeySite(sql, id))!;
}

export async function changeKeySite(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  patch: C.KeySitePatch,
) {
  enforce(officerOnly(caller));
  const before = await getKeySite(sql, id, true);
  if (!before) throw notFound(KEY_SITE, 'id');
  if (before.orgId !== caller.orgId) throw hiddenRecord(KEY_SITE, 'id');
  const site = await checkedSite(sql, caller, {
    name: patch.name ?? before.name,
    kind: patch.kind ?? before.kind,
    departmentId: patch.departmentId ?? before.departmentId,
    level: patch.level ?? before.level,
    note: patch.note ?? before.note,
  });
  const summary: Record<string, unknown> = { name: site.name };
  const keys = ['name', 'kind', 'departmentId', 'level', 'note'] as const;
  let changed = false;
  for (const k of keys)
    if (site[k] !== before[k]) {
      summary[k] = { from: before[k], to: site[k] };
      changed = true;
    }
  if (!changed) return before;
  await updateKeySite(sql, id, site);
  await appendAudit(sql, actor, {
    action: 'personnel.key_site_update',
    objectType: 'key_site',
    objectId: id,
    summary,
  });
  return (await getKeySite(sql, id))!;
}

// ---- the ledger

export interface LedgerFilter extends Omit<C.LedgerQuery, 'page' | 'pageSize'> {}

const CLASS_RANK = { core: 3, important: 2, general: 1 } as const;

/**
 * The ledger: people in the reader's scope (personnelReadScope compiled to SQL) with an open post or a
 * running 脱密期; class and vetting state are the domain's (effectiveClass, vettingStatus under the
 * unit's policy), so the class and vetting filters and those sorts run here, on the scope's rows.
 */
export async function ledger(
  sql: Sql,
  caller: Caller,
  q: LedgerFilter,
  paging: { limit: number; offset: number } | null,
): Promise<{ items: C.LedgerRow[]; total: number }> {
  const today = todayInChina();
  const scope = personnelReadScope(readerOf(caller));
  // R-PER-04: short of this year's hours, as the training part counts them (its policy, its sessions).
  const personIds = q.trainingShortfall
    ? await trainingShortfallPersonIds(sql, caller.orgId, Number(today.slice(0, 4)))
    : undefined;
  const rows = await ledgerRows(sql, scope, { ...q, ...(personIds ? { personIds } : {}) }, today);
  const [vettings, policy] = await Promise.all([
    vettingsOf(
      sql,
      rows.map((r) => r.personId),
    ),
    vettingPolicyOf(sql, caller.orgId),
  ]);
  const byPerson = new Map<string, VettingRow[]>();
  for (const v of vettings) byPerson.set(v.personId, [...(byPerson.get(v.personId) ?? []), v]);
  let items = rows.map((r) => {
    const personClass = effectiveClass(r.posts);
    const st = statusView(byPerson.get(r.personId) ?? [], personClass, r.clearance, today, policy);
    return {
      row: {
        personId: r.personId,
        name: r.name,
        departmentId: r.departmentId,
        departmentName: r.departmentName,
        personClass,
        clearance: r.clearance,
        posts: r.posts.map((x) => x.name),
        keySites: [...new Set(r.posts.flatMap((x) => (x.keySiteName ? [x.keySiteName] : [])))],
        // Off every post (in his 脱密期 only): no class to vet for; shown as not needing one.
        vettingState: st?.state ?? 'valid',
        validUntil: st?.validUntil ?? null,
        coolingOffUntil: r.coolingOffUntil,
      } satisfies C.LedgerRow,
      nameSort: r.nameSort ?? r.name,
      deptSort: r.departmentSort ?? r.departmentName ?? '',
    };
  });
  if (q.personClass) items = items.filter((x) => x.row.personClass === q.personClass);
  if (q.vetting) items = items.filter((x) => x.row.personClass !== null && x.row.vettingState === q.vetting);
  const sort = q.sort ?? 'name';
  const desc = q.order === 'desc';
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const key = (x: (typeof items)[number]): string | number =>
    sort === 'department'
      ? x.deptSort
      : sort === 'personClass'
        ? x.row.personClass
          ? CLASS_RANK[x.row.personClass]
          : 0
        : sort === 'validUntil'
          ? (x.row.validUntil ?? '')
          : x.nameSort;
  // Stable: ties keep the pinyin order of the names.
  if (sort !== 'name' || desc) items = [...items].sort((a, b) => (desc ? -1 : 1) * cmp(key(a), key(b)));
  const total = items.length;
  const page = paging ? items.slice(paging.offset, paging.offset + paging.limit) : items;
  return { items: page.map((x) => x.row), total };
}

export async function candidates(sql: Sql, caller: Caller, q: string | undefined) {
  enforce(officerOnly(caller));
  return { items: await candidatesOf(sql, caller.orgId, q) };
}

/** Whether the caller may export the ledger (the secrecy officer, a leader). */
export const exportVerdict = (caller: Caller): Verdict => roleVerdict(corePolicy, 'ledger', caller);
