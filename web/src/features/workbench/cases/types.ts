/**
 * The workbench's own views of the applications module (queues, rectifications, delivery). The case resources
 * themselves (CaseDetail, CaseTask, CaseTransfer, CaseRating…) are in ../../applications/types, shared with the
 * applicant's pages; the server's schemas are src/modules/applications/applications.schemas.ts.
 */
import type { CaseSummary, RatingDimensions, TaskStep } from '../../applications/types';

/** The role that works each step: the window accepts and delivers, reviewers review and decide. */
export const ROLE_FOR_STEP: Record<TaskStep, 'window_officer' | 'reviewer'> = { accept: 'window_officer', review: 'reviewer', decide: 'reviewer', deliver: 'window_officer' };

export type QueueKey = 'to_accept' | 'to_review' | 'to_decide' | 'to_deliver' | 'due_soon' | 'overdue' | 'cross_region' | 'all';
export const QUEUES: QueueKey[] = ['to_accept', 'to_review', 'to_decide', 'to_deliver', 'due_soon', 'overdue', 'cross_region', 'all'];

/** One row of a workbench queue: the case, and for the step queues the open step and who claimed it. */
export interface QueueEntry extends CaseSummary {
  taskId: string | null;
  taskName: string | null;
  claimedBy: string | null;
}

export type DeliveryMethod = 'online' | 'courier' | 'window';

export type RectificationStatus = 'open' | 'appealed' | 'closed' | 'voided';
export const RECTIFICATION_STATUSES: RectificationStatus[] = ['open', 'appealed', 'closed', 'voided'];

export interface Rectification {
  id: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  itemNameEn?: string | null;
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
