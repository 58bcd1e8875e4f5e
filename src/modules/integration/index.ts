/** Outside systems: webhook subscriptions and the live event stream. */
export { registerIntegrationRoutes } from './integration.routes.js';
