/** What other modules may use from security. */
export { registerSecurityRoutes } from './security.routes.js';
