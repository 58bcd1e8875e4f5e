import type { TongbanMigration } from './types.js';
import { m0001 } from './0001_platform_audit_outbox.js';
import { m0002 } from './0002_org_regions_departments.js';
import { m0003 } from './0003_identity_users_registries.js';
import { m0004 } from './0004_platform_files.js';
import { m0005 } from './0005_catalog_items.js';
import { m0006 } from './0006_applications_cases.js';
import { m0007 } from './0007_applications_transfers_ratings.js';
import { m0009 } from './0009_platform_notifications.js';
import { m0010 } from './0010_applications_queue_indexes.js';
import { m0011 } from './0011_licenses.js';
import { m0012 } from './0012_applications_documents.js';
import { m0013 } from './0013_consultation_knowledge.js';
import { m0014 } from './0014_consultation_work_orders.js';
import { m0015 } from './0015_consultation_stats.js';
import { m0016 } from './0016_licenses_verification_counts.js';
import { m0017 } from './0017_applications_draft_receiving.js';
import { m0018 } from './0018_platform_write_path_indexes.js';
import { m0019 } from './0019_applications_receiving_index.js';
import { m0020 } from './0020_applications_enterprise_cases_index.js';
import { m0021 } from './0021_platform_notifications_unread_index.js';
import { m0022 } from './0022_licenses_type_counts.js';
import { m0023 } from './0023_consultation_follow_up_index.js';
import { m0024 } from './0024_consultation_unit_orders_index.js';
import { m0025 } from './0025_platform_data_access_order_index.js';

/** Ordered by name; add new migrations at the end with the next number and the owning module in the name. */
export const migrations: Record<string, TongbanMigration> = {
  '0001_platform_audit_outbox': m0001,
  '0002_org_regions_departments': m0002,
  '0003_identity_users_registries': m0003,
  '0004_platform_files': m0004,
  '0005_catalog_items': m0005,
  '0006_applications_cases': m0006,
  '0007_applications_transfers_ratings': m0007,
  '0009_platform_notifications': m0009,
  '0010_applications_queue_indexes': m0010,
  '0011_licenses': m0011,
  '0012_applications_documents': m0012,
  '0013_consultation_knowledge': m0013,
  '0014_consultation_work_orders': m0014,
  '0015_consultation_stats': m0015,
  '0016_licenses_verification_counts': m0016,
  '0017_applications_draft_receiving': m0017,
  '0018_platform_write_path_indexes': m0018,
  '0019_applications_receiving_index': m0019,
  '0020_applications_enterprise_cases_index': m0020,
  '0021_platform_notifications_unread_index': m0021,
  '0022_licenses_type_counts': m0022,
  '0023_consultation_follow_up_index': m0023,
  '0024_consultation_unit_orders_index': m0024,
  '0025_platform_data_access_order_index': m0025,
};
