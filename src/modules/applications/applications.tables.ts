export type CaseStatus = 'submitted' | 'correction' | 'not_accepted' | 'reviewing' | 'deciding' | 'concluded' | 'delivered';
export type TaskStep = 'accept' | 'review' | 'decide' | 'deliver';

export interface ApplicationDraftsTable {
  id: string;
  user_id: string;
  on_behalf_of: string | null;
  item_id: string;
  item_version: number;
  form_data: string;
  materials: string;
  /** The receiving window chosen so far (异地代收), or null. */
  receiving_department_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface CasesTable {
  id: string;
  case_number: string;
  item_id: string;
  item_version: number;
  item_name: string;
  implementation_code: string;
  department_id: string;
  region_code: string;
  receiving_department_id: string | null;
  applicant_user_id: string;
  applicant_kind: 'person' | 'enterprise';
  applicant_id_number: string;
  applicant_uscc: string | null;
  applicant_name: string;
  status: CaseStatus;
  decision: 'approved' | 'refused' | null;
  form_data: string;
  materials: string;
  workflow: string;
  promised_limit: string;
  legal_limit: string;
  clock_started_at: string | null;
  paused: number;
  due_at: string | null;
  warn_at: string | null;
  legal_due_at: string | null;
  idempotency_key: string;
  payload_hash: string;
  row_version: number;
  submitted_at: string;
  accepted_at: string | null;
  concluded_at: string | null;
  delivered_at: string | null;
  updated_at: string;
}

export interface CaseTasksTable {
  id: string;
  case_id: string;
  step: TaskStep;
  branch: string;
  name: string;
  department_id: string;
  role: string;
  status: 'open' | 'done' | 'cancelled';
  claimed_by: string | null;
  claimed_by_name: string | null;
  claimed_at: string | null;
  outcome: string | null;
  opinion: string | null;
  completed_by_name: string | null;
  completed_at: string | null;
  created_at: string;
}

export interface CaseEventsTable {
  id: string;
  case_id: string;
  at: string;
  actor_name: string;
  actor_department_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  opinion: string | null;
  details: string | null;
}

export interface CasePausesTable {
  id: string;
  case_id: string;
  kind: 'correction' | 'special';
  reason: string;
  details: string | null;
  from_at: string;
  to_at: string | null;
}

export interface CaseNumberCountersTable {
  implementation_code: string;
  day: string;
  last: number;
}

export interface CaseTransfersTable {
  id: string;
  case_id: string;
  kind: 'materials' | 'result';
  from_department_id: string;
  to_department_id: string;
  method: 'online' | 'courier' | 'internal';
  tracking_number: string | null;
  note: string | null;
  status: 'in_transit' | 'received';
  sent_at: string;
  sent_by_name: string;
  received_at: string | null;
  received_by_name: string | null;
}

export interface CaseRatingsTable {
  case_id: string;
  department_id: string;
  overall: number;
  dimensions: string;
  comment: string | null;
  rated_by: string;
  rated_at: string;
  voided: number;
}

export type RectificationStatus = 'open' | 'appealed' | 'closed' | 'voided';

export interface RectificationsTable {
  id: string;
  case_id: string;
  department_id: string;
  status: RectificationStatus;
  due_at: string;
  appeal_reason: string | null;
  appealed_at: string | null;
  appeal_decision: 'upheld' | 'rejected' | null;
  appeal_opinion: string | null;
  appeal_decided_at: string | null;
  closed_at: string | null;
  row_version: number;
  created_at: string;
}

export interface RectificationRecordsTable {
  id: string;
  rectification_id: string;
  at: string;
  actor_name: string;
  action: 'follow_up' | 'closed' | 'appealed' | 'appeal_upheld' | 'appeal_rejected';
  note: string;
}

export interface ApplicationUploadsTable {
  user_id: string;
  sha256: string;
  name: string;
  content_type: string;
  size: number;
  created_at: string;
}

/** What a sealed document is: 不予受理通知书, 补正材料通知书, 准予（行政）许可决定书. */
export type CaseDocumentKind = 'not_accepted_notice' | 'correction_notice' | 'approval_decision' | 'refusal_decision';

export interface CaseDocumentsTable {
  id: string;
  case_id: string;
  case_version: number;
  kind: CaseDocumentKind;
  department_id: string;
  year: number;
  sequence: number;
  number: string;
  title: string;
  issued_at: string;
  /** The document as it will be printed (JSON), frozen when the action commits. */
  content: string;
  status: 'pending' | 'ready';
  sha256: string | null;
  size: number | null;
  lease_until: string | null;
  attempts: number;
  last_error: string | null;
  created_at: string;
  ready_at: string | null;
}

export interface CaseDocumentCountersTable {
  department_id: string;
  kind: CaseDocumentKind;
  year: number;
  last: number;
}

export interface ApplicationsTables {
  application_drafts: ApplicationDraftsTable;
  cases: CasesTable;
  case_tasks: CaseTasksTable;
  case_events: CaseEventsTable;
  case_pauses: CasePausesTable;
  case_number_counters: CaseNumberCountersTable;
  case_transfers: CaseTransfersTable;
  case_ratings: CaseRatingsTable;
  rectifications: RectificationsTable;
  rectification_records: RectificationRecordsTable;
  application_uploads: ApplicationUploadsTable;
  case_documents: CaseDocumentsTable;
  case_document_counters: CaseDocumentCountersTable;
}
