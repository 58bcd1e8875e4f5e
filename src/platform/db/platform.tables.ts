import type { Generated } from 'kysely';

export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_name: string;
  actor_kind: string;
  on_behalf_of: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  outcome: string;
  request_id: string | null;
  department_id: string | null;
  region_code: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

export interface StoredFilesTable {
  sha256: string;
  content_type: string;
  size: number;
  created_at: string;
  created_by: string;
}

export interface OutboxEventsTable {
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: string;
  actor_user_id: string | null;
  request_id: string | null;
  department_id: string | null;
  created_at: string;
  dispatched_at: string | null;
}

export interface WebhookSubscriptionsTable {
  id: string;
  name: string;
  url: string;
  event_types: string;
  secret: string;
  department_id: string | null;
  active: Generated<number>;
  created_by: string | null;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  event_id: string;
  status: string;
  attempts: Generated<number>;
  response_status: number | null;
  last_error: string | null;
  next_attempt_at: string;
  created_at: string;
  delivered_at: string | null;
}

export interface DataAccessLogTable {
  id: string;
  at: string;
  accessor_user_id: string | null;
  accessor_name: string;
  accessor_department_id: string | null;
  on_behalf_of: string | null;
  subject_type: string;
  subject_key: string;
  fields: string;
  purpose: string;
  request_id: string | null;
}

/** An in-app notification (站内消息) in one user's inbox. */
export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  params: string;
  title: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface PlatformTables {
  audit_log: AuditLogTable;
  outbox_events: OutboxEventsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  data_access_log: DataAccessLogTable;
  stored_files: StoredFilesTable;
  notifications: NotificationsTable;
}
