// One error shape for every endpoint: {error: {code, zh, en, field?, rule?, details?}}.
// Input problems are 400/403/404/409/423/429 with a bilingual message; never a stack trace.

import { NOT_BLANK } from '@baomi/api/common.ts';
import { DomainError, type ErrorKind, type RuleViolation } from '@baomi/domain';
import type { FastifyError, FastifyInstance } from 'fastify';
import { auditDenied, isAuditedRefusal } from '../audit/denied.ts';
import { isConnectionError, RETRY_AFTER_SECONDS } from '../db/unavailable.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: RuleViolation & { details?: RuleViolation[] },
  ) {
    super(body.en);
  }
}

interface AjvErrorLike {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

function fieldOf(e: AjvErrorLike): string {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'required') return [path, String(e.params.missingProperty)].filter(Boolean).join('.');
  if (e.keyword === 'additionalProperties')
    return [path, String(e.params.additionalProperty)].filter(Boolean).join('.');
  return path || '(body)';
}

/** Turns one JSON-schema failure into a message that names the field, in both languages. */
export function violationFromAjv(e: AjvErrorLike, part: string): RuleViolation {
  const f = fieldOf(e);
  const p = e.params;
  const where = part === 'body' ? '' : `${part} `;
  const v = (zh: string, en: string): RuleViolation => ({ code: `invalid_${e.keyword}`, field: f, zh, en });
  switch (e.keyword) {
    case 'required':
      return v(`缺少必填字段 ${f}`, `Missing required ${where}field ${f}`);
    case 'additionalProperties':
      return v(`不允许的字段 ${f}`, `Unknown ${where}field ${f}`);
    case 'type':
      return v(`字段 ${f} 类型错误，应为 ${p.type}`, `Field ${f} must be of type ${p.type}`);
    case 'maxLength':
      return v(
        `字段 ${f} 过长，最多 ${p.limit} 个字符`,
        `Field ${f} is too long: at most ${p.limit} characters`,
      );
    case 'minLength':
      return Number(p.limit) <= 1
        ? v(`字段 ${f} 不能为空`, `Field ${f} cannot be empty`)
        : v(`字段 ${f} 至少 ${p.limit} 个字符`, `Field ${f} needs at least ${p.limit} characters`);
    case 'enum':
      return v(
        `字段 ${f} 的值无效，可选：${(p.allowedValues as unknown[]).join('、')}`,
        `Field ${f} must be one of: ${(p.allowedValues as unknown[]).join(', ')}`,
      );
    case 'format':
      return p.format === 'uuid'
        ? v(`字段 ${f} 不是有效的编号`, `Field ${f} is not a valid id`)
        : v(`字段 ${f} 格式错误（${p.format}）`, `Field ${f} is not a valid ${p.format}`);
    case 'pattern':
      if (p.pattern === NOT_BLANK) return v(`字段 ${f} 不能为空`, `Field ${f} cannot be blank`);
      return v(`字段 ${f} 格式错误`, `Field ${f} has the wrong format`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return v(
        `字段 ${f} 超出范围（${e.keyword === 'minimum' ? '最小' : '最大'} ${p.limit}）`,
        `Field ${f} is out of range (${e.keyword} ${p.limit})`,
      );
    case 'maxItems':
      return v(`字段 ${f} 最多 ${p.limit} 项`, `Field ${f} has more than ${p.limit} items`);
    case 'uniqueItems':
      return v(`字段 ${f} 有重复项`, `Field ${f} has duplicate items`);
    default:
      return v(`字段 ${f} 无效`, `Field ${f} is invalid (${e.message ?? e.keyword})`);
  }
}

interface PgErrorLike {
  code?: string;
  constraint?: string;
  message?: string;
}

/**
 * The input field a unique index guards, so a duplicate names the field and not the index.
 * Each module declares its own (module manifest `constraintFields`).
 */
const CONSTRAINT_FIELDS: Record<string, string> = {};

export function installConstraintFields(fields: Readonly<Record<string, string>>): void {
  Object.assign(CONSTRAINT_FIELDS, fields);
}

function fromPg(e: PgErrorLike): HttpError | null {
  switch (e.code) {
    case '23505':
      return new HttpError(409, {
        code: 'duplicate',
        zh: '已存在同名或相同编号的记录',
        en: 'A record with the same name or number already exists',
        field: (e.constraint && CONSTRAINT_FIELDS[e.constraint]) ?? e.constraint,
      });
    case '23503':
      return new HttpError(409, {
        code: 'referenced',
        zh: '记录仍被引用或所引用的记录不存在',
        en: 'The record is still referenced, or refers to a record that does not exist',
        field: e.constraint,
      });
    case '23514':
    case '23502':
    case '22001':
      return new HttpError(400, {
        code: 'constraint',
        zh: '输入不符合数据约束',
        en: 'The input violates a data constraint',
        field: e.constraint,
      });
    case '22P02':
    case '22007':
    case '22008':
      return new HttpError(400, {
        code: 'bad_value',
        zh: '输入值格式错误',
        en: 'An input value is malformed',
      });
    case '42501':
      return new HttpError(403, {
        code: 'refused_by_database',
        zh: '数据库拒绝了该操作',
        en: 'The database refused the operation',
      });
    default:
      return null;
  }
}

/**
 * The answer to a request the database could not serve now (a failover, a restart): 503 with
 * Retry-After, never a 500. Its transaction was rolled back, or retried once when that was safe
 * (db/db.ts); the client may send it again.
 */
export const UNAVAILABLE = {
  code: 'unavailable',
  zh: '数据库暂不可用，请稍后重试',
  en: 'The database is temporarily unavailable; please try again',
} as const;

export function toHttpError(err: unknown): HttpError | null {
  if (err instanceof HttpError) return err;
  if (isConnectionError(err)) return new HttpError(503, { ...UNAVAILABLE });
  if (err instanceof DomainError) {
    return new HttpError(STATUS[err.kind], {
      code: err.code,
      zh: err.zh,
      en: err.en,
      field: err.field,
      rule: err.rule,
      details: err.details,
    });
  }
  const fe = err as FastifyError & { validation?: AjvErrorLike[]; validationContext?: string };
  if (fe.validation) {
    const details = fe.validation.map((v) => violationFromAjv(v, fe.validationContext ?? 'body'));
    const first = details[0]!;
    return new HttpError(400, { ...first, details });
  }
  const pgErr = fromPg(err as PgErrorLike);
  if (pgErr) return pgErr;
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const tooLarge = fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    const badJson = fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe instanceof SyntaxError;
    return new HttpError(fe.statusCode, {
      code: fe.code ?? 'bad_request',
      zh: tooLarge ? '请求体过大' : badJson ? '请求体不是有效的 JSON' : '请求无效',
      en: tooLarge ? 'Request body too large' : badJson ? 'Request body is not valid JSON' : fe.message,
    });
  }
  return null;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (err, req, reply) => {
    const h = toHttpError(err);
    if (h) {
      if (h.status === 503) {
        reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
        req.log.warn({ err }, 'database unavailable');
        return reply.status(503).send({ error: h.body });
      }
      // R-SYS-03: who tried what — every 401/403 and every 404 that hides a record is audited.
      if (isAuditedRefusal(req, h, err instanceof DomainError && err.hidesRecord)) {
        await auditDenied(app.deps.db, req, h);
      }
      return reply.status(h.status).send({ error: h.body });
    }
    req.log.error({ err }, 'unexpected error');
    return reply.status(500).send({
      error: { code: 'internal', zh: '服务器内部错误，已记录', en: 'Internal server error (logged)' },
    });
  });
}
