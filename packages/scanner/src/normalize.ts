// Normalisation shared by the term automaton, the marking parser and the simple patterns. It works one
// UTF-16 code unit at a time and maps each kept unit to exactly one unit, so a normalised position
// always leads back to one original position (the offset map).
//
//   - full-width ASCII (U+FF01–U+FF5E) → ASCII; ASCII letters → lower case;
//   - traditional → simplified for the characters in tradsimp.ts;
//   - zero-width and invisible characters (U+200B–U+200D, U+2060, U+FEFF, U+00AD soft hyphen,
//     U+180E) are dropped;
//   - white space (ASCII space, tab, line breaks, NBSP, ideographic space U+3000, the U+2000–U+200A
//     spaces, U+202F, U+205F): dropped next to a CJK character, before or after (so `机 密` is `机密`,
//     `歼-20 战机` is `歼-20战机`), and at the start and the end; elsewhere a run of it becomes one ASCII
//     space (so `top  secret` is `top secret`).
import { TRADITIONAL_TO_SIMPLIFIED } from './tradsimp.ts';

/** Marks a code unit that normalisation drops. */
export const DROP = 0xffff;
/** Marks a white-space code unit (kept as one ASCII space, or dropped; see the file comment). */
export const SPACE = 0xfffe;

/** Code unit → normalised code unit, or DROP / SPACE. */
export const FOLD: Uint16Array = (() => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 0x20;
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const a = c - 0xfee0;
    t[c] = a >= 0x41 && a <= 0x5a ? a + 0x20 : a;
  }
  for (const [trad, simp] of TRADITIONAL_TO_SIMPLIFIED) t[trad] = simp;
  for (const c of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e]) t[c] = DROP;
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x3000, 0x202f, 0x205f, 0x2028, 0x2029])
    t[c] = SPACE;
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = SPACE;
  return t;
})();

/** Whether a (normalised) code unit is CJK-like: after it, white space is dropped. */
export const isCjkUnit = (c: number): boolean => c >= 0x2e80 && c < SPACE;

/** A normalised text and, for each of its code units, the index of the original code unit. */
export interface Normalized {
  text: string;
  map: Int32Array;
}

/** Normalises `text` (see the file comment). Never throws. */
export function normalize(text: string): Normalized {
  const n = text.length;
  const out = new Uint16Array(n);
  const map = new Int32Array(n);
  let len = 0;
  let prev = -1; // the last kept normalised unit, -1 at the start
  let pending = -1; // a white-space run waiting for the next character
  for (let i = 0; i < n; i++) {
    const f = FOLD[text.charCodeAt(i)]!;
    if (f === DROP) continue;
    if (f === SPACE) {
      if (prev === -1 || pending >= 0 || isCjkUnit(prev)) continue;
      pending = i;
      continue;
    }
    if (pending >= 0 && !isCjkUnit(f)) {
      out[len] = 0x20;
      map[len] = pending;
      len++;
    }
    pending = -1;
    out[len] = f;
    map[len] = i;
    len++;
    prev = f;
  }
  // Strings from chunks: String.fromCharCode over a large array would overflow the call stack.
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < len; i += CHUNK) s += String.fromCharCode(...out.subarray(i, Math.min(len, i + CHUNK)));
  return { text: s, map: map.slice(0, len) };
}

/** A term or pattern as the automaton sees it: normalised, without a trailing space. */
export function normalizeTerm(term: string): string {
  return normalize(term).text.replace(/ +$/u, '');
}

/** Original [start, end) of the normalised range [s, e) (e > s). */
export function originalRange(n: Normalized, s: number, e: number): { start: number; end: number } {
  return { start: n.map[s]!, end: n.map[e - 1]! + 1 };
}
