import {
  PDFName,
  beginText,
  concatTransformationMatrix,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSpacing,
  setFillingColor,
  setFontAndSize,
  setGraphicsState,
  setTextMatrix,
  showText,
  type Color,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';

/**
 * Low-level text drawing: pdf-lib's drawText cannot set character spacing (needed to justify CJK lines and to space
 * out a short heading) nor scale glyphs horizontally (the narrow characters of a seal), so text goes out as PDF text
 * operators here. Fonts are registered once per page.
 */

const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();
const subsetChars = new WeakMap<PDFFont, Set<string>>();

/** Records the characters a font was subset to: drawing any other character with it is a bug, caught here. */
export function registerSubset(font: PDFFont, text: string): void {
  subsetChars.set(font, new Set(text));
}

function assertInSubset(font: PDFFont, text: string): void {
  const chars = subsetChars.get(font);
  if (!chars) return;
  for (const ch of text) if (!chars.has(ch)) throw new Error(`pdf: "${ch}" is drawn with a font that was not subset for it`);
}

export function fontKey(page: PDFPage, font: PDFFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) {
    keys = new Map();
    fontKeys.set(page, keys);
  }
  let key = keys.get(font);
  if (!key) {
    key = page.node.newFontDictionary(font.name, font.ref);
    keys.set(font, key);
  }
  return key;
}

export interface TextStyle {
  font: PDFFont;
  size: number;
  color: Color;
}

/** Draws one line of text with its baseline starting at (x, y); `charSpacing` is added after every character. */
export function drawLine(page: PDFPage, text: string, x: number, y: number, style: TextStyle, charSpacing = 0): void {
  if (text === '') return;
  assertInSubset(style.font, text);
  page.pushOperators(
    pushGraphicsState(),
    setFillingColor(style.color),
    beginText(),
    setFontAndSize(fontKey(page, style.font), style.size),
    ...(charSpacing !== 0 ? [setCharacterSpacing(charSpacing)] : []),
    setTextMatrix(1, 0, 0, 1, x, y),
    showText(style.font.encodeText(text)),
    endText(),
    popGraphicsState(),
  );
}

/**
 * Draws text under an arbitrary transformation: the glyphs' origin goes to (x, y), the text is turned by `angle`
 * radians (counter-clockwise) and its glyphs are scaled horizontally by `scaleX`. An optional ExtGState (blend mode,
 * opacity) applies.
 */
export function drawTransformed(page: PDFPage, text: string, x: number, y: number, angle: number, scaleX: number, style: TextStyle, graphicsState?: PDFName): void {
  assertInSubset(style.font, text);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  page.pushOperators(
    pushGraphicsState(),
    ...(graphicsState ? [setGraphicsState(graphicsState)] : []),
    concatTransformationMatrix(cos * scaleX, sin * scaleX, -sin, cos, x, y),
    setFillingColor(style.color),
    beginText(),
    setFontAndSize(fontKey(page, style.font), style.size),
    setTextMatrix(1, 0, 0, 1, 0, 0),
    showText(style.font.encodeText(text)),
    endText(),
    popGraphicsState(),
  );
}

export function textWidth(style: Pick<TextStyle, 'font' | 'size'>, text: string): number {
  return style.font.widthOfTextAtSize(text, style.size);
}
