/**
 * Tables of the work-order side of consultation (12345 flow): orders, their timeline, the chain of units they went
 * through (派单/转办/退单/裁定), co-units of joint handling (联办), pauses while waiting for the asker (补充信息),
 * supervision (督办), ratings, and contradictions between units' replies. Migration 0014.
 */

export type OrderStatus = 'dispatching' | 'to_sign' | 'in_progress' | 'waiting_asker' | 'replied' | 'concluded' | 'rated';
export type OrderChannel = 'web' | 'question' | 'phone' | 'open311';
export type DispatchReason = 'low_confidence' | 'bounced' | 'returned' | 'cross_region' | 'manual';
export type HopKind = 'dispatch' | 'transfer' | 'return' | 'ruling' | 'cross_region' | 'reopen';
export type ReturnBasis = 'territory_mismatch' | 'ownership_unclear' | 'function_overlap';
export type CoUnitStatus = 'pending' | 'contributed' | 'lapsed';
export type OrderRating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

export interface WorkOrdersTable {
  id: string;
  /** Public number: GD + origin region code + yyyyMMdd + 5-digit sequence (also the Open311 service_request_id). */
  order_number: string;
  channel: OrderChannel;
  type: 'consultation' | 'help' | 'complaint' | 'suggestion';
  urgent: number;
  title: string;
  /** As written by the asker; plain text, never interpreted as markup. */
  content: string;
  /** JSON string[]: the words of title + content, for finding similar orders. */
  terms: string;
  /** Open311 service code (category) when the order came with one. */
  service_code: string | null;
  /** The question it was escalated from: one order per question. */
  question_id: string | null;
  asker_user_id: string | null;
  asker_id_number: string | null;
  asker_name: string;
  asker_phone: string | null;
  asker_email: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  /** Where the matter is. */
  region_code: string;
  /** The region that received the order (京津冀-style 互转: it keeps seeing status and the final reply). */
  origin_region_code: string;
  origin_dispatcher_id: string;
  /** The dispatcher (政务服务和数据管理局) now responsible for dispatching it. */
  dispatcher_department_id: string;
  /** The unit handling it (lead unit, 主办); null while at the dispatcher. */
  department_id: string | null;
  /** Handled (or being dispatched) outside the receiving region (互转). */
  cross_region: number;
  status: OrderStatus;
  dispatch_reason: DispatchReason | null;
  /** JSON of the routing suggestion (routeQuestion's answer) at receipt. */
  routing: string | null;
  bounce_count: number;
  /** The dispatcher ruled after the bounce cap: the unit cannot transfer or return it. */
  final_ruling: number;
  reopen_count: number;
  /** When the handling clock started: receipt (受理), or the reopening. */
  clock_started_at: string;
  limit_days: number;
  due_at: string;
  warn_at: string;
  paused: number;
  dispatched_at: string | null;
  sign_due_at: string | null;
  signed_at: string | null;
  reply: string | null;
  replied_at: string | null;
  replied_by_name: string | null;
  conclusion: string | null;
  concluded_at: string | null;
  follow_up_at: string | null;
  follow_up_note: string | null;
  follow_up_by_name: string | null;
  follow_up_reached: number | null;
  overdue_flagged_at: string | null;
  row_version: number;
  created_at: string;
  updated_at: string;
}

export interface WorkOrderEventsTable {
  id: string;
  order_id: string;
  at: string;
  actor_name: string;
  actor_department_id: string | null;
  action: string;
  from_status: OrderStatus | null;
  to_status: OrderStatus | null;
  note: string | null;
  /** JSON or null. */
  details: string | null;
  /** Shown to the asker (internal notes between units are not). */
  public: number;
}

export interface WorkOrderHopsTable {
  id: string;
  order_id: string;
  seq: number;
  kind: HopKind;
  from_department_id: string | null;
  to_department_id: string | null;
  /** For returns: 属地不符 / 权属不清 / 职能交叉. */
  basis: ReturnBasis | null;
  legal_basis: string | null;
  reason: string | null;
  /** Counted against the bounce cap (transfers and returns by units). */
  bounce: number;
  at: string;
  actor_name: string;
}

export interface WorkOrderCoUnitsTable {
  order_id: string;
  department_id: string;
  status: CoUnitStatus;
  due_at: string;
  opinion: string | null;
  contributed_at: string | null;
  contributed_by_name: string | null;
  invited_at: string;
}

export interface WorkOrderPausesTable {
  id: string;
  order_id: string;
  request: string;
  answer: string | null;
  from_at: string;
  to_at: string | null;
  requested_by_name: string;
}

export interface WorkOrderSupervisionsTable {
  id: string;
  order_id: string;
  department_id: string;
  kind: 'manual' | 'auto';
  note: string;
  overdue: number;
  due_at: string;
  at: string;
  by_name: string;
}

export interface WorkOrderRatingsTable {
  id: string;
  order_id: string;
  /** 1 for the first handling, 2 after a reopening. */
  round: number;
  department_id: string;
  rating: OrderRating;
  comment: string | null;
  reopened: number;
  rated_by: string;
  rated_at: string;
}

export interface WorkOrderCountersTable {
  region_code: string;
  day: string;
  last: number;
}

export interface AnswerConflictsTable {
  id: string;
  /** reply_reply: two units' replies to similar questions; reply_kb: a reply against another unit's knowledge-base entry. */
  kind: 'reply_reply' | 'reply_kb';
  /** The pair, ordered: order_a_id < order_b_id for reply_reply; for reply_kb the order and the entry. */
  order_a_id: string;
  order_b_id: string | null;
  entry_id: string | null;
  /** order_b_id, or 'kb:' + entry_id: with order_a_id, one row per pair. */
  pair_key: string;
  department_a_id: string;
  department_b_id: string;
  topic: string | null;
  similarity: number;
  /** JSON { aspect, a, b }[]: materials / limit / fee / eligibility / timeLimit that differ. */
  differences: string;
  status: 'open' | 'resolved';
  detected_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution_note: string | null;
}

export interface ConsultationOrdersTables {
  work_orders: WorkOrdersTable;
  work_order_events: WorkOrderEventsTable;
  work_order_hops: WorkOrderHopsTable;
  work_order_co_units: WorkOrderCoUnitsTable;
  work_order_pauses: WorkOrderPausesTable;
  work_order_supervisions: WorkOrderSupervisionsTable;
  work_order_ratings: WorkOrderRatingsTable;
  work_order_counters: WorkOrderCountersTable;
  consultation_answer_conflicts: AnswerConflictsTable;
}
