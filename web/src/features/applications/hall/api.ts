/**
 * The applicant's side of online applications (docs/applications.md): prefill, drafts, material uploads, filing,
 * my cases, a case, correction, rating, and the in-app notifications. Shapes mirror the server's schemas
 * (src/modules/applications/applications.schemas.ts); the server is the authority.
 */
import { api, ApiError, readReply, uploadWithProgress, type Page, type UploadHandle } from '../../../api';
import type { FormDefinition, PrefillValue } from '../../../components/schema-form';
import type { Guide, ItemDetail } from '../../catalog/types';
import type { CaseDetail, MaterialAnswer, MyCase, MaterialBy, RatingBody, UsableLicencesReply } from '../types';

const BASE = '/api/v1/applications';
const enc = encodeURIComponent;
type Opts = { signal?: AbortSignal };

// ---------------------------------------------------------------------------------------------------------------
// Types (the case resources themselves are in ../types, shared with the officers' workbench)

/** A registry value for a form field with where it came from (免填报). `value` is null when the registry has none. */
export interface PrefillEntry {
  value: string | number | boolean | null;
  sourceDepartment: string;
  updatedAt: string;
  locked: boolean;
}

export interface PrefillReply {
  form: FormDefinition | null;
  prefill: Record<string, PrefillEntry>;
}

export interface DraftSummary {
  itemId: string;
  itemName: string;
  itemVersion: number;
  updatedAt: string;
}

/** PUT /applications/drafts/:itemId */
export interface DraftBody {
  form: Record<string, unknown>;
  materials: MaterialAnswer[];
  receivingDepartmentId?: string | null;
}

export interface Draft {
  itemId: string;
  itemVersion: number;
  form: Record<string, unknown>;
  materials: unknown[];
  /** The receiving window (异地代收) chosen so far, or null. */
  receivingDepartmentId: string | null;
  updatedAt: string;
}

/** POST /applications/files → 201 */
export interface UploadedFile {
  sha256: string;
  name: string;
  contentType: string;
  size: number;
}

export interface SubmitBody {
  itemId: string;
  form: Record<string, unknown>;
  materials: MaterialAnswer[];
  receivingDepartmentId?: string;
}

export interface CorrectionBody {
  form: Record<string, unknown>;
  materials: MaterialAnswer[];
  expectedVersion: number;
}

export type NotificationKind =
  | 'case.submitted'
  | 'case.accepted'
  | 'case.not_accepted'
  | 'case.correction_requested'
  | 'case.corrected'
  | 'case.approved'
  | 'case.refused'
  | 'case.result_sent'
  | 'case.delivered';

export interface AppNotification {
  id: string;
  kind: NotificationKind | string;
  params: Record<string, unknown>;
  title: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The item's guide as the applications module reads it: the catalogue's guide plus its online form. */
export type GuideWithForm = Guide & { form?: FormDefinition | null };
export type ItemWithForm = Omit<ItemDetail, 'guide'> & { guide: GuideWithForm };

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** The material answers a draft or a case holds, checked item by item (anything malformed is dropped). */
export function parseMaterialAnswers(list: unknown): MaterialAnswer[] {
  if (!Array.isArray(list)) return [];
  const out: MaterialAnswer[] = [];
  for (const x of list) {
    if (!x || typeof x !== 'object') continue;
    const a = x as Record<string, unknown>;
    if (typeof a.key !== 'string' || typeof a.by !== 'string') continue;
    const f = a.file as Record<string, unknown> | undefined;
    const file = f && typeof f.sha256 === 'string' && typeof f.name === 'string' ? { sha256: f.sha256, name: f.name } : undefined;
    out.push({ key: a.key, by: a.by as MaterialBy, ...(file ? { file } : {}), ...(typeof a.licenceId === 'string' ? { licenceId: a.licenceId } : {}) });
  }
  return out;
}

/** Prefill entries the form renderer can use: those with a value. */
export function usablePrefill(prefill: Record<string, PrefillEntry> | undefined, form: FormDefinition | null): Record<string, PrefillValue> {
  const out: Record<string, PrefillValue> = {};
  if (!prefill || !form) return out;
  for (const [field, p] of Object.entries(prefill)) {
    if (p.value === null || p.value === undefined || !Object.prototype.hasOwnProperty.call(form.schema.properties, field)) continue;
    out[field] = { value: p.value, sourceDepartment: p.sourceDepartment, updatedAt: p.updatedAt, locked: p.locked };
  }
  return out;
}

/** A UUID for the Idempotency-Key header (crypto.randomUUID where the browser has it). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Applications

export const applicationsApi = {
  prefill: (itemId: string, opts: Opts = {}) => api.get<PrefillReply>(`${BASE}/prefill`, { itemId }, opts),
  /** 免提交: the applicant's (or the enterprise's) usable licences for each material a licence may replace. */
  usableLicences: (itemId: string, opts: Opts = {}) => api.get<UsableLicencesReply>(`${BASE}/items/${enc(itemId)}/usable-licences`, undefined, opts),

  drafts: (opts: Opts = {}) => api.get<{ items: DraftSummary[] }>(`${BASE}/drafts`, undefined, opts),
  /** The draft of an item, or null when there is none (404 applications.draft_not_found). */
  draft: async (itemId: string, opts: Opts = {}): Promise<Draft | null> => {
    try {
      return await api.get<Draft>(`${BASE}/drafts/${enc(itemId)}`, undefined, opts);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  },
  saveDraft: (itemId: string, body: DraftBody) => api.put<Draft>(`${BASE}/drafts/${enc(itemId)}`, body),
  deleteDraft: (itemId: string) => api.del<unknown>(`${BASE}/drafts/${enc(itemId)}`),

  /** 201 CaseDetail; 200 on a replay of the same key. */
  submit: (body: SubmitBody, idempotencyKey: string, csrf: string | null) => request<CaseDetail>('POST', BASE, body, csrf, { 'idempotency-key': idempotencyKey }),
  mine: (query: { limit?: number; cursor?: string | null }, opts: Opts = {}) => api.get<Page<MyCase>>(`${BASE}/mine`, { limit: query.limit, cursor: query.cursor ?? undefined }, opts),
  getCase: (id: string, opts: Opts = {}) => api.get<CaseDetail>(`${BASE}/cases/${enc(id)}`, undefined, opts),
  correct: (id: string, body: CorrectionBody) => api.post<CaseDetail>(`${BASE}/cases/${enc(id)}/correction`, body),
  rate: (id: string, body: RatingBody) => api.post<CaseDetail>(`${BASE}/cases/${enc(id)}/rating`, body),
};

/** Where an uploaded (not yet filed) material can be looked at. */
export const draftFileUrl = (sha256: string) => `${BASE}/files/${enc(sha256)}`;
/** Where a material of a filed case can be looked at. */
export const caseFileUrl = (caseId: string, sha256: string) => `${BASE}/cases/${enc(caseId)}/files/${enc(sha256)}`;

// The shared JSON client sends no custom headers; filing needs the Idempotency-Key, so it goes through this with the
// session's CSRF token (from useMe()).
async function request<T>(method: string, path: string, body: unknown, csrf: string | null, headers: Record<string, string>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'accept-language': document.documentElement.lang || 'zh-CN', ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  return readReply<T>(res);
}

/** Save a draft while the page goes away (keepalive: the browser finishes the request after the page is gone). */
export function saveDraftOnExit(itemId: string, body: DraftBody, csrf: string | null): void {
  try {
    void fetch(`${BASE}/drafts/${enc(itemId)}`, {
      method: 'PUT',
      credentials: 'same-origin',
      keepalive: true,
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: JSON.stringify(body),
    }).catch(() => undefined);
  } catch {
    /* nothing more can be done while the page unloads */
  }
}

export const MATERIAL_TYPES: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };
export const MATERIAL_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;

/** Upload a material (raw body, content type of the file, URI-encoded x-file-name) with progress (fetch has none). */
export function uploadMaterial(file: File, csrf: string | null, onProgress: (fraction: number) => void): UploadHandle<UploadedFile> {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  const type = MATERIAL_TYPES[ext] || file.type || 'application/octet-stream';
  return uploadWithProgress<UploadedFile>(`${BASE}/files`, file, type, csrf, onProgress, { 'x-file-name': enc(file.name) });
}

// ---------------------------------------------------------------------------------------------------------------
// Notifications

const NOTES = '/api/v1/notifications';

export const notificationsApi = {
  list: (query: { limit?: number; cursor?: string | null; unreadOnly?: boolean }, opts: Opts = {}) =>
    api.get<Page<AppNotification>>(NOTES, { limit: query.limit, cursor: query.cursor ?? undefined, unreadOnly: query.unreadOnly ? true : undefined }, opts),
  /** The unread count; quiet about an ended session (the next real action sends the user to log in). */
  unreadCount: async (opts: Opts = {}): Promise<number> => {
    const r = await api.get<unknown>(`${NOTES}/unread-count`, undefined, { ...opts, noAuthRedirect: true });
    if (typeof r === 'number') return r;
    const o = (r ?? {}) as Record<string, unknown>;
    const n = o.count ?? o.unread ?? o.unreadCount;
    return typeof n === 'number' ? n : 0;
  },
  markRead: (id: string) => api.post<unknown>(`${NOTES}/${enc(id)}/read`, {}),
  markAllRead: () => api.post<unknown>(`${NOTES}/read-all`, {}),
};

/** Pages that change what is read tell the bell, so its count follows at once. */
export const NOTIFICATIONS_CHANGED = 'tongban:notifications-changed';
export function notifyNotificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}
