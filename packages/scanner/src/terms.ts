// The organisation's sensitive-term lists: exact terms and simple patterns, each with a category and a
// severity. A list is kept by the secrecy officer as text, one entry a line:
//   term<TAB>category<TAB>severity[<TAB>pattern]
// severity is high | medium | low (高 | 中 | 低 also read); a 4th column `pattern` (or 模式) makes the
// entry a simple pattern: `?` one character, `#` one digit, `*` up to 8 characters; everything else is
// literal. Lines starting with # and blank lines are skipped. Category defaults to 敏感词, severity to
// medium.

export type Severity = 'high' | 'medium' | 'low';

export interface TermEntry {
  term: string;
  category: string;
  severity: Severity;
  /** A simple pattern (`?`, `#`, `*`) rather than an exact term. */
  pattern?: boolean;
}

export interface TermListProblem {
  line: number;
  zh: string;
  en: string;
}

const SEVERITIES: Record<string, Severity> = {
  high: 'high',
  medium: 'medium',
  low: 'low',
  高: 'high',
  中: 'medium',
  低: 'low',
};

/** The most entries one list may hold, and the longest term (code units). */
export const MAX_TERMS = 200_000;
export const MAX_TERM_LENGTH = 100;

/** Parses a term list (see the file comment). Bad lines are reported, not fatal. */
export function parseTermList(text: string): { entries: TermEntry[]; problems: TermListProblem[] } {
  const entries: TermEntry[] = [];
  const problems: TermListProblem[] = [];
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [term = '', category = '', severity = '', kind = ''] = raw.split('\t').map((c) => c.trim());
    if (term === '') return;
    if (term.length > MAX_TERM_LENGTH) {
      problems.push({ line: i + 1, zh: `词条过长（>${MAX_TERM_LENGTH}）`, en: `term too long` });
      return;
    }
    const sev = severity === '' ? 'medium' : SEVERITIES[severity.toLowerCase()];
    if (!sev) {
      problems.push({ line: i + 1, zh: `未知的严重程度“${severity}”`, en: `unknown severity "${severity}"` });
      return;
    }
    if (entries.length >= MAX_TERMS) {
      problems.push({ line: i + 1, zh: '词条数超过上限', en: `more than ${MAX_TERMS} terms` });
      return;
    }
    const pattern = kind === 'pattern' || kind === '模式';
    entries.push({ term, category: category || '敏感词', severity: sev, ...(pattern ? { pattern } : {}) });
  });
  return { entries, problems };
}

/** A simple pattern (already normalised) as a safe regular expression: bounded, no backtracking blow-up. */
export function compilePattern(normalizedPattern: string): RegExp {
  let src = '';
  for (const ch of normalizedPattern) {
    if (ch === '?') src += '[^]';
    else if (ch === '#') src += '[0-9]';
    else if (ch === '*') src += '[^]{0,8}?';
    else if (/[\\^$.|+()[\]{}/-]/u.test(ch)) src += `\\u{${ch.codePointAt(0)!.toString(16)}}`;
    else src += ch;
  }
  return new RegExp(src, 'gu');
}
