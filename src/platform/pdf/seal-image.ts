import { BlendMode, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { drawTransformed, textWidth } from './draw.js';

/**
 * The picture of a department's round official seal (公章): a red ring, a five-pointed star in the middle, the
 * department's name along the upper arc in narrow characters read clockwise, and an optional line under the star
 * (e.g. 行政许可专用章). It is printed over the signature block in "multiply" mode, so the black text under it shows
 * through as it does under real seal ink. The picture is only a picture: what proves the document is the digital
 * signature (seal.ts), whose field sits on the same rectangle.
 */

export const SEAL_RED = rgb(0.85, 0.07, 0.09);

export interface SealPicture {
  /** Text along the arc: the department's name. */
  name: string;
  /** Optional horizontal line under the star. */
  subtitle?: string;
}

/** Characters allowed to be laid along the arc in one turn; longer names get smaller characters. */
const MAX_SPAN_DEG = 250;

export function drawSeal(page: PDFPage, font: PDFFont, seal: SealPicture, cx: number, cy: number, radius: number): void {
  const multiply = page.node.newExtGState('SealGS', page.doc.context.obj({ Type: 'ExtGState', BM: 'Multiply', ca: 0.92, CA: 0.92 }));
  const ring = radius * 0.055;
  // Ring.
  page.drawCircle({ x: cx, y: cy, size: radius - ring / 2, borderColor: SEAL_RED, borderWidth: ring, borderOpacity: 0.92, blendMode: BlendMode.Multiply });

  // Star: five points, outer radius a third of the seal's.
  const outer = radius * 0.3;
  const inner = outer * 0.382;
  const points: string[] = [];
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? outer : inner;
    const a = Math.PI / 2 + (k * Math.PI) / 5;
    // drawSvgPath's y axis points down.
    points.push(`${(r * Math.cos(a)).toFixed(3)} ${(-r * Math.sin(a)).toFixed(3)}`);
  }
  const starCy = cy + radius * 0.02;
  page.drawSvgPath(`M ${points.join(' L ')} Z`, { x: cx, y: starCy, color: SEAL_RED, opacity: 0.92, borderWidth: 0, blendMode: BlendMode.Multiply });

  // Name along the arc, clockwise from the lower left to the lower right.
  const chars = [...seal.name.replace(/\s+/g, '')];
  const n = chars.length;
  if (n > 0) {
    const scaleX = 0.78;
    const gap = radius * 0.05;
    let size = radius * 0.27;
    const spanDeg = n === 1 ? 0 : Math.min(MAX_SPAN_DEG, Math.max(150, 60 + 20 * n));
    const step = n === 1 ? 0 : ((spanDeg / (n - 1)) * Math.PI) / 180;
    // Shrink the characters until neighbours do not touch along the arc.
    for (let i = 0; i < 4 && n > 1; i++) {
      const centreRadius = radius - ring - gap - size * 0.5;
      const fit = (centreRadius * step) / (scaleX * 1.08);
      if (fit >= size) break;
      size = fit;
    }
    const style = { font, size, color: SEAL_RED };
    const centreRadius = radius - ring - gap - size * 0.5;
    // CJK glyphs sit on the em box from -0.12 em to 0.88 em: its middle is 0.38 em above the baseline.
    const baseRadius = centreRadius - size * 0.38;
    const start = Math.PI / 2 + (step * (n - 1)) / 2;
    chars.forEach((ch, i) => {
      const theta = start - i * step;
      const w = textWidth(style, ch) * scaleX;
      const ux = Math.cos(theta);
      const uy = Math.sin(theta);
      // The text's x axis after turning by theta − 90°.
      const tx = Math.sin(theta);
      const ty = -Math.cos(theta);
      const ox = cx + baseRadius * ux - (w / 2) * tx;
      const oy = cy + baseRadius * uy - (w / 2) * ty;
      drawTransformed(page, ch, ox, oy, theta - Math.PI / 2, scaleX, style, multiply);
    });
  }

  if (seal.subtitle) {
    const scaleX = 0.85;
    let size = radius * 0.14;
    const maxWidth = radius * 1.2;
    const natural = textWidth({ font, size }, seal.subtitle) * scaleX;
    if (natural > maxWidth) size *= maxWidth / natural;
    const w = textWidth({ font, size }, seal.subtitle) * scaleX;
    drawTransformed(page, seal.subtitle, cx - w / 2, cy - radius * 0.4, 0, scaleX, { font, size, color: SEAL_RED }, multiply);
  }
}
