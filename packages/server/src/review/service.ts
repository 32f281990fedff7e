// 保密审查 use cases (R-REV-01, R-REV-02, R-FOR-06, R-FOR-07): a request with its files, each scanned
// by the engine (scan.ts) and kept with its SM3 hash and report; submit, the reviewer's decision (a file
// with a 秘密-or-above marking is never released, an unread one only once the reviewer confirmed he read
// it himself), withdraw, and reads under the one read rule (access.ts), every detail read audited.
import type * as C from '@baomi/api/review/contract.ts';
import {
  abilityOf,
  canChangeReviewFiles,
  canSubmitReview,
  canWithdrawReview,
  checkReviewDecision,
  conflict,
  enforce,
  FOUND_LEVEL_LABELS,
  firstRefusal,
  invalid,
  notFound,
  type ReviewFileFacts,
  reviewDecideVerdict,
  reviewRequesterVerdict,
  reviewStateAfter,
  type Verdict,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { readableRecordOf, readableReview, readableReviewWithChain, visibilityOf } from './access.ts';
import { type Chain, openChain, withdrawChain } from './chain.ts';
import {
  confirmUnreadFiles,
  type FileRow,
  fileBytes,
  insertFile,
  insertReview,
  listReviewRows,
  nextReviewNo,
  type ReviewListQuery,
  type ReviewRow,
  reviewFiles,
  setReviewState,
  supersedeFile,
  touchReview,
} from './queries.ts';
import { scanUpload } from './scan.ts';

const FILE = { zh: '审查文件', en: 'Review file' };

const WHERE_KIND: Record<string, string> = {
  body: '正文',
  header: '页眉',
  footer: '页脚',
  comment: '批注',
  footnote: '脚注、尾注',
  deleted: '已删除的修订',
  textbox: '文本框',
  hidden: '隐藏文字',
  'hidden-sheet': '隐藏工作表',
  note: '单元格批注',
  'speaker-notes': '演讲者备注',
  properties: '文档属性',
  'embedded-name': '嵌入文件名',
  other: '其他部件',
};

/** Where a hit is, in words: 第3页 / 工作表“预算” B7 / 第2张幻灯片 / 第5段 / 第12行 (正文). */
export function locationText(w: Record<string, string | number | boolean>): string {
  const parts: string[] = [];
  if (typeof w.page === 'number') parts.push(`第${w.page}页`);
  if (typeof w.sheet === 'string')
    parts.push(`工作表“${w.sheet}”${typeof w.cell === 'string' ? ` ${w.cell}` : ''}`);
  if (typeof w.slide === 'number') parts.push(`第${w.slide}张幻灯片`);
  if (typeof w.paragraph === 'number') parts.push(`第${w.paragraph}段`);
  if (typeof w.line === 'number') parts.push(`第${w.line}行`);
  if (typeof w.field === 'string') parts.push(`“${w.field}”`);
  if (typeof w.part === 'string' && w.via === 'ocr') parts.push(`图像“${w.part}”`);
  const kind = typeof w.kind === 'string' ? (WHERE_KIND[w.kind] ?? w.kind) : '';
  // Text read from an image by OCR (D157): the reviewer is told it is machine-read, so may be wrong.
  const notes = [kind, w.hidden === true ? '隐藏' : '', w.via === 'ocr' ? 'OCR 识别，请核对原图' : ''].filter(
    Boolean,
  );
  const what = `${parts.join(' ')}${notes.length ? `（${notes.join('，')}）` : ''}`;
  return what || '全文';
}

export function toReview(r: ReviewRow) {
  const { orgId: _o, departmentId: _d, decidedByPersonId: _p, confirmerIds: _c, approvalId: _a, ...rest } = r;
  return rest;
}

const toFile = (f: FileRow) => ({
  id: f.id,
  name: f.name,
  size: f.size,
  sm3: f.sm3,
  hitsCount: f.hitsCount,
  highestLevel: f.highestLevel,
  unread: f.unread,
  unreadConfirmedByName: f.unreadConfirmedByName,
  unreadConfirmedAt: f.unreadConfirmedAt,
  superseded: f.superseded,
  uploadedAt: f.uploadedAt,
  uploadedByName: f.uploadedByName,
});

const toFileReport = (f: FileRow) => ({
  ...toFile(f),
  fragmentsRead: f.report.fragmentsRead,
  hits: f.report.hits.map((h) => ({ ...h, location: locationText(h.where) })),
  unreadParts: f.report.unread,
  truncated: f.report.truncated ?? 0,
});

const factsOf = (f: FileRow, confirm: readonly string[] = []): ReviewFileFacts => ({
  name: f.name,
  highestLevel: f.highestLevel,
  unread: f.unread,
  unreadConfirmed: f.unreadConfirmedByPersonId !== null || confirm.includes(f.id),
});

/** Files uploaded after the decision whose SM3 differs from every file decided on: a changed file. */
function changedSinceDecision(r: ReviewRow, all: readonly FileRow[]): boolean {
  if (!r.decidedAt) return true;
  const at = new Date(r.decidedAt).getTime();
  const decided = new Set(all.filter((f) => new Date(f.uploadedAt).getTime() <= at).map((f) => f.sm3));
  return all.some((f) => !f.superseded && new Date(f.uploadedAt).getTime() > at && !decided.has(f.sm3));
}

function abilities(caller: Caller, r: ReviewRow, all: readonly FileRow[], chain: Chain | null) {
  const rec = readableRecordOf(r, chain);
  const chainPending = chain?.status === 'pending';
  const current = all.filter((f) => !f.superseded);
  const asRequester = (v: () => Verdict) => firstRefusal(() => reviewRequesterVerdict(caller, rec), v);
  const decide = (d: C.DecideInput['decision']) =>
    abilityOf(
      firstRefusal(
        () => reviewDecideVerdict(caller, rec),
        () =>
          checkReviewDecision(
            r.state,
            d,
            current.map((f) =>
              factsOf(
                f,
                current.filter((x) => x.unread).map((x) => x.id),
              ),
            ),
            chainPending,
          ),
      ),
    );
  return {
    upload: abilityOf(asRequester(() => canChangeReviewFiles(r.state))),
    submit: abilityOf(
      asRequester(() => canSubmitReview(r.state, current.length, changedSinceDecision(r, all))),
    ),
    withdraw: abilityOf(asRequester(() => canWithdrawReview(r.state))),
    // Release as the page may offer it: unread files are confirmed in the same step (the dialog asks).
    release: decide('release'),
    releaseWithChanges: decide('release_with_changes'),
    refuse: decide('refuse'),
  };
}

async function detailOf(sql: Sql, caller: Caller, r: ReviewRow, chain: Chain | null) {
  const all = await reviewFiles(sql, r.id, true);
  return {
    ...toReview(r),
    approval: chain ? { id: chain.id, status: chain.status, label: chain.label } : null,
    files: all.filter((f) => !f.superseded).map(toFileReport),
    previousFiles: all.filter((f) => f.superseded).map(toFile),
    abilities: abilities(caller, r, all, chain),
  };
}

async function reload(sql: Sql, caller: Caller, id: string) {
  const { r, chain } = await readableReviewWithChain(sql, caller, id);
  return detailOf(sql, caller, r, chain);
}

// ---------------------------------------------------------------------------------------------------

export async function createReview(sql: Sql, actor: Actor, caller: Caller, input: C.ReviewCreate) {
  const title = visibleText(input.title, 'title', '标题');
  const year = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
  );
  const no = await nextReviewNo(sql, caller.orgId, year);
  const source = input.source
    ? { module: input.source.module.trim(), id: input.source.id.trim(), label: input.source.label.trim() }
    : null;
  const id = await insertReview(sql, {
    orgId: caller.orgId,
    no,
    title,
    purpose: input.purpose,
    purposeNote: (input.purposeNote ?? '').trim(),
    requesterPersonId: caller.personId,
    departmentId: caller.departmentId,
    source,
  });
  await appendAudit(sql, actor, {
    action: 'review.create',
    objectType: 'review',
    objectId: id,
    summary: {
      no,
      title,
      purpose: input.purpose,
      source: source ? `${source.module}: ${source.label}` : null,
    },
  });
  return reload(sql, caller, id);
}

/** Text with a visible character (zero-width and control characters alone are no text). */
function visibleText(s: string, field: string, zh: string): string {
  const t = s.trim();
  if (!/[^\s\p{Cc}\p{Cf}]/u.test(t))
    throw invalid({ code: 'blank', field, zh: `请填写${zh}`, en: `Fill in the ${field}` });
  return t;
}

/**
 * Adds a file (or replaces one: `replaces`): the request checked first, the scan run outside any
 * transaction (bounded by the pool's per-file timeout), then the file stored with its report in one
 * transaction that checks the request again.
 */
export async function uploadFile(
  db: Db,
  actor: Actor,
  caller: Caller,
  id: string,
  file: { name: string; bytes: Uint8Array; replaces?: string | undefined },
) {
  const name = visibleText(file.name, 'fileName', '文件名');
  const pre = await readableReview(db, caller, id);
  enforce(
    firstRefusal(
      () => reviewRequesterVerdict(caller, readableRecordOf(pre)),
      () => canChangeReviewFiles(pre.state),
    ),
  );
  const scanned = await scanUpload(db, caller.orgId, name, file.bytes);
  return db.tx(async (sql) => {
    const r = await readableReview(sql, caller, id, true);
    enforce(canChangeReviewFiles(r.state));
    if (file.replaces) {
      const ok = await supersedeFile(sql, r.id, file.replaces);
      if (!ok) throw notFound(FILE, 'replaces');
    }
    const fileId = await insertFile(sql, {
      reviewId: r.id,
      name,
      bytes: file.bytes,
      sm3: scanned.sm3,
      report: scanned.report,
      hitsCount: scanned.hitsCount,
      highestLevel: scanned.highestLevel,
      unread: scanned.unread,
      termVersion: scanned.termVersion,
      uploadedBy: caller.personId,
    });
    await touchReview(sql, r.id);
    await appendAudit(sql, actor, {
      action: 'review.upload',
      objectType: 'review',
      objectId: r.id,
      summary: {
        no: r.no,
        fileName: name,
        fileId,
        bytes: file.bytes.length,
        sm3: scanned.sm3,
        hits: scanned.hitsCount,
        highestLevel: scanned.highestLevel,
        unread: scanned.unread,
        replaces: file.replaces ?? null,
      },
    });
    return reload(sql, caller, r.id);
  });
}

/** Removes a file from a draft (kept, superseded: its SM3 stays in the ledger). */
export async function removeFile(sql: Sql, actor: Actor, caller: Caller, id: string, fileId: string) {
  const r = await readableReview(sql, caller, id, true);
  enforce(
    firstRefusal(
      () => reviewRequesterVerdict(caller, readableRecordOf(r)),
      () => canChangeReviewFiles(r.state),
    ),
  );
  const files = await reviewFiles(sql, r.id);
  const f = files.find((x) => x.id === fileId);
  if (!f || !(await supersedeFile(sql, r.id, fileId))) throw notFound(FILE, 'fileId');
  await touchReview(sql, r.id);
  await appendAudit(sql, actor, {
    action: 'review.remove_file',
    objectType: 'review',
    objectId: r.id,
    summary: { no: r.no, fileName: f.name, sm3: f.sm3 },
  });
  return reload(sql, caller, r.id);
}

const changedMeanwhile = () =>
  conflict({
    code: 'review_changed',
    rule: 'R-REV-01',
    zh: '该审查申请已被他人处理或修改，请刷新后重试',
    en: 'Someone else changed or decided this request first: reload and try again',
  });

export async function submitReview(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.VersionInput,
) {
  const r = await readableReview(sql, caller, id, true);
  const all = await reviewFiles(sql, r.id, true);
  const current = all.filter((f) => !f.superseded);
  enforce(
    firstRefusal(
      () => reviewRequesterVerdict(caller, readableRecordOf(r)),
      () => canSubmitReview(r.state, current.length, changedSinceDecision(r, all)),
    ),
  );
  if (
    r.version !== input.version ||
    !(await setReviewState(sql, r.id, r.version, { state: 'in_review', submitted: true }))
  )
    throw changedMeanwhile();
  await openChain(sql, actor, r, current, caller.personId);
  await appendAudit(sql, actor, {
    action: 'review.submit',
    objectType: 'review',
    objectId: r.id,
    summary: {
      no: r.no,
      state: { from: r.state, to: 'in_review' },
      files: current.map((f) => `${f.name}（SM3 ${f.sm3}）`),
    },
  });
  return reload(sql, caller, r.id);
}

export async function withdrawReview(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.VersionInput,
) {
  const r = await readableReview(sql, caller, id, true);
  enforce(
    firstRefusal(
      () => reviewRequesterVerdict(caller, readableRecordOf(r)),
      () => canWithdrawReview(r.state),
    ),
  );
  if (r.version !== input.version || !(await setReviewState(sql, r.id, r.version, { state: 'withdrawn' })))
    throw changedMeanwhile();
  await withdrawChain(sql, actor, r, caller.personId);
  await appendAudit(sql, actor, {
    action: 'review.withdraw',
    objectType: 'review',
    objectId: r.id,
    summary: { no: r.no, state: { from: r.state, to: 'withdrawn' } },
  });
  return reload(sql, caller, r.id);
}

/**
 * R-REV-02: the reviewer's decision. Checked on the server whatever the page sends: a file with a
 * 秘密-or-above marking is never released (the refusal names the file and the marking), an unread
 * file only with the reviewer's confirmation (recorded on the file). Two reviewers at once: the
 * version decides, the second gets 409.
 */
export async function decideReview(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.DecideInput) {
  const { r, chain } = await readableReviewWithChain(sql, caller, id, true);
  const files = await reviewFiles(sql, r.id);
  const confirm = (input.confirmUnread ?? []).filter((fid) => files.some((f) => f.id === fid && f.unread));
  for (const fid of input.confirmUnread ?? [])
    if (!files.some((f) => f.id === fid))
      throw invalid({
        code: 'review_confirm_unknown_file',
        field: 'confirmUnread',
        zh: '确认阅读的文件不属于该审查申请',
        en: 'A confirmed file is not a file of this request',
      });
  enforce(
    firstRefusal(
      () => reviewDecideVerdict(caller, readableRecordOf(r, chain)),
      () =>
        checkReviewDecision(
          r.state,
          input.decision,
          files.map((f) => factsOf(f, confirm)),
          chain?.status === 'pending',
        ),
    ),
  );
  const comments = (input.comments ?? '').trim();
  if (input.decision !== 'release' && !/[^\s\p{Cc}\p{Cf}]/u.test(comments))
    throw invalid({
      code: 'review_comments_required',
      field: 'comments',
      rule: 'R-REV-01',
      zh: '修改后发布或不同意发布须写明审查意见（需修改之处或不同意的理由）',
      en: 'Say what must change, or why the release is refused',
    });
  if (r.version !== input.version) throw changedMeanwhile();
  const to = reviewStateAfter(input.decision);
  if (input.decision !== 'refuse') await confirmUnreadFiles(sql, r.id, confirm, caller.personId);
  if (!(await setReviewState(sql, r.id, r.version, { state: to, decidedBy: caller.personId, comments })))
    throw changedMeanwhile();
  await appendAudit(sql, actor, {
    action: 'review.decide',
    objectType: 'review',
    objectId: r.id,
    summary: {
      no: r.no,
      decision: input.decision,
      state: { from: r.state, to },
      comments,
      confirmedUnread:
        input.decision !== 'refuse' ? files.filter((f) => confirm.includes(f.id)).map((f) => f.name) : [],
      files: files.map(
        (f) =>
          `${f.name}（SM3 ${f.sm3}${f.highestLevel ? `，${FOUND_LEVEL_LABELS[f.highestLevel]}标志` : ''}）`,
      ),
    },
  });
  return reload(sql, caller, r.id);
}

/** The detail: one audited read (the hits' context may hold the secret itself). */
export async function reviewDetail(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const { r, chain } = await readableReviewWithChain(sql, caller, id);
  await appendAudit(sql, actor, {
    action: 'review.read',
    objectType: 'review',
    objectId: r.id,
    summary: { no: r.no, state: r.state, hits: r.hitsCount, highestLevel: r.highestLevel },
  });
  return detailOf(sql, caller, r, chain);
}

/** A file's bytes for the reviewer to read himself (audited). */
export async function downloadFile(sql: Sql, actor: Actor, caller: Caller, id: string, fileId: string) {
  const r = await readableReview(sql, caller, id);
  const f = await fileBytes(sql, r.id, fileId);
  if (!f) throw notFound(FILE, 'fileId');
  await appendAudit(sql, actor, {
    action: 'review.file_read',
    objectType: 'review',
    objectId: r.id,
    summary: { no: r.no, fileName: f.name, bytes: f.bytes.length },
  });
  return f;
}

export async function listReviews(
  sql: Sql,
  caller: Caller,
  q: Omit<ReviewListQuery, 'limit' | 'offset'>,
  paging: { limit: number; offset: number },
) {
  const r = await listReviewRows(sql, visibilityOf(caller), { ...q, ...paging });
  return { items: r.items.map(toReview), total: r.total };
}
