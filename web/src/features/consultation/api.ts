/**
 * The consultation centre (在线问政) from the web app: asking, instant answers and routing, the knowledge base, duty
 * lists, imports and contradictions (docs/consultation.md), and the work orders of the 12345 flow
 * (docs/consultation-work-orders.md). Shapes mirror the server's schemas (src/modules/consultation/*.schemas.ts);
 * the server is the authority. Every text the server returns is plain text: pages show it as text, never as markup.
 */
import { api, fetchAll, uploadWithProgress, type Page, type UploadHandle } from '../../api';

const BASE = '/api/v1/consultation';
const ORDERS = `${BASE}/orders`;
const enc = encodeURIComponent;
type Opts = { signal?: AbortSignal };

// ---------------------------------------------------------------------------------------------------------------
// Asking, answers, routing

export type Channel = 'web' | 'hotline' | 'app' | 'mini_program';
export type Outcome = 'answered' | 'routed' | 'dispatcher';

export interface Basis {
  document: string;
  clause?: string;
}

export interface InstantAnswer {
  entryCode: string;
  question: string;
  answer: string;
  departmentId: string;
  departmentName: string;
  basis: Basis[];
  itemCodes: string[];
  validTo: string | null;
  score: number;
}

export interface RouteDuty {
  code: string;
  matter: string;
}

export interface RouteResult {
  departmentId: string;
  departmentName: string;
  departmentKind: string;
  contact: { phone: string; address: string };
  regionCode: string;
  duty: RouteDuty | null;
  confidence: number;
  toDispatcher: boolean;
  reason: string;
  alternatives: Array<{ departmentId: string; departmentName: string; duty: RouteDuty | null; confidence: number }>;
}

export interface AskResult {
  id: string;
  text: string;
  regionCode: string;
  channel: Channel;
  itemCode: string | null;
  createdAt: string;
  outcome: Outcome;
  answers: InstantAnswer[];
  routing: RouteResult;
}

export interface AskBody {
  text: string;
  regionCode: string;
  channel: Channel;
  itemCode?: string;
  contact?: string;
}

export interface QuestionSummary {
  id: string;
  text: string;
  regionCode: string;
  channel: Channel;
  itemCode: string | null;
  createdAt: string;
  outcome: Outcome;
  answers: Array<{ entryCode: string; score: number }>;
  routing: { departmentId: string; departmentName: string; toDispatcher: boolean; confidence: number };
  feedback: Array<{ entryCode: string; helpful: boolean }>;
}

// ---------------------------------------------------------------------------------------------------------------
// Knowledge base, duties, contradictions, imports

export const FACT_KEYS = ['materials', 'limit', 'fee', 'eligibility', 'timeLimit'] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export interface KbFacts {
  materials?: string[];
  limit?: string;
  fee?: string;
  eligibility?: string;
  timeLimit?: string;
}

/** The editable content of an entry (create adds code and departmentId). */
export interface KbEntryContent {
  question: string;
  alternatives?: string[];
  answer: string;
  basis: Basis[];
  regionCodes: string[];
  validFrom?: string;
  validTo?: string;
  tags?: string[];
  itemCodes?: string[];
  topic?: string;
  facts?: KbFacts;
}

export interface KbEntry {
  id: string;
  code: string;
  departmentId: string;
  departmentName: string;
  question: string;
  alternatives: string[];
  answer: string;
  basis: Basis[];
  regionCodes: string[];
  validFrom: string | null;
  validTo: string | null;
  tags: string[];
  itemCodes: string[];
  topic: string | null;
  facts: KbFacts | null;
  status: 'active' | 'retired';
  shown: boolean;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface KbWarning {
  entryCode: string;
  departmentId: string;
  departmentName: string;
  conflictId: string;
  differences: Array<{ fact: FactKey; mine: string | string[]; theirs: string | string[] }>;
}

export interface KbSaveResult {
  entry: KbEntry;
  warnings: KbWarning[];
}

export interface KbVersion {
  version: number;
  status: 'active' | 'retired';
  content: KbEntryContent & { departmentId: string };
  changeNote: string | null;
  createdAt: string;
  createdBy: string;
}

export interface KbConflict {
  id: string;
  status: 'open' | 'resolved';
  topic: string | null;
  entries: Array<{ code: string; departmentId: string; departmentName: string; question: string; status: string }>;
  differences: Array<{ fact: FactKey; a: string | string[]; b: string | string[] }>;
  detectedAt: string;
  detectedBy: string;
  updatedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}

export interface Duty {
  id: string;
  code: string;
  departmentId: string;
  departmentName: string;
  matter: string;
  description: string;
  keywords: string[];
  regionCodes: string[];
  basis: string | null;
  contact: string | null;
  status: 'active' | 'retired';
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export type ImportKind = 'kb' | 'duties';
export interface ImportProblem {
  row?: number;
  field?: string;
  reason?: string;
}
export interface ImportJob {
  id: string;
  kind: ImportKind;
  status: 'validating' | 'writing' | 'done' | 'failed';
  total: number;
  processed: number;
  result: { created: number; updated: number; unchanged: number; conflicts: number } | null;
  error: { code: string; message: string; details: unknown } | null;
  startedAt: string;
  finishedAt: string | null;
}

/** Import files are JSON of at most 20 MB (docs/formats/kb.md, docs/formats/duties.md). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// Work orders

export const ORDER_STATUSES = ['dispatching', 'to_sign', 'in_progress', 'waiting_asker', 'replied', 'concluded', 'rated'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type OrderType = 'consultation' | 'help' | 'complaint' | 'suggestion';
export type OrderChannel = 'web' | 'question' | 'phone' | 'open311';
export type ReturnBasis = 'territory_mismatch' | 'ownership_unclear' | 'function_overlap';
export type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
export type HopKind = 'dispatch' | 'transfer' | 'return' | 'ruling' | 'cross_region' | 'reopen';

export const UNIT_QUEUES = ['to_sign', 'in_progress', 'due_soon', 'overdue', 'joint', 'all'] as const;
export type UnitQueue = (typeof UNIT_QUEUES)[number];
export const DISPATCHER_QUEUES = ['low_confidence', 'bounced', 'returned', 'cross_region', 'all_dispatching', 'follow_up', 'origin'] as const;
export type DispatcherQueue = (typeof DISPATCHER_QUEUES)[number];

export interface OrderSummary {
  id: string;
  orderNumber: string;
  channel: OrderChannel;
  type: OrderType;
  urgent: boolean;
  title: string;
  status: OrderStatus;
  regionCode: string;
  originRegionCode: string;
  departmentId: string | null;
  departmentName: string | null;
  dispatcherDepartmentId: string;
  dispatchReason: string | null;
  crossRegion: boolean;
  bounceCount: number;
  finalRuling: boolean;
  reopenCount: number;
  dueAt: string;
  signDueAt: string | null;
  paused: boolean;
  warning: boolean;
  overdue: boolean;
  signOverdue: boolean;
  coUnitDueAt: string | null;
  createdAt: string;
  updatedAt: string;
  rowVersion: number;
}

export interface ChainHop {
  seq: number;
  kind: HopKind;
  fromDepartmentId: string | null;
  fromDepartmentName: string | null;
  toDepartmentId: string | null;
  toDepartmentName: string | null;
  basis: string | null;
  legalBasis: string | null;
  reason: string | null;
  bounce: boolean;
  at: string;
  actor: string;
}

export interface TimelineEvent {
  at: string;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  details: unknown;
}

export interface OrderCan {
  sign: boolean;
  transfer: boolean;
  return: boolean;
  requestInfo: boolean;
  reply: boolean;
  conclude: boolean;
  contribute: boolean;
  dispatch: boolean;
  chase: boolean;
  followUp: boolean;
  supplement: boolean;
  rate: boolean;
  reopen: boolean;
}

export interface OrderDetail {
  order: OrderSummary;
  content: string;
  questionId: string | null;
  serviceCode: string | null;
  asker: { name: string; phone: string | null; email: string | null };
  address: string | null;
  lat: number | null;
  long: number | null;
  routing: {
    departmentId: string; departmentName: string; confidence: number; toDispatcher: boolean; reason: string; duty: RouteDuty | null;
    /** Runner-up units routing found, best first (at most 3). */
    alternatives: Array<{ departmentId: string; departmentName: string; duty: RouteDuty | null; confidence: number }>;
  } | null;
  unit: { id: string; name: string; phone: string; address: string } | null;
  reply: { content: string; repliedAt: string; repliedBy: string } | null;
  conclusion: string | null;
  concludedAt: string | null;
  deadline: {
    startedAt: string;
    limitDays: number;
    dueAt: string;
    elapsedFraction: number;
    warning: boolean;
    overdue: boolean;
    paused: boolean;
    signDueAt: string | null;
    signOverdue: boolean;
  };
  chain: ChainHop[];
  bounceCap: number;
  coUnits: Array<{ departmentId: string; departmentName: string; status: 'pending' | 'contributed' | 'lapsed'; dueAt: string; opinion: string | null; contributedAt: string | null; contributedBy: string | null }>;
  infoRequests: Array<{ request: string; answer: string | null; requestedAt: string; answeredAt: string | null; requestedBy: string }>;
  supervisions: Array<{ kind: 'manual' | 'auto'; departmentId: string; departmentName: string; note: string; overdue: boolean; dueAt: string; at: string; by: string }>;
  ratings: Array<{ round: number; rating: Rating; comment: string | null; reopened: boolean; ratedAt: string }>;
  followUp: { at: string; note: string; by: string; reached: boolean } | null;
  timeline: TimelineEvent[];
  can: OrderCan;
}

export interface EscalateResult {
  created: boolean;
  order: OrderDetail;
}

export interface AnswerConflict {
  id: string;
  kind: 'reply_reply' | 'reply_kb';
  status: 'open' | 'resolved';
  topic: string | null;
  similarity: number;
  sides: Array<{ orderId: string | null; orderNumber: string | null; entryCode: string | null; departmentId: string; departmentName: string; question: string; answer: string }>;
  differences: Array<{ aspect: FactKey; a: string[]; b: string[] }>;
  detectedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}

export interface OrderSettings {
  limits: Record<OrderType, number>;
  urgentDays: number;
  signDays: number;
  bounceCap: number;
  coUnitDays: number;
}

/**
 * The consultation dashboard's figures: questions by channel and by answering/handling department, how often the
 * instant answers helped, open and overdue work orders. Served by `GET /api/v1/consultation/stats` (a 404 means the
 * server does not provide it; the dashboard then says so and shows only the live backlogs).
 */
type StatDept = { departmentId: string; departmentName: string; departmentNameEn: string | null; count: number };
type StatRegion = { regionCode: string; regionName: string; regionNameEn: string | null; count: number };

/** GET /consultation/stats: flow figures for the window (the last `days` China days), backlog figures as of now. */
export interface ConsultStats {
  scope: { all: boolean; departmentId: string | null; departmentName: string | null; departmentNameEn: string | null };
  window: { days: number; from: string; to: string };
  questions: {
    total: number;
    byOutcome: { answered: number; routed: number; dispatcher: number };
    instantAnswerRate: number | null;
    byChannel: Array<{ channel: string; count: number }>;
    byDepartment: StatDept[];
    byRegion: StatRegion[];
    topTopics: Array<StatDept & { dutyCode: string; matter: string }>;
    topEntries: Array<StatDept & { entryCode: string; question: string }>;
  };
  answers: { votes: number; helpful: number; helpfulRate: number | null };
  orders: {
    received: number;
    byType: Array<{ type: string; count: number }>;
    byChannel: Array<{ channel: string; count: number }>;
    byDepartment: StatDept[];
    byRegion: StatRegion[];
    routing: { auto: number; dispatcher: number };
    hops: { transfers: number; returns: number; rulings: number; crossRegion: number };
    bounced: number;
    finalRulings: number;
    ratings: { satisfied: number; basically_satisfied: number; unsatisfied: number; total: number; satisfiedRate: number | null };
    open: number;
    atDispatcher: number;
    overdue: number;
    dueSoon: number;
    byStatus: Array<{ status: string; count: number }>;
    overdueByDepartment: StatDept[];
  };
  contradictions: { kbOpen: number; answersOpen: number };
  trend: Array<{ day: string; questions: number; answered: number; orders: number; concluded: number }>;
}

// ---------------------------------------------------------------------------------------------------------------
// Calls

type Paging = { limit?: number; cursor?: string | null };
const paging = (p: Paging = {}) => ({ limit: p.limit, cursor: p.cursor ?? undefined });

export const consultApi = {
  // asking
  ask: (body: AskBody) => api.post<AskResult>(`${BASE}/questions`, body),
  question: (id: string, o: Opts = {}) => api.get<AskResult>(`${BASE}/questions/${enc(id)}`, undefined, o),
  feedback: (id: string, entryCode: string, helpful: boolean) => api.post<{ questionId: string; entryCode: string; helpful: boolean }>(`${BASE}/questions/${enc(id)}/feedback`, { entryCode, helpful }),
  myQuestions: (p: Paging, o: Opts = {}) => api.get<Page<QuestionSummary>>(`${BASE}/questions/mine`, paging(p), o),
  searchKb: (q: string, regionCode: string, limit = 5, o: Opts = {}) => api.get<{ items: InstantAnswer[] }>(`${BASE}/kb/search`, { q, regionCode, limit }, o),
  routePreview: (text: string, regionCode: string, o: Opts = {}) => api.post<RouteResult>(`${BASE}/route`, { text, regionCode }, o),
  escalate: (questionId: string, body: { type?: OrderType; title?: string; urgent?: boolean; phone?: string } = {}) => api.post<EscalateResult>(`${BASE}/questions/${enc(questionId)}/escalate`, body),

  // knowledge base
  kbEntries: (q: { departmentId?: string; status?: 'active' | 'retired'; topic?: string } & Paging, o: Opts = {}) =>
    api.get<Page<KbEntry>>(`${BASE}/kb/entries`, { departmentId: q.departmentId, status: q.status, topic: q.topic, ...paging(q) }, o),
  allKbEntries: (q: { departmentId?: string; status?: 'active' | 'retired' }, max = 2000) => fetchAll<KbEntry>(`${BASE}/kb/entries`, { departmentId: q.departmentId, status: q.status }, max),
  kbEntry: (code: string, o: Opts = {}) => api.get<KbEntry>(`${BASE}/kb/entries/${enc(code)}`, undefined, o),
  createKbEntry: (body: KbEntryContent & { code: string; departmentId?: string; changeNote?: string }) => api.post<KbSaveResult>(`${BASE}/kb/entries`, body),
  updateKbEntry: (code: string, body: KbEntryContent & { expectedVersion?: number; changeNote?: string }) => api.put<KbSaveResult>(`${BASE}/kb/entries/${enc(code)}`, body),
  retireKbEntry: (code: string, changeNote?: string) => api.post<KbEntry>(`${BASE}/kb/entries/${enc(code)}/retire`, changeNote ? { changeNote } : {}),
  kbVersions: (code: string, o: Opts = {}) => api.get<{ items: KbVersion[] }>(`${BASE}/kb/entries/${enc(code)}/versions`, undefined, o),
  kbConflicts: (q: { status?: 'open' | 'resolved' } & Paging, o: Opts = {}) => api.get<Page<KbConflict>>(`${BASE}/kb/conflicts`, { status: q.status, ...paging(q) }, o),
  resolveKbConflict: (id: string, note: string) => api.post<KbConflict>(`${BASE}/kb/conflicts/${enc(id)}/resolve`, { note }),

  // duties
  duties: (q: { departmentId?: string; status?: 'active' | 'retired' } & Paging, o: Opts = {}) => api.get<Page<Duty>>(`${BASE}/duties`, { departmentId: q.departmentId, status: q.status, ...paging(q) }, o),

  // imports
  importJob: (id: string, signal?: AbortSignal) => api.get<ImportJob>(`${BASE}/import/jobs/${enc(id)}`, undefined, { signal }),

  // dashboard
  stats: (days = 30, o: Opts = {}) => api.get<ConsultStats>(`${BASE}/stats`, { days }, o),

  // work orders
  myOrders: (p: Paging, o: Opts = {}) => api.get<Page<OrderSummary>>(`${ORDERS}/mine`, paging(p), o),
  unitQueue: (queue: UnitQueue, p: Paging, o: Opts = {}) => api.get<Page<OrderSummary>>(`${ORDERS}/workbench`, { queue, ...paging(p) }, o),
  dispatcherQueue: (queue: DispatcherQueue, p: Paging, o: Opts = {}) => api.get<Page<OrderSummary>>(`${ORDERS}/dispatcher`, { queue, ...paging(p) }, o),
  order: (id: string, o: Opts = {}) => api.get<OrderDetail>(`${ORDERS}/${enc(id)}`, undefined, o),
  settings: (o: Opts = {}) => api.get<OrderSettings>(`${ORDERS}/settings`, undefined, o),
  act: (id: string, action: OrderAction, body: Record<string, unknown>) => api.post<OrderDetail>(`${ORDERS}/${enc(id)}/${action}`, body),
  answerConflicts: (q: { status?: 'open' | 'resolved' } & Paging, o: Opts = {}) => api.get<Page<AnswerConflict>>(`${ORDERS}/answer-conflicts`, { status: q.status, ...paging(q) }, o),
  resolveAnswerConflict: (id: string, note: string) => api.post<AnswerConflict>(`${ORDERS}/answer-conflicts/${enc(id)}/resolve`, { note }),
};

export type OrderAction =
  | 'dispatch' | 'sign' | 'transfer' | 'return' | 'request-info' | 'supplement' | 'reply' | 'co-units' | 'opinion' | 'conclude' | 'follow-up' | 'rating' | 'chase' | 'cross-region';

/** Upload an import file (the JSON body) with progress; the reply is the job to poll. */
export function uploadConsultImport(kind: ImportKind, file: File, csrf: string | null, onProgress: (f: number) => void): UploadHandle<ImportJob> {
  return uploadWithProgress<ImportJob>(`${BASE}/import/${kind}`, file, 'application/json', csrf, onProgress);
}
