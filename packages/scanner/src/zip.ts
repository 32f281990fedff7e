// Reading zip containers (docx/xlsx/pptx/OFD and plain .zip) without trusting them: the central
// directory is read here (names in UTF-8 or, without the UTF-8 flag, GB18030 as Chinese Windows
// writes them; encryption and zip64 seen), and each entry is inflated with fflate's streaming inflater
// in small input steps, stopping as soon as its output passes the limit — a zip bomb is reported,
// never expanded.
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
  directory: boolean;
}

export class ZipError extends Error {}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb = new TextDecoder('gb18030');
function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    return gb.decode(bytes);
  }
}

/** Whether `bytes` start like a zip (local header, or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** The entries of a zip's central directory. Throws ZipError when there is none. */
export function listZip(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  // End of central directory: 22 bytes + a comment of up to 65,535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory (truncated or not a zip)');
  const count = u16(bytes, eocd + 10);
  let off = u32(bytes, eocd + 16);
  if (count === 0xffff || off === 0xffffffff) throw new ZipError('zip64 archive directory not supported');
  if (count > maxEntries) throw new ZipError(`too many entries (${count} > ${maxEntries})`);
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (off + 46 > bytes.length || u32(bytes, off) !== 0x02014b50)
      throw new ZipError('corrupt central directory');
    const flags = u16(bytes, off + 8);
    const method = u16(bytes, off + 10);
    let compressedSize = u32(bytes, off + 20);
    let size = u32(bytes, off + 24);
    const nameLen = u16(bytes, off + 28);
    const extraLen = u16(bytes, off + 30);
    const commentLen = u16(bytes, off + 32);
    let localOffset = u32(bytes, off + 42);
    const name = decodeName(bytes.subarray(off + 46, off + 46 + nameLen), (flags & 0x800) !== 0);
    // zip64 sizes in the extra field (id 1), in this order, for those that are 0xFFFFFFFF.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let e = off + 46 + nameLen;
      const eEnd = e + extraLen;
      while (e + 4 <= eEnd) {
        const id = u16(bytes, e);
        const len = u16(bytes, e + 2);
        if (id === 1) {
          let p = e + 4;
          const big = () => {
            const v = u32(bytes, p) + u32(bytes, p + 4) * 0x100000000;
            p += 8;
            return v;
          };
          if (size === 0xffffffff) size = big();
          if (compressedSize === 0xffffffff) compressedSize = big();
          if (localOffset === 0xffffffff) localOffset = big();
        }
        e += 4 + len;
      }
    }
    out.push({
      name,
      method,
      encrypted: (flags & 1) !== 0,
      compressedSize,
      size,
      localOffset,
      directory: name.endsWith('/'),
    });
    off += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The entry's bytes, or 'too_large' when it inflates past `limit` bytes (stopped there). */
export function readEntry(bytes: Uint8Array, e: ZipEntry, limit: number): Uint8Array | 'too_large' {
  const lo = e.localOffset;
  if (lo + 30 > bytes.length || u32(bytes, lo) !== 0x04034b50) throw new ZipError(`corrupt entry ${e.name}`);
  const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw new ZipError(`truncated entry ${e.name}`);
  const data = bytes.subarray(start, end);
  if (e.method === 0) return data.length > limit ? 'too_large' : data;
  if (e.method !== 8) throw new ZipError(`compression method ${e.method} not supported (${e.name})`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let failed: unknown = null;
  const inf = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) over = true;
    else chunks.push(chunk);
  });
  const STEP = 16 * 1024;
  try {
    for (let p = 0; p < data.length && !over; p += STEP) {
      const q = Math.min(data.length, p + STEP);
      inf.push(data.subarray(p, q), q === data.length);
    }
  } catch (err) {
    failed = err;
  }
  if (over) return 'too_large';
  if (failed) throw new ZipError(`corrupt deflate data in ${e.name}`);
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
