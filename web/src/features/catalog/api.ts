/**
 * Typed client functions for every catalogue endpoint (see the HTTP API in catalog.routes.ts on the server). Public
 * ones (search, guides, vocab, files) work logged out; management ones need a department_admin / platform_admin
 * session. All errors are ApiError (code, message, details) like the rest of the app.
 */
import { api, ApiError, fetchAll, readReply, withQuery, type Me, type Page } from '../../api';
import { currentLang } from '../../i18n';
import type {
  BasicItem, BasicItemListQuery, CatalogFile, CatalogVocab, CreateBasicItemBody, CreateItemBody, FileRef, ImportJob,
  ItemDetail, ItemSummary, ManageListQuery, ReviewQueueEntry, SaveDraftBody, SearchQuery, SearchResult,
  UpdateBasicItemBody, VersionDiff, VersionInfo, VocabName,
} from './types';

const BASE = '/api/v1/catalog';
const enc = encodeURIComponent;
type Opts = { signal?: AbortSignal };

// ---------------------------------------------------------------------------------------------------------------
// Public

let vocabCache: Promise<CatalogVocab> | null = null;

/** The fixed vocabularies with zh/en names (fetched once per page load). */
export function getVocab(force = false): Promise<CatalogVocab> {
  if (!vocabCache || force) {
    vocabCache = api.get<CatalogVocab>(`${BASE}/vocab`);
    vocabCache.catch(() => {
      vocabCache = null;
    });
  }
  return vocabCache;
}

/** A vocabulary name in the UI language (the code itself when unknown). */
export function vocabName(v: CatalogVocab | null | undefined, section: keyof CatalogVocab, code: string | number | null | undefined): string {
  if (code === null || code === undefined) return '';
  const entry = (v?.[section] as Record<string, VocabName> | undefined)?.[String(code)];
  if (!entry) return String(code);
  return currentLang() === 'en' ? entry.en : entry.zh;
}

/** Full-text search and filtered browse (empty q with filters lists). */
export function searchCatalog(query: SearchQuery, opts: Opts = {}): Promise<SearchResult> {
  return api.get<SearchResult>(`${BASE}/search`, { ...query }, opts);
}

/** The published guide of an item (404 catalog.item_not_published). */
export function getItem(id: string, opts: Opts = {}): Promise<ItemDetail> {
  return api.get<ItemDetail>(`${BASE}/items/${enc(id)}`, undefined, opts);
}

/** One version of an item (drafts only for its managing admins). */
export function getItemVersion(id: string, version: number, opts: Opts = {}): Promise<ItemDetail> {
  return api.get<ItemDetail>(`${BASE}/items/${enc(id)}/versions/${version}`, undefined, opts);
}

/** 基本目录, one page (cursor). */
export function listBasicItems(query: BasicItemListQuery = {}, opts: Opts = {}): Promise<Page<BasicItem>> {
  return api.get<Page<BasicItem>>(`${BASE}/basic-items`, { ...query }, opts);
}

/** Every basic item matching the query (follows the cursor; bounded). */
export function listAllBasicItems(query: Omit<BasicItemListQuery, 'cursor' | 'limit'> = {}, max = 5000): Promise<BasicItem[]> {
  return fetchAll<BasicItem>(`${BASE}/basic-items`, { ...query }, max);
}

export function getBasicItem(code: string, opts: Opts = {}): Promise<BasicItem> {
  return api.get<BasicItem>(`${BASE}/basic-items/${enc(code)}`, undefined, opts);
}

/** Where a stored file (blank form, sample) downloads from. */
export function fileUrl(file: FileRef | string): string {
  return `${BASE}/files/${typeof file === 'string' ? file : file.sha256}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Management (department_admin: own department; platform_admin: all)

/** Items an admin manages, with latestVersion / latestStatus. */
export function listManagedItems(query: ManageListQuery = {}, opts: Opts = {}): Promise<Page<ItemSummary>> {
  return api.get<Page<ItemSummary>>(`${BASE}/manage/items`, { ...query }, opts);
}

/** A new item (version 1, draft). 201. */
export function createItem(body: CreateItemBody): Promise<ItemDetail> {
  return api.post<ItemDetail>(`${BASE}/items`, body);
}

/** All versions of an item, newest first. */
export async function listVersions(id: string, opts: Opts = {}): Promise<VersionInfo[]> {
  const r = await api.get<{ items: VersionInfo[] }>(`${BASE}/items/${enc(id)}/versions`, undefined, opts);
  return r.items;
}

/** A new draft copied from the newest version (409 catalog.open_draft_exists). */
export function createVersion(id: string, changeNote?: string): Promise<ItemDetail> {
  return api.post<ItemDetail>(`${BASE}/items/${enc(id)}/versions`, changeNote ? { changeNote } : {});
}

/**
 * Save a draft (409 catalog.version_immutable / catalog.edit_conflict; 400 request.invalid / catalog.invalid_guide
 * with details [{ field: 'guide.materials.2.acceptanceStandard', reason }]).
 */
export function saveDraft(id: string, version: number, body: SaveDraftBody): Promise<ItemDetail> {
  return api.put<ItemDetail>(`${BASE}/items/${enc(id)}/versions/${version}`, body);
}

/** draft → submitted */
export function submitVersion(id: string, version: number): Promise<VersionInfo> {
  return api.post<VersionInfo>(`${BASE}/items/${enc(id)}/versions/${version}/submit`, {});
}

/** submitted → draft */
export function withdrawVersion(id: string, version: number): Promise<VersionInfo> {
  return api.post<VersionInfo>(`${BASE}/items/${enc(id)}/versions/${version}/withdraw`, {});
}

/** (platform_admin) submitted → published; the previous published version becomes retired. */
export function approveVersion(id: string, version: number, comment?: string): Promise<VersionInfo> {
  return api.post<VersionInfo>(`${BASE}/items/${enc(id)}/versions/${version}/approve`, comment ? { comment } : {});
}

/** (platform_admin) submitted → draft with reviewComment. */
export function rejectVersion(id: string, version: number, comment: string): Promise<VersionInfo> {
  return api.post<VersionInfo>(`${BASE}/items/${enc(id)}/versions/${version}/reject`, { comment });
}

/** Take the item out of the public catalogue. */
export function retireItem(id: string, reason: string): Promise<ItemSummary> {
  return api.post<ItemSummary>(`${BASE}/items/${enc(id)}/retire`, { reason });
}

/** What changed between two versions (paths relative to the guide: `materials.2.name`). */
export function diffVersions(id: string, from: number, to: number, opts: Opts = {}): Promise<VersionDiff> {
  return api.get<VersionDiff>(`${BASE}/items/${enc(id)}/diff`, { from, to }, opts);
}

/** (platform_admin) submitted versions waiting for review. */
export async function getReviewQueue(opts: Opts = {}): Promise<ReviewQueueEntry[]> {
  const r = await api.get<{ items: ReviewQueueEntry[] }>(`${BASE}/review-queue`, undefined, opts);
  return r.items;
}

/** (platform_admin) 201 */
export function createBasicItem(body: CreateBasicItemBody): Promise<BasicItem> {
  return api.post<BasicItem>(`${BASE}/basic-items`, body);
}

/** (platform_admin) */
export function updateBasicItem(code: string, body: UpdateBasicItemBody): Promise<BasicItem> {
  return api.patch<BasicItem>(`${BASE}/basic-items/${enc(code)}`, body);
}

// Raw (non-JSON-encoded) bodies: the shared client only sends JSON, so these do their own fetch with the session's
// CSRF token (from /auth/me) and read the reply with the shared client's readReply (the same ApiError).

async function rawPost<T>(path: string, body: BodyInit, headers: Record<string, string>, signal?: AbortSignal): Promise<T> {
  const me = await api.get<Me>('/api/v1/auth/me', undefined, { signal });
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': me.csrfToken, ...headers },
      body,
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  return readReply<T>(res);
}

/**
 * Store a blank form / sample (pdf, png, jpeg, docx, xlsx; ≤ 10 MB, type checked by content) → FileRef for the
 * guide (201). `name` defaults to the file's own name.
 */
export function uploadFile(file: Blob, name?: string, opts: Opts = {}): Promise<FileRef> {
  const fileName = name ?? (file instanceof File ? file.name : 'file');
  const type = file.type || guessContentType(fileName);
  return rawPost<FileRef>(`${BASE}/files`, file, { 'content-type': type, 'x-file-name': enc(fileName) }, opts.signal);
}

function guessContentType(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return (
    {
      pdf: 'application/pdf',
      png: 'image/png',
      jpg: 'image/jpeg',
      jpeg: 'image/jpeg',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }[ext] ?? 'application/octet-stream'
  );
}

/** (platform_admin) Start an import of a whole catalogue file (≤ 20 MB) → 202 ImportJob; poll getImport. */
export function startImport(file: Blob | string | CatalogFile, opts: Opts = {}): Promise<ImportJob> {
  const body: BodyInit = typeof file === 'string' || file instanceof Blob ? file : JSON.stringify(file);
  return rawPost<ImportJob>(`${BASE}/imports`, body, { 'content-type': 'application/json' }, opts.signal);
}

export function getImport(id: string, opts: Opts = {}): Promise<ImportJob> {
  return api.get<ImportJob>(`${BASE}/imports/${enc(id)}`, undefined, opts);
}

/** Poll an import every `intervalMs` until done/failed, reporting progress; resolves with the final job. */
export async function waitForImport(id: string, onProgress?: (job: ImportJob) => void, opts: Opts & { intervalMs?: number } = {}): Promise<ImportJob> {
  const interval = opts.intervalMs ?? 300;
  for (;;) {
    const job = await getImport(id, opts);
    onProgress?.(job);
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, interval);
      opts.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      }, { once: true });
    });
  }
}

/** URL of the catalogue export (published guides, JSON download), for an <a href download>. */
export function exportUrl(departmentId?: string): string {
  return withQuery(`${BASE}/export`, { departmentId });
}

/** The catalogue export as data. */
export function exportCatalog(departmentId?: string, opts: Opts = {}): Promise<CatalogFile> {
  return api.get<CatalogFile>(`${BASE}/export`, { departmentId }, opts);
}
