import type { Config } from './config.js';
import type { Clock } from './clock.js';
import type { Db, Dialect } from './db/database.js';
import type { EventDispatcher } from './events.js';
import type { SecretKeys } from './crypto/secret.js';

/** Everything a service needs, passed explicitly. No globals, no container. */
export interface Deps {
  config: Config;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  events: EventDispatcher;
  keys: SecretKeys;
  /** Key of the audit-chain HMAC, derived once from the deployment secret. */
  auditKey: Buffer;
}
