// The API's description is valid OpenAPI for tools nobody here wrote, and every operation says what
// it answers (issue 6: every route has a response schema, written once in @baomi/api).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import openapiTS, { astToString } from 'openapi-typescript';
import { createTestApp, type TestApp } from '../testing/harness.ts';

type Operation = {
  tags?: string[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** Where in the document a schema carries `required: []` (OpenAPI 3.0 wants at least one name). */
function emptyRequired(node: unknown, at = '#'): string[] {
  if (!node || typeof node !== 'object') return [];
  const found: string[] = [];
  for (const [k, v] of Object.entries(node)) {
    if (k === 'required' && Array.isArray(v) && v.length === 0) found.push(at);
    found.push(...emptyRequired(v, `${at}/${k}`));
  }
  return found;
}

describe('OpenAPI description: valid, with a response schema for every operation', () => {
  let t: TestApp;
  let doc: Doc;

  before(async () => {
    t = await createTestApp();
    doc = (await t.client().get<Doc>('/api/openapi.json')).body;
  });
  after(() => t.close());

  test('every operation has a 2xx response: a schema, or 204 No Content', () => {
    let operations = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        operations += 1;
        const where = `${method.toUpperCase()} ${path}`;
        const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        assert.ok(success.length, `${where} declares a success response`);
        for (const [code, response] of success) {
          if (code === '204') continue;
          const schemas = Object.values(response.content ?? {}).map((c) => c.schema);
          assert.ok(schemas.length && schemas.every(Boolean), `${where} ${code} has a schema`);
        }
      }
    }
    assert.ok(operations > 70, `every module's operations are there (${operations})`);
  });

  test('no schema has an empty required list (PATCH bodies, audit/verify)', () => {
    assert.deepEqual(emptyRequired(doc.paths), []);
  });

  test('@apidevtools/swagger-parser validates the document', async () => {
    await SwaggerParser.validate(structuredClone(doc) as never);
  });

  test('openapi-typescript gives every operation a response body type (only 204s have none)', async () => {
    const types = astToString(await openapiTS(structuredClone(doc) as never));
    const noContent = Object.values(doc.paths)
      .flatMap((methods) => Object.values(methods))
      .filter((op) => op.responses?.['204']).length;
    assert.ok(types.includes('responses: {'));
    assert.equal(
      types.split('content?: never').length - 1,
      noContent,
      'a body type for every other response',
    );
  });
});
