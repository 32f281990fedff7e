// Two validators: strict for bodies (wrong types are refused, never coerced), coercing for the
// query string and path (they arrive as text). Validators and response serialisers are compiled on a
// route's first use, not at start (issue 8: compiling ~200 schemas took ≈ 0.4 s of every start and
// kept code for routes a node may never serve); `compileAllSchemas` compiles them all at once for the
// test that proves every schema compiles.

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fastJsonStringify from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';

const pending = new WeakMap<FastifyInstance, (() => void)[]>();

/** Compiles, now, every validator and serialiser not yet compiled (a test: every schema compiles). */
export function compileAllSchemas(app: FastifyInstance): number {
  const list = pending.get(app) ?? [];
  for (const compile of list) compile();
  return list.length;
}

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
  const thunks: (() => void)[] = [];
  pending.set(app, thunks);
  app.setValidatorCompiler(({ schema, httpPart }) => {
    let fn: ValidateFunction | null = null;
    const compile = () => {
      fn ??= (httpPart === 'body' ? strict : lenient).compile(schema);
      return fn;
    };
    thunks.push(compile);
    // Fastify reads `errors` from the function it was given after a failed call.
    const validate = (data: unknown): boolean => {
      const f = compile();
      const ok = f(data) as boolean;
      validate.errors = f.errors;
      return ok;
    };
    validate.errors = null as ValidateFunction['errors'];
    return validate;
  });
  app.setSerializerCompiler(({ schema }) => {
    let fn: ((data: unknown) => string) | null = null;
    const compile = () => {
      fn ??= fastJsonStringify(schema as Parameters<typeof fastJsonStringify>[0]);
      return fn;
    };
    thunks.push(compile);
    return (data: unknown) => compile()(data);
  });
}
