import { Type } from 'typebox';
import type { App } from '../../platform/http/server.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/http/cookies.js';
import type { Deps } from '../../platform/deps.js';
import { Page, PageQuery } from '../../platform/http/pagination.js';
import * as s from './identity.schemas.js';
import * as auth from './use-cases/auth.js';
import * as registry from './use-cases/registry.js';
import * as agents from './use-cases/agents.js';
import * as staff from './use-cases/staff.js';
import { AGENT_SCOPES } from './identity.policy.js';
import { listNotifications, markRead, unreadCount } from '../../platform/notifications.js';

const Ok = Type.Object({ ok: Type.Boolean() });

export function registerIdentityRoutes(app: App, deps: Deps): void {
  const authTags = ['auth'];
  const tags = ['identity'];
  const meta = (req: { ip: string; headers: Record<string, unknown>; id: string }) => ({ ip: req.ip, userAgent: req.headers['user-agent'] as string | undefined, requestId: req.id });

  app.post('/api/v1/auth/login', {
    config: { access: 'public', rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    schema: { tags: authTags, summary: 'Log in with username and password; returns a bearer token and sets the session cookie', body: s.LoginBody, response: { 200: s.LoginReply } },
  }, async (req, reply) => {
    const result = await auth.login(deps, req.body, meta(req));
    setSessionCookie(reply, result.token, { secure: req.protocol === 'https', maxAgeSeconds: deps.config.sessionAbsoluteHours * 3600 });
    return result;
  });

  app.post('/api/v1/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: authTags, summary: 'End this session', response: { 200: Ok } },
  }, async (req, reply) => {
    await auth.logout(deps, req.actor);
    clearSessionCookie(reply);
    return { ok: true };
  });

  app.get('/api/v1/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: authTags, summary: 'The logged-in account, its roles, the enterprises it can act for and the CSRF token', response: { 200: s.Me } },
  }, (req) => auth.describeMe(deps, req.actor, req.csrfToken!));

  app.post('/api/v1/auth/password', {
    config: { access: 'authenticated' },
    schema: { tags: authTags, summary: 'Change my password (ends my other sessions)', body: s.ChangePasswordBody, response: { 200: Ok } },
  }, async (req) => {
    await auth.changePassword(deps, req.actor, req.body.currentPassword, req.body.newPassword);
    return { ok: true };
  });

  app.post('/api/v1/auth/acting-for', {
    config: { access: ['citizen'] },
    schema: { tags: authTags, summary: 'Act for an enterprise (as its legal representative or authorised agent), or as myself with null', body: s.ActingForBody, response: { 200: s.Me } },
  }, (req) => auth.switchActingFor(deps, req.actor, req.body.uscc, req.csrfToken!));

  app.post('/api/v1/auth/register', {
    config: { access: 'public', rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    schema: { tags: authTags, summary: 'Register a citizen account (name and ID number must match the population registry)', body: s.RegisterBody, response: { 201: Type.Object({ id: Type.String(), username: Type.String() }) } },
  }, async (req, reply) => reply.status(201).send(await auth.registerCitizen(deps, req.body, req.id)));

  app.get('/api/v1/identity/scopes', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Scopes a legal representative can grant to an agent', response: { 200: Type.Record(Type.String(), Type.Object({ zh: Type.String(), en: Type.String() })) } },
  }, async () => AGENT_SCOPES);

  app.get('/api/v1/identity/people/me', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'My population-registry record with the source department and last update of every attribute', response: { 200: s.Person } },
  }, (req) => registry.getMyPerson(deps, req.actor));

  app.get('/api/v1/identity/people/me/data-access', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'Who read my personal data, when and why', querystring: PageQuery, response: { 200: Page(s.DataAccessEntry) } },
  }, (req) => registry.findMyDataAccess(deps, req.actor, req.query));

  app.get('/api/v1/identity/people/:idNumber', {
    config: { access: ['citizen', 'window_officer', 'reviewer', 'platform_admin'] },
    schema: { tags, summary: 'A person’s registry record (staff: own region, purpose required, logged; citizens: only themselves)', params: s.IdNumberParam, querystring: s.PersonLookupQuery, response: { 200: s.Person } },
  }, (req) => registry.getPerson(deps, req.actor, req.params.idNumber.toUpperCase(), req.query.purpose));

  app.get('/api/v1/identity/enterprises/:uscc', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'An enterprise’s registration record', params: s.UsccParam, response: { 200: s.Enterprise } },
  }, (req) => registry.getEnterprise(deps, req.actor, req.params.uscc.toUpperCase()));

  app.get('/api/v1/identity/enterprises/:uscc/contact', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'The enterprise’s contact details (scope profile.read)', params: s.UsccParam, response: { 200: s.EnterpriseContactReply } },
  }, (req) => registry.getEnterpriseContact(deps, req.actor, req.params.uscc));

  app.put('/api/v1/identity/enterprises/:uscc/contact', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'Set the enterprise’s contact details (scope profile.update)', params: s.UsccParam, body: s.EnterpriseContact, response: { 200: s.EnterpriseContactReply } },
  }, (req) => registry.setEnterpriseContact(deps, req.actor, req.params.uscc, req.body));

  app.get('/api/v1/identity/enterprises/:uscc/agents', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'The enterprise’s agent authorisations (legal representative only)', params: s.UsccParam, response: { 200: Page(s.AgentGrant) } },
  }, (req) => agents.findAgents(deps, req.actor, req.params.uscc));

  app.post('/api/v1/identity/enterprises/:uscc/agents', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'Authorise an agent with scopes and an expiry (legal representative only)', params: s.UsccParam, body: s.GrantAgentBody, response: { 201: s.AgentGrant } },
  }, async (req, reply) => reply.status(201).send(await agents.grantAgent(deps, req.actor, req.params.uscc, req.body)));

  app.post('/api/v1/identity/enterprises/:uscc/agents/:grantId/revoke', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'Revoke an agent authorisation (legal representative only)', params: s.GrantParam, body: s.RevokeBody, response: { 200: Ok } },
  }, (req) => agents.revokeAgent(deps, req.actor, req.params.uscc, req.params.grantId, req.body.reason));

  app.get('/api/v1/identity/staff', {
    config: { access: ['department_admin', 'platform_admin', 'auditor'] },
    schema: { tags, summary: 'Staff accounts (department admins: own department)', querystring: s.StaffListQuery, response: { 200: Page(s.StaffMember) } },
  }, (req) => staff.findStaff(deps, req.actor, req.query));

  app.post('/api/v1/identity/staff', {
    config: { access: ['department_admin', 'platform_admin'] },
    schema: { tags, summary: 'Create a staff account with roles', body: s.CreateStaffBody, response: { 201: s.StaffMember } },
  }, async (req, reply) => reply.status(201).send(await staff.createStaff(deps, req.actor, req.body)));

  app.patch('/api/v1/identity/staff/:id', {
    config: { access: ['department_admin', 'platform_admin'] },
    schema: { tags, summary: 'Change a staff account’s roles, name, active flag, or unlock it', params: s.UserIdParam, body: s.UpdateStaffBody, response: { 200: Ok } },
  }, (req) => staff.updateStaff(deps, req.actor, req.params.id, req.body));

  app.post('/api/v1/identity/staff/:id/region-grants', {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Let a staff member see another region', params: s.UserIdParam, body: s.RegionGrantBody, response: { 201: Type.Object({ id: Type.String() }) } },
  }, async (req, reply) => reply.status(201).send(await staff.grantRegion(deps, req.actor, req.params.id, req.body)));

  // The user's inbox (站内消息): written by the modules inside the transaction of what they report.
  const ntags = ['notifications'];
  const Notification = Type.Object({
    id: Type.String(), kind: Type.String(), params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
    title: Type.String(), link: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(), readAt: Type.Union([Type.String(), Type.Null()]),
  });
  app.get('/api/v1/notifications', {
    config: { access: 'authenticated' },
    schema: { tags: ntags, summary: 'My notifications, newest first', querystring: Type.Intersect([PageQuery, Type.Object({ unreadOnly: Type.Optional(Type.Boolean()) })]), response: { 200: Page(Notification) } },
  }, (req) => listNotifications(deps.db, req.actor.userId ?? '', req.query));

  app.get('/api/v1/notifications/unread-count', {
    config: { access: 'authenticated' },
    schema: { tags: ntags, summary: 'How many of my notifications are unread', response: { 200: Type.Object({ count: Type.Integer() }) } },
  }, async (req) => ({ count: await unreadCount(deps.db, req.actor.userId ?? '') }));

  app.post('/api/v1/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags: ntags, summary: 'Mark all my notifications read', response: { 200: Type.Object({ ok: Type.Boolean() }) } },
  }, async (req) => {
    await markRead(deps.db, deps.clock, req.actor.userId ?? '', null);
    return { ok: true };
  });

  app.post('/api/v1/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags: ntags, summary: 'Mark one notification read', params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }), response: { 200: Type.Object({ ok: Type.Boolean() }) } },
  }, async (req) => {
    await markRead(deps.db, deps.clock, req.actor.userId ?? '', req.params.id);
    return { ok: true };
  });
}
