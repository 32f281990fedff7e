// Request bodies are checked before any recursive work: the JSON text's nesting depth is measured by
// a flat scan (no recursion, no parse) and a body nested deeper than MAX_JSON_DEPTH is refused with a
// 400, so that an anonymous 10,000-level body cannot exhaust the stack or the CPU of every request.
// The size is limited by Fastify's bodyLimit (413) before this runs. Then the strings of the parsed
// body, query and path are walked once, without recursion, for what PostgreSQL or a reader must
// never get: NUL characters and lone UTF-16 surrogates (refused, never silently replaced).
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';

/** Deeper than any form Baomi has (a designation item's scope is 4 levels). */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of `[`/`{` in a JSON text, stopping as soon as `limit` is passed. */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

export function installJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(
        new HttpError(400, {
          code: 'json_too_deep',
          zh: `请求体嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）`,
          en: `The request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`,
        }),
        undefined,
      );
      return;
    }
    parse(req, text, done);
  });
}

/** A lone (unpaired) UTF-16 surrogate: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;

export type BadText = { field: string; problem: 'nul' | 'surrogate' };

/**
 * The first string (or object key) holding a NUL or a lone surrogate, with its dotted path ('(body)'
 * for the value itself), or null. Iterative: the depth is bounded by MAX_JSON_DEPTH anyway.
 */
export function badText(value: unknown): BadText | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { field: path || '(body)', problem: 'nul' };
      if (LONE_SURROGATE.test(v)) return { field: path || '(body)', problem: 'surrogate' };
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        const p = path ? `${path}.${k}` : k;
        if (k.includes('\u0000')) return { field: p, problem: 'nul' };
        if (LONE_SURROGATE.test(k)) return { field: p, problem: 'surrogate' };
        stack.push([child, p]);
      }
    }
  }
  return null;
}

export function badTextError(bad: BadText): HttpError {
  return bad.problem === 'nul'
    ? new HttpError(400, {
        code: 'nul_character',
        field: bad.field,
        zh: '输入中含有不允许的空字符（\\u0000）',
        en: 'The input contains a NUL character (\\u0000), which is not allowed',
      })
    : new HttpError(400, {
        code: 'lone_surrogate',
        field: bad.field,
        zh: `字段 ${bad.field} 含有无效的字符编码（孤立的代理项），请重新输入`,
        en: `Field ${bad.field} holds an invalid character (a lone UTF-16 surrogate); please retype it`,
      });
}
