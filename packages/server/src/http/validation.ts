// Two validators: strict for bodies (wrong types are refused, never coerced), coercing for the
// query string and path (they arrive as text).
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

export function installValidators(app: FastifyInstance): void {
  const strict = new Ajv({ allErrors: true, coerceTypes: false, useDefaults: true, removeAdditional: false });
  const lenient = new Ajv({
    allErrors: true,
    coerceTypes: 'array',
    useDefaults: true,
    removeAdditional: false,
  });
  for (const ajv of [strict, lenient]) {
    addFormats.default(ajv);
    ajv.addKeyword({ keyword: 'example' });
  }
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : lenient).compile(schema),
  );
}

/** Refuses NUL characters anywhere in a JSON body: PostgreSQL text cannot hold them. */
export function hasNul(value: unknown): boolean {
  return nulField(value) !== null;
}

/** The dotted path of the first value holding a NUL character ('(body)' for the body itself), or null. */
export function nulField(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : null;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = nulField(v, path ? `${path}.${k}` : k);
      if (found !== null) return found;
    }
  }
  return null;
}
