/**
 * The applications module's resources as the officers' workbench uses them (docs/applications.md; the server's
 * schemas are src/modules/applications/applications.schemas.ts).
 */

export type CaseStatus = 'submitted' | 'correction' | 'not_accepted' | 'reviewing' | 'deciding' | 'concluded' | 'delivered';
export const CASE_STATUSES: CaseStatus[] = ['submitted', 'correction', 'not_accepted', 'reviewing', 'deciding', 'concluded', 'delivered'];

export type TaskStep = 'accept' | 'review' | 'decide' | 'deliver';

/** The role that works each step: the window accepts and delivers, reviewers review and decide. */
export const ROLE_FOR_STEP: Record<TaskStep, 'window_officer' | 'reviewer'> = { accept: 'window_officer', review: 'reviewer', decide: 'reviewer', deliver: 'window_officer' };

export type QueueKey = 'to_accept' | 'to_review' | 'to_decide' | 'to_deliver' | 'due_soon' | 'overdue' | 'cross_region' | 'all';
export const QUEUES: QueueKey[] = ['to_accept', 'to_review', 'to_decide', 'to_deliver', 'due_soon', 'overdue', 'cross_region', 'all'];

export interface CaseSummary {
  id: string;
  caseNumber: string;
  itemId: string;
  itemVersion: number;
  itemName: string;
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

/** One row of a workbench queue: the case, and for the step queues the open step and who claimed it. */
export interface QueueEntry extends CaseSummary {
  taskId: string | null;
  taskName: string | null;
  claimedBy: string | null;
}

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

export interface CorrectionRecord {
  requestedAt: string;
  answeredAt: string | null;
  defects: Defect[];
}

export interface Deadline {
  dueAt: string;
  legalDueAt: string | null;
  elapsedFraction: number;
  warning: boolean;
  overdue: boolean;
  paused: boolean;
}

export type TransferKind = 'materials' | 'result';
export type TransferMethod = 'online' | 'courier' | 'internal';

export interface Transfer {
  id: string;
  kind: TransferKind | string;
  fromDepartmentId: string;
  toDepartmentId: string;
  method: TransferMethod | string;
  trackingNumber: string | null;
  note: string | null;
  status: 'in_transit' | 'received' | string;
  sentAt: string;
  sentBy: string;
  receivedAt: string | null;
  receivedBy: string | null;
}

export interface RatingDimensions {
  efficiency: number;
  guideAccuracy: number;
  convenience: number;
  usability: number;
}
export const RATING_DIMENSIONS: (keyof RatingDimensions)[] = ['efficiency', 'guideAccuracy', 'convenience', 'usability'];

export interface CaseRating {
  overall: number;
  dimensions: RatingDimensions;
  comment: string | null;
  ratedAt: string;
  voided: boolean;
}

export interface MaterialAnswer {
  key: string;
  by: 'upload' | 'shared_data' | 'license' | 'deferred' | 'not_applicable' | string;
  file?: { sha256: string; name: string };
}

export interface CaseDetail {
  case: CaseSummary;
  implementationCode: string;
  receivingDepartmentId: string | null;
  form: Record<string, unknown>;
  materials: MaterialAnswer[];
  tasks: CaseTask[];
  timeline: CaseEvent[];
  corrections: CorrectionRecord[];
  deadline: Deadline | null;
  transfers?: Transfer[];
  rating?: CaseRating | null;
  rectification?: { id: string; status: string; dueAt: string; overdue: boolean } | null;
  canRate?: boolean;
}

export type DeliveryMethod = 'online' | 'courier' | 'window';

export type RectificationStatus = 'open' | 'appealed' | 'closed' | 'voided';
export const RECTIFICATION_STATUSES: RectificationStatus[] = ['open', 'appealed', 'closed', 'voided'];

export interface Rectification {
  id: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  departmentId: string;
  status: RectificationStatus | string;
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  closedAt: string | null;
  rating: { overall: number; dimensions: RatingDimensions; comment: string | null; ratedAt: string };
  appeal: { reason: string; at: string; decision: 'upheld' | 'rejected' | string | null; opinion: string | null; decidedAt: string | null } | null;
  records: { at: string; actor: string; action: string; note: string }[];
  rowVersion: number;
}
