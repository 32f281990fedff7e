// What extraction produces: text fragments tagged with where they came from, and what was not read.

export type FragmentKind =
  | 'body'
  | 'header'
  | 'footer'
  | 'comment'
  | 'footnote'
  | 'deleted'
  | 'textbox'
  | 'hidden'
  | 'hidden-sheet'
  | 'note'
  | 'speaker-notes'
  | 'properties'
  | 'embedded-name'
  | 'other';

export interface Where {
  /** The file, and inside an archive or an embedding the chain of names: `a.zip/b.docx`. */
  file: string;
  /** The part inside a package (`word/document.xml`). */
  part?: string;
  kind: FragmentKind;
  page?: number;
  sheet?: string;
  cell?: string;
  slide?: number;
  /** 1-based paragraph index within the part (docx, pptx). */
  paragraph?: number;
  /** 1-based line of the hit (text files; set on hits). */
  line?: number;
  /** The text was machine-read from an image (OCR): the reviewer should check it against the image. */
  via?: 'ocr';
  /** A document property's name (`dc:title`), or a comment's author. */
  field?: string;
  /** A hidden sheet or slide. */
  hidden?: boolean;
}

/** Where a paragraph starts within a fragment that joins several (with line breaks). */
export interface Segment {
  offset: number;
  paragraph: number;
}

export interface Fragment {
  text: string;
  where: Where;
  /** Paragraphs joined in this fragment: a hit's paragraph is the one its start falls in. */
  segments?: Segment[];
}

export type UnreadCode =
  | 'image'
  | 'encrypted'
  | 'legacy_format'
  | 'pdf'
  | 'unsupported'
  | 'corrupt'
  | 'too_large'
  | 'zip_bomb'
  | 'too_deep'
  | 'too_many_entries'
  | 'image_only_page'
  | 'no_text'
  | 'timeout';

export interface Unread {
  where: { file: string; part?: string; page?: number };
  code: UnreadCode;
  reason: string;
}

export interface Limits {
  /** Archives inside archives: how deep the scanner goes (the file itself is depth 0). */
  maxDepth: number;
  /** Total uncompressed bytes read from one file, all archive levels together. */
  maxTotalBytes: number;
  /** Entries in one archive. */
  maxEntries: number;
  /** One entry's uncompressed size. */
  maxEntryBytes: number;
  /** Uncompressed / compressed size above which a large entry is a suspected zip bomb. */
  maxRatio: number;
  /** Pages read from one PDF; the rest are reported as not read. */
  maxPdfPages: number;
  /** Time spent on one PDF, checked between pages; the pages left are reported as not read. */
  maxPdfMillis: number;
  /** OCR (when enabled): images read from one file; the rest are reported as not read. */
  maxOcrImages: number;
  /** OCR: an image larger than this (width × height) is reported as not read. */
  maxOcrPixels: number;
}

/** OCR with Tesseract (tesseract.js, Debian's language data): off unless given. */
export interface OcrOptions {
  /** The directory holding `<lang>.traineddata` (Debian: /usr/share/tesseract-ocr/5/tessdata). */
  langPath: string;
  /** Tesseract languages, `+`-joined (default `chi_sim+eng`). */
  langs?: string;
}

/** An image met during extraction, read by OCR afterwards (Tesseract is asynchronous). */
export interface PendingImage {
  where: { file: string; part?: string; page?: number };
  /** PNG, JPEG, BMP, TIFF, GIF, WebP… (from its bytes). */
  format: string;
  bytes: Uint8Array;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 3,
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntries: 10_000,
  maxEntryBytes: 128 * 1024 * 1024,
  maxRatio: 200,
  maxPdfPages: 2000,
  maxPdfMillis: 60_000,
  maxOcrImages: 50,
  maxOcrPixels: 40_000_000,
};

/** A PDF met during extraction, read afterwards (pdfjs is asynchronous). */
export interface PendingPdf {
  file: string;
  bytes: Uint8Array;
  /** Its archive depth (the file itself is 0): its attachments are one deeper. */
  depth: number;
}

/** The state of one file's extraction. */
export interface Ctx {
  limits: Limits;
  /** Uncompressed bytes still allowed. */
  budget: number;
  fragments: Fragment[];
  unread: Unread[];
  /** Set by the asynchronous extraction: PDFs are queued here and read after the synchronous pass.
   *  Unset (the synchronous `extract`), a PDF is reported as not read. */
  pdfs?: PendingPdf[];
  /** Set when OCR is enabled (asynchronous extraction only): images are queued here and read last. */
  images?: PendingImage[];
}
