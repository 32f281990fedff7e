// A zip package opened under the limits: every entry read through here counts against the file's
// total budget; a bomb, a too-large or an encrypted entry is recorded as unread, never expanded.
import { listZip, readEntry, type ZipEntry, ZipError } from '../zip.ts';
import type { Ctx } from './types.ts';

export interface Package {
  file: string;
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
  /** The entry's bytes, or null (then recorded in ctx.unread). */
  bytes(name: string): Uint8Array | null;
  /** The entry as UTF-8 (or UTF-16 by BOM) text, or null. */
  text(name: string): string | null;
}

const MB = 1024 * 1024;

export function openPackage(ctx: Ctx, file: string, data: Uint8Array): Package | null {
  let entries: ZipEntry[];
  try {
    entries = listZip(data, ctx.limits.maxEntries);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const tooMany = msg.startsWith('too many entries');
    ctx.unread.push({
      where: { file },
      code: tooMany ? 'too_many_entries' : 'corrupt',
      reason: tooMany ? `压缩包条目过多 ${msg}` : `无法读取压缩包 zip not readable: ${msg}`,
    });
    return null;
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const bytes = (name: string): Uint8Array | null => {
    const e = byName.get(name);
    if (!e || e.directory) return null;
    const where = { file, part: name };
    if (e.encrypted) {
      ctx.unread.push({ where, code: 'encrypted', reason: '条目已加密 encrypted zip entry' });
      return null;
    }
    const { maxEntryBytes, maxRatio } = ctx.limits;
    if (e.size > maxEntryBytes) {
      ctx.unread.push({
        where,
        code: 'too_large',
        reason: `条目过大 entry too large: ${e.size} bytes declared (limit ${maxEntryBytes})`,
      });
      return null;
    }
    if (e.size > MB && e.size / Math.max(1, e.compressedSize) > maxRatio) {
      ctx.unread.push({
        where,
        code: 'zip_bomb',
        reason: `疑似压缩炸弹 zip bomb suspected: ${e.compressedSize} → ${e.size} bytes (ratio above ${maxRatio})`,
      });
      return null;
    }
    if (e.size > ctx.budget) {
      ctx.unread.push({
        where,
        code: 'too_large',
        reason: '超过单个文件的解压总量上限 the file’s total uncompressed size limit is reached',
      });
      return null;
    }
    let out: Uint8Array | 'too_large';
    try {
      // The declared size may lie: the real output is capped at the smaller of the limits.
      out = readEntry(data, e, Math.min(maxEntryBytes, ctx.budget));
    } catch (err) {
      ctx.unread.push({
        where,
        code: 'corrupt',
        reason: `条目损坏 corrupt entry: ${err instanceof ZipError ? err.message : String(err)}`,
      });
      return null;
    }
    if (out === 'too_large') {
      ctx.unread.push({
        where,
        code: 'zip_bomb',
        reason: '解压后超过上限，已停止 inflates past the limit (declared size was false): stopped',
      });
      return null;
    }
    ctx.budget -= out.length;
    return out;
  };
  return {
    file,
    entries,
    byName,
    bytes,
    text: (name) => {
      const b = bytes(name);
      return b ? decodeXmlBytes(b) : null;
    },
  };
}

/** XML parts are UTF-8, or UTF-16 with a BOM. */
export function decodeXmlBytes(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  return new TextDecoder('utf-8').decode(b);
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = fromPart.includes('/') ? fromPart.slice(0, fromPart.lastIndexOf('/') + 1) : '';
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The relationships of `part` (`word/document.xml` → `word/_rels/document.xml.rels`): Id → {target, type}. */
export function relsOf(pkg: Package, part: string): Map<string, { target: string; type: string }> {
  const slash = part.lastIndexOf('/');
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, { target: string; type: string }>();
  if (!pkg.byName.has(relsName)) return out;
  const xml = pkg.text(relsName);
  if (!xml) return out;
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/gu)) {
    const attrs = m[1]!;
    const id = /\bId="([^"]*)"/u.exec(attrs)?.[1];
    const target = /\bTarget="([^"]*)"/u.exec(attrs)?.[1];
    const type = /\bType="([^"]*)"/u.exec(attrs)?.[1] ?? '';
    const external = /\bTargetMode="External"/u.test(attrs);
    if (id && target && !external) out.set(id, { target: resolvePart(part, safeDecodeUri(target)), type });
  }
  return out;
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}
