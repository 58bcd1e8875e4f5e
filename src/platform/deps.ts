import type { Config } from './config.js';
import type { Clock } from './clock.js';
import type { WorkingCalendar } from './calendar.js';
import type { Db, Dialect } from './db/database.js';
import type { EventDispatcher } from './events.js';
import type { SecretKeys } from './crypto/secret.js';
import type { TtlCache } from './cache.js';

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
}
