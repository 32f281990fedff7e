// HTTP for 保密审查 (/api/review): term list, requests, files (raw bodies, 413 naming the limit), the
// decision, the ledger (Excel) and the review form (PDF). Every route is a business route (R-SYS-01).
import { FileBody, IdParams } from '@baomi/api/common.ts';
import * as C from '@baomi/api/review/contract.ts';
import { FOUND_LEVEL_LABELS, invalid, REVIEW_PURPOSE_LABELS, REVIEW_STATE_LABELS } from '@baomi/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendLedger, shanghaiTime } from '../exports/ledger.ts';
import { sendPdf } from '../exports/pdf.ts';
import { HttpError } from '../http/errors.ts';
import { type Caller, callerOf, guard } from '../http/policy.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { reviewPolicy } from './policy.ts';
import { reviewFormSpec } from './print.ts';
import { filesOf, termVersion } from './queries.ts';
import { reviewConfig } from './scan.ts';
import {
  createReview,
  decideReview,
  downloadFile,
  listReviews,
  removeFile,
  reviewDetail,
  submitReview,
  uploadFile,
  withdrawReview,
} from './service.ts';
import { addTerm, deleteTerm, importTerms, listTerms, updateTerm } from './terms.ts';

const { tags } = C;

export function reviewCallerOf(req: FastifyRequest): Caller {
  const caller = callerOf(ctxOf(req));
  if (!caller)
    throw invalid({
      code: 'no_person',
      rule: 'R-SYS-01',
      zh: '只有关联人员的业务账号可以办理保密审查',
      en: 'Only business accounts linked to a person handle reviews',
    });
  return caller;
}

/** The uploaded bytes, out of reach of the request walkers (a Buffer would be walked byte by byte). */
class UploadedFile {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

const tooLarge = () => {
  const mb = Math.round((reviewConfig.maxFileBytes / 1024 / 1024) * 100) / 100;
  return new HttpError(413, {
    code: 'review_file_too_large',
    field: 'file',
    zh: `文件超过 ${mb} MB 的上限（保密审查单个文件大小上限）`,
    en: `The file is larger than the ${mb} MB limit of one review file`,
  });
};

async function sizeCheck(req: FastifyRequest) {
  const len = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(len) && len > reviewConfig.maxFileBytes) throw tooLarge();
}

function bytesOf(req: FastifyRequest): Buffer {
  if (!(req.body instanceof UploadedFile) || req.body.bytes.length === 0)
    throw invalid({
      code: 'review_file_missing',
      field: 'file',
      zh: '请选择要审查的文件',
      en: 'Choose the file to review',
    });
  return req.body.bytes;
}

async function sendBytes(reply: FastifyReply, name: string, bytes: Uint8Array) {
  reply.header(
    'Content-Disposition',
    `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  reply.type('application/octet-stream');
  return reply.send(Buffer.from(bytes));
}

export const reviewRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;
  app.addContentTypeParser(
    'application/octet-stream',
    async (_req: FastifyRequest, payload: NodeJS.ReadableStream) => {
      const chunks: Buffer[] = [];
      let n = 0;
      for await (const chunk of payload) {
        const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        n += b.length;
        if (n > reviewConfig.maxFileBytes) throw tooLarge();
        chunks.push(b);
      }
      return new UploadedFile(Buffer.concat(chunks));
    },
  );

  // ---- 敏感词库 ----
  app.get(
    '/terms',
    {
      preValidation: guard(reviewPolicy, 'terms'),
      schema: {
        tags,
        summary: '敏感词库 The sensitive-term list',
        querystring: C.TermListQuery,
        response: { 200: C.TermPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...q } = req.query;
      return wire(await listTerms(db, reviewCallerOf(req), q, pageOf(req.query)));
    },
  );
  app.post(
    '/terms/import',
    {
      preValidation: guard(reviewPolicy, 'terms'),
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary: '导入敏感词 Import terms (TSV)',
        body: C.TermImport,
        response: { 200: C.TermImportResult },
      },
    },
    async (req) => wire(await db.tx((sql) => importTerms(sql, actorFor(req), reviewCallerOf(req), req.body))),
  );
  app.post(
    '/terms',
    {
      preValidation: guard(reviewPolicy, 'terms'),
      schema: { tags, summary: '添加敏感词 Add a term', body: C.TermInput, response: { 200: C.TermVersion } },
    },
    async (req) => wire(await db.tx((sql) => addTerm(sql, actorFor(req), reviewCallerOf(req), req.body))),
  );
  app.put(
    '/terms/:id',
    {
      preValidation: guard(reviewPolicy, 'terms'),
      schema: {
        tags,
        summary: '修改敏感词 Edit a term',
        params: IdParams,
        body: C.TermInput,
        response: { 200: C.TermVersion },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) => updateTerm(sql, actorFor(req), reviewCallerOf(req), req.params.id, req.body)),
      ),
  );
  app.delete(
    '/terms/:id',
    {
      preValidation: guard(reviewPolicy, 'terms'),
      schema: {
        tags,
        summary: '删除敏感词 Delete a term',
        params: IdParams,
        response: { 200: C.TermVersion },
      },
    },
    async (req) =>
      wire(await db.tx((sql) => deleteTerm(sql, actorFor(req), reviewCallerOf(req), req.params.id))),
  );

  app.get(
    '/settings',
    {
      preValidation: guard(reviewPolicy, 'read'),
      schema: { tags, summary: '保密审查限制 Review limits', response: { 200: C.ReviewSettings } },
    },
    async (req) => ({
      maxFileBytes: reviewConfig.maxFileBytes,
      scanTimeoutMs: reviewConfig.scanTimeoutMs,
      termVersion: await termVersion(db, reviewCallerOf(req).orgId),
    }),
  );

  // ---- 审查申请 ----
  app.get(
    '',
    {
      preValidation: guard(reviewPolicy, 'read'),
      schema: {
        tags,
        summary: '保密审查台账 The review ledger',
        querystring: C.ReviewListQuery,
        response: { 200: C.ReviewPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...q } = req.query;
      return wire(await listReviews(db, reviewCallerOf(req), q, pageOf(req.query)));
    },
  );

  app.get(
    '/export',
    {
      preValidation: guard(reviewPolicy, 'ledger'),
      schema: {
        tags,
        summary: '导出保密审查台账 Export the review ledger',
        querystring: C.ReviewExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const { format, page: _p, pageSize: _s, ...filter } = req.query;
      const { items } = await listReviews(db, reviewCallerOf(req), filter, { limit: 10_000, offset: 0 });
      return sendLedger(
        reply,
        format ?? 'xlsx',
        '保密审查台账',
        {
          title: { zh: '保密审查台账', en: 'Review ledger' },
          subtitle: `导出时间：${shanghaiTime(new Date())}`,
          columns: [
            { zh: '审查编号', en: 'No.', value: (r) => r.no },
            { zh: '标题', en: 'Title', width: 30, value: (r) => r.title },
            { zh: '用途', en: 'Purpose', width: 22, value: (r) => REVIEW_PURPOSE_LABELS[r.purpose].zh },
            { zh: '申请人', en: 'Requester', value: (r) => r.requesterName },
            { zh: '部门', en: 'Department', value: (r) => r.departmentName },
            { zh: '文件及SM3杂凑值', en: 'Files (SM3)', width: 60, value: (r) => r.filesText },
            { zh: '命中数', en: 'Hits', value: (r) => r.hitsCount },
            {
              zh: '发现的最高密级标志',
              en: 'Highest marking',
              value: (r) => (r.highestLevel ? FOUND_LEVEL_LABELS[r.highestLevel] : ''),
            },
            { zh: '状态（审查结论）', en: 'State', value: (r) => REVIEW_STATE_LABELS[r.state].zh },
            { zh: '审查人', en: 'Reviewer', value: (r) => r.decidedByName },
            { zh: '申请日期', en: 'Filed', value: (r) => r.createdAt },
            { zh: '提交日期', en: 'Submitted', value: (r) => r.submittedAt },
            { zh: '审查日期', en: 'Decided', value: (r) => r.decidedAt },
            { zh: '来源', en: 'Source', value: (r) => r.source?.label ?? '' },
          ],
          rows: await withFiles(items),
        },
        { db, actor: actorFor(req), objectType: 'review', filter },
      );
    },
  );

  const withFiles = async <T extends { id: string }>(items: T[]) => {
    const files = await filesOf(
      db,
      items.map((i) => i.id),
    );
    return items.map((i) => ({
      ...i,
      filesText: files
        .filter((f) => f.reviewId === i.id)
        .map((f) => `${f.name}（SM3 ${f.sm3}）`)
        .join('；'),
    }));
  };

  app.post(
    '',
    {
      preValidation: guard(reviewPolicy, 'request'),
      schema: {
        tags,
        summary: '新建保密审查申请 File a review request',
        body: C.ReviewCreate,
        response: { 201: C.ReviewDetail },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(wire(await db.tx((sql) => createReview(sql, actorFor(req), reviewCallerOf(req), req.body)))),
  );

  app.get(
    '/:id',
    {
      preValidation: guard(reviewPolicy, 'read'),
      schema: {
        tags,
        summary: '保密审查申请详情（含命中内容） A review request with its report',
        params: IdParams,
        response: { 200: C.ReviewDetail },
      },
    },
    async (req) =>
      wire(await db.tx((sql) => reviewDetail(sql, actorFor(req), reviewCallerOf(req), req.params.id))),
  );

  app.post(
    '/:id/files',
    {
      onRequest: [guard(reviewPolicy, 'request'), sizeCheck],
      schema: {
        tags,
        summary:
          '上传审查文件（原始字节，扫描后保存） Upload a file: raw bytes, scanned, kept with its report',
        params: IdParams,
        querystring: C.UploadQuery,
        response: { 201: C.ReviewDetail },
      },
    },
    async (req, reply) => {
      const caller = reviewCallerOf(req);
      const r = await uploadFile(db, actorFor(req), caller, req.params.id, {
        name: req.query.fileName,
        bytes: bytesOf(req),
        replaces: req.query.replaces,
      });
      return reply.status(201).send(wire(r));
    },
  );

  app.delete(
    '/:id/files/:fileId',
    {
      preValidation: guard(reviewPolicy, 'request'),
      schema: {
        tags,
        summary: '移除审查文件 Remove a file from a draft',
        params: C.FileParams,
        response: { 200: C.ReviewDetail },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) =>
          removeFile(sql, actorFor(req), reviewCallerOf(req), req.params.id, req.params.fileId),
        ),
      ),
  );

  app.get(
    '/:id/files/:fileId',
    {
      preValidation: guard(reviewPolicy, 'read'),
      schema: {
        tags,
        summary: '下载审查文件 Download a file of a request',
        params: C.FileParams,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const f = await db.tx((sql) =>
        downloadFile(sql, actorFor(req), reviewCallerOf(req), req.params.id, req.params.fileId),
      );
      return sendBytes(reply, f.name, f.bytes);
    },
  );

  app.post(
    '/:id/submit',
    {
      preValidation: guard(reviewPolicy, 'request'),
      schema: {
        tags,
        summary: '提交审查 Submit for review',
        params: IdParams,
        body: C.VersionInput,
        response: { 200: C.ReviewDetail },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) => submitReview(sql, actorFor(req), reviewCallerOf(req), req.params.id, req.body)),
      ),
  );

  app.post(
    '/:id/withdraw',
    {
      preValidation: guard(reviewPolicy, 'request'),
      schema: {
        tags,
        summary: '撤回审查申请 Withdraw',
        params: IdParams,
        body: C.VersionInput,
        response: { 200: C.ReviewDetail },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) =>
          withdrawReview(sql, actorFor(req), reviewCallerOf(req), req.params.id, req.body),
        ),
      ),
  );

  app.post(
    '/:id/decide',
    {
      preValidation: guard(reviewPolicy, 'decide'),
      schema: {
        tags,
        summary: '审查结论（R-REV-02：有国家秘密标志的文件不得同意发布） Decide',
        params: IdParams,
        body: C.DecideInput,
        response: { 200: C.ReviewDetail },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) => decideReview(sql, actorFor(req), reviewCallerOf(req), req.params.id, req.body)),
      ),
  );

  app.get(
    '/:id/form',
    {
      preValidation: guard(reviewPolicy, 'read'),
      schema: {
        tags,
        summary: '打印保密审查表 The review form (PDF)',
        params: IdParams,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = reviewCallerOf(req);
      const spec = await reviewFormSpec(db, caller, req.params.id);
      return sendPdf(reply, `保密审查表-${spec.subtitle ?? ''}`, spec, {
        db,
        actor: actorFor(req),
        objectType: 'review',
        objectId: req.params.id,
        filter: {},
      });
    },
  );
};
