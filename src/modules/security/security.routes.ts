import type { App } from '../../platform/http/server.js';
import type { Deps } from '../../platform/deps.js';
import { Page } from '../../platform/http/pagination.js';
import * as s from './security.schemas.js';
import * as svc from './security.service.js';

export function registerSecurityRoutes(app: App, deps: Deps): void {
  const tags = ['security'];
  app.get('/api/v1/security/audit', {
    config: { access: ['platform_admin', 'auditor', 'department_admin'] },
    schema: { tags, summary: 'Search the audit trail (newest first)', querystring: s.AuditQuery, response: { 200: Page(s.AuditEntry) } },
  }, (req) => svc.searchAudit(deps, req.actor, req.query));

  app.get('/api/v1/security/audit/verify', {
    config: { access: ['platform_admin', 'auditor'] },
    schema: { tags, summary: 'Check the hash chain of the whole audit trail', response: { 200: s.VerifyReply } },
  }, (req) => svc.verifyAudit(deps, req.actor));
}
