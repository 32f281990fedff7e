export { CONTEXT_CHARS, contextOf, Detector, type HitKind, type TextHit } from './detect.ts';
export { type Extraction, extract, extractAsync } from './extract/index.ts';
export {
  closeOcr,
  DEBIAN_TESSDATA,
  DEFAULT_OCR_LANGS,
  findTessdata,
  missingLangFiles,
  repairOcrText,
} from './extract/ocr.ts';
export { decodeText, detectEncoding } from './extract/text.ts';
export {
  DEFAULT_LIMITS,
  type Fragment,
  type FragmentKind,
  type Limits,
  type OcrOptions,
  type PendingPdf,
  type Unread,
  type UnreadCode,
  type Where,
} from './extract/types.ts';
export { type OnMatch, TermMatcher } from './matcher.ts';
export { type Normalized, normalize, normalizeTerm, originalRange } from './normalize.ts';
export { type Hit, type ScanOptions, type ScanResult, scanFile, scanFileAsync } from './scan.ts';
export { compilePattern, parseTermList, type Severity, type TermEntry } from './terms.ts';
