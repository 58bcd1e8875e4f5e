import type { Config } from '../../../platform/config.js';

/**
 * Work-order limits (12345 style), read from the environment once per deployment configuration. Local rules differ,
 * so every limit is configurable (docs/operations.md):
 *
 * - `TONGBAN_ORDER_LIMITS`: working days to handle an order, per type — `consultation=3,help=5,complaint=13,suggestion=10,urgent=0`
 *   (any subset; `urgent=0` means "the same day": the end of the day received, or of the next working day when it
 *   was received on a day off).
 * - `TONGBAN_ORDER_SIGN_DAYS` (1): working days a unit has to sign for (签收) an order dispatched to it.
 * - `TONGBAN_ORDER_BOUNCE_CAP` (2): transfers and returns (转办/退单) an order may take; the one that reaches the cap
 *   sends it to the dispatcher, whose ruling is final.
 * - `TONGBAN_ORDER_CO_UNIT_DAYS` (2): working days a co-unit (协办单位) of a joint order has to contribute its opinion.
 * - `TONGBAN_ORDER_SWEEP_MINUTES` (10): how often each process looks for overdue orders to flag (督办); 0 turns it off.
 */
export const ORDER_TYPES = ['consultation', 'help', 'complaint', 'suggestion'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export interface OrderSettings {
  limits: Record<OrderType, number>;
  urgentDays: number;
  signDays: number;
  bounceCap: number;
  coUnitDays: number;
  sweepMinutes: number;
}

export const DEFAULT_ORDER_SETTINGS: OrderSettings = {
  limits: { consultation: 3, help: 5, complaint: 13, suggestion: 10 },
  urgentDays: 0,
  signDays: 1,
  bounceCap: 2,
  coUnitDays: 2,
  sweepMinutes: 10,
};

function count(value: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`config: ${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

/** Parses the settings from the environment; an invalid value stops the start with a message naming the variable. */
export function loadOrderSettings(env: NodeJS.ProcessEnv = process.env): OrderSettings {
  const limits = { ...DEFAULT_ORDER_SETTINGS.limits };
  let urgentDays = DEFAULT_ORDER_SETTINGS.urgentDays;
  const raw = env.TONGBAN_ORDER_LIMITS?.trim();
  if (raw) {
    for (const part of raw.split(',')) {
      const [key, value] = part.split('=').map((s) => s.trim());
      const days = count(value, -1, `TONGBAN_ORDER_LIMITS (${key})`, 0, 60);
      if (key === 'urgent') urgentDays = days;
      else if ((ORDER_TYPES as readonly string[]).includes(key)) limits[key as OrderType] = days;
      else throw new Error(`config: TONGBAN_ORDER_LIMITS: unknown order type "${key}" (use ${[...ORDER_TYPES, 'urgent'].join(', ')})`);
    }
  }
  return {
    limits,
    urgentDays,
    signDays: count(env.TONGBAN_ORDER_SIGN_DAYS, DEFAULT_ORDER_SETTINGS.signDays, 'TONGBAN_ORDER_SIGN_DAYS', 0, 10),
    bounceCap: count(env.TONGBAN_ORDER_BOUNCE_CAP, DEFAULT_ORDER_SETTINGS.bounceCap, 'TONGBAN_ORDER_BOUNCE_CAP', 1, 10),
    coUnitDays: count(env.TONGBAN_ORDER_CO_UNIT_DAYS, DEFAULT_ORDER_SETTINGS.coUnitDays, 'TONGBAN_ORDER_CO_UNIT_DAYS', 0, 30),
    sweepMinutes: count(env.TONGBAN_ORDER_SWEEP_MINUTES, DEFAULT_ORDER_SETTINGS.sweepMinutes, 'TONGBAN_ORDER_SWEEP_MINUTES', 0, 1440),
  };
}

const byConfig = new WeakMap<Config, OrderSettings>();

/** The settings of a deployment (its Config object): from the environment on first use, or as configured. */
export function orderSettings(deps: { config: Config }): OrderSettings {
  let s = byConfig.get(deps.config);
  if (!s) {
    s = loadOrderSettings();
    byConfig.set(deps.config, s);
  }
  return s;
}

/** Sets a deployment's settings explicitly (an embedding program, or a test of a local rule), over the defaults. */
export function configureOrderSettings(deps: { config: Config }, settings: Partial<Omit<OrderSettings, 'limits'>> & { limits?: Partial<OrderSettings['limits']> }): OrderSettings {
  const base = orderSettings(deps);
  const next: OrderSettings = { ...base, ...settings, limits: { ...base.limits, ...settings.limits } };
  byConfig.set(deps.config, next);
  return next;
}

/** Working days to handle an order of a type (urgent: the same day). */
export function limitDaysOf(s: OrderSettings, type: OrderType, urgent: boolean): number {
  return urgent ? s.urgentDays : s.limits[type];
}
