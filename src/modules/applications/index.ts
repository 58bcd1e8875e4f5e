/** What other modules may use from applications. */
export { registerApplicationsRoutes } from './applications.routes.js';
