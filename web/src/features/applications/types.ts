/**
 * The applications module's resources as the web app reads them, shared by the applicant's pages (./hall) and the
 * officers' workbench (../workbench/cases). They mirror the server's schemas
 * (src/modules/applications/applications.schemas.ts); the server is the authority.
 */

export type CaseStatus = 'submitted' | 'correction' | 'not_accepted' | 'reviewing' | 'deciding' | 'concluded' | 'delivered';
export const CASE_STATUSES: CaseStatus[] = ['submitted', 'correction', 'not_accepted', 'reviewing', 'deciding', 'concluded', 'delivered'];

/** How a material is satisfied: uploaded, 免提交 by shared data (or a licence), 容缺 (later), or 不涉及. */
export type MaterialBy = 'upload' | 'shared_data' | 'license' | 'deferred' | 'not_applicable';

export interface MaterialFileRef {
  sha256: string;
  name: string;
}

/** One material as filed: `{ key, by, file?, licenceId? }`. */
export interface MaterialAnswer {
  key: string;
  by: MaterialBy;
  file?: MaterialFileRef;
  /** by `license`: the licence that stands in for the material */
  licenceId?: string;
}

/** A licence the applicant holds, as the apply page offers it (the wallet's summary). */
export interface UsableLicence {
  licenceId: string;
  typeCode: string;
  typeName: string;
  number: string;
  issuer: { departmentId: string; name: string; code: string; regionCode: string };
  holder: { kind: string; name: string; idMasked: string };
  validFrom: string;
  validTo: string | null;
}

/** GET /applications/items/:itemId/usable-licences */
export interface UsableLicencesReply {
  holder: { kind: 'person' | 'enterprise'; name: string };
  materials: { key: string; name: string; necessity: string; acceptedTypes: { code: string; name: string }[]; licences: UsableLicence[] }[];
}

/** A material answered by a licence, as frozen at filing (with what the licence is now, on reads). */
export interface FrozenLicence {
  licenceId: string;
  typeCode: string;
  typeName: string;
  number: string;
  issuer: { departmentId: string; name: string; code: string };
  holderName: string;
  validFrom: string;
  validTo: string | null;
  verification: { outcome: 'verified'; at: string; checks: string[] };
  now?: { status: string; statusReason: string | null; validTo: string | null; expired: boolean };
}

/** A material as the case holds it: the answer, and for a licence the licence as checked at filing. */
export interface FiledMaterial extends MaterialAnswer {
  licence?: FrozenLicence;
}

export interface CaseSummary {
  id: string;
  caseNumber: string;
  itemId: string;
  itemVersion: number;
  itemName: string;
  /** The catalogue's English name of the item, when it has one. */
  itemNameEn?: string | null;
  departmentId: string;
  receivingDepartmentId?: string | null;
  applicantName: string;
  applicantKind: string;
  status: CaseStatus;
  decision: 'approved' | 'refused' | string | null;
  paused: boolean;
  dueAt: string | null;
  warning: boolean;
  overdue: boolean;
  submittedAt: string;
  updatedAt: string;
  rowVersion: number;
}

/** A case in "my cases" (GET /applications/mine): may the applicant rate it now? */
export interface MyCase extends CaseSummary {
  canRate: boolean;
}

export type TaskStep = 'accept' | 'review' | 'decide' | 'deliver';

export interface CaseTask {
  id: string;
  step: TaskStep;
  branch: string;
  name: string;
  departmentId: string;
  role: string;
  status: 'open' | 'done' | 'cancelled' | string;
  claimedBy: string | null;
  claimedAt: string | null;
  outcome: string | null;
  opinion: string | null;
  completedBy: string | null;
  completedAt: string | null;
  createdAt: string;
}

export interface CaseEvent {
  at: string;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  opinion: string | null;
  details: unknown;
}

export interface Defect {
  target: string;
  reason: string;
}

export interface CorrectionRequest {
  requestedAt: string;
  answeredAt: string | null;
  defects: Defect[];
}

export interface CaseDeadline {
  dueAt: string;
  legalDueAt: string | null;
  elapsedFraction: number;
  warning: boolean;
  overdue: boolean;
  paused: boolean;
}

export type TransferKind = 'materials' | 'result';
export type TransferMethod = 'online' | 'courier' | 'internal';

export interface CaseTransfer {
  id: string;
  kind: TransferKind;
  fromDepartmentId: string;
  toDepartmentId: string;
  method: TransferMethod;
  trackingNumber: string | null;
  note: string | null;
  status: 'in_transit' | 'received';
  sentAt: string;
  sentBy: string;
  receivedAt: string | null;
  receivedBy: string | null;
}

/** 好差评 online dimensions besides the overall satisfaction. */
export const RATING_DIMENSIONS = ['efficiency', 'guideAccuracy', 'convenience', 'usability'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];
export type RatingDimensions = Record<RatingDimension, number>;

export interface CaseRating {
  overall: number;
  dimensions: RatingDimensions;
  comment: string | null;
  ratedAt: string;
  voided: boolean;
}

export interface CaseRectification {
  id: string;
  status: 'open' | 'appealed' | 'closed' | 'voided' | string;
  dueAt: string;
  overdue: boolean;
}

export interface CaseDetail {
  case: CaseSummary;
  implementationCode: string;
  receivingDepartmentId: string | null;
  form: Record<string, unknown>;
  /** As filed (the applicant's pages read them through parseMaterialAnswers, which drops anything malformed). */
  materials: FiledMaterial[];
  tasks: CaseTask[];
  timeline: CaseEvent[];
  corrections: CorrectionRequest[];
  deadline: CaseDeadline | null;
  /** The parts below come with transfers and ratings; absent on an older server. */
  transfers?: CaseTransfer[];
  rating?: CaseRating | null;
  rectification?: CaseRectification | null;
  canRate?: boolean;
}

export interface RatingBody {
  overall: number;
  dimensions: RatingDimensions;
  comment?: string;
}
