import { api, type Page } from '../../../api';
import type { CaseDetail, Defect, TransferKind, TransferMethod } from '../../applications/types';
import type { DeliveryMethod, QueueEntry, QueueKey, Rectification, RectificationStatus } from './types';

const BASE = '/api/v1/applications';
const enc = encodeURIComponent;
type Signal = AbortSignal | undefined;

const taskPath = (caseId: string, taskId: string, action: string) => `${BASE}/cases/${enc(caseId)}/tasks/${enc(taskId)}/${action}`;

/** The officers' endpoints of the applications module (docs/applications.md, "Officers"). */
export const casesApi = {
  queue: (queue: QueueKey, q: { limit?: number; cursor?: string | null }, signal?: Signal) =>
    api.get<Page<QueueEntry>>(`${BASE}/workbench`, { queue, limit: q.limit ?? 20, cursor: q.cursor ?? undefined }, { signal }),
  counts: (signal?: Signal) => api.get<{ counts: { queue: QueueKey; n: number; more: boolean }[]; cap: number }>(`${BASE}/workbench/counts`, undefined, { signal }),
  get: (id: string, signal?: Signal) => api.get<CaseDetail>(`${BASE}/cases/${enc(id)}`, undefined, { signal }),

  claim: (caseId: string, taskId: string) => api.post<{ ok: boolean }>(taskPath(caseId, taskId, 'claim')),
  release: (caseId: string, taskId: string) => api.post<{ ok: boolean }>(taskPath(caseId, taskId, 'release')),
  accept: (caseId: string, taskId: string, expectedVersion: number, opinion?: string) => api.post<CaseDetail>(taskPath(caseId, taskId, 'accept'), { expectedVersion, ...(opinion ? { opinion } : {}) }),
  refuse: (caseId: string, taskId: string, expectedVersion: number, reason: string) => api.post<CaseDetail>(taskPath(caseId, taskId, 'refuse'), { expectedVersion, reason }),
  correction: (caseId: string, taskId: string, expectedVersion: number, defects: Defect[]) => api.post<CaseDetail>(taskPath(caseId, taskId, 'correction'), { expectedVersion, defects }),
  review: (caseId: string, taskId: string, expectedVersion: number, outcome: 'agree' | 'disagree', opinion: string) => api.post<CaseDetail>(taskPath(caseId, taskId, 'review'), { expectedVersion, outcome, opinion }),
  decide: (caseId: string, taskId: string, expectedVersion: number, decision: 'approved' | 'refused', opinion: string) => api.post<CaseDetail>(taskPath(caseId, taskId, 'decide'), { expectedVersion, decision, opinion }),
  deliver: (caseId: string, taskId: string, expectedVersion: number, method: DeliveryMethod, trackingNumber?: string) =>
    api.post<CaseDetail>(taskPath(caseId, taskId, 'deliver'), { expectedVersion, method, ...(trackingNumber ? { trackingNumber } : {}) }),

  startSpecial: (caseId: string, expectedVersion: number, reason: string) => api.post<CaseDetail>(`${BASE}/cases/${enc(caseId)}/special-procedure`, { expectedVersion, reason }),
  endSpecial: (caseId: string, expectedVersion: number, opinion?: string) => api.post<CaseDetail>(`${BASE}/cases/${enc(caseId)}/special-procedure/end`, { expectedVersion, ...(opinion ? { opinion } : {}) }),

  sendTransfer: (caseId: string, body: { kind: TransferKind; method: TransferMethod; trackingNumber?: string; note?: string; expectedVersion: number }) =>
    api.post<CaseDetail>(`${BASE}/cases/${enc(caseId)}/transfers`, body),
  receiveTransfer: (caseId: string, transferId: string, expectedVersion: number) => api.post<CaseDetail>(`${BASE}/cases/${enc(caseId)}/transfers/${enc(transferId)}/receive`, { expectedVersion }),

  rectifications: (q: { status?: RectificationStatus | 'all'; limit?: number; cursor?: string | null }, signal?: Signal) =>
    api.get<Page<Rectification>>(`${BASE}/rectifications`, { status: q.status, limit: q.limit ?? 20, cursor: q.cursor ?? undefined }, { signal }),
  followUp: (id: string, body: { note: string; close: boolean; expectedVersion: number }) => api.post<{ ok: boolean }>(`${BASE}/rectifications/${enc(id)}/follow-up`, body),
  appeal: (id: string, body: { reason: string; expectedVersion: number }) => api.post<{ ok: boolean }>(`${BASE}/rectifications/${enc(id)}/appeal`, body),
  decideAppeal: (id: string, body: { upheld: boolean; opinion: string; expectedVersion: number }) => api.post<{ ok: boolean }>(`${BASE}/rectifications/${enc(id)}/appeal-decision`, body),
};

/** A case material's URL (for the applicant and the case's officers). */
export const caseFileUrl = (caseId: string, sha256: string) => `${BASE}/cases/${enc(caseId)}/files/${enc(sha256)}`;
