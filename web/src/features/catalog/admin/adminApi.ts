/**
 * The catalogue endpoints as the back office uses them: a thin façade over the shared catalogue client
 * (../api.ts, ../types.ts, owned by the citizen catalogue) plus uploads through the shared uploadWithProgress
 * (../../../api.ts) so pages can show upload progress (fetch has none).
 */
import { uploadWithProgress, type Page, type UploadHandle } from '../../../api';
import * as c from '../api';
import type { BasicItem, BasicLevel, CreateBasicItemBody, FileRef, Guide, ImportJob, ItemSummary, UpdateBasicItemBody, VersionStatus } from '../types';

export type {
  BasicItem, BasicLevel, CatalogVocab, Contact, CreateBasicItemBody, DiffEntry, FileRef, Guide, ImportJob, ImportProblem, ItemDetail, ItemSummary, Material,
  MaterialSubstitute, ReviewQueueEntry, ServiceObject, TimeLimit, VersionDiff, VersionInfo, VersionStatus,
} from '../types';
export { VERSION_STATUSES, MATERIAL_KEY_PATTERN, UPLOAD_MAX_BYTES, IMPORT_MAX_BYTES } from '../types';
export { fileUrl, exportUrl } from '../api';

type Signal = AbortSignal | undefined;

export const catalogAdminApi = {
  vocab: () => c.getVocab(),
  manageItems: (q: { departmentId?: string; status?: VersionStatus; q?: string; limit?: number; cursor?: string }, signal?: Signal): Promise<Page<ItemSummary>> => c.listManagedItems(q, { signal }),
  item: (id: string, signal?: Signal) => c.getItem(id, { signal }),
  version: (id: string, version: number, signal?: Signal) => c.getItemVersion(id, version, { signal }),
  versions: async (id: string, signal?: Signal) => ({ items: await c.listVersions(id, { signal }) }),
  createItem: (body: { basicCode: string; departmentId: string; guide: Guide; changeNote?: string }) => c.createItem(body),
  newVersion: (id: string, changeNote?: string) => c.createVersion(id, changeNote),
  saveVersion: (id: string, version: number, body: { guide: Guide; changeNote?: string; expectedUpdatedAt?: string }) => c.saveDraft(id, version, body),
  submit: (id: string, version: number) => c.submitVersion(id, version),
  withdraw: (id: string, version: number) => c.withdrawVersion(id, version),
  approve: (id: string, version: number, comment?: string) => c.approveVersion(id, version, comment),
  reject: (id: string, version: number, comment: string) => c.rejectVersion(id, version, comment),
  retire: (id: string, reason: string) => c.retireItem(id, reason),
  diff: (id: string, from: number, to: number, signal?: Signal) => c.diffVersions(id, from, to, { signal }),
  reviewQueue: async (signal?: Signal) => ({ items: await c.getReviewQueue({ signal }) }),
  basicItems: (q: { parentCode?: string; level?: BasicLevel; q?: string; limit?: number; cursor?: string }, signal?: Signal): Promise<Page<BasicItem>> => c.listBasicItems(q, { signal }),
  basicItem: (code: string) => c.getBasicItem(code),
  createBasicItem: (body: CreateBasicItemBody) => c.createBasicItem(body),
  updateBasicItem: (code: string, body: UpdateBasicItemBody) => c.updateBasicItem(code, body),
  importJob: (id: string, signal?: Signal) => c.getImport(id, { signal }),
};

/** Body types the file store accepts, by file name extension (the server checks the content again). */
export const UPLOAD_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const UPLOAD_ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx';

export function uploadCatalogFile(file: File, csrfToken: string | null, onProgress: (f: number) => void): UploadHandle<FileRef> {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  const type = UPLOAD_TYPES[ext] ?? (file.type || 'application/octet-stream');
  return uploadWithProgress<FileRef>('/api/v1/catalog/files', file, type, csrfToken, onProgress, { 'x-file-name': encodeURIComponent(file.name) });
}

export function uploadImport(file: File, csrfToken: string | null, onProgress: (f: number) => void): UploadHandle<ImportJob> {
  return uploadWithProgress<ImportJob>('/api/v1/catalog/imports', file, 'application/json', csrfToken, onProgress);
}
