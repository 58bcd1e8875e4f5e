import fs from 'node:fs';
import path from 'node:path';

/** Typed configuration read from the environment. Defaults give the embedded (SQLite) setup. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  demo: boolean;
  natsUrl: string | null;
  secretKeyFile: string;
  version: string;
  /** scrypt cost parameter N for new password hashes (stored in each hash, so lowering it for tests is safe). */
  passwordHashCost: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** How long a resolved session may be reused in one process before it is read again (0 turns the cache off). */
  sessionCacheMs: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRateLimitPerMinute: number;
  bodyLimitBytes: number;
  outboxPollMs: number;
  logLevel: string;
  trustProxy: boolean;
  webDir: string;
  /** Extra holiday calendar merged over the built-in one (docs/operations.md), or null. */
  holidaysFile: string | null;
  /** Working days a department has to rectify after a bad rating (好差评 → 整改), 5–15. */
  rectificationDays: number;
  /** Consultation: routing confidence (0..1) below which a question goes to the dispatcher (docs/operations.md). */
  consultationRouteThreshold: number;
  /** Consultation: confidence (0..1) a knowledge-base entry needs to be offered as an instant answer. */
  consultationAnswerThreshold: number;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`config: ${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** A number within 0..1 (a confidence threshold). */
function ratio(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`config: ${name} must be a number between 0 and 1, got "${value}"`);
  return n;
}

export const VERSION = '0.1.0';

/** The project folder (the one holding package.json), from src/platform or dist/server/platform alike. */
function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(env.TONGBAN_DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL.trim() !== '' ? env.DATABASE_URL.trim() : null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('config: DATABASE_URL must start with postgres:// or postgresql://');
  }
  const config: Config = {
    host: env.HOST || '127.0.0.1',
    port: int(env.PORT, 3000, 'PORT'),
    dataDir,
    databaseUrl,
    demo: env.TONGBAN_DEMO !== '0',
    natsUrl: env.NATS_URL || null,
    secretKeyFile: path.resolve(env.TONGBAN_SECRET_KEY_FILE || path.join(dataDir, 'secret.key')),
    version: VERSION,
    passwordHashCost: int(env.TONGBAN_PASSWORD_COST, 16384, 'TONGBAN_PASSWORD_COST'),
    sessionIdleMinutes: int(env.TONGBAN_SESSION_IDLE_MINUTES, 30, 'TONGBAN_SESSION_IDLE_MINUTES'),
    sessionAbsoluteHours: int(env.TONGBAN_SESSION_HOURS, 12, 'TONGBAN_SESSION_HOURS'),
    sessionCacheMs: int(env.TONGBAN_SESSION_CACHE_MS, 5000, 'TONGBAN_SESSION_CACHE_MS'),
    loginMaxFailures: int(env.TONGBAN_LOGIN_MAX_FAILURES, 5, 'TONGBAN_LOGIN_MAX_FAILURES'),
    loginLockMinutes: int(env.TONGBAN_LOGIN_LOCK_MINUTES, 15, 'TONGBAN_LOGIN_LOCK_MINUTES'),
    loginRateLimitPerMinute: int(env.TONGBAN_LOGIN_RATE_PER_MINUTE, 30, 'TONGBAN_LOGIN_RATE_PER_MINUTE'),
    bodyLimitBytes: int(env.TONGBAN_BODY_LIMIT, 256 * 1024, 'TONGBAN_BODY_LIMIT'),
    outboxPollMs: int(env.TONGBAN_OUTBOX_POLL_MS, 500, 'TONGBAN_OUTBOX_POLL_MS'),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: env.TONGBAN_TRUST_PROXY === '1',
    webDir: path.resolve(env.TONGBAN_WEB_DIR || path.join(projectRoot(), 'dist', 'web')),
    holidaysFile: env.TONGBAN_HOLIDAYS_FILE ? path.resolve(env.TONGBAN_HOLIDAYS_FILE) : null,
    rectificationDays: int(env.TONGBAN_RECTIFICATION_DAYS, 10, 'TONGBAN_RECTIFICATION_DAYS'),
    consultationRouteThreshold: ratio(env.TONGBAN_ROUTE_THRESHOLD, 0.4, 'TONGBAN_ROUTE_THRESHOLD'),
    consultationAnswerThreshold: ratio(env.TONGBAN_ANSWER_THRESHOLD, 0.4, 'TONGBAN_ANSWER_THRESHOLD'),
    ...overrides,
  };
  if (config.rectificationDays < 5 || config.rectificationDays > 15) {
    throw new Error('config: TONGBAN_RECTIFICATION_DAYS must be between 5 and 15 working days');
  }
  if (config.passwordHashCost < 1024 || (config.passwordHashCost & (config.passwordHashCost - 1)) !== 0) {
    throw new Error('config: TONGBAN_PASSWORD_COST must be a power of two ≥ 1024');
  }
  return config;
}
