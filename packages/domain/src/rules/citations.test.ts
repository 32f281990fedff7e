// Every rule id the product names has a legal citation to show instead of the bare id.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CITATIONS, citationOf } from './citations.ts';

const root = new URL('../../../', import.meta.url).pathname;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

describe('rule citations (what the UI shows as a basis)', () => {
  test('every rule id named in the production code of domain, server and web has a citation', () => {
    const ids = new Set<string>();
    for (const pkg of ['domain/src', 'server/src', 'web/src']) {
      for (const f of sources(join(root, pkg))) {
        for (const m of readFileSync(f, 'utf8').matchAll(/\bR-[A-Z]{3,4}-\d{2}[a-z]?\b/g)) ids.add(m[0]);
      }
    }
    const missing = [...ids].filter((id) => !citationOf(id)).sort();
    assert.deepEqual(missing, [], `rule ids without a citation: ${missing.join(', ')}`);
  });

  test('each citation names a law, regulation, standard or rulebook in Chinese (《…》 or GB/T) and in English', () => {
    for (const [id, c] of Object.entries(CITATIONS)) {
      assert.match(c.zh, /《[^》]+》|GB\/T/, id);
      assert.ok(c.en.length > 5 && !/[\u4e00-\u9fff]/.test(c.en), `${id}: English only`);
    }
  });

  test('R-LVL-02 cites the law’s article on maximum periods and the designation provisions', () => {
    assert.equal(
      citationOf('R-LVL-02')?.zh,
      '《中华人民共和国保守国家秘密法》第二十条；《国家秘密定密管理暂行规定》第二十四条；《中华人民共和国保守国家秘密法实施条例》第十九条',
    );
    assert.equal(citationOf('R-XYZ-01'), null);
  });
});
