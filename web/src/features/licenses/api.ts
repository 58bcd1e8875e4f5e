/**
 * Electronic licences (电子证照): the licence type catalogue, 发证用证清单, a department's issued licences, the
 * wallet (证照夹) and its presentations, public verification and the trust list (docs/licences.md). Shapes mirror the
 * server's schemas (src/modules/licenses/licenses.schemas.ts); the server is the authority.
 */
import { api, uploadWithProgress, type Page, type UploadHandle } from '../../api';

const BASE = '/api/v1/licenses';
const enc = encodeURIComponent;
type Signal = AbortSignal | undefined;

export type Level = 'L1' | 'L2' | 'L3' | 'L4';
export const LEVELS: Level[] = ['L1', 'L2', 'L3', 'L4'];
export type FieldType = 'string' | 'date' | 'number' | 'boolean';
export const FIELD_TYPES: FieldType[] = ['string', 'date', 'number', 'boolean'];
export type HolderKind = 'person' | 'enterprise';
export type LicenceStatus = 'valid' | 'suspended' | 'revoked';
/** What the holder and the verifier see: the stored status, or 已过期 when a valid licence ran out. */
export type ShownStatus = LicenceStatus | 'expired';
export type StatusAction = 'revoke' | 'suspend' | 'reinstate';

export interface LicenceField {
  key: string;
  name: string;
  nameEn?: string;
  type: FieldType;
  required: boolean;
  level: Level;
  maxLength?: number;
}

export interface ValidityRule {
  mode: 'years' | 'permanent' | 'specified';
  years?: number;
  maxYears?: number;
}

export interface DepartmentRef {
  id: string;
  name: string;
  uscc: string;
  regionCode: string;
}

export interface ItemRef {
  itemId: string;
  itemName: string;
  itemNameEn: string | null;
  implementationCode: string;
  departmentName: string;
  departmentNameEn: string | null;
  regionCode: string;
}

export interface MaterialRef extends ItemRef {
  materialKey: string;
  materialName: string;
}

export interface TypeSummary {
  code: string;
  name: string;
  nameEn: string | null;
  holderKind: HolderKind;
  definingDepartment: DepartmentRef;
  definingAuthority: string | null;
  issuerCount: number;
  fieldCount: number;
  validity: ValidityRule;
  status: 'active' | 'retired';
  version: number;
}

export interface LicenceType {
  code: string;
  name: string;
  nameEn: string | null;
  holderKind: HolderKind;
  definingDepartment: DepartmentRef;
  definingAuthority: string | null;
  description: string | null;
  issuers: DepartmentRef[];
  fields: LicenceField[];
  validity: ValidityRule;
  status: 'active' | 'retired';
  version: number;
  updatedAt: string;
  issuedByItems: ItemRef[];
  replacesMaterials: MaterialRef[];
}

export interface LicenceTypeBody {
  code: string;
  name: string;
  nameEn?: string;
  holderKind: HolderKind;
  definingDepartmentId: string;
  definingAuthority?: string;
  description?: string;
  issuerDepartmentIds: string[];
  fields: LicenceField[];
  validity: ValidityRule;
  status?: 'active' | 'retired';
}

export interface LicenceSummary {
  id: string;
  /** GB/T 36904 identifier: the licence's key in every URL */
  licenceId: string;
  typeCode: string;
  typeName: string;
  /** 证照编号 */
  number: string;
  issuer: { departmentId: string; name: string; code: string; regionCode: string };
  holder: { kind: HolderKind; name: string; idMasked: string };
  status: LicenceStatus;
  statusReason: string | null;
  statusChangedAt: string | null;
  issuedOn: string;
  validFrom: string;
  /** null: 长期 */
  validTo: string | null;
  expired: boolean;
  source: string;
  caseNumber: string | null;
  alg: string;
}

export interface FieldValue {
  key: string;
  name: string;
  value: unknown;
  level: Level;
  /** the holder chooses whether to show it (L2–L3, holder name and ID) */
  disclosable: boolean;
  /** false: L4, kept by the issuer, never shown */
  inCredential: boolean;
}

export interface OpenPresentation {
  id: string;
  fields: string[];
  audience: string;
  createdAt: string;
  expiresAt: string;
}

export interface LicenceDetail {
  licence: LicenceSummary;
  holderId: string;
  fields: FieldValue[];
  presentations: OpenPresentation[];
}

export interface PresentationCreated {
  id: string;
  /** the verification page (web) */
  url: string;
  apiUrl: string;
  qrSvg?: string;
  qrPngDataUrl?: string;
  expiresAt: string;
  nonce: string;
  audience: string;
  fields: string[];
}

export interface PublicPresentation {
  id: string;
  presentation: string;
  audience: string;
  nonce: string;
  createdAt: string;
  expiresAt: string;
  typeName: string;
  issuerName: string;
  verifyUrl: string;
}

export const CHECKS = ['format', 'issuer_trust', 'signature', 'disclosure', 'licence_id', 'validity', 'status', 'holder_binding', 'nonce', 'audience', 'presentation'] as const;
export type CheckName = (typeof CHECKS)[number];

export interface CheckResult {
  check: CheckName;
  /** null: not checked (an earlier check failed) */
  ok: boolean | null;
  message: string;
}

export interface VerifyResult {
  valid: boolean;
  checks: CheckResult[];
  failedChecks: string[];
  issuer: { name: string | null; code: string | null; region: string | null; trusted: boolean; iss: string; deployment: string | null } | null;
  licence: {
    typeCode: string | null;
    typeName: string | null;
    licenceId: string | null;
    number: string | null;
    issuedAt: string | null;
    validFrom: string | null;
    validTo: string | null;
    status: string;
  } | null;
  disclosed: Record<string, unknown>;
  fields: Array<{ key: string; name: string; value: unknown; selectivelyDisclosed: boolean }>;
  verificationId: string;
  verifiedAt: string;
}

export interface CatalogueEntry {
  code: string;
  name: string;
  defined: boolean;
  holderKind: HolderKind | null;
  definingDepartment: string | null;
  issuers: string[];
  issuedByItems: ItemRef[];
  acceptedForMaterials: MaterialRef[];
  counts: { issued: number; valid: number; suspended: number; revoked: number; uses: number; verifications: number };
}

export interface TrustEntry {
  id: string;
  baseUrl: string;
  regionCode: string;
  name: string;
  createdAt: string;
  createdBy: string;
}

export interface IssuerInfo {
  code: string;
  name: string;
  regionCode: string;
  iss: string;
  jwksUri: string;
  alg: string | null;
  statusLists: string[];
  types: string[];
}

export interface ImportResult {
  issued: number;
  unchanged: number;
  licenceIds: string[];
}

export interface IssuedQuery {
  typeCode?: string;
  status?: LicenceStatus;
  departmentId?: string;
  q?: string;
  limit?: number;
  cursor?: string | null;
}

/** The bulk import envelope (docs/formats/licences.md). */
export const LICENCES_FORMAT = 'tongban.licences/1';
/** The server takes import bodies up to 32 MB. */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;

/** 证照打印件 (sealed PDF): the holder's, and the issuing department's (opened in a new tab; the session cookie authenticates). */
export const walletPrintoutUrl = (licenceId: string) => `${BASE}/wallet/${enc(licenceId)}/printout.pdf`;
export const issuedPrintoutUrl = (licenceId: string) => `${BASE}/issued/${enc(licenceId)}/printout.pdf`;

/** GET /api/v1/licenses/check/:licenceId — a printout's QR code: current status and public facts only. */
export interface LicenceCheck {
  licenceId: string;
  typeCode: string;
  typeName: string;
  typeNameEn: string | null;
  number: string;
  holderName: string;
  issuer: { name: string; nameEn: string | null; code: string };
  issuedOn: string;
  validFrom: string;
  validTo: string | null;
  status: LicenceStatus;
  expired: boolean;
  statusChangedAt: string | null;
  fields: Array<{ key: string; name: string; nameEn: string | null; value: unknown }>;
  checkedAt: string;
}

export const licencesApi = {
  // ---- type catalogue (public reads) ----
  types: (q: { q?: string; holderKind?: HolderKind; issuerDepartmentId?: string } = {}, signal?: Signal) => api.get<{ items: TypeSummary[] }>(`${BASE}/types`, q, { signal }),
  type: (code: string, signal?: Signal) => api.get<LicenceType>(`${BASE}/types/${enc(code)}`, undefined, { signal }),
  createType: (body: LicenceTypeBody) => api.post<LicenceType>(`${BASE}/types`, body),
  updateType: (code: string, body: Omit<LicenceTypeBody, 'code'> & { expectedVersion: number }) => api.put<LicenceType>(`${BASE}/types/${enc(code)}`, body),
  catalogue: (q: { typeCode?: string; regionCode?: string } = {}, signal?: Signal) => api.get<{ items: CatalogueEntry[]; generatedAt: string }>(`${BASE}/catalogue`, q, { signal }),

  // ---- a department's licences ----
  issued: (q: IssuedQuery, signal?: Signal) => api.get<Page<LicenceSummary>>(`${BASE}/issued`, { ...q }, { signal }),
  changeStatus: (licenceId: string, action: StatusAction, reason: string) => api.post<LicenceSummary>(`${BASE}/${enc(licenceId)}/${action}`, { reason }),

  // ---- wallet ----
  wallet: (signal?: Signal) => api.get<{ items: LicenceSummary[]; holder: { kind: HolderKind; name: string } }>(`${BASE}/wallet`, undefined, { signal }),
  walletLicence: (licenceId: string, signal?: Signal) => api.get<LicenceDetail>(`${BASE}/wallet/${enc(licenceId)}`, undefined, { signal }),
  present: (licenceId: string, body: { fields: string[]; audience?: string; ttlSeconds: number; qr?: 'svg' | 'png' | 'none' }) =>
    api.post<PresentationCreated>(`${BASE}/wallet/${enc(licenceId)}/presentations`, body),
  withdraw: (presentationId: string) => api.del<{ ok: boolean }>(`${BASE}/wallet/presentations/${enc(presentationId)}`),

  // ---- verification (public: never sends the browser to the login page) ----
  presentation: (id: string, signal?: Signal) => api.get<PublicPresentation>(`${BASE}/presentations/${enc(id)}`, undefined, { signal, noAuthRedirect: true }),
  check: (licenceId: string, signal?: Signal) => api.get<LicenceCheck>(`${BASE}/check/${enc(licenceId)}`, undefined, { signal, noAuthRedirect: true }),
  verify: (body: { presentation: string; audience?: string; nonce?: string }, signal?: Signal) => api.post<VerifyResult>(`${BASE}/verify`, body, { signal, noAuthRedirect: true }),

  // ---- trust ----
  issuers: (signal?: Signal) => api.get<{ items: IssuerInfo[] }>(`${BASE}/issuers`, undefined, { signal }),
  trust: (signal?: Signal) => api.get<{ items: TrustEntry[] }>(`${BASE}/trust`, undefined, { signal }),
  addTrust: (body: { baseUrl: string; regionCode: string; name: string }) => api.post<TrustEntry>(`${BASE}/trust`, body),
  removeTrust: (id: string) => api.del<{ ok: boolean }>(`${BASE}/trust/${enc(id)}`),
};

/** POST a `tongban.licences/1` JSON document with upload progress. */
export function uploadLicences(body: Blob, csrfToken: string | null, onProgress: (fraction: number) => void): UploadHandle<ImportResult> {
  return uploadWithProgress<ImportResult>(`${BASE}/import`, body, 'application/json', csrfToken, onProgress);
}

// ---- paths inside the web app ----
export const walletPath = (licenceId?: string) => (licenceId ? `/hall/licences/${enc(licenceId)}` : '/hall/licences');
export const verifyPagePath = (presentationId?: string) => (presentationId ? `/verify/licences/p/${enc(presentationId)}` : '/verify/licences');
export const typePath = (code: string, edit = false) => `/admin/licences/types/${enc(code)}${edit ? '/edit' : ''}`;

/** The status the holder sees: a valid licence past its end date shows as 已过期. */
export const shownStatus = (l: Pick<LicenceSummary, 'status' | 'expired'>): ShownStatus => (l.status === 'valid' && l.expired ? 'expired' : l.status);

/** A presentation id out of whatever was pasted: a link to the verification page or to the API, or the id alone. */
export function presentationIdOf(text: string): string | null {
  const s = text.trim();
  const m = /\/(?:verify\/licences(?:\/p)?|api\/v1\/licenses\/presentations)\/([A-Za-z0-9_-]{16,64})(?:[/?#]|$)/.exec(s);
  if (m) return m[1];
  return /^[A-Za-z0-9_-]{16,64}$/.test(s) ? s : null;
}
