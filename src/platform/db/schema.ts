import type { PlatformTables } from './platform.tables.js';
import type { OrgTables } from '../../modules/org/org.tables.js';
import type { IdentityTables } from '../../modules/identity/identity.tables.js';
import type { CatalogTables } from '../../modules/catalog/catalog.tables.js';
import type { ApplicationsTables } from '../../modules/applications/applications.tables.js';
import type { LicensesTables } from '../../modules/licenses/licenses.tables.js';
import type { ConsultationTables } from '../../modules/consultation/consultation.tables.js';
import type { ConsultationOrdersTables } from '../../modules/consultation/consultation.orders.tables.js';

/** The whole database as Kysely sees it: each module declares its own tables in `<module>.tables.ts`. */
export interface Database extends PlatformTables, OrgTables, IdentityTables, CatalogTables, ApplicationsTables, LicensesTables, ConsultationTables, ConsultationOrdersTables {}
