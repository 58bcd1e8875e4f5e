import type { App } from '../../platform/http/server.js';
import type { Deps } from '../../platform/deps.js';
import { Page } from '../../platform/http/pagination.js';
import * as s from './org.schemas.js';
import * as svc from './org.service.js';

/** Thin handlers: validate (by schema), call the service, reply. */
export function registerOrgRoutes(app: App, deps: Deps): void {
  const tags = ['org'];

  app.get('/api/v1/org/regions', {
    config: { access: 'public' },
    schema: { tags, summary: 'List regions (GB/T 2260), filter by parent or level', querystring: s.RegionListQuery, response: { 200: Page(s.Region) } },
  }, (req) => svc.findRegions(deps, req.query));

  app.get('/api/v1/org/regions/:code', {
    config: { access: 'public' },
    schema: { tags, summary: 'One region', params: s.CodeParam, response: { 200: s.Region } },
  }, (req) => svc.getRegion(deps, req.params.code));

  app.post('/api/v1/org/regions', {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Add a region under its parent', body: s.CreateRegionBody, response: { 201: s.Region } },
  }, async (req, reply) => reply.status(201).send(await svc.createRegion(deps, req.actor, req.body)));

  app.patch('/api/v1/org/regions/:code', {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Rename a region', params: s.CodeParam, body: s.UpdateRegionBody, response: { 200: s.Region } },
  }, (req) => svc.updateRegion(deps, req.actor, req.params.code, req.body));

  app.get('/api/v1/org/departments', {
    config: { access: 'public' },
    schema: { tags, summary: 'List departments with their exact names and contacts', querystring: s.DepartmentListQuery, response: { 200: Page(s.Department) } },
  }, (req) => svc.findDepartments(deps, req.query));

  app.get('/api/v1/org/departments/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One department', params: s.IdParam, response: { 200: s.Department } },
  }, (req) => svc.getDepartment(deps, req.params.id));

  app.post('/api/v1/org/departments', {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Create a department', body: s.CreateDepartmentBody, response: { 201: s.Department } },
  }, async (req, reply) => reply.status(201).send(await svc.createDepartment(deps, req.actor, req.body)));

  app.patch('/api/v1/org/departments/:id', {
    config: { access: ['platform_admin', 'department_admin'] },
    schema: { tags, summary: 'Update a department (department admins: own department contacts only)', params: s.IdParam, body: s.UpdateDepartmentBody, response: { 200: s.Department } },
  }, (req) => svc.updateDepartment(deps, req.actor, req.params.id, req.body));

}
