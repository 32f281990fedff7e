// Detection over one text (pure): classification markings (R-LVL-03), copy numbers near them
// (R-LVL-04) and the organisation's sensitive terms. Every hit carries its original [start, end) in the
// text it was found in and ±20 characters of context.
import type { Level, StateSecretLevel } from '@baomi/domain/levels/level.ts';
import { formatMarking, parseMarking } from '@baomi/domain/levels/marking.ts';
import { TermMatcher } from './matcher.ts';
import { DROP, FOLD, normalize, normalizeTerm, SPACE } from './normalize.ts';
import { compilePattern, type Severity, type TermEntry } from './terms.ts';

export type HitKind = 'marking' | 'copy_number' | 'term';

export interface TextHit {
  kind: HitKind;
  /** The original text of the hit (with whatever spaces or zero-width characters it holds). */
  text: string;
  /** The hit normalised: the canonical marking (机密★10年), the copy number's digits, the term as listed. */
  normalized: string;
  category: string;
  severity: Severity;
  /** Original [start, end) in the text scanned (UTF-16 code units). */
  start: number;
  end: number;
  /** Up to 20 characters either side, and the hit. */
  context: string;
  /** Markings: the level found. */
  level?: Level;
  /** Markings: a state-secret level (秘密 or above): such a file is never released (R-REV-02). */
  stateSecret?: boolean;
  /** The rule the hit is reported under. */
  rule?: string;
}

export const CONTEXT_CHARS = 20;

const LEVEL_WORDS: { word: string; level: Level; severity: Severity }[] = [
  { word: '绝密', level: 'top_secret', severity: 'high' },
  { word: '机密', level: 'secret', severity: 'high' },
  { word: '秘密', level: 'confidential', severity: 'high' },
  { word: '工作秘密', level: 'work_secret', severity: 'medium' },
  { word: '内部', level: 'internal', severity: 'low' },
];
const LEVEL_COUNT = LEVEL_WORDS.length;
/** The first characters of the copy-number forms found anywhere (份号…, 第…份), matched with the words. */
const FEN = LEVEL_COUNT;
const DI = LEVEL_COUNT + 1;
/** Matcher patterns before the exact terms: the level words and the two copy-number anchors. */
const BUILT_IN = LEVEL_COUNT + 2;

/** Where the copy-number forms found anywhere may start: the positions of 份 and 第. */
interface Anchors {
  fen: number[];
  di: number[];
}

/** A compiled detector: the matcher over the level words and the exact terms, and the patterns. */
export class Detector {
  readonly terms: readonly TermEntry[];
  private readonly matcher: TermMatcher;
  /** Matcher pattern index (past the built-in ones) → entry index. */
  private readonly exact: number[];
  private readonly patterns: { entry: number; re: RegExp }[];

  constructor(terms: readonly TermEntry[] = []) {
    this.terms = terms;
    const texts: string[] = [...LEVEL_WORDS.map((l) => l.word), '份', '第'];
    this.exact = [];
    this.patterns = [];
    terms.forEach((t, i) => {
      const norm = normalizeTerm(t.term);
      if (norm === '') return;
      if (t.pattern) this.patterns.push({ entry: i, re: compilePattern(norm) });
      else {
        texts.push(norm);
        this.exact.push(i);
      }
    });
    this.matcher = new TermMatcher(texts);
  }

  /** Every hit in `text`, in order of start. Never throws. */
  detect(text: string): TextHit[] {
    const hits: TextHit[] = [];
    const levels: { idx: number; start: number; end: number }[] = [];
    const anchors: Anchors = { fen: [], di: [] };
    this.matcher.scan(text, (p, start, end) => {
      if (p < LEVEL_COUNT) levels.push({ idx: p, start, end });
      else if (p === FEN) anchors.fen.push(start);
      else if (p === DI) anchors.di.push(start);
      else {
        const e = this.terms[this.exact[p - BUILT_IN]!]!;
        if (wordBounded(text, start, end)) hits.push(termHit(text, e, start, end));
      }
    });
    if (this.patterns.length > 0) {
      const n = normalize(text);
      for (const { entry, re } of this.patterns) {
        re.lastIndex = 0;
        for (let m = re.exec(n.text); m; m = re.exec(n.text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const start = n.map[m.index]!;
          const end = n.map[m.index + m[0].length - 1]! + 1;
          if (wordBounded(text, start, end)) hits.push(termHit(text, this.terms[entry]!, start, end));
        }
      }
    }
    const markings = markingsFrom(text, levels);
    // One by one: spreading a hundred thousand markings into push overflows the call stack.
    for (const h of markings) hits.push(h);
    for (const h of copyNumbers(text, markings, anchors)) hits.push(h);
    hits.sort((a, b) => a.start - b.start || a.end - b.end);
    return hits;
  }
}

const isWordUnit = (f: number) => (f >= 0x61 && f <= 0x7a) || (f >= 0x30 && f <= 0x39);
/** The folded unit next to `i` going by `step`, past dropped characters; -1 at the text's end. */
function neighbour(text: string, i: number, step: 1 | -1): number {
  for (let j = i; j >= 0 && j < text.length; j += step) {
    const f = FOLD[text.charCodeAt(j)]!;
    if (f !== DROP) return f;
  }
  return -1;
}
/**
 * A term that begins (ends) with a Latin letter or digit does not match inside a word: `top secret`
 * is not found in `stop secretary`. Chinese has no word boundaries: a Chinese term matches anywhere.
 */
function wordBounded(text: string, start: number, end: number): boolean {
  if (isWordUnit(FOLD[text.charCodeAt(start)]!) && isWordUnit(neighbour(text, start - 1, -1))) return false;
  if (isWordUnit(FOLD[text.charCodeAt(end - 1)]!) && isWordUnit(neighbour(text, end, 1))) return false;
  return true;
}

function termHit(text: string, e: TermEntry, start: number, end: number): TextHit {
  return {
    kind: 'term',
    text: text.slice(start, end),
    normalized: e.term,
    category: e.category,
    severity: e.severity,
    start,
    end,
    context: contextOf(text, start, end),
  };
}

/** Up to CONTEXT_CHARS characters either side of [start, end), not splitting a surrogate pair. */
export function contextOf(text: string, start: number, end: number): string {
  let a = Math.max(0, start - CONTEXT_CHARS);
  let b = Math.min(text.length, end + CONTEXT_CHARS);
  if (a > 0 && isLowSurrogate(text.charCodeAt(a))) a--;
  if (b < text.length && isLowSurrogate(text.charCodeAt(b))) b++;
  return text.slice(a, b);
}
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

// ---------------------------------------------------------------------------------------------------
// Markings

const STARS = new Set(['★', '☆', '*', '✩', '✭', '✱', '✲', '✳', '⭐', '✪', '✯', '⋆']);
const BRACKETS = new Set([...'[]()（）【】〔〕「」『』《》〈〉<>']);
const LINE_BREAK = new Set([0x0a, 0x0d, 0x2028, 0x2029, 0x0b, 0x0c]);

/** The normalised characters after `from` up to the line's end (white space and zero-width dropped). */
function tailAfter(text: string, from: number, max: number): { chars: string; pos: number[] } {
  let chars = '';
  const pos: number[] = [];
  for (let i = from; i < text.length && chars.length < max; i++) {
    const code = text.charCodeAt(i);
    if (LINE_BREAK.has(code)) break;
    const f = FOLD[code]!;
    if (f === DROP || f === SPACE) continue;
    chars += String.fromCharCode(f);
    pos.push(i);
  }
  return { chars, pos };
}

/** The normalised characters before `to` back to the line's start (white space and zero-width dropped). */
function headBefore(text: string, to: number, max: number): string {
  let chars = '';
  for (let i = to - 1; i >= 0 && chars.length < max; i--) {
    const code = text.charCodeAt(i);
    if (LINE_BREAK.has(code)) break;
    const f = FOLD[code]!;
    if (f === DROP || f === SPACE) continue;
    chars = String.fromCharCode(f) + chars;
  }
  return chars;
}

// Periods: Arabic (canonicalised by the domain's parseMarking) or in Chinese numerals (kept as written).
const PERIOD =
  /^(长期|\d{4}年\d{1,2}月\d{1,2}日|\d{4}([-./])\d{1,2}\2\d{1,2}|\d{1,3}(?:个月|年|月|天|日)|[〇零一二三四五六七八九]{4}年[〇一二三四五六七八九十]{1,2}月[〇一二三四五六七八九十]{1,3}日|[一二三四五六七八九十百两半]{1,4}(?:个月|年|月|天|日)|[\u4e00-\u9fff]{2,20}?(?:后|前|时|止|解密)(?![\u4e00-\u9fff]))/u;
const RELEASED = /^[(（]解密[)）]/u;
/** What may stand before a level alone: nothing, or a 密级： label. */
const ALONE_BEFORE = /密级[:：]?$/u;

function markingsFrom(text: string, levels: { idx: number; start: number; end: number }[]): TextHit[] {
  const out: TextHit[] = [];
  const workSecretEnds = new Set(
    levels.filter((l) => LEVEL_WORDS[l.idx]!.level === 'work_secret').map((l) => l.end),
  );
  for (const l of levels) {
    const w = LEVEL_WORDS[l.idx]!;
    if (w.level === 'confidential' && workSecretEnds.has(l.end)) continue; // 工作秘密, not 秘密
    const tail = tailAfter(text, l.end, 40);
    let t = tail.chars;
    let used = 0; // normalised characters of the tail that belong to the marking
    if (t.startsWith('级')) used = 1;
    const starAt = used;
    const star = t.length > starAt && STARS.has(t[starAt]!);
    let period = '';
    if (star) {
      used = starAt + 1;
      const m = PERIOD.exec(t.slice(used));
      if (m) {
        period = m[1]!;
        used += m[0].length;
      }
    }
    const released = RELEASED.exec(t.slice(used));
    if (released) used += released[0].length;
    t = t.slice(used);
    // Without a star, only a level standing alone (on its line, in brackets, after 密级：) is a marking:
    // 国家秘密 or 内部管理 in running prose is not.
    if (!star) {
      const before = headBefore(text, l.start, 12)
        .split('')
        .filter((c) => !BRACKETS.has(c))
        .join('');
      const after = t.replace(/^[)）\]】〕」』》〉>。，,.;；:：!！]*/u, '');
      if (!(before === '' || ALONE_BEFORE.test(before)) || after !== '') continue;
    }
    const end = used === 0 ? l.end : tail.pos[used - 1]! + 1;
    const raw = text.slice(l.start, end);
    let normalized = w.word + (star ? `★${period}` : '');
    if (w.level === 'top_secret' || w.level === 'secret' || w.level === 'confidential') {
      const parsed = parseMarking(normalized);
      if (parsed.ok) normalized = formatMarking(parsed.marking, { released: Boolean(released) });
      else if (released) normalized += '（解密）';
    }
    const stateSecret = w.level === 'top_secret' || w.level === 'secret' || w.level === 'confidential';
    out.push({
      kind: 'marking',
      text: raw,
      normalized,
      category: stateSecret ? '国家秘密标志' : w.level === 'work_secret' ? '工作秘密标志' : '内部标志',
      severity: w.severity,
      start: l.start,
      end,
      context: contextOf(text, l.start, end),
      level: w.level,
      stateSecret,
      rule: 'R-LVL-03',
    });
  }
  return out;
}

/** The state-secret levels, for callers that sort markings (the highest first). */
export const STATE_SECRET_ORDER: readonly StateSecretLevel[] = ['top_secret', 'secret', 'confidential'];

// ---------------------------------------------------------------------------------------------------
// Copy numbers (份号, R-LVL-04)

const G = '[\\s\\u00a0\\u00ad\\u200b-\\u200d\\u2060\\ufeff\\u3000]*';
const D = '[0-9\\uff10-\\uff19]';
const digits = (min: number, max: number) =>
  `((?:${D}${G}){${min - 1},${max - 1}}${D})(?![0-9\\uff10-\\uff19])`;
/** 份号 with its number: a copy number wherever it is. */
const FEN_HAO = new RegExp(`份${G}号${G}[:：]?${G}${digits(1, 8)}`, 'uy');
/** 第000003份: six digits. */
const DI_FEN = new RegExp(`第${G}${digits(6, 6)}${G}份`, 'uy');
/** The two forms found anywhere (for the tests). */
export const COPY_NUMBER_FORMS_ANYWHERE: readonly RegExp[] = [FEN_HAO, DI_FEN];
/** No. 000123, №000123: only near a marking. */
const NO = new RegExp(`(?:[Nn]${G}[Oo]|№|Ｎ${G}[Ｏｏ])${G}[.．:：]?${G}${digits(3, 8)}`, 'gu');
/** Six digits alone on a line (GB/T 9704: the copy number above the marking): only near a marking. */
const BARE = new RegExp(`(?:^|[\\n\\r])[ \\t\\u3000]*${digits(6, 6)}[ \\t\\u3000]*(?=[\\n\\r]|$)`, 'gu');
const NEAR = 200;

function copyNumbers(text: string, markings: TextHit[], anchors: Anchors): TextHit[] {
  const out: TextHit[] = [];
  const seen = new Set<number>();
  // State-secret markings by start (they come in order); a candidate looks at its neighbours only.
  const marks = markings.filter((m) => m.stateSecret).sort((a, b) => a.start - b.start);
  const near = (s: number, e: number) => {
    let lo = 0;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid]!.start < e + NEAR) lo = mid + 1;
      else hi = mid;
    }
    // marks[0..lo) start before e + NEAR; the nearest ones end last among them (markings do not nest).
    for (let i = lo - 1; i >= 0 && i >= lo - 2; i--) if (marks[i]!.end + NEAR >= s) return true;
    return false;
  };
  const accept = (m: RegExpExecArray, from: number, needsMarking: boolean, trimLeading: boolean) => {
    let start = m.index + from;
    if (trimLeading) while (start < text.length && /[\n\r \t\u3000]/u.test(text[start]!)) start++;
    const end = m.index + from + m[0].length;
    if (seen.has(start)) return;
    if (needsMarking && !near(start, end)) return;
    seen.add(start);
    const num = [...m[1]!]
      .map((c) => String.fromCharCode(FOLD[c.charCodeAt(0)]!))
      .filter((c) => c >= '0' && c <= '9')
      .join('');
    const raw = text.slice(start, end).replace(/[ \t\u3000]+$/u, '');
    out.push({
      kind: 'copy_number',
      text: raw,
      normalized: num,
      category: '份号',
      severity: 'medium',
      start,
      end: start + raw.length,
      context: contextOf(text, start, start + raw.length),
      rule: 'R-LVL-04',
    });
  };
  /** Every match of `re` (global) in text[from, to). */
  const run = (re: RegExp, needsMarking: boolean, trimLeading: boolean, from: number, to: number) => {
    const part = from === 0 && to === text.length ? text : text.slice(from, to);
    re.lastIndex = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) accept(m, from, needsMarking, trimLeading);
  };
  /** The match of `re` (sticky) at each position, if any. */
  const runAt = (re: RegExp, positions: readonly number[]) => {
    for (const at of positions) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (m) accept(m, 0, false, false);
    }
  };
  // 份号 and 第…份 anywhere: tried only where the matcher saw their first character (a match holds
  // exactly one of it, at its start, so this finds what a pass over the whole text finds).
  runAt(FEN_HAO, anchors.fen);
  runAt(DI_FEN, anchors.di);
  // The two forms that count only near a marking are looked for only there: in windows around the
  // markings, not over the whole text (a long text with a few markings is mostly far from them).
  for (const [from, to] of windows(text, marks, false)) run(NO, true, false, from, to);
  for (const [from, to] of windows(text, marks, true)) run(BARE, true, true, from, to);
  return out;
}

/** Room past NEAR in a window, for the copy number's own characters (its digits, a "No.", spaces). */
const WINDOW_PAD = 64;

/**
 * Merged [from, to) windows reaching NEAR + WINDOW_PAD characters either side of each marking (sorted
 * by start). `lines`: each window widened to whole lines — it starts at a line break (or the text's
 * start) and ends before one (or at the text's end), so the BARE pattern's ^, $ and line-break tests
 * read the same as on the whole text.
 */
function windows(text: string, marks: TextHit[], lines: boolean): [number, number][] {
  const out: [number, number][] = [];
  for (const m of marks) {
    const from = Math.max(0, m.start - NEAR - WINDOW_PAD);
    let to = Math.min(text.length, m.end + NEAR + WINDOW_PAD);
    const last = out[out.length - 1];
    if (last && to <= last[1]) continue;
    // Widening walks each character at most once: back no further than the last window's end, forward
    // from beyond it.
    if (lines) while (to < text.length && !isLineBreak(text.charCodeAt(to))) to++;
    if (last && from <= last[1]) {
      last[1] = to;
      continue;
    }
    let start = from;
    if (lines) {
      const floor = last ? last[1] : 0;
      while (start > floor && !isLineBreak(text.charCodeAt(start))) start--;
      if (last && start <= last[1]) {
        last[1] = to;
        continue;
      }
    }
    out.push([start, to]);
  }
  return out;
}
const isLineBreak = (c: number) => c === 0x0a || c === 0x0d;
