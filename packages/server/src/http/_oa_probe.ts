import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestApp } from '../testing/harness.ts';
const t = await createTestApp();
const r = await t.client().get<Record<string, unknown>>('/api/openapi.json');
const doc = r.body as { paths: Record<string, Record<string, unknown>> };

try { await SwaggerParser.validate(structuredClone(doc) as never); console.log('VALID'); } catch (e) { console.log('INVALID', String(e).split("\n").filter((l) => !l.includes("designation") && !l.includes("approvals")).join("\n").slice(0, 4000)); }
await t.close();
