/**
 * Tables of the consultation knowledge side (在线问政): knowledge-base entries with their versions, contradictions
 * between units' entries, duty lists (权责清单), and the questions asked with their outcome and feedback.
 * Work orders (12345 flow) have their own tables in consultation.orders.tables.ts.
 */

export type KbEntryStatus = 'active' | 'retired';
/** How a question ended when it was asked: answered by the knowledge base, routed to a unit, or sent to the dispatcher. */
export type QuestionOutcome = 'answered' | 'routed' | 'dispatcher';
export type QuestionChannel = 'web' | 'hotline' | 'app' | 'mini_program';

export interface KbEntriesTable {
  id: string;
  /** Stable, unique code, e.g. KB-lz_gjj-0007. */
  code: string;
  department_id: string;
  question: string;
  /** JSON string[]: other phrasings. */
  alternatives: string;
  answer: string;
  /** JSON { document, clause? }[]: 政策依据. */
  basis: string;
  /** JSON string[]: regions where the answer applies (a region covers the regions below it). */
  region_codes: string;
  /** YYYY-MM-DD, inclusive; null: no bound. */
  valid_from: string | null;
  valid_to: string | null;
  /** JSON string[]. */
  tags: string;
  /** JSON string[]: catalogue basic codes. */
  item_codes: string;
  topic: string | null;
  /** JSON KbFacts or null. */
  facts: string | null;
  status: KbEntryStatus;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface KbEntryVersionsTable {
  id: string;
  entry_id: string;
  version: number;
  status: KbEntryStatus;
  /** JSON of the whole entry as it was in this version (KbEntryContent). */
  content: string;
  change_note: string | null;
  created_at: string;
  created_by: string;
}

export interface KbConflictsTable {
  id: string;
  /** The pair, ordered by id (entry_a_id < entry_b_id): one row per pair. */
  entry_a_id: string;
  entry_b_id: string;
  topic: string | null;
  /** JSON { fact, a, b }[]: the facts that differ (a: entry A's value, b: entry B's). */
  differences: string;
  status: 'open' | 'resolved';
  detected_at: string;
  detected_by: string;
  updated_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution_note: string | null;
}

export interface DutyEntriesTable {
  id: string;
  /** Stable, unique code, e.g. DUTY-lz_gjj-003. */
  code: string;
  department_id: string;
  matter: string;
  description: string;
  /** JSON string[]: words askers use for it. */
  keywords: string;
  /** JSON string[]: where the department is responsible for it. */
  region_codes: string;
  basis: string | null;
  /** A phone (or other contact) overriding the department's own. */
  contact: string | null;
  status: KbEntryStatus;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface ConsultationQuestionsTable {
  id: string;
  /** As typed; stored and returned as plain text. */
  text: string;
  region_code: string;
  channel: QuestionChannel;
  item_code: string | null;
  /** How to reach the asker (personal data), or null. */
  contact: string | null;
  /** The citizen account that asked (null: asked without logging in, or entered by a hotline operator). */
  asker_user_id: string | null;
  /** The staff member who entered the question for a caller (hotline), or null. */
  recorded_by_user_id: string | null;
  outcome: QuestionOutcome;
  /** JSON { entryId, entryCode, score }[]: the instant answers offered. */
  answers: string;
  /** The unit suggested (the dispatcher's department when toDispatcher). */
  routed_department_id: string;
  to_dispatcher: number;
  /** JSON of the routing suggestion (RouteResult) as given. */
  routing: string;
  /** The duty routing matched when it placed the question with a unit (not the dispatcher), for the dashboard. */
  duty_code: string | null;
  /** The first instant answer offered, for the dashboard. */
  top_entry_code: string | null;
  created_at: string;
}

export interface ConsultationFeedbackTable {
  id: string;
  question_id: string;
  entry_code: string;
  helpful: number;
  user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConsultationTables {
  kb_entries: KbEntriesTable;
  kb_entry_versions: KbEntryVersionsTable;
  kb_conflicts: KbConflictsTable;
  duty_entries: DutyEntriesTable;
  consultation_questions: ConsultationQuestionsTable;
  consultation_feedback: ConsultationFeedbackTable;
}
