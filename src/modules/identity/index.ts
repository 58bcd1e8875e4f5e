/** What other modules may use from identity. */
export { registerIdentityRoutes } from './identity.routes.js';
export { resolveSession } from './use-cases/auth.js';
export { requireEnterpriseScope, AGENT_SCOPES, type AgentScope } from './identity.policy.js';
export { findPerson, findEnterprise } from './identity.queries.js';
export { registryForPrefill, registryValuesForPrefill, type PrefilledAttribute } from './use-cases/registry.js';
