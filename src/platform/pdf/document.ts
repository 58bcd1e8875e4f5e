import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFString, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import { invalid } from '../errors.js';
import { drawLine, registerSubset, textWidth, type TextStyle } from './draw.js';
import { subsetFontFor } from './fonts.js';
import { drawQr } from './qr.js';
import { drawSeal } from './seal-image.js';
import { breakLines, formatChineseDate } from './text.js';

/**
 * Official documents as PDF: decision documents (准予行政许可决定书, 不予受理通知书, 补正材料通知书) and licence
 * printouts, laid out after GB/T 9704-2012 (党政机关公文格式): A4, type area 156 × 225 mm (top margin 37 mm, inner
 * 28 mm), the issuing department and the title in red at the head over a red rule, the document number (文号), the
 * addressee flush left, paragraphs indented two characters and justified, then the department's name and the date in
 * Chinese numerals (右空四字) under a red round seal, a QR code leading to the verification page, and page numbers
 * "— 1 —". Licence printouts get a double red frame instead of the red head.
 *
 * The text is set in Noto Serif SC, subset to the characters of the document (fonts.ts). The seal picture marks the
 * place of the document's digital signature: an empty signature field is left on it, and seal.ts fills it.
 */

export const DOCUMENT_KINDS = ['准予许可决定书', '不予许可决定书', '不予受理通知书', '补正通知书', '证照打印件'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The title printed when the document gives none. */
export const DEFAULT_TITLES: Record<DocumentKind, string> = {
  准予许可决定书: '准予行政许可决定书',
  不予许可决定书: '不予行政许可决定书',
  不予受理通知书: '不予受理通知书',
  补正通知书: '补正材料通知书',
  证照打印件: '电子证照打印件',
};

export interface DocumentTable {
  /** A heading over the table, e.g. 需要补正的材料. */
  caption?: string;
  /** Column headings, e.g. ['材料名称', '补正要求']. */
  headers?: [string, string];
  rows: Array<{ label: string; value: string }>;
}

export interface OfficialDocument {
  kind: DocumentKind;
  /** The issuing department (发文机关), e.g. 澜州市民政局; printed at the head, in the signature and on the seal. */
  department: string;
  /** Defaults to DEFAULT_TITLES[kind]; for a licence printout, the licence's name (e.g. 食品经营许可证). */
  title?: string;
  /** The document number (文号), e.g. 明民许字〔2026〕第0012号; for a licence printout, the licence number. */
  number: string;
  /** Who the document is addressed to (主送), without the colon; none for a licence printout. */
  addressee?: string;
  /** Body paragraphs before the table; each is indented two characters. "\n" inside one breaks the line. */
  paragraphs: string[];
  /** A two-column table: the defects of a 补正通知书, the fields of a licence printout, … */
  table?: DocumentTable;
  /** Paragraphs after the table (remedies, contact, …). */
  closing?: string[];
  /** The date of the document (成文日期): a Date is written as 二〇二六年十一月二十八日 (China time). */
  date: Date | string;
  /** A QR code, normally the URL of the public verification page, with a caption beside it. */
  qr?: { text: string; caption?: string };
  /** The red round seal over the signature block; `false` leaves it (and the signature field) out. */
  seal?: { subtitle?: string } | false;
  /** A note at the foot of the last page between two rules (版记), e.g. how the printout may be verified. */
  footnote?: string;
}

// ---- geometry (points; 1 mm = 72 / 25.4 pt) ----

const MM = 72 / 25.4;
const PAGE_W = 210 * MM;
const PAGE_H = 297 * MM;
const LEFT = 28 * MM;
const RIGHT = PAGE_W - 26 * MM;
/** Type area of decision documents (GB/T 9704: top margin 37 mm, bottom 35 mm) and of licence printouts (framed). */
const MARGINS = { document: { top: PAGE_H - 37 * MM, bottom: 35 * MM }, printout: { top: PAGE_H - 26 * MM, bottom: 27 * MM } };
const WIDTH = RIGHT - LEFT;

const BODY = 15;
const LINE = 26.5;
const TABLE_SIZE = 13;
const TABLE_LINE = 20;
const TABLE_PAD = 5;
const SEAL_RADIUS = 21 * MM; // a 42 mm seal, the size of a department's official seal
const QR_SIZE = 27 * MM;
const NOTE_SIZE = 10.5;
const NOTE_LINE = 16;

const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const RED = rgb(0.8, 0.05, 0.05);

const LIMITS = { department: 60, title: 40, number: 60, addressee: 120, paragraphs: 40, paragraph: 3000, rows: 80, cell: 1000, qr: 1000, footnote: 500 };

function check(condition: boolean, field: string, reason: string): void {
  if (!condition) throw invalid('pdf.invalid_document', `The document is not valid: ${field} ${reason}.`, [{ field, reason }]);
}

/** Line ends become "\n", other control characters and tabs become spaces. */
function clean(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[\t\v\f\u0000-\u0008\u000e-\u001f\u007f]/g, ' ');
}

function validate(doc: OfficialDocument): void {
  check((DOCUMENT_KINDS as readonly string[]).includes(doc.kind), '/kind', `must be one of ${DOCUMENT_KINDS.join(', ')}`);
  const text = (v: unknown, field: string, max: number, required = true) => {
    if (v === undefined && !required) return;
    check(typeof v === 'string' && v.trim().length > 0, field, 'must be a non-empty string');
    check((v as string).length <= max, field, `must be at most ${max} characters`);
  };
  text(doc.department, '/department', LIMITS.department);
  text(doc.title, '/title', LIMITS.title, false);
  text(doc.number, '/number', LIMITS.number);
  text(doc.addressee, '/addressee', LIMITS.addressee, false);
  check(Array.isArray(doc.paragraphs) && doc.paragraphs.length <= LIMITS.paragraphs, '/paragraphs', `must be a list of at most ${LIMITS.paragraphs}`);
  doc.paragraphs.forEach((p, i) => text(p, `/paragraphs/${i}`, LIMITS.paragraph));
  check(doc.closing === undefined || (Array.isArray(doc.closing) && doc.closing.length <= LIMITS.paragraphs), '/closing', `must be a list of at most ${LIMITS.paragraphs}`);
  doc.closing?.forEach((p, i) => text(p, `/closing/${i}`, LIMITS.paragraph));
  if (doc.table) {
    check(Array.isArray(doc.table.rows) && doc.table.rows.length > 0 && doc.table.rows.length <= LIMITS.rows, '/table/rows', `must hold 1 to ${LIMITS.rows} rows`);
    text(doc.table.caption, '/table/caption', LIMITS.title, false);
    doc.table.headers?.forEach((h, i) => text(h, `/table/headers/${i}`, LIMITS.title));
    doc.table.rows.forEach((r, i) => {
      text(r.label, `/table/rows/${i}/label`, LIMITS.title);
      check(typeof r.value === 'string' && r.value.length <= LIMITS.cell, `/table/rows/${i}/value`, `must be a string of at most ${LIMITS.cell} characters`);
    });
  }
  check(typeof doc.date === 'string' ? doc.date.trim().length > 0 && doc.date.length <= 30 : doc.date instanceof Date && !Number.isNaN(doc.date.getTime()), '/date', 'must be a valid Date or a date text');
  if (doc.qr) {
    text(doc.qr.text, '/qr/text', LIMITS.qr);
    text(doc.qr.caption, '/qr/caption', LIMITS.title, false);
  }
  if (doc.seal) text(doc.seal.subtitle, '/seal/subtitle', 12, false);
  text(doc.footnote, '/footnote', LIMITS.footnote, false);
  check(doc.paragraphs.length > 0 || !!doc.table, '/paragraphs', 'must not be empty when there is no table');
}

/** What a document prints, resolved from the input. */
interface Resolved {
  doc: OfficialDocument;
  printout: boolean;
  title: string;
  numberLine: string;
  addressee: string | null;
  date: string;
  qrCaption: string;
}

function resolve(doc: OfficialDocument): Resolved {
  const printout = doc.kind === '证照打印件';
  const addressee = doc.addressee ? clean(doc.addressee).trim().replace(/[:：]$/, '') + '：' : null;
  return {
    doc: {
      ...doc,
      department: clean(doc.department).trim(),
      paragraphs: doc.paragraphs.map(clean),
      closing: doc.closing?.map(clean),
      footnote: doc.footnote ? clean(doc.footnote) : undefined,
      table: doc.table ? { ...doc.table, rows: doc.table.rows.map((r) => ({ label: clean(r.label), value: clean(r.value) })) } : undefined,
    },
    printout,
    title: clean(doc.title ?? DEFAULT_TITLES[doc.kind]).trim(),
    numberLine: printout ? `编号：${clean(doc.number).trim()}` : clean(doc.number).trim(),
    addressee,
    date: typeof doc.date === 'string' ? clean(doc.date).trim() : formatChineseDate(doc.date),
    qrCaption: doc.qr?.caption ? clean(doc.qr.caption) : '扫码核验真伪',
  };
}

/** Every character printed in each weight: the fonts are subset to exactly these. */
function glyphText(r: Resolved): { regular: string; bold: string } {
  const d = r.doc;
  const regular = [
    r.numberLine, r.addressee ?? '', ...d.paragraphs, ...(d.closing ?? []), r.date, d.department,
    ...(d.table?.rows.map((row) => row.value) ?? []),
    d.qr ? r.qrCaption + d.qr.text : '', d.footnote ?? '', '— 0123456789', NO_TEXT_NOTE,
  ].join('');
  const bold = [
    d.department, r.title, d.table?.caption ?? '', ...(d.table?.headers ?? []), ...(d.table?.rows.map((row) => row.label) ?? []),
    d.seal ? (d.seal.subtitle ?? '') : '',
  ].join('');
  return { regular: regular + ' ', bold: bold + ' ' };
}

class Layout {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y: number;
  readonly top: number;
  readonly bottom: number;

  constructor(
    readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    readonly printout: boolean,
    readonly line: number,
    readonly tableLine: number,
  ) {
    const m = printout ? MARGINS.printout : MARGINS.document;
    this.top = m.top;
    this.bottom = m.bottom;
    this.y = m.top;
    this.newPage();
  }

  style(size: number, color: Color = BLACK, font: PDFFont = this.regular): TextStyle {
    return { font, size, color };
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE_W, PAGE_H]);
    this.pages.push(this.page);
    this.y = this.top;
    if (this.printout) this.frame();
  }

  /** Moves to a new page unless `height` fits above the bottom margin (less `reserve`). */
  ensure(height: number, reserve = 0): boolean {
    if (this.y - height < this.bottom + reserve) {
      this.newPage();
      return true;
    }
    return false;
  }

  /** The baseline that centres a line of `size` in a line box of `lineHeight` starting at the cursor. */
  baseline(size: number, lineHeight: number): number {
    return this.y - lineHeight / 2 - size * 0.38;
  }

  centred(text: string, style: TextStyle, lineHeight: number, spacing = 0): void {
    const chars = [...text].length;
    const w = textWidth(style, text) + spacing * (chars - 1);
    drawLine(this.page, text, LEFT + (WIDTH - w) / 2, this.baseline(style.size, lineHeight), style, spacing);
    this.y -= lineHeight;
  }

  paragraph(text: string, style: TextStyle, lineHeight: number, indentChars = 2): void {
    const indent = indentChars * style.size;
    const lines = breakLines(text, WIDTH, (s) => textWidth(style, s), indent);
    lines.forEach((line, i) => {
      this.ensure(lineHeight);
      const x = LEFT + (i === 0 ? indent : 0);
      const avail = RIGHT - x;
      const chars = [...line.text].length;
      const natural = textWidth(style, line.text);
      let spacing = line.justify && chars > 1 ? (avail - natural) / (chars - 1) : 0;
      if (spacing < 0 || spacing > style.size * 0.5) spacing = 0;
      drawLine(this.page, line.text, x, this.baseline(style.size, lineHeight), style, spacing);
      this.y -= lineHeight;
    });
  }

  rule(color: Color, thickness: number, gapAfter: number): void {
    this.page.drawLine({ start: { x: LEFT, y: this.y }, end: { x: RIGHT, y: this.y }, color, thickness });
    this.y -= gapAfter;
  }

  /** The double red frame of a licence printout. */
  frame(): void {
    const outer = 12 * MM;
    const inner = 14 * MM;
    this.page.drawRectangle({ x: outer, y: outer, width: PAGE_W - 2 * outer, height: PAGE_H - 2 * outer, borderColor: RED, borderWidth: 2.2 });
    this.page.drawRectangle({ x: inner, y: inner, width: PAGE_W - 2 * inner, height: PAGE_H - 2 * inner, borderColor: RED, borderWidth: 0.7 });
  }

  table(table: DocumentTable): void {
    const text = this.style(TABLE_SIZE);
    const head = this.style(TABLE_SIZE, BLACK, this.bold);
    const TABLE_LINE = this.tableLine;
    if (table.caption) {
      this.y -= this.line * 0.25;
      this.ensure(this.line + TABLE_LINE * 2);
      this.centred(table.caption, this.style(BODY, BLACK, this.bold), this.line);
    }
    const labels = [...table.rows.map((r) => r.label), ...(table.headers ? [table.headers[0]] : [])];
    const widest = Math.max(...labels.map((l) => textWidth(head, l)));
    const col1 = Math.min(Math.max(widest + 2 * TABLE_PAD + 2, WIDTH * 0.24), WIDTH * 0.4);
    const col2 = WIDTH - col1;
    const layoutRow = (a: string, b: string) => {
      const left = breakLines(a, col1 - 2 * TABLE_PAD, (s) => textWidth(head, s));
      const right = breakLines(b === '' ? ' ' : b, col2 - 2 * TABLE_PAD, (s) => textWidth(text, s));
      return { left, right, height: Math.max(left.length, right.length) * TABLE_LINE + 2 * TABLE_PAD };
    };
    const drawRow = (a: string, b: string, bold: boolean) => {
      const row = layoutRow(a, b);
      if (this.ensure(row.height) && table.headers && !bold) drawRow(table.headers[0], table.headers[1], true);
      const top = this.y;
      const bottom = top - row.height;
      const stroke = { color: BLACK, thickness: 0.75 };
      const p = this.page;
      p.drawLine({ start: { x: LEFT, y: top }, end: { x: RIGHT, y: top }, ...stroke });
      p.drawLine({ start: { x: LEFT, y: bottom }, end: { x: RIGHT, y: bottom }, ...stroke });
      for (const x of [LEFT, LEFT + col1, RIGHT]) p.drawLine({ start: { x, y: top }, end: { x, y: bottom }, ...stroke });
      const cell = (lines: { text: string }[], x0: number, w: number, style: TextStyle, centre: boolean) => {
        const blockTop = top - (row.height - lines.length * TABLE_LINE) / 2;
        lines.forEach((line, i) => {
          const lw = textWidth(style, line.text);
          const x = centre ? x0 + (w - lw) / 2 : x0 + TABLE_PAD;
          drawLine(p, line.text, x, blockTop - i * TABLE_LINE - TABLE_LINE / 2 - style.size * 0.38, style);
        });
      };
      cell(row.left, LEFT, col1, head, true);
      cell(row.right, LEFT + col1, col2, bold ? head : text, bold);
      this.y = bottom;
    };
    if (table.headers) drawRow(table.headers[0], table.headers[1], true);
    for (const r of table.rows) drawRow(r.label, r.value, false);
    this.y -= this.line * 0.5;
  }
}

/**
 * Line spacing, from the standard to the tightest. When the signature block would be left alone on a page, the
 * document is set again with tighter spacing (GB/T 9704 7.3.5.4: adjust the line spacing rather than leave the seal
 * without text above it).
 */
const SPACINGS = [
  { line: LINE, tableLine: TABLE_LINE },
  { line: 24.5, tableLine: 18.5 },
  { line: 23, tableLine: 17.5 },
  { line: 22, tableLine: 17 },
];

/** Renders an official document to PDF bytes (unsigned: sign it with signPdf from seal.ts). */
export async function renderDocument(input: OfficialDocument): Promise<Uint8Array> {
  validate(input);
  const r = resolve(input);
  const glyphs = glyphText(r);
  const [regularBytes, boldBytes] = await Promise.all([subsetFontFor('regular', glyphs.regular), subsetFontFor('bold', glyphs.bold)]);
  const attempt = async (spacing: (typeof SPACINGS)[number], markNoText: boolean) => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    // Already subset: embedded as they are, under the PDF's subset name (a six-letter tag + "+").
    const regular = await doc.embedFont(regularBytes, { subset: false, customName: subsetName('NotoSerifSC-Regular', glyphs.regular) });
    const bold = await doc.embedFont(boldBytes, { subset: false, customName: subsetName('NotoSerifSC-Bold', glyphs.bold) });
    registerSubset(regular, glyphs.regular);
    registerSubset(bold, glyphs.bold);
    return { doc, ...compose(new Layout(doc, regular, bold, r.printout, spacing.line, spacing.tableLine), r, markNoText) };
  };
  let pdf: PDFDocument | null = null;
  for (const spacing of SPACINGS) {
    const result = await attempt(spacing, false);
    if (!result.signatureAlone) {
      pdf = result.doc;
      break;
    }
  }
  // Even the tightest spacing leaves the seal a page of its own: set the standard spacing and say so on that page, as
  // offices do (此页无正文), so that the space above the seal cannot be filled in later.
  pdf ??= (await attempt(SPACINGS[0], true)).doc;
  pdf.setTitle(`${r.title}（${r.numberLine}）`);
  pdf.setAuthor(r.doc.department);
  pdf.setSubject(input.kind);
  pdf.setCreator('Tongban');
  pdf.setProducer('Tongban (pdf-lib)');
  pdf.setLanguage('zh-CN');
  return pdf.save({ useObjectStreams: false });
}

/** The note on a signature page that holds no body text. */
const NO_TEXT_NOTE = '（此页无正文）';

/** Lays the document out on the Layout's pages; tells whether the signature block had to start a page of its own. */
function compose(L: Layout, r: Resolved, markNoText: boolean): { signatureAlone: boolean } {
  const d = r.doc;
  const { regular, bold } = L;
  const LINE = L.line;

  // ---- head ----
  if (r.printout) {
    const size = fitSize(bold, r.title, 30, WIDTH);
    L.centred(r.title, L.style(size, RED, bold), size * 1.6, size * 0.25);
    const style = L.style(12, GREY);
    drawLine(L.page, r.numberLine, RIGHT - textWidth(style, r.numberLine), L.baseline(12, LINE), style);
    L.y -= LINE + 4 * MM;
  } else {
    const deptSize = fitSize(bold, d.department, 28, WIDTH);
    const spread = [...d.department].length <= 8 ? deptSize * 0.35 : 0;
    L.centred(d.department, L.style(deptSize, RED, bold), deptSize * 1.55, spread);
    const titleSize = fitSize(bold, r.title, 22, WIDTH);
    L.centred(r.title, L.style(titleSize, RED, bold), titleSize * 1.7);
    L.y -= 2;
    L.centred(r.numberLine, L.style(BODY), LINE);
    L.y -= 2 * MM;
    L.rule(RED, 1.6, 7 * MM);
  }

  // ---- body ----
  const body = L.style(BODY);
  if (r.addressee) L.paragraph(r.addressee, body, LINE, 0);
  for (const p of d.paragraphs) L.paragraph(p, body, LINE);
  if (d.table) L.table(d.table);
  for (const p of d.closing ?? []) L.paragraph(p, body, LINE);

  // ---- signature block: department and date right-aligned (右空四字), the seal over them, the QR code left ----
  const noteLines = d.footnote ? breakLines(d.footnote, WIDTH, (s) => textWidth(L.style(NOTE_SIZE), s), 2 * NOTE_SIZE) : [];
  const noteHeight = noteLines.length > 0 ? noteLines.length * NOTE_LINE + 5 * MM : 0;
  // The name and the date sit in the lower half of the seal (居印章中心偏下); under a seal with a line below its star
  // they sit lower still, so that line stays readable.
  const subtitle = d.seal !== false && !!d.seal?.subtitle;
  const nameDrop = SEAL_RADIUS * (subtitle ? 0.64 : 0.36);
  const dateDrop = nameDrop + 26;
  const sealBlock = LINE * 0.3 + SEAL_RADIUS + Math.max(SEAL_RADIUS, dateDrop + BODY * 0.6);
  const blockHeight = Math.max(sealBlock, d.qr ? QR_SIZE + LINE * 0.3 : 0);
  const signatureAlone = L.ensure(blockHeight, noteHeight);
  if (signatureAlone && markNoText) L.paragraph(NO_TEXT_NOTE, body, LINE);
  const dateWidth = textWidth(body, r.date);
  const dateRight = RIGHT - 4 * BODY;
  const centreX = dateRight - dateWidth / 2;
  const blockTop = L.y - LINE * 0.3;
  const sealCy = blockTop - SEAL_RADIUS;
  const nameWidth = textWidth(body, d.department);
  const nameX = Math.min(centreX - nameWidth / 2, RIGHT - nameWidth);
  drawLine(L.page, d.department, nameX, sealCy - nameDrop, body);
  drawLine(L.page, r.date, dateRight - dateWidth, sealCy - dateDrop, body);
  if (d.qr) {
    drawQr(L.page, d.qr.text, LEFT, blockTop - QR_SIZE, QR_SIZE);
    const captionX = LEFT + QR_SIZE + 3 * MM;
    const captionWidth = centreX - SEAL_RADIUS - captionX - 2 * MM;
    const cap = L.style(10.5, BLACK);
    const url = L.style(7.5, GREY);
    const capLines = breakLines(r.qrCaption, captionWidth, (s) => textWidth(cap, s));
    const urlLines = breakLines(d.qr.text, captionWidth, (s) => textWidth(url, s)).slice(0, 4);
    let y = blockTop - QR_SIZE + urlLines.length * 10 + capLines.length * 14 - 10;
    for (const line of capLines) {
      drawLine(L.page, line.text, captionX, y, cap);
      y -= 14;
    }
    for (const line of urlLines) {
      drawLine(L.page, line.text, captionX, y, url);
      y -= 10;
    }
  }
  if (d.seal !== false) {
    drawSeal(L.page, bold, { name: d.department, subtitle: d.seal?.subtitle }, centreX, sealCy, SEAL_RADIUS);
    // The place of the seal: an empty signature field over the seal picture, filled by signPdf.
    addSignatureField(L.pdf, L.page, [centreX - SEAL_RADIUS, sealCy - SEAL_RADIUS, centreX + SEAL_RADIUS, sealCy + SEAL_RADIUS]);
  }
  L.y -= blockHeight;

  // ---- footnote (版记) at the foot of the last page ----
  if (noteLines.length > 0) {
    let y = L.bottom + noteHeight;
    L.page.drawLine({ start: { x: LEFT, y }, end: { x: RIGHT, y }, color: BLACK, thickness: 0.7 });
    y -= 2.5 * MM;
    const note = L.style(NOTE_SIZE, BLACK);
    noteLines.forEach((line, i) => {
      drawLine(L.page, line.text, LEFT + (i === 0 ? 2 * NOTE_SIZE : 0), y - NOTE_LINE / 2 - NOTE_SIZE * 0.38, note);
      y -= NOTE_LINE;
    });
    y -= 2.5 * MM;
    L.page.drawLine({ start: { x: LEFT, y }, end: { x: RIGHT, y }, color: BLACK, thickness: 0.7 });
  }

  // ---- page numbers: "— 1 —", 7 mm under the type area ----
  const pn = L.style(12, BLACK, regular);
  L.pages.forEach((page, i) => {
    const label = `— ${i + 1} —`;
    drawLine(page, label, (PAGE_W - textWidth(pn, label)) / 2, L.bottom - 7 * MM - 12, pn);
  });
  return { signatureAlone: signatureAlone && L.pages.length > 1 };
}

/** A font subset's PDF name (ISO 32000-1 9.6.4): a tag of six capitals, fixed by the glyphs it holds, then "+". */
function subsetName(postscriptName: string, text: string): string {
  const hash = createHash('sha256').update([...new Set(text)].sort().join('')).digest();
  const tag = [...hash.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  return `${tag}+${postscriptName}`;
}

/** The largest size ≤ `size` at which `text` fits `width`. */
function fitSize(font: PDFFont, text: string, size: number, width: number): number {
  const w = font.widthOfTextAtSize(text, size);
  return w <= width ? size : Math.floor(((size * width) / w) * 10) / 10;
}

/** The signature field name seal.ts looks for. */
export const SEAL_FIELD_NAME = 'Seal';

function addSignatureField(pdf: PDFDocument, page: PDFPage, rect: number[]): void {
  const ctx = pdf.context;
  const widget = ctx.register(
    ctx.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFString.of(SEAL_FIELD_NAME), Rect: rect.map((v) => Math.round(v * 100) / 100), F: 4, P: page.ref }),
  );
  page.node.addAnnot(widget);
  pdf.catalog.set(PDFName.of('AcroForm'), ctx.register(ctx.obj({ Fields: [widget] })));
}
