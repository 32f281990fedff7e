// The term matcher: every occurrence of every pattern (the level words and the exact terms) in a text,
// over normalised UTF-16 code units, built once per term list and reused for every fragment (D160).
//
// Aho–Corasick was the first design; on 10,000 Chinese terms its per-character state transitions
// (a child search, a failure link, the root again: several dependent reads in tables of 32,000 states)
// kept it at ripgrep's speed. This matcher filters instead, and verifies rarely:
//
//   - Normalisation (normalize.ts) is fused into the scan loop: the text is never copied. One table read
//     per character gives what normalisation makes of it (dropped, white space, or a kept unit with its
//     alphabet class, 0 = "in no pattern"). A ring buffer keeps the last normalised units' original
//     positions, so every hit leads back to its original [start, end).
//   - A pattern of two or more units can end here only if the pair (class of the unit before, class of
//     this one) is the last pair of some pattern: a hashed bit set of those pairs answers with one read.
//     With 10,000 terms about 1 position in 100 passes.
//   - A position that passes is verified by walking a trie of the reversed patterns backwards over the
//     ring, reporting each pattern that ends here (the longest first). Patterns of one unit are reported
//     from a table by class.
import { DROP, FOLD, isCjkUnit, SPACE } from './normalize.ts';

/** A hit of pattern `pattern` (its index in the build list) at original [start, end). */
export type OnMatch = (pattern: number, start: number, end: number) => void;

/** Bits in the pair filter per distinct pattern-final pair (false positives about 1 in 32). */
const BITS_PER_PAIR = 32;
const MIN_FILTER_BITS = 1 << 12;
const MAX_FILTER_BITS = 1 << 23;
const DROP_UNIT = -1;
const SPACE_UNIT = -2;
const CJK_BIT = 1 << 16;
/** Some pattern is this one unit alone (looked up in `single` only then). */
const SINGLE_BIT = 1 << 17;
const CLASS_MASK = 0xffff;
/** Code units per block of the scan loop. */
const BLOCK = 1 << 15;
// The scan state between blocks.
const POS = 0;
const BEFORE = 1;
const SPACE_KEPT = 2;
const PENDING = 3;
const STATE_SIZE = 4;

export class TermMatcher {
  readonly patternCount: number;
  /** Nodes of the reversed trie (its root included). */
  readonly nodeCount: number;
  /**
   * Original code unit → what normalisation makes of it, with its class: DROP_UNIT, SPACE_UNIT, or the
   * class of the folded unit (0 = in no pattern) with CJK_BIT when the folded unit is CJK-like. One read
   * per character instead of the fold table and the class table.
   */
  private readonly units: Int32Array;
  /** The class of a kept space (0x20). */
  private readonly spaceClass: number;
  /** Class → first pattern of exactly that one unit, or -1. */
  private readonly single: Int32Array;
  /** The reversed trie's root children, dense by class (0 = none). */
  private readonly root: Int32Array;
  /** Every other node's children as one segment of two flat arrays (class, node), sorted by class. */
  private readonly childStart: Int32Array;
  private readonly childCls: Int32Array;
  private readonly childTo: Int32Array;
  /** Node → the pattern whose reversal ends at it, or -1; outNext chains patterns with the same text. */
  private readonly out: Int32Array;
  private readonly outNext: Int32Array;
  /** The pair filter: bit h(class before, class) set when some pattern ends with that pair. */
  private readonly filter: Int32Array;
  private readonly filterShift: number;
  private readonly ringMask: number;
  private readonly blockSize: number;

  /**
   * `patterns` are already normalised (normalizeTerm); empty ones never match. `blockSize` (code units per block of the scan loop) is for the tests, which set it small so that
   * every position is next to a block boundary.
   */
  constructor(patterns: readonly string[], options: { blockSize?: number } = {}) {
    this.blockSize = Math.max(1, Math.floor(options.blockSize ?? BLOCK));
    this.patternCount = patterns.length;
    const cls = new Uint16Array(0x10000);
    let k = 0;
    for (const p of patterns)
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (cls[c] === 0) {
          k++;
          if (k > 0xfffe) throw new Error('alphabet too large');
          cls[c] = k;
        }
      }
    const units = new Int32Array(0x10000);
    for (let u = 0; u < 0x10000; u++) {
      const f = FOLD[u]!;
      units[u] = f === DROP ? DROP_UNIT : f === SPACE ? SPACE_UNIT : cls[f]! | (isCjkUnit(f) ? CJK_BIT : 0);
    }
    this.units = units;
    this.spaceClass = cls[0x20]!;
    const K = k + 1;
    // The reversed trie, with a Map for the build only; the pairs that end a pattern.
    const edges = new Map<number, number>();
    const out: number[] = [-1];
    const extra = new Map<number, number>(); // pattern → next pattern with the same text
    const single = new Int32Array(K).fill(-1);
    const pairs = new Set<number>();
    let maxLength = 1;
    patterns.forEach((p, idx) => {
      if (p.length === 0) return;
      let s = 0;
      for (let i = p.length - 1; i >= 0; i--) {
        const key = s * K + cls[p.charCodeAt(i)]!;
        let t = edges.get(key);
        if (t === undefined) {
          t = out.length;
          out.push(-1);
          edges.set(key, t);
        }
        s = t;
      }
      if (out[s] === -1) out[s] = idx;
      else {
        // Same normalised text twice: chain the duplicates.
        let last = out[s]!;
        while (extra.has(last)) last = extra.get(last)!;
        extra.set(last, idx);
      }
      if (p.length === 1) {
        const c = cls[p.charCodeAt(0)]!;
        if (single[c] === -1) single[c] = idx;
      } else pairs.add((cls[p.charCodeAt(p.length - 2)]! << 16) | cls[p.charCodeAt(p.length - 1)]!);
      if (p.length > maxLength) maxLength = p.length;
    });
    const S = out.length;
    this.nodeCount = S;
    this.single = single;
    for (let u = 0; u < 0x10000; u++) {
      const v = units[u]!;
      if (v > 0 && single[v & CLASS_MASK]! >= 0) units[u] = v | SINGLE_BIT;
    }
    const outNext = new Int32Array(patterns.length).fill(-1);
    for (const [from, to] of extra) outNext[from] = to;
    this.outNext = outNext;
    this.out = Int32Array.from(out);

    const root = new Int32Array(K);
    const children: number[][] = Array.from({ length: S }, () => []);
    for (const [key, t] of edges) {
      const s = Math.floor(key / K);
      const c = key - s * K;
      children[s]!.push(c, t);
      if (s === 0) root[c] = t;
    }
    const childStart = new Int32Array(S + 1);
    const childCls = new Int32Array(edges.size);
    const childTo = new Int32Array(edges.size);
    let e = 0;
    for (let s = 0; s < S; s++) {
      childStart[s] = e;
      const kids = children[s]!;
      const order: number[] = [];
      for (let i = 0; i < kids.length; i += 2) order.push(i);
      order.sort((x, y) => kids[x]! - kids[y]!);
      for (const i of order) {
        childCls[e] = kids[i]!;
        childTo[e] = kids[i + 1]!;
        e++;
      }
    }
    childStart[S] = e;
    this.root = root;
    this.childStart = childStart;
    this.childCls = childCls;
    this.childTo = childTo;

    let bits = MIN_FILTER_BITS;
    while (bits < pairs.size * BITS_PER_PAIR && bits < MAX_FILTER_BITS) bits *= 2;
    const shift = Math.clz32(bits) + 1; // 32 − log2(bits), an integer
    const filter = new Int32Array(bits >>> 5);
    for (const pair of pairs) {
      const h = Math.imul(pair, 0x9e3779b1) >>> shift;
      filter[h >>> 5]! |= 1 << (h & 31);
    }
    this.filter = filter;
    this.filterShift = shift;
    let ring = 2;
    while (ring < maxLength + 1) ring *= 2;
    this.ringMask = ring - 1;
  }

  /** Scans `text` (original, not normalised) and reports every occurrence of every pattern. */
  scan(text: string, onMatch: OnMatch): void {
    // The loop collects and the caller's function is called after it: a call inside the loop would tie
    // the loop's optimised code to one caller's function.
    const hits = this.find(text);
    const outNext = this.outNext;
    for (let j = 0; j < hits.length; j += 3)
      for (let p = hits[j]!; p >= 0; p = outNext[p]!) onMatch(p, hits[j + 1]!, hits[j + 2]!);
  }

  /** (first pattern, start, end) of every match, in order of end and, for one end, the longest first. */
  private find(text: string): number[] {
    const hits: number[] = [];
    const ringAt = new Int32Array(this.ringMask + 1);
    const state = new Int32Array(STATE_SIZE);
    state[PENDING] = -1;
    // In blocks: a loop optimised while it runs (on-stack replacement) stays slower for the rest of that
    // call, about 30 % on a long text; blocks let every block after the first few run the function's
    // fully optimised code. The block's state carries over in `state` and `ringAt`.
    const size = this.blockSize;
    for (let from = 0; from < text.length; from += size)
      this.block(text, from, Math.min(text.length, from + size), state, ringAt, hits);
    return hits;
  }

  /** One block of find: text[from, to), the state before it in `state`, left after it there. */
  private block(
    text: string,
    from: number,
    to: number,
    state: Int32Array,
    ringAt: Int32Array,
    hits: number[],
  ): void {
    const units = this.units;
    const spaceClass = this.spaceClass;
    const single = this.single;
    const filter = this.filter;
    const shift = this.filterShift;
    const ringMask = this.ringMask;
    let pos = state[POS]!; // normalised units so far
    let before = state[BEFORE]!; // the class of the normalised unit before, 0 when none or in no pattern
    let spaceKept = state[SPACE_KEPT] === 1; // white space here would be kept: after a unit that is not CJK-like
    let pending = state[PENDING]!; // a white-space run waiting for the next character: kept only between non-CJK ones
    for (let i = from; i < to; i++) {
      const v = units[text.charCodeAt(i)]!;
      if (v < 0) {
        if (v === SPACE_UNIT && spaceKept && pending < 0) pending = i;
        continue;
      }
      if (pending >= 0) {
        // A kept white-space run (between two non-CJK units) is one space, at the run's start.
        if ((v & CJK_BIT) === 0) {
          ringAt[pos & ringMask] = pending;
          pos++;
          const c = spaceClass;
          if (c !== 0) {
            if (before !== 0) {
              const h = Math.imul((before << 16) | c, 0x9e3779b1) >>> shift;
              if ((filter[h >>> 5]! & (1 << (h & 31))) !== 0)
                this.verify(text, ringAt, pos, c, pending + 1, hits);
            }
            const s = single[c]!;
            if (s >= 0) hits.push(s, pending, pending + 1);
          }
          before = c;
        }
        pending = -1;
      }
      spaceKept = (v & CJK_BIT) === 0;
      const c = v & CLASS_MASK;
      ringAt[pos & ringMask] = i;
      pos++;
      if (c === 0) {
        before = 0;
        continue;
      }
      if (before !== 0) {
        const h = Math.imul((before << 16) | c, 0x9e3779b1) >>> shift;
        if ((filter[h >>> 5]! & (1 << (h & 31))) !== 0) this.verify(text, ringAt, pos, c, i + 1, hits);
      }
      if ((v & SINGLE_BIT) !== 0) hits.push(single[c]!, i, i + 1);
      before = c;
    }
    state[POS] = pos;
    state[BEFORE] = before;
    state[SPACE_KEPT] = spaceKept ? 1 : 0;
    state[PENDING] = pending;
  }

  /**
   * Every pattern of two or more units ending at the unit just written (class `c`), longest first. The
   * ring holds original positions; a unit's class is read again from the text (a kept space's position
   * is its white-space run's start).
   */
  private verify(
    text: string,
    ringAt: Int32Array,
    pos: number,
    c: number,
    end: number,
    hits: number[],
  ): void {
    const mask = this.ringMask;
    const out = this.out;
    const units = this.units;
    let node = this.root[c]!;
    // Matches are found shortest first; they are reported longest first, as a text reads.
    let found: number[] | undefined;
    for (let back = 2; node !== 0 && back <= pos && back <= mask; back++) {
      const at = ringAt[(pos - back) & mask]!;
      const v = units[text.charCodeAt(at)]!;
      const cc = v < 0 ? this.spaceClass : v & CLASS_MASK;
      if (cc === 0) break;
      node = child(this.childStart, this.childCls, this.childTo, node, cc);
      if (node < 0) break;
      if (out[node]! >= 0) {
        found ??= [];
        found.push(node, at);
      }
    }
    if (!found) return;
    for (let j = found.length - 2; j >= 0; j -= 2) hits.push(out[found[j]!]!, found[j + 1]!, end);
  }
}

/** The child of node `s` by class `c` (linear when short, else binary search of its segment), or -1. */
function child(start: Int32Array, cls: Int32Array, to: Int32Array, s: number, c: number): number {
  let lo = start[s]!;
  let hi = start[s + 1]! - 1;
  if (hi - lo < 8) {
    for (let j = lo; j <= hi; j++) {
      const k = cls[j]!;
      if (k === c) return to[j]!;
      if (k > c) return -1;
    }
    return -1;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = cls[mid]!;
    if (k === c) return to[mid]!;
    if (k < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
