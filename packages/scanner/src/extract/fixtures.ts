// Test fixtures built in memory with fflate: minimal but well-formed docx, xlsx, pptx and OFD packages
// with text planted in every location the scanner reads. No binary blobs in the repository.
import { strToU8, type Zippable, zipSync } from 'fflate';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

export const zip = (files: Record<string, string | Uint8Array>): Uint8Array => {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(files)) z[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(z);
};

const rels = (list: [id: string, type: string, target: string][]) =>
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;

const wPara = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

const coreXml = (title: string, creator: string) =>
  `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(title)}</dc:title><dc:creator>${esc(creator)}</dc:creator></cp:coreProperties>`;
const appXml = (company: string) =>
  `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>${esc(company)}</Company></Properties>`;

export interface DocxParts {
  body?: string[];
  /** Deleted tracked change inside the first body paragraph. */
  deleted?: string;
  /** Hidden (w:vanish) run. */
  hidden?: string;
  textbox?: string;
  header?: string;
  footer?: string;
  comment?: string;
  footnote?: string;
  title?: string;
  company?: string;
  embedded?: { name: string; bytes: Uint8Array };
  image?: boolean;
  /** The bytes of word/media/image1.png (default: a stub PNG header). */
  imageBytes?: Uint8Array;
  /** An altChunk part (HTML imported into the document): its text. */
  altChunk?: string;
}

export function docx(p: DocxParts): Uint8Array {
  const body = (p.body ?? []).map(wPara);
  if (p.deleted)
    body.push(
      `<w:p><w:r><w:t>保留的文字</w:t></w:r><w:del w:id="1" w:author="张三"><w:r><w:delText>${esc(p.deleted)}</w:delText></w:r></w:del></w:p>`,
    );
  if (p.hidden) body.push(`<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>${esc(p.hidden)}</w:t></w:r></w:p>`);
  if (p.textbox)
    body.push(
      `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="x"><w:txbxContent>${wPara(p.textbox)}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="v"><w:txbxContent>${wPara(p.textbox)}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
    );
  const files: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    '_rels/.rels': rels([['rId1', 'officeDocument', 'word/document.xml']]),
    'word/document.xml': `${XML}<w:document ${W}><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`,
    'word/styles.xml': `${XML}<w:styles ${W}><w:style><w:name w:val="机密★10年 style name is noise"/></w:style></w:styles>`,
  };
  if (p.header) files['word/header1.xml'] = `${XML}<w:hdr ${W}>${wPara(p.header)}</w:hdr>`;
  if (p.footer) files['word/footer1.xml'] = `${XML}<w:ftr ${W}>${wPara(p.footer)}</w:ftr>`;
  if (p.comment)
    files['word/comments.xml'] =
      `${XML}<w:comments ${W}><w:comment w:id="0" w:author="李四">${wPara(p.comment)}</w:comment></w:comments>`;
  if (p.footnote)
    files['word/footnotes.xml'] =
      `${XML}<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1">${wPara(p.footnote)}</w:footnote></w:footnotes>`;
  if (p.title) files['docProps/core.xml'] = coreXml(p.title, '王五');
  if (p.company) files['docProps/app.xml'] = appXml(p.company);
  if (p.embedded) files[`word/embeddings/${p.embedded.name}`] = p.embedded.bytes;
  if (p.altChunk) files['word/afchunk.htm'] = `<html><body><p>${esc(p.altChunk)}</p></body></html>`;
  if (p.image)
    files['word/media/image1.png'] = p.imageBytes ?? new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
  return zip(files);
}

export interface XlsxParts {
  sheets: {
    name: string;
    state?: 'hidden' | 'veryHidden';
    cells: [ref: string, text: string][];
    note?: [string, string];
    header?: string;
    /** A second row, hidden, with this text in A2. */
    hiddenRow?: string;
    /** Column D hidden, with this text in D1. */
    hiddenColumn?: string;
  }[];
  title?: string;
}

export function xlsx(p: XlsxParts): Uint8Array {
  const shared: string[] = [];
  const files: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
  };
  const wbRels: [string, string, string][] = [];
  const sheetEls: string[] = [];
  p.sheets.forEach((s, i) => {
    const n = i + 1;
    wbRels.push([`rId${n}`, 'worksheet', `worksheets/sheet${n}.xml`]);
    sheetEls.push(
      `<sheet name="${esc(s.name)}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${n}"/>`,
    );
    const cells = s.cells
      .map(([ref, text], k) => {
        if (k % 2 === 0) {
          shared.push(text);
          return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
        }
        return `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
      })
      .join('');
    const hf = s.header ? `<headerFooter><oddHeader>&amp;C${esc(s.header)}</oddHeader></headerFooter>` : '';
    const cols = s.hiddenColumn ? '<cols><col min="4" max="4" hidden="1"/></cols>' : '';
    const dCell = s.hiddenColumn ? `<c r="D1" t="inlineStr"><is><t>${esc(s.hiddenColumn)}</t></is></c>` : '';
    const row2 = s.hiddenRow
      ? `<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>${esc(s.hiddenRow)}</t></is></c></row>`
      : '';
    files[`xl/worksheets/sheet${n}.xml`] =
      `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols}<sheetData><row r="1">${cells}${dCell}<c r="Z1"><v>123</v></c></row>${row2}</sheetData>${hf}</worksheet>`;
    if (s.note) {
      files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = rels([['rId1', 'comments', `../comments${n}.xml`]]);
      files[`xl/comments${n}.xml`] =
        `${XML}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>a</author></authors><commentList><comment ref="${s.note[0]}" authorId="0"><text><r><t>${esc(s.note[1])}</t></r></text></comment></commentList></comments>`;
    }
  });
  wbRels.push([`rId${p.sheets.length + 1}`, 'sharedStrings', 'sharedStrings.xml']);
  files['xl/workbook.xml'] =
    `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>${sheetEls.join('')}</sheets></workbook>`;
  files['xl/_rels/workbook.xml.rels'] = rels(wbRels);
  files['xl/sharedStrings.xml'] =
    `${XML}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((t) => `<si><t>${esc(t)}</t><rPh><t>ﾌﾘｶﾞﾅ</t></rPh></si>`).join('')}</sst>`;
  if (p.title) files['docProps/core.xml'] = coreXml(p.title, '赵六');
  return zip(files);
}

export interface PptxParts {
  slides: { texts: string[]; notes?: string; comment?: string; hidden?: boolean }[];
}

export function pptx(p: PptxParts): Uint8Array {
  const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
  const P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
  const files: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    '_rels/.rels': rels([['rId1', 'officeDocument', 'ppt/presentation.xml']]),
  };
  const presRels: [string, string, string][] = [];
  const ids: string[] = [];
  // Slides listed in reverse file order: the order is the presentation's, not the file names'.
  p.slides.forEach((s, i) => {
    const fileNo = p.slides.length - i;
    presRels.push([`rId${i + 1}`, 'slide', `slides/slide${fileNo}.xml`]);
    ids.push(`<p:sldId id="${256 + i}" r:id="rId${i + 1}"/>`);
    const paras = s.texts.map((t) => `<a:p><a:r><a:t>${esc(t)}</a:t></a:r></a:p>`).join('');
    files[`ppt/slides/slide${fileNo}.xml`] =
      `${XML}<p:sld ${A} ${P}${s.hidden ? ' show="0"' : ''}><p:cSld><p:spTree><p:sp><p:txBody>${paras}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
    const sr: [string, string, string][] = [];
    if (s.notes) {
      sr.push(['rId1', 'notesSlide', `../notesSlides/notesSlide${fileNo}.xml`]);
      files[`ppt/notesSlides/notesSlide${fileNo}.xml`] =
        `${XML}<p:notes ${A} ${P}><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>${esc(s.notes)}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:notes>`;
    }
    if (s.comment) {
      sr.push(['rId2', 'comments', `../comments/comment${fileNo}.xml`]);
      files[`ppt/comments/comment${fileNo}.xml`] =
        `${XML}<p:cmLst ${P}><p:cm authorId="0"><p:text>${esc(s.comment)}</p:text></p:cm></p:cmLst>`;
    }
    if (sr.length) files[`ppt/slides/_rels/slide${fileNo}.xml.rels`] = rels(sr);
  });
  files['ppt/presentation.xml'] =
    `${XML}<p:presentation ${P} xmlns:r="${REL}"><p:sldIdLst>${ids.join('')}</p:sldIdLst></p:presentation>`;
  files['ppt/_rels/presentation.xml.rels'] = rels(presRels);
  return zip(files);
}

export interface OfdParts {
  pages: string[][];
  title?: string;
  imageOnlyPage?: boolean;
  /** The image-only page's image resource (Doc_0/Res/image_5.png). */
  imageBytes?: Uint8Array;
  annotation?: string;
}

export function ofd(p: OfdParts): Uint8Array {
  const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  const files: Record<string, string | Uint8Array> = {
    'OFD.xml': `${XML}<ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>abc</ofd:DocID>${p.title ? `<ofd:Title>${esc(p.title)}</ofd:Title>` : ''}<ofd:Author>孙七</ofd:Author></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  };
  const pages = [...p.pages];
  if (p.imageOnlyPage) pages.push([]);
  const pageEls = pages
    .map((_, i) => `<ofd:Page ID="${i + 10}" BaseLoc="Pages/Page_${i}/Content.xml"/>`)
    .join('');
  files['Doc_0/Document.xml'] =
    `${XML}<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID></ofd:CommonData><ofd:Pages>${pageEls}</ofd:Pages>${p.annotation ? '<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>' : ''}</ofd:Document>`;
  pages.forEach((lines, i) => {
    const objs =
      lines.length === 0
        ? '<ofd:ImageObject ID="1" ResourceID="5" Boundary="0 0 210 297"/>'
        : lines
            .map(
              (l, k) =>
                // A line split in two TextCodes, as layout engines write it.
                `<ofd:TextObject ID="${k + 1}" Boundary="0 ${k * 10} 100 10" Font="3"><ofd:TextCode X="0" Y="5">${esc(l.slice(0, 1))}</ofd:TextCode><ofd:TextCode X="5" Y="5">${esc(l.slice(1))}</ofd:TextCode></ofd:TextObject>`,
            )
            .join('');
    files[`Doc_0/Pages/Page_${i}/Content.xml`] =
      `${XML}<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="2">${objs}</ofd:Layer></ofd:Content></ofd:Page>`;
  });
  if (p.imageBytes) files['Doc_0/Res/image_5.png'] = p.imageBytes;
  if (p.annotation) {
    files['Doc_0/Annots/Annotations.xml'] =
      `${XML}<ofd:Annotations ${NS}><ofd:Page PageID="10"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>`;
    files['Doc_0/Annots/Page_0/Annotation.xml'] =
      `${XML}<ofd:PageAnnot ${NS}><ofd:Annot ID="20" Type="Stamp"><ofd:Remark>${esc(p.annotation)}</ofd:Remark></ofd:Annot></ofd:PageAnnot>`;
  }
  return zip(files);
}
