export { Automaton } from './automaton.ts';
export { CONTEXT_CHARS, contextOf, Detector, type HitKind, type TextHit } from './detect.ts';
export { type Normalized, normalize, normalizeTerm, originalRange } from './normalize.ts';
export { compilePattern, parseTermList, type Severity, type TermEntry } from './terms.ts';
