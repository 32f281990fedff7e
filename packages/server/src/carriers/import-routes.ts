// HTTP for the ledger import (台账导入: template, preview, commit) and the QR label sheet (R-CAR-09).
// The upload is the raw .xlsx body, read here into memory up to IMPORT_LIMITS.maxBytes: a bigger one
// is a 413 naming the limit before a byte is read (Content-Length) or as soon as it is passed. Only
// the registry (secrecy officers) imports; labels are printed of the carriers the caller may read.
import * as I from '@baomi/api/carriers/import.ts';
import { FileBody } from '@baomi/api/common.ts';
import { IMPORT_LIMITS, invalid } from '@baomi/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendPdf } from '../exports/pdf.ts';
import { HttpError } from '../http/errors.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { commitImport, importTemplate, previewImport } from './import.ts';
import { labelSheet } from './labels.ts';
import { carrierPolicy } from './policy.ts';
import { carrierCallerOf } from './routes.ts';

const tags = ['carriers'];
const MB = IMPORT_LIMITS.maxBytes / 1024 / 1024;

/** The uploaded bytes, out of reach of the request walkers (a Buffer would be walked byte by byte). */
export class UploadedFile {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

const tooLarge = () =>
  new HttpError(413, {
    code: 'import_file_too_large',
    field: 'file',
    zh: `文件超过 ${MB} MB 的上限，请分成几个文件导入`,
    en: `The file is larger than the ${MB} MB limit; split it into several files`,
  });

/** 413 before the body is read when its declared length is over the limit. */
async function sizeCheck(req: FastifyRequest) {
  const len = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(len) && len > IMPORT_LIMITS.maxBytes) throw tooLarge();
}

function fileOf(req: FastifyRequest, fileName: string) {
  if (!(req.body instanceof UploadedFile) || req.body.bytes.length === 0) {
    throw invalid({
      code: 'import_file_missing',
      field: 'file',
      zh: '请选择要导入的 Excel 文件（.xlsx）',
      en: 'Choose the Excel file (.xlsx) to import',
    });
  }
  return { bytes: req.body.bytes, fileName };
}

async function sendXlsx(reply: FastifyReply, name: string, bytes: Buffer) {
  reply.header(
    'Content-Disposition',
    `attachment; filename="carrier-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  reply.type(I.XLSX_TYPE);
  return reply.send(bytes);
}

export const carrierImportRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;
  // Read here rather than by Fastify's buffer parser so that a body passing the limit without a
  // Content-Length (chunked) gets the same 413 naming the limit.
  app.addContentTypeParser(
    [I.XLSX_TYPE, 'application/octet-stream'],
    async (_req: FastifyRequest, payload: NodeJS.ReadableStream) => {
      const chunks: Buffer[] = [];
      let n = 0;
      for await (const chunk of payload) {
        const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        n += b.length;
        if (n > IMPORT_LIMITS.maxBytes) throw tooLarge();
        chunks.push(b);
      }
      return new UploadedFile(Buffer.concat(chunks));
    },
  );

  app.get(
    '/import/template',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '台账导入模板 The import template (.xlsx)',
        response: { 200: FileBody },
      },
    },
    async (_req, reply) => sendXlsx(reply, '涉密载体台账导入模板.xlsx', await importTemplate()),
  );

  app.post(
    '/import/preview',
    {
      onRequest: [guard(carrierPolicy, 'register'), sizeCheck],
      schema: {
        tags,
        summary:
          '台账导入预览（逐行校验，不写入） Preview a ledger import: every row checked, nothing written',
        querystring: I.ImportQuery,
        response: { 200: I.ImportPreview },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await previewImport(db, caller, fileOf(req, req.query.fileName)));
    },
  );

  app.post(
    '/import',
    {
      onRequest: [guard(carrierPolicy, 'register'), sizeCheck],
      schema: {
        tags,
        summary: '确认导入台账（全部行写入或一行不写） Import a ledger: every row or none',
        querystring: I.ImportQuery,
        response: { 201: I.ImportResult },
      },
    },
    async (req, reply) => {
      const caller = carrierCallerOf(req);
      const file = fileOf(req, req.query.fileName);
      const r = await db.tx((sql) => commitImport(sql, actorFor(req), caller, file, req.query));
      return reply.status(201).send(wire(r));
    },
  );

  app.get(
    '/labels',
    {
      preValidation: guard(carrierPolicy, 'read'),
      schema: {
        tags,
        summary: '打印二维码标签（按载体、批次、部门或台账筛选） QR label sheet of carriers',
        querystring: I.LabelQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = carrierCallerOf(req);
      const { spec, count, singleId } = await labelSheet(db, caller, req.query);
      const { ids, ...filter } = req.query;
      return sendPdf(reply, '涉密载体二维码标签', spec, {
        db,
        actor: actorFor(req),
        objectType: 'carrier',
        objectId: singleId,
        filter: { ...filter, selected: ids ? ids.split(',').length : undefined, labels: count },
      });
    },
  );
};
