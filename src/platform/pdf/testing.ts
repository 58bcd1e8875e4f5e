import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Test helpers for the PDF layer: the outside tools that check the documents (poppler's pdftotext, pdftoppm, pdfsig;
 * qpdf; NSS's certutil; openssl). A missing tool fails the test with the package to install — it is never skipped.
 */

const PACKAGES: Record<string, string> = {
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfsig: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  qpdf: 'qpdf',
  certutil: 'libnss3-tools',
  openssl: 'openssl',
};

/** Throws, naming the Debian package to install, unless every tool is on the PATH. */
export function requireTools(...tools: string[]): void {
  const missing = tools.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (missing.length > 0) {
    const pkgs = [...new Set(missing.map((t) => PACKAGES[t] ?? t))].join(' ');
    throw new Error(`The PDF tests need ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed: apt-get install -y ${pkgs}`);
  }
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `tongban-${prefix}-`));
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Runs a tool and returns what it printed (stdout and stderr together) and its exit status, never throwing on a status. */
export function run(tool: string, args: string[]): { output: string; status: number } {
  const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { output: `${r.stdout}${r.stderr}`, status: r.status ?? -1 };
}

/** The text of a PDF in content-stream order (pdftotext -raw), with all whitespace removed (CJK has no spaces). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** A page rendered to greyscale pixels (pdftoppm -gray, read from its PGM output). */
export function renderPageGray(file: string, page: number, dpi: number): { width: number; height: number; data: Uint8Array } {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 256 * 1024 * 1024 });
  // Header: "P5\n<width> <height>\n<maxval>\n" then width*height bytes.
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(pgm[pos]))) pos++;
    let tok = '';
    while (!/\s/.test(String.fromCharCode(pgm[pos]))) tok += String.fromCharCode(pgm[pos++]);
    fields.push(tok);
  }
  pos++;
  if (fields[0] !== 'P5' || fields[3] !== '255') throw new Error(`unexpected pdftoppm output ${fields.join(' ')}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, data: pgm.subarray(pos, pos + width * height) };
}

/** The signature's byte range, the signed bytes and the CMS blob of the (only) signature in a signed PDF. */
export function extractSignature(pdf: Uint8Array): { byteRange: number[]; signedBytes: Buffer; cms: Buffer } {
  const buf = Buffer.from(pdf);
  const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(buf.toString('latin1'));
  if (!m) throw new Error('no /ByteRange in the file');
  const [a, b, c, d] = m.slice(1).map(Number);
  const hex = buf.subarray(a + b + 1, c - 1).toString('latin1');
  const raw = Buffer.from(hex, 'hex');
  // The blob is a DER SEQUENCE padded with zeros: cut it at the length its header gives.
  if (raw[0] !== 0x30) throw new Error('the signature is not a DER SEQUENCE');
  let len = raw[1];
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + raw[2 + i];
    header = 2 + n;
  }
  return { byteRange: [a, b, c, d], signedBytes: Buffer.concat([buf.subarray(a, a + b), buf.subarray(c, c + d)]), cms: raw.subarray(0, header + len) };
}

/**
 * A copy of a PDF with one byte changed inside the first page's /MediaBox width (595.x → another digit): the file still
 * parses and renders, so a check that passes it has not looked at the signed bytes.
 */
export function forgeOneByte(bytes: Uint8Array): { forged: Buffer; at: number } {
  const marker = '/MediaBox [ 0 0 595.';
  const at = Buffer.from(bytes).toString('latin1').indexOf(marker) + marker.length;
  if (at < 100) throw new Error('forgeOneByte: no A4 /MediaBox found in the PDF');
  const forged = Buffer.from(bytes);
  forged[at] = forged[at] === 0x32 ? 0x33 : 0x32;
  return { forged, at };
}
