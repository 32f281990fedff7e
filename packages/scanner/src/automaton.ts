// An Aho–Corasick automaton over normalised UTF-16 code units, built once per term list and reused for
// every fragment. Normalisation (normalize.ts) is fused into the scan loop: the text is never copied,
// and a ring buffer of original positions gives each hit its original [start, end).
//
// Layout, for speed in plain JS: a code unit → alphabet class table (Uint16Array, 0 = "in no
// pattern": the state falls back to the root at once); the root's transitions dense (Int32Array by
// class); every other state's children as one sorted segment of two flat Int32Arrays (class, target),
// searched linearly when short (the usual case past the root) and by halves when long; failure and
// dictionary-suffix links as Int32Arrays.
import { DROP, FOLD, isCjkUnit, SPACE } from './normalize.ts';

/** A hit of pattern `pattern` (its index in the build list) at original [start, end). */
export type OnMatch = (pattern: number, start: number, end: number) => void;

export class Automaton {
  readonly patternCount: number;
  readonly stateCount: number;
  private readonly cls: Uint16Array;
  private readonly root: Int32Array;
  private readonly childStart: Int32Array; // state → first index in childCls/childTo (S + 1 entries)
  private readonly childCls: Int32Array;
  private readonly childTo: Int32Array;
  private readonly fail: Int32Array;
  private readonly depth: Int32Array;
  private readonly out: Int32Array; // the pattern ending at this state, or -1
  private readonly outNext: Int32Array; // further patterns ending at this state (duplicates), chained
  private readonly dict: Int32Array; // the nearest state on the failure chain with an output, or 0
  private readonly ringMask: number;

  /** `patterns` are already normalised (normalizeTerm); empty ones never match. */
  constructor(patterns: readonly string[]) {
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
    this.cls = cls;
    const K = k + 1;
    // Trie, with a Map for the build only.
    const edges = new Map<number, number>();
    const depth: number[] = [0];
    const out: number[] = [-1];
    const outNext: number[] = [];
    const extra = new Map<number, number>(); // pattern → next pattern with the same state
    let maxDepth = 1;
    patterns.forEach((p, idx) => {
      if (p.length === 0) return;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const key = s * K + cls[p.charCodeAt(i)]!;
        let t = edges.get(key);
        if (t === undefined) {
          t = depth.length;
          depth.push(i + 1);
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
      if (p.length > maxDepth) maxDepth = p.length;
    });
    const S = depth.length;
    this.stateCount = S;
    for (let i = 0; i < patterns.length; i++) outNext.push(extra.get(i) ?? -1);

    // Root dense; every state's children sorted by class in one segment.
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

    // Failure and dictionary links, breadth first.
    const fail = new Int32Array(S);
    const dict = new Int32Array(S);
    const outArr = Int32Array.from(out);
    const queue = new Int32Array(S);
    let qh = 0;
    let qt = 0;
    const rootKids = children[0]!;
    for (let i = 0; i < rootKids.length; i += 2) queue[qt++] = rootKids[i + 1]!;
    while (qh < qt) {
      const s = queue[qh++]!;
      const kids = children[s]!;
      for (let i = 0; i < kids.length; i += 2) {
        const c = kids[i]!;
        const t = kids[i + 1]!;
        queue[qt++] = t;
        let f = fail[s]!;
        let g = this.step(f, c);
        while (g < 0) {
          f = fail[f]!;
          g = this.step(f, c);
        }
        fail[t] = g;
        dict[t] = outArr[g]! >= 0 ? g : dict[g]!;
      }
    }
    this.fail = fail;
    this.dict = dict;
    this.depth = Int32Array.from(depth);
    this.out = outArr;
    this.outNext = Int32Array.from(outNext);
    let ring = 2;
    while (ring < maxDepth + 1) ring *= 2;
    this.ringMask = ring - 1;
  }

  /** The goto function: the next state, 0 from the root when there is no edge, -1 elsewhere. */
  private step(s: number, c: number): number {
    if (s === 0) return this.root[c]!;
    return child(this.childStart, this.childCls, this.childTo, s, c);
  }

  /** Scans `text` (original, not normalised) and reports every occurrence of every pattern. */
  scan(text: string, onMatch: OnMatch): void {
    const fold = FOLD;
    const cls = this.cls;
    const root = this.root;
    const childStart = this.childStart;
    const childCls = this.childCls;
    const childTo = this.childTo;
    const fail = this.fail;
    const out = this.out;
    const dict = this.dict;
    const depth = this.depth;
    const ringMask = this.ringMask;
    const ring = new Int32Array(ringMask + 1);
    let pos = 0;
    let prev = -1;
    let pending = -1; // a white-space run waiting for the next character: kept only between non-CJK ones
    let s = 0;
    const outNext = this.outNext;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const f = fold[text.charCodeAt(i)]!;
      if (f >= SPACE) {
        if (f === DROP) continue;
        if (prev === -1 || pending >= 0 || isCjkUnit(prev)) continue;
        pending = i;
        continue;
      }
      // One round for the character, two when a kept space goes before it.
      let rounds = pending >= 0 && !isCjkUnit(f) ? 2 : 1;
      const spaceAt = pending;
      pending = -1;
      prev = f;
      while (rounds > 0) {
        const u = rounds === 2 ? 0x20 : f;
        const at = rounds === 2 ? spaceAt : i;
        rounds--;
        ring[pos & ringMask] = at;
        pos++;
        const c = cls[u]!;
        if (c === 0) {
          s = 0;
          continue;
        }
        // Transition, following failure links.
        for (;;) {
          if (s === 0) {
            s = root[c]!;
            break;
          }
          let t = -1;
          const a = childStart[s]!;
          const b = childStart[s + 1]!;
          if (b - a <= 8) {
            for (let j = a; j < b; j++) {
              const k = childCls[j]!;
              if (k === c) {
                t = childTo[j]!;
                break;
              }
              if (k > c) break;
            }
          } else t = child(childStart, childCls, childTo, s, c);
          if (t >= 0) {
            s = t;
            break;
          }
          s = fail[s]!;
        }
        if (s === 0) continue;
        let o = out[s]! >= 0 ? s : dict[s]!;
        while (o !== 0) {
          const start = ring[(pos - depth[o]!) & ringMask]!;
          for (let p = out[o]!; p >= 0; p = outNext[p]!) onMatch(p, start, at + 1);
          o = dict[o]!;
        }
      }
    }
  }
}

/** The child of state `s` by class `c` (binary search of its sorted segment), or -1. */
function child(start: Int32Array, cls: Int32Array, to: Int32Array, s: number, c: number): number {
  let lo = start[s]!;
  let hi = start[s + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = cls[mid]!;
    if (k === c) return to[mid]!;
    if (k < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
