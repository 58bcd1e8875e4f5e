import fs from 'node:fs';
import path from 'node:path';

/** Typed configuration read from the environment. Defaults give the embedded (SQLite) setup. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  /**
   * Where the public reaches this deployment (TONGBAN_PUBLIC_URL: an http(s) URL, no trailing slash), or null for the
   * listening address. QR codes on documents and printouts, licence issuer URLs and presentation links use it; read it
   * through publicUrlOf.
   */
  publicUrl: string | null;
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
  /** Consultation work orders (12345): time limits, bounce cap and overdue sweep (TONGBAN_ORDER_*, docs/operations.md). */
  consultationOrders: ConsultationOrderConfig;
}

/** Work-order types whose handling limit is configurable (urgent orders have their own). */
export const CONSULTATION_ORDER_TYPES = ['consultation', 'help', 'complaint', 'suggestion'] as const;

export interface ConsultationOrderConfig {
  /** Working days to handle an order, per type (TONGBAN_ORDER_LIMITS). */
  limits: Record<(typeof CONSULTATION_ORDER_TYPES)[number], number>;
  /** Working days for an urgent order; 0: the same day (TONGBAN_ORDER_LIMITS urgent=). */
  urgentDays: number;
  /** Working days a unit has to sign for (签收) an order (TONGBAN_ORDER_SIGN_DAYS). */
  signDays: number;
  /** Transfers and returns an order may take before the dispatcher's ruling is final (TONGBAN_ORDER_BOUNCE_CAP). */
  bounceCap: number;
  /** Working days a co-unit (协办) has for its opinion (TONGBAN_ORDER_CO_UNIT_DAYS). */
  coUnitDays: number;
  /** Minutes between overdue sweeps (督办) of each process; 0: off (TONGBAN_ORDER_SWEEP_MINUTES). */
  sweepMinutes: number;
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

/** An integer within min..max. */
function bounded(value: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`config: ${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

/**
 * TONGBAN_ORDER_LIMITS (`consultation=3,help=5,complaint=13,suggestion=10,urgent=0`, any subset, 0–60 working days)
 * and the other TONGBAN_ORDER_* settings; an invalid value stops the start with a message naming the variable.
 */
function consultationOrders(env: NodeJS.ProcessEnv): ConsultationOrderConfig {
  const limits: ConsultationOrderConfig['limits'] = { consultation: 3, help: 5, complaint: 13, suggestion: 10 };
  let urgentDays = 0;
  const raw = env.TONGBAN_ORDER_LIMITS?.trim();
  if (raw) {
    for (const part of raw.split(',')) {
      const [key, value] = part.split('=').map((x) => x.trim());
      if (!value) throw new Error(`config: TONGBAN_ORDER_LIMITS: give days for "${key}" as ${key}=<days>`);
      const days = bounded(value, 0, `TONGBAN_ORDER_LIMITS (${key})`, 0, 60);
      if (key === 'urgent') urgentDays = days;
      else if ((CONSULTATION_ORDER_TYPES as readonly string[]).includes(key)) limits[key as keyof typeof limits] = days;
      else throw new Error(`config: TONGBAN_ORDER_LIMITS: unknown order type "${key}" (use ${[...CONSULTATION_ORDER_TYPES, 'urgent'].join(', ')})`);
    }
  }
  return {
    limits,
    urgentDays,
    signDays: bounded(env.TONGBAN_ORDER_SIGN_DAYS, 1, 'TONGBAN_ORDER_SIGN_DAYS', 0, 10),
    bounceCap: bounded(env.TONGBAN_ORDER_BOUNCE_CAP, 2, 'TONGBAN_ORDER_BOUNCE_CAP', 1, 10),
    coUnitDays: bounded(env.TONGBAN_ORDER_CO_UNIT_DAYS, 2, 'TONGBAN_ORDER_CO_UNIT_DAYS', 0, 30),
    sweepMinutes: bounded(env.TONGBAN_ORDER_SWEEP_MINUTES, 10, 'TONGBAN_ORDER_SWEEP_MINUTES', 0, 1440),
  };
}

/** TONGBAN_PUBLIC_URL: an absolute http(s) URL without query or fragment; the trailing slash is dropped. */
function publicUrl(value: string | undefined): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`config: TONGBAN_PUBLIC_URL must be an http(s) URL such as https://zwfw.example.gov.cn, got "${raw}"`);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || u.search || u.hash || !u.hostname) {
    throw new Error(`config: TONGBAN_PUBLIC_URL must be an http(s) URL without credentials, query or fragment, got "${raw}"`);
  }
  return `${u.origin}${u.pathname}`.replace(/\/+$/, '');
}

/**
 * The one answer to "where does the public reach this deployment": `deps.publicUrl` when a caller set it (tests that
 * listen on a port chosen at start), else TONGBAN_PUBLIC_URL, else the listening address (`localhost` for a loopback or
 * wildcard host). No trailing slash.
 */
export function publicUrlOf(deps: { config: Pick<Config, 'publicUrl' | 'host' | 'port'>; publicUrl?: string }): string {
  if (deps.publicUrl) return deps.publicUrl.replace(/\/+$/, '');
  if (deps.config.publicUrl) return deps.config.publicUrl;
  const host = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(deps.config.host) ? 'localhost' : deps.config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${deps.config.port}`;
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
    publicUrl: publicUrl(env.TONGBAN_PUBLIC_URL),
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
    consultationOrders: consultationOrders(env),
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
