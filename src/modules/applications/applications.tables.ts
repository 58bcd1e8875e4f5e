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

export interface ApplicationsTables {
  application_drafts: ApplicationDraftsTable;
  cases: CasesTable;
  case_tasks: CaseTasksTable;
  case_events: CaseEventsTable;
  case_pauses: CasePausesTable;
  case_number_counters: CaseNumberCountersTable;
}
