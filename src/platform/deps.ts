import type { Config } from './config.js';
import type { Clock } from './clock.js';
import type { WorkingCalendar } from './calendar.js';
import type { Db, Dialect } from './db/database.js';
import type { EventDispatcher } from './events.js';
import type { SecretKeys } from './crypto/secret.js';
import type { TtlCache } from './cache.js';
import type { SealStore } from './pdf/index.js';
import type { IssuerKeyStore } from './crypto/keystore.js';

/** Everything a service needs, passed explicitly. No globals, no container. */
export interface Deps {
  config: Config;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  /** Working days and holidays (China time): deadlines of cases and work orders. */
  calendar: WorkingCalendar;
  events: EventDispatcher;
  keys: SecretKeys;
  /** Key of the audit-chain HMAC, derived once from the deployment secret. */
  auditKey: Buffer;
  /** Resolved sessions by token hash (identity owns what is in it and clears it on every change that affects one). */
  sessionCache: TtlCache<unknown>;
  /** Departments' e-seal certificates for sealed PDF documents (src/platform/pdf), opened once by createDeps. */
  seals?: SealStore;
  /** Where the public reaches this deployment (TONGBAN_PUBLIC_URL, no trailing slash): QR codes on documents lead there. */
  publicUrl?: string;
  /** Departments' licence signing keys (encrypted under the data dir, docs/security/licence-crypto.md), made by createDeps. */
  licenceKeys?: IssuerKeyStore;
}
