/**
 * The one way the web app talks to the Tongban API: same-origin JSON with the session cookie, the CSRF header on
 * unsafe methods, and the platform's error shape `{ error: { code, message, details } }` turned into an ApiError.
 */

export interface FieldProblem {
  field: string;
  reason: string;
  row?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field-level problems when the server sent them as `[{ field, reason }]`. */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter((d): d is FieldProblem => !!d && typeof d === 'object' && typeof (d as FieldProblem).field === 'string');
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

let csrfToken: string | null = null;
let errorListener: ((e: ApiError) => void) | null = null;

/** One listener sees every API error first (the session provider uses it to resync after an ended acting-for or a stale CSRF token). */
export function setApiErrorListener(fn: ((e: ApiError) => void) | null): void {
  errorListener = fn;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Codes that mean "you are not (or no longer) logged in": the app sends the user to the login page. */
const LOGGED_OUT = new Set(['auth.required', 'auth.session_expired']);

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

/** A reply body as JSON: null when it is empty or not JSON. */
function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The platform's error shape `{ error: { code, message, details } }` of a failed reply as an ApiError. */
function errorFromReply(status: number, statusText: string, data: unknown, requestId: string | null): ApiError {
  const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return new ApiError(status, e?.code ?? `http.${status}`, e?.message ?? statusText, e?.details ?? null, requestId);
}

/**
 * The body of a reply to a fetch made outside `request` (raw bodies, extra headers): the JSON on success, else the
 * same ApiError the shared client throws (without the shared client's listener and login redirect).
 */
export async function readReply<T>(res: Response): Promise<T> {
  const data = parseBody(await res.text());
  if (!res.ok) throw errorFromReply(res.status, res.statusText, data, res.headers.get('x-request-id'));
  return data as T;
}

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort: () => void;
}

/**
 * POST raw bytes with progress (fetch has no upload progress). Errors come back as the same ApiError the JSON
 * client throws, so pages show them the same way; an abort rejects with an AbortError.
 */
export function uploadWithProgress<T>(url: string, body: Blob, contentType: string, csrf: string | null, onProgress: (fraction: number) => void, headers: Record<string, string> = {}): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The server could not be reached.'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      const data = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(data as T);
        return;
      }
      reject(errorFromReply(xhr.status, xhr.statusText, data, xhr.getResponseHeader('x-request-id')));
    };
    xhr.send(body);
  });
  return { promise, abort: () => xhr.abort() };
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not send the browser to /login on a 401 (used by the login form and the initial session probe). */
  noAuthRedirect?: boolean;
}

function goToLogin(): void {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  const next = encodeURIComponent(pathname + search);
  window.location.assign(`/login?expired=1&next=${next}`);
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers, signal: opts.signal };
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), init);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }

  const data = parseBody(await res.text());

  if (!res.ok) {
    const error = errorFromReply(res.status, res.statusText, data, res.headers.get('x-request-id'));
    try {
      errorListener?.(error);
    } catch {
      /* a listener must not change the outcome */
    }
    if (res.status === 401 && !opts.noAuthRedirect && LOGGED_OUT.has(error.code)) {
      setCsrfToken(null);
      goToLogin();
    }
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T>(path: string, body: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('PATCH', path, { ...opts, body }),
  del: <T>(path: string, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('DELETE', path, opts),
};

/** Follow nextCursor until the list ends (or `max` items), for bounded lists like regions. */
export async function fetchAll<T>(path: string, query: Query = {}, max = 5000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api.get<Page<T>>(path, { ...query, limit: 100, cursor: cursor ?? undefined });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < max);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Types of the API's resources (as the server's schemas describe them)
// ---------------------------------------------------------------------------------------------

export type StaffRole = 'window_officer' | 'reviewer' | 'department_admin' | 'platform_admin' | 'auditor';
export const STAFF_ROLES: StaffRole[] = ['window_officer', 'reviewer', 'department_admin', 'platform_admin', 'auditor'];

export interface ActingFor {
  type: 'enterprise';
  uscc: string;
  name: string;
  relation: 'legal_rep' | 'agent';
  scopes: '*' | string[];
  grantExpiresAt: string | null;
}

export interface EnterpriseLink {
  uscc: string;
  name: string;
  relation: string;
  scopes: '*' | string[];
  expiresAt: string | null;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  kind: 'citizen' | 'staff';
  roles: string[];
  idNumberMasked: string | null;
  department: { id: string; name: string; nameEn: string | null; regionCode: string } | null;
  grantedRegionCodes: string[];
  actingFor: ActingFor | null;
  enterprises: EnterpriseLink[];
  csrfToken: string;
}

export interface LoginReply {
  token: string;
  expiresAt: string;
  user: Me;
}

export interface ProvenanceEntry {
  sourceDepartmentId: string;
  sourceDepartment: string;
  updatedAt: string;
}
export type Provenance = Record<string, ProvenanceEntry>;

export interface Person {
  idNumber: string;
  name: string;
  sex: string;
  birthDate: string;
  ethnicity: string | null;
  hukouAddress: string | null;
  residenceAddress: string | null;
  phone: string | null;
  maritalStatus: string | null;
  regionCode: string;
  updatedAt: string;
  provenance: Provenance;
}

export interface Enterprise {
  uscc: string;
  name: string;
  type: string;
  legalRepName: string;
  legalRepIdNumber: string | null;
  registeredAddress: string;
  registeredCapital: string | null;
  establishedOn: string | null;
  businessScope: string | null;
  regionCode: string;
  status: string;
  updatedAt: string;
  provenance: Provenance;
}

export interface EnterpriseContact {
  uscc: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  updatedAt: string;
}

export interface AgentGrant {
  id: string;
  agentIdNumberMasked: string;
  agentName: string;
  scopes: string[];
  expiresAt: string;
  createdAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  status: 'active' | 'expired' | 'revoked';
}

export type ScopeLabels = Record<string, { zh: string; en: string }>;

export interface DataAccessEntry {
  id: string;
  at: string;
  accessor: string;
  accessorDepartment: string | null;
  onBehalfOf: string | null;
  fields: string[];
  purpose: string;
}

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  departmentId: string;
  departmentName: string;
  roles: string[];
  active: boolean;
  phone: string | null;
  lockedUntil: string | null;
}

export type RegionLevel = 'province' | 'city' | 'district';

export interface Region {
  code: string;
  name: string;
  nameEn: string | null;
  parentCode: string | null;
  level: RegionLevel;
}

export interface Department {
  id: string;
  uscc: string;
  name: string;
  nameEn: string | null;
  shortName: string | null;
  kind: string;
  regionCode: string;
  regionName: string | null;
  level: RegionLevel;
  phone: string;
  address: string;
  active: boolean;
}

export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  actor: string;
  actorKind: string;
  actorUserId: string | null;
  onBehalfOf: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  outcome: string;
  requestId: string | null;
  departmentId: string | null;
  regionCode: string | null;
  details: unknown;
  hash: string;
}

export interface AuditVerify {
  ok: boolean;
  entries: number;
  lastSeq?: number;
  badSeq?: number;
  badId?: string | null;
  problem?: string;
}

export interface Webhook {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  departmentId: string | null;
  active: boolean;
  createdAt: string;
}

export interface PlatformEvent {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  actorUserId?: string | null;
  requestId?: string | null;
  departmentId: string | null;
  occurredAt: string;
}
