import QRCode from 'qrcode';
import { rgb, type PDFPage } from 'pdf-lib';

/** The module matrix of a QR code: `dark[row][col]`, without the quiet zone. */
export function qrMatrix(text: string): boolean[][] {
  // Level M (15 % recovery): survives a fold or a stamp across the corner of a printed page and keeps the code small.
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = code.modules.size;
  const rows: boolean[][] = [];
  for (let r = 0; r < n; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < n; c++) row.push(Boolean(code.modules.get(r, c)));
    rows.push(row);
  }
  return rows;
}

/**
 * Draws a QR code as vector rectangles (one per horizontal run of dark modules), so it stays sharp at any zoom and
 * costs a few kilobytes. (x, y) is the bottom-left corner of the code without its quiet zone; `size` is its width.
 */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const m = qrMatrix(text);
  const n = m.length;
  const cell = size / n;
  const black = rgb(0, 0, 0);
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!m[r][c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && m[r][c]) c++;
      // A hair of overlap between runs of neighbouring rows keeps viewers from showing seams between modules.
      page.drawRectangle({ x: x + start * cell, y: y + size - (r + 1) * cell - 0.05, width: (c - start) * cell, height: cell + 0.1, color: black, borderWidth: 0 });
    }
  }
}
