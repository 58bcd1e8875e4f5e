/**
 * Sealed documents of a case (不予受理通知书, 补正材料通知书, 准予许可决定书) and their public verification
 * (docs/applications.md, "Sealed documents"). Shapes mirror the server's schemas
 * (src/modules/applications/applications.schemas.ts: CaseDocument, DocumentVerification); the server is the authority.
 */
import { api } from '../../../api';

const BASE = '/api/v1/applications';
const enc = encodeURIComponent;

export type CaseDocumentKind = 'not_accepted_notice' | 'correction_notice' | 'approval_decision';

export interface CaseDocument {
  id: string;
  caseId: string;
  kind: CaseDocumentKind;
  /** the printed title, e.g. 补正材料通知书 */
  title: string;
  /** 文号 */
  number: string;
  departmentId: string;
  departmentName: string;
  issuedAt: string;
  /** pending: being made and sealed; ready: the PDF can be downloaded */
  status: 'pending' | 'ready';
  sha256: string | null;
  size: number | null;
  readyAt: string | null;
  verificationUrl: string;
}

export interface DocumentVerification {
  id: string;
  number: string;
  kind: CaseDocumentKind;
  title: string;
  department: { id: string; name: string };
  /** China calendar day, YYYY-MM-DD */
  issuedOn: string;
  issuedAt: string;
  /** masked */
  caseNumber: string;
  /** masked for a person */
  addressee: string;
  status: 'issued' | 'pending';
  sha256: string | null;
  size: number | null;
  sealedAt: string | null;
}

export const documentsApi = {
  /** The case's documents (its applicant, or officers of the case); the server seals pending ones it can first. */
  list: (caseId: string, signal?: AbortSignal) => api.get<{ items: CaseDocument[] }>(`${BASE}/cases/${enc(caseId)}/documents`, undefined, { signal }),
  /** Public: no login. */
  verification: (id: string, signal?: AbortSignal) => api.get<DocumentVerification>(`${BASE}/documents/${enc(id)}/verification`, undefined, { signal, noAuthRedirect: true }),
};

/** The signed PDF (same-origin link: the session cookie authorises it; an officer's download is logged). */
export const documentPdfUrl = (caseId: string, documentId: string) => `${BASE}/cases/${enc(caseId)}/documents/${enc(documentId)}/pdf`;

/** The deployment's e-seal root certificate (PEM), public. */
export const rootCertificateUrl = `${BASE}/documents/root-certificate`;

/** The verification page inside the web app. */
export const verifyPath = (documentId: string) => `/verify/documents/${enc(documentId)}`;

/** SHA-256 (hex) of a file computed in the browser, or null where Web Crypto is unavailable (plain HTTP off localhost). */
export async function sha256Hex(file: Blob): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
