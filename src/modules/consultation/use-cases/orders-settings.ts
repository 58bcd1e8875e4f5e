import { CONSULTATION_ORDER_TYPES, type Config, type ConsultationOrderConfig } from '../../../platform/config.js';

/**
 * Work-order limits (12345 style). Local rules differ, so every limit is configurable: the deployment's Config reads
 * them from TONGBAN_ORDER_LIMITS, TONGBAN_ORDER_SIGN_DAYS, TONGBAN_ORDER_BOUNCE_CAP, TONGBAN_ORDER_CO_UNIT_DAYS and
 * TONGBAN_ORDER_SWEEP_MINUTES (src/platform/config.ts, docs/operations.md); an invalid value stops the start.
 */
export const ORDER_TYPES = CONSULTATION_ORDER_TYPES;
export type OrderType = (typeof ORDER_TYPES)[number];
export type OrderSettings = ConsultationOrderConfig;

const byConfig = new WeakMap<Config, OrderSettings>();

/** The settings of a deployment: its Config's, unless an embedding program or a test set them (configureOrderSettings). */
export function orderSettings(deps: { config: Config }): OrderSettings {
  return byConfig.get(deps.config) ?? deps.config.consultationOrders;
}

/** Sets a deployment's settings explicitly (an embedding program, or a test of a local rule), over the current ones. */
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
