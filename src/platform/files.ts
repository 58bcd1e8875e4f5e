import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from './deps.js';
import type { Actor } from './actor.js';
import { AppError, invalid, notFound } from './errors.js';
import { withTx } from './db/database.js';
import { recordChange } from './record.js';

/**
 * Content-addressed file store on the local disk (under `<data dir>/files/ab/cd/<sha256>`), indexed in `stored_files`.
 * The same bytes are stored once. Types are decided by the content (magic numbers), never by a name or a header.
 */

export type StoredType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The type the bytes really are, or null when they are none of the accepted kinds. */
export function sniffType(bytes: Buffer): StoredType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    // Office Open XML: a zip whose entries name word/ or xl/ (looked up in the first 64 KiB of local headers).
    const head = bytes.subarray(0, Math.min(bytes.length, 65536)).toString('latin1');
    if (head.includes('word/')) return DOCX;
    if (head.includes('xl/')) return XLSX;
  }
  return null;
}

export interface StoredFile {
  sha256: string;
  contentType: StoredType;
  size: number;
}

function fileDir(deps: Pick<Deps, 'config'>): string {
  return path.join(deps.config.dataDir, 'files');
}

export function filePath(deps: Pick<Deps, 'config'>, sha256: string): string {
  return path.join(fileDir(deps), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Stores bytes; `declaredType` (the request's Content-Type) must agree with what the content is. The bytes are written
 * to a temporary name and renamed, so a crash never leaves a half-written file under its final name.
 */
export async function storeFile(deps: Deps, actor: Actor, bytes: Buffer, declaredType: string | undefined, opts: { maxBytes: number; allowed: readonly StoredType[]; purpose: string }): Promise<StoredFile> {
  if (bytes.length === 0) throw invalid('files.empty', 'The file is empty.');
  if (bytes.length > opts.maxBytes) throw new AppError('too_large', 'files.too_large', `The file is larger than ${Math.round(opts.maxBytes / 1024 / 1024)} MB.`, { limitBytes: opts.maxBytes });
  const actual = sniffType(bytes);
  if (!actual || !opts.allowed.includes(actual)) {
    throw invalid('files.type_not_allowed', `The file's content is not one of the accepted types (${opts.allowed.map(shortType).join(', ')}).`, { detected: actual });
  }
  const declared = (declaredType ?? '').split(';')[0].trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && declared !== actual) {
    throw invalid('files.type_mismatch', `The file says it is ${declared} but its content is ${shortType(actual)}.`, { declared, detected: actual });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = filePath(deps, sha256);
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.access(target);
  } catch {
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  }
  await withTx(deps.db, async (tx) => {
    const now = deps.clock.nowIso();
    await tx.insertInto('stored_files').values({ sha256, content_type: actual, size: bytes.length, created_at: now, created_by: actor.username }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
    await recordChange(tx, deps, actor, { audit: { action: 'file.stored', targetType: 'file', targetId: sha256, details: { contentType: actual, size: bytes.length, purpose: opts.purpose } } });
  });
  return { sha256, contentType: actual, size: bytes.length };
}

export async function readStoredFile(deps: Deps, sha256: string): Promise<{ contentType: string; size: number; bytes: Buffer }> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw notFound('files.not_found', 'No such file.');
  const row = await deps.db.selectFrom('stored_files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  if (!row) throw notFound('files.not_found', 'No such file.');
  const bytes = await fs.readFile(filePath(deps, sha256)).catch(() => {
    throw notFound('files.not_found', 'The file is recorded but its content is missing from the store.');
  });
  return { contentType: row.content_type, size: row.size, bytes };
}

function shortType(t: string): string {
  return t === DOCX ? 'DOCX' : t === XLSX ? 'XLSX' : t.split('/')[1].toUpperCase();
}

/** The file name an upload gives in its (URI-encoded) x-file-name header, made safe to store and show. */
export function fileNameFromHeader(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  if (!v) return 'file';
  try {
    return decodeURIComponent(v).replace(/[\\/\r\n]/g, '_').slice(0, 120) || 'file';
  } catch {
    return 'file';
  }
}
