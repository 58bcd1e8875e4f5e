import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import jsQRModule from 'jsqr';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { DEFAULT_TITLES, renderDocument, type OfficialDocument } from './document.js';
import { sourceFontPath } from './fonts.js';
import { qrMatrix } from './qr.js';
import { sampleDocuments } from './samples.js';
import { pdfText, renderPageGray, requireTools, run, tempDir, writeTemp } from './testing.js';

let dir: string;
const rendered = new Map<string, { file: string; bytes: Uint8Array; doc: OfficialDocument }>();

beforeAll(async () => {
  requireTools('pdftotext', 'pdftoppm', 'pdfinfo', 'qpdf');
  dir = tempDir('pdf-render');
  for (const s of sampleDocuments()) {
    const bytes = await renderDocument(s.doc);
    rendered.set(s.doc.kind, { file: writeTemp(dir, s.file, bytes), bytes, doc: s.doc });
  }
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const nospace = (s: string) => s.replace(/\s+/g, '');

/** The embedded font programs (FontFile2 streams) of a PDF, decoded. */
async function embeddedFonts(bytes: Uint8Array): Promise<{ name: string; program: Uint8Array }[]> {
  const pdf = await PDFDocument.load(bytes);
  const out: { name: string; program: Uint8Array }[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const file = obj.lookup(PDFName.of('FontFile2'));
    if (!(file instanceof PDFRawStream)) continue;
    out.push({ name: obj.lookup(PDFName.of('FontName'), PDFName).decodeText(), program: decodePDFRawStream(file).decode() });
  }
  return out;
}

describe('renderDocument', () => {
  it('prints every kind with its Chinese text intact (extracted again with pdftotext)', () => {
    for (const { file, doc } of rendered.values()) {
      // Page numbers ("— 1 —") sit between the last line of a page and the first of the next.
      const text = pdfText(file).replace(/—\d+—/g, '');
      const expected = [
        doc.department,
        doc.title ?? DEFAULT_TITLES[doc.kind],
        doc.number,
        ...(doc.addressee ? [doc.addressee + '：'] : []),
        ...doc.paragraphs,
        ...(doc.table?.rows.flatMap((r) => [r.label, r.value]) ?? []),
        ...(doc.table?.caption ? [doc.table.caption] : []),
        ...(doc.closing ?? []),
        '二〇二六年十一月二十八日',
        ...(doc.footnote ? [doc.footnote] : []),
      ];
      for (const piece of expected) expect(text, `${doc.kind}: ${piece}`).toContain(nospace(piece));
    }
  });

  it('sets A4 pages, the metadata and the language', async () => {
    const { bytes, file } = rendered.get('准予许可决定书')!;
    const info = run('pdfinfo', [file]).output;
    expect(info).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(info).toMatch(/Title:\s+准予行政许可决定书（澜民许字〔2026〕第0012号）/);
    expect(info).toMatch(/Author:\s+澜州市民政局/);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).asString()).toBe('zh-CN');
  });

  it('embeds each font subset to exactly the characters it prints, a tiny part of the 14.8 MB source', async () => {
    const source = fs.statSync(sourceFontPath('regular')).size;
    expect(source).toBeGreaterThan(10_000_000);
    for (const { bytes, doc } of rendered.values()) {
      const fonts = await embeddedFonts(bytes);
      expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
      for (const f of fonts) {
        expect(f.name, 'a subset is named TAG+Name').toMatch(/^[A-Z]{6}\+NotoSerifSC-/);
        expect(f.program.length).toBeLessThan(source / 100);
        const font = fontkit.create(f.program);
        // Far fewer glyphs than the source's ~30,900: only what the document prints (plus .notdef).
        expect(font.numGlyphs).toBeLessThan(600);
        expect(font.hasGlyphForCodePoint('龘'.codePointAt(0)!), 'a character the document does not use').toBe(false);
      }
      const regular = fontkit.create(fonts.find((f) => f.name.includes('Regular'))!.program);
      for (const ch of nospace(doc.paragraphs.join('') + (doc.closing ?? []).join(''))) {
        expect(regular.hasGlyphForCodePoint(ch.codePointAt(0)!), `${ch} in the body font`).toBe(true);
      }
      expect(bytes.length, `${doc.kind} stays small`).toBeLessThan(200_000);
    }
  });

  it('draws a QR code that decodes (jsQR, from the pixels pdftoppm renders) to the given URL, at the version qrcode chose', () => {
    for (const { file, doc } of rendered.values()) {
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]).output)![1]);
      const img = renderPageGray(file, pages, 150);
      const rgba = new Uint8ClampedArray(img.width * img.height * 4);
      for (let i = 0; i < img.data.length; i++) {
        rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = img.data[i];
        rgba[4 * i + 3] = 255;
      }
      // jsqr is CommonJS: its function is also its `default` property, the only one TypeScript sees.
      const code = jsQRModule.default(rgba, img.width, img.height);
      expect(code, `${doc.kind}: a QR code is found on the last page`).not.toBeNull();
      expect(code!.data).toBe(doc.qr!.text);
      expect(code!.version).toBe((qrMatrix(doc.qr!.text).length - 17) / 4);
    }
  });

  it('passes qpdf --check', () => {
    for (const { file } of rendered.values()) {
      const r = run('qpdf', ['--check', file]);
      expect(r.output).toContain('No syntax or stream encoding errors found');
      expect(r.status).toBe(0);
    }
  });

  it('leaves an empty signature field named Seal over the seal, on the page of the signature block', async () => {
    const { bytes } = rendered.get('补正通知书')!;
    const pdf = await PDFDocument.load(bytes);
    const fields = pdf.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
    expect(fields.size()).toBe(1);
    const field = fields.lookup(0, PDFDict);
    expect(field.get(PDFName.of('FT'))).toBe(PDFName.of('Sig'));
    expect(field.lookup(PDFName.of('T'), PDFString).asString()).toBe('Seal');
    expect(field.has(PDFName.of('V'))).toBe(false);
    const [x1, y1, x2, y2] = field.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => Number(n.toString()));
    expect(x2 - x1).toBeCloseTo((42 / 25.4) * 72, 0); // a 42 mm seal
    expect(y2 - y1).toBeCloseTo(x2 - x1, 1);
    expect(x2).toBeLessThan(595.28 - 26 * (72 / 25.4)); // inside the right margin
  });

  it('flows a long document over pages with page numbers, never leaving the seal alone on its page', async () => {
    const base = sampleDocuments()[0].doc;
    const long: OfficialDocument = { ...base, paragraphs: Array.from({ length: 14 }, (_, i) => `第${i + 1}段。${base.paragraphs[0]}`) };
    const file = writeTemp(dir, 'long.pdf', await renderDocument(long));
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]).output)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(file);
    for (let i = 1; i <= pages; i++) expect(text).toContain(`—${i}—`);
    for (let i = 1; i <= 14; i++) expect(text).toContain(`第${i}段。`);
    // The signature page holds body text before the signature, or says that it holds none.
    const lastPage = run('pdftotext', ['-raw', '-f', String(pages), '-l', String(pages), file, '-']).output.replace(/\s+/g, '');
    const beforeSignature = lastPage.slice(0, lastPage.indexOf(base.department + '二〇二六年'));
    expect(beforeSignature.length).toBeGreaterThan(0);
  });

  it('says 此页无正文 when the signature block cannot share a page with the body text', async () => {
    // Lengthen the body line by line until the block is pushed alone onto a new page, however tight the spacing.
    const base = sampleDocuments()[1].doc;
    let found = false;
    for (let n = 1; n <= 40 && !found; n++) {
      const doc: OfficialDocument = { ...base, paragraphs: [...base.paragraphs, ...Array.from({ length: n }, () => '本机关特此告知。')] };
      const file = writeTemp(dir, `fill-${n}.pdf`, await renderDocument(doc));
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]).output)![1]);
      if (pages < 2) continue;
      const last = run('pdftotext', ['-raw', '-f', String(pages), '-l', String(pages), file, '-']).output.replace(/\s+/g, '');
      if (last.startsWith('（此页无正文）')) found = true;
      else expect(last.startsWith('本机关特此告知。'), `page ${pages} of fill-${n} starts with body text`).toBe(true);
    }
    expect(found).toBe(true);
  }, 120_000);

  it('refuses invalid documents with the field at fault', async () => {
    const base = sampleDocuments()[1].doc;
    const bad = async (doc: unknown) => {
      try {
        await renderDocument(doc as OfficialDocument);
      } catch (e) {
        return e as AppError;
      }
      throw new Error('rendered an invalid document');
    };
    const e1 = await bad({ ...base, kind: '通知' });
    expect(e1).toBeInstanceOf(AppError);
    expect(e1.code).toBe('pdf.invalid_document');
    expect((e1.details as { field: string }[])[0].field).toBe('/kind');
    expect(((await bad({ ...base, number: ' ' })).details as { field: string }[])[0].field).toBe('/number');
    expect(((await bad({ ...base, date: new Date('x') })).details as { field: string }[])[0].field).toBe('/date');
    expect(((await bad({ ...base, paragraphs: ['x'.repeat(3001)] })).details as { field: string }[])[0].field).toBe('/paragraphs/0');
  });

  it('refuses characters the font cannot print instead of printing empty boxes', async () => {
    const base = sampleDocuments()[1].doc;
    try {
      await renderDocument({ ...base, addressee: '张😀' });
      throw new Error('rendered a character the font lacks');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('pdf.unsupported_characters');
      expect((e as AppError).details).toEqual({ characters: ['U+1F600'] });
    }
  });

  it('prints the characters of rare names the font has (GB 18030 beyond GB 2312)', async () => {
    const base = sampleDocuments()[1].doc;
    const file = writeTemp(dir, 'rare.pdf', await renderDocument({ ...base, addressee: '王喆、李堃、赵珺' }));
    expect(pdfText(file)).toContain('王喆、李堃、赵珺：');
  });

  it('writes a document without seal or QR code when asked', async () => {
    const base = sampleDocuments()[1].doc;
    const bytes = await renderDocument({ ...base, seal: false, qr: undefined });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.catalog.has(PDFName.of('AcroForm'))).toBe(false);
    expect(path.basename(writeTemp(dir, 'plain.pdf', bytes))).toBe('plain.pdf');
  });
});
