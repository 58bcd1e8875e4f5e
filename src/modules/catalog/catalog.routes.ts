import { Type } from 'typebox';
import type { App } from '../../platform/http/server.js';
import type { Deps } from '../../platform/deps.js';
import { Page } from '../../platform/http/pagination.js';
import { fileNameFromHeader, readStoredFile, storeFile, type StoredType } from '../../platform/files.js';
import * as s from './catalog.schemas.js';
import * as items from './use-cases/items.js';
import * as basic from './use-cases/basic-items.js';
import { searchCatalog } from './use-cases/search.js';
import { exportCatalog, getImportJob, startImportJob } from './catalog.import.js';
import { ITEM_TYPES, LIFE_EVENTS, ONLINE_DEPTHS, THEMES, TONGBAN_SCOPES } from './catalog.vocab.js';
import { canManageItem, canReview } from './catalog.policy.js';
import { forbidden } from '../../platform/errors.js';

const MANAGERS = ['department_admin', 'platform_admin'] as ('department_admin' | 'platform_admin')[];
const FILE_TYPES: StoredType[] = [
  'application/pdf', 'image/png', 'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
const FILE_LIMIT = 10 * 1024 * 1024;
const IMPORT_LIMIT = 20 * 1024 * 1024;

/** Thin handlers: validate (by schema), call the use case, reply. */
export function registerCatalogRoutes(app: App, deps: Deps): void {
  const tags = ['catalog'];

  app.get('/api/v1/catalog/vocab', {
    config: { access: 'public' },
    schema: { tags, summary: 'Item types, themes, life events, online depths and 通办 scopes with their Chinese and English names' },
  }, async () => ({ itemTypes: ITEM_TYPES, themes: THEMES, lifeEvents: LIFE_EVENTS, onlineDepths: ONLINE_DEPTHS, tongbanScopes: TONGBAN_SCOPES }));

  app.get('/api/v1/catalog/search', {
    config: { access: 'public' },
    schema: { tags, summary: 'Search the published catalogue (Chinese words, synonyms, pinyin and initials); with no q, browse by the filters', querystring: s.SearchQuery, response: { 200: s.SearchResult } },
  }, (req) => searchCatalog(deps, req.query));

  app.get('/api/v1/catalog/items/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'The published guide of an item', params: s.IdParam, response: { 200: s.ItemDetail } },
  }, (req) => items.getPublishedItem(deps, req.params.id));

  app.get('/api/v1/catalog/items/:id/versions/:version', {
    config: { access: 'public' },
    schema: { tags, summary: 'One version of a guide (drafts only for those who manage the item)', params: s.VersionParam, response: { 200: s.ItemDetail } },
  }, (req) => items.getItemVersion(deps, req.actor, req.params.id, req.params.version));

  app.get('/api/v1/catalog/basic-items', {
    config: { access: 'public' },
    schema: { tags, summary: 'The basic catalogue (main items, sub-items, handling items)', querystring: s.BasicItemListQuery, response: { 200: Page(s.BasicItem) } },
  }, (req) => basic.findBasicItems(deps, req.query));

  app.get('/api/v1/catalog/basic-items/:code', {
    config: { access: 'public' },
    schema: { tags, summary: 'One basic item', params: s.CodeParam, response: { 200: s.BasicItem } },
  }, (req) => basic.getBasicItem(deps, req.params.code));

  app.post('/api/v1/catalog/basic-items', {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Add a basic item', body: s.CreateBasicItemBody, response: { 201: s.BasicItem } },
  }, async (req, reply) => reply.status(201).send(await basic.createBasicItem(deps, req.actor, req.body)));

  app.patch('/api/v1/catalog/basic-items/:code', {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Rename or re-type a basic item (its code and place in the hierarchy are fixed)', params: s.CodeParam, body: s.UpdateBasicItemBody, response: { 200: s.BasicItem } },
  }, (req) => basic.updateBasicItem(deps, req.actor, req.params.code, req.body));

  app.get('/api/v1/catalog/manage/items', {
    config: { access: MANAGERS },
    schema: { tags, summary: 'Items to manage: a department admin’s own department, or all for platform admins', querystring: s.ManageListQuery, response: { 200: Page(s.ItemSummary) } },
  }, (req) => items.findManagedItems(deps, req.actor, req.query));

  app.post('/api/v1/catalog/items', {
    config: { access: MANAGERS },
    schema: { tags, summary: 'Add a department’s implementation of a basic item (version 1, a draft)', body: s.CreateItemBody, response: { 201: s.ItemDetail } },
  }, async (req, reply) => reply.status(201).send(await items.createItem(deps, req.actor, req.body)));

  app.get('/api/v1/catalog/items/:id/versions', {
    config: { access: MANAGERS },
    schema: { tags, summary: 'Every version of an item, newest first', params: s.IdParam, response: { 200: Type.Object({ items: Type.Array(s.VersionInfo) }) } },
  }, (req) => items.listVersions(deps, req.actor, req.params.id));

  app.post('/api/v1/catalog/items/:id/versions', {
    config: { access: MANAGERS },
    schema: { tags, summary: 'Start a new draft from the newest version', params: s.IdParam, body: Type.Object({ changeNote: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })) }, { additionalProperties: false }), response: { 201: s.ItemDetail } },
  }, async (req, reply) => reply.status(201).send(await items.createDraft(deps, req.actor, req.params.id, req.body?.changeNote)));

  app.put('/api/v1/catalog/items/:id/versions/:version', {
    config: { access: MANAGERS },
    schema: { tags, summary: 'Save a draft (published versions are immutable)', params: s.VersionParam, body: s.SaveDraftBody, response: { 200: s.ItemDetail } },
  }, (req) => items.saveDraft(deps, req.actor, req.params.id, req.params.version, req.body));

  for (const [action, summary] of [['submit', 'Submit a draft for review'], ['withdraw', 'Take a submitted version back to draft']] as const) {
    app.post(`/api/v1/catalog/items/:id/versions/:version/${action}`, {
      config: { access: MANAGERS },
      schema: { tags, summary, params: s.VersionParam, response: { 200: s.VersionInfo } },
    }, (req) => (action === 'submit' ? items.submitVersion : items.withdrawVersion)(deps, req.actor, req.params.id, req.params.version));
  }

  app.post('/api/v1/catalog/items/:id/versions/:version/approve', {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Approve and publish a submitted version', params: s.VersionParam, body: Type.Optional(s.ReviewBody), response: { 200: s.VersionInfo } },
  }, (req) => items.approveVersion(deps, req.actor, req.params.id, req.params.version, req.body?.comment));

  app.post('/api/v1/catalog/items/:id/versions/:version/reject', {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Send a submitted version back with a comment', params: s.VersionParam, body: s.RejectBody, response: { 200: s.VersionInfo } },
  }, (req) => items.rejectVersion(deps, req.actor, req.params.id, req.params.version, req.body.comment));

  app.post('/api/v1/catalog/items/:id/retire', {
    config: { access: MANAGERS },
    schema: { tags, summary: 'Take an item out of the public catalogue', params: s.IdParam, body: s.RetireBody, response: { 200: s.ItemSummary } },
  }, (req) => items.retireItem(deps, req.actor, req.params.id, req.body.reason));

  app.get('/api/v1/catalog/items/:id/diff', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Field-level differences between two versions (drafts only for those who manage the item)', params: s.IdParam,
      querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: { 200: s.VersionDiff },
    },
  }, (req) => items.diffVersions(deps, req.actor, req.params.id, req.query.from, req.query.to));

  app.get('/api/v1/catalog/review-queue', {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Versions waiting for review, oldest first', response: { 200: Type.Object({ items: Type.Array(s.ReviewQueueEntry) }) } },
  }, (req) => items.reviewQueue(deps, req.actor));

  app.get('/api/v1/catalog/files/:sha256', {
    config: { access: 'public' },
    schema: { tags, summary: 'A blank form or sample file', params: Type.Object({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) }) },
  }, async (req, reply) => {
    const f = await readStoredFile(deps, req.params.sha256);
    return reply.type(f.contentType).header('cache-control', 'public, max-age=31536000, immutable').send(f.bytes);
  });

  app.get('/api/v1/catalog/imports/:id', {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Progress of an import started by the caller', params: s.IdParam, response: { 200: s.ImportJob } },
  }, (req) => getImportJob(deps, req.actor, req.params.id));

  app.get('/api/v1/catalog/export', {
    config: { access: MANAGERS },
    schema: { tags, summary: 'The published catalogue as an import file (docs/formats/catalog.md)', querystring: Type.Object({ departmentId: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false }) },
  }, async (req, reply) => {
    const departmentId = req.query.departmentId ?? (canReview(req.actor) ? undefined : req.actor.departmentId ?? '__none__');
    if (departmentId && !canManageItem(req.actor, { department_id: departmentId })) throw forbidden('catalog.not_your_department', 'Department admins export their own department’s items.');
    const file = await exportCatalog(deps, { departmentId });
    return reply.header('content-disposition', `attachment; filename="catalog-${deps.clock.nowIso().slice(0, 10)}.json"`).send(file);
  });

  // Uploads take raw bodies: their own content-type parsers, in their own context.
  app.register(async (raw) => {
    raw.addContentTypeParser([...FILE_TYPES, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: FILE_LIMIT }, (_req, body, done) => done(null, body));
    raw.removeContentTypeParser('application/json');
    raw.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));

    raw.post('/api/v1/catalog/files', {
      config: { access: MANAGERS },
      schema: { tags, summary: 'Upload a blank form or sample (PDF, PNG, JPEG, DOCX, XLSX; type checked by content; ≤ 10 MB). Send the file as the body; name in x-file-name (URI-encoded).', response: { 201: s.FileRef } },
    }, async (req, reply) => {
      const name = fileNameFromHeader(req.headers['x-file-name']);
      const f = await storeFile(deps, req.actor, req.body as Buffer, req.headers['content-type'], { maxBytes: FILE_LIMIT, allowed: FILE_TYPES, purpose: 'catalog' });
      return reply.status(201).send({ sha256: f.sha256, name, contentType: f.contentType, size: f.size });
    });

    raw.post('/api/v1/catalog/imports', {
      config: { access: ['platform_admin'] },
      schema: { tags, summary: 'Start importing a catalogue file (JSON, ≤ 20 MB); poll the returned job for progress', response: { 202: s.ImportJob } },
    }, async (req, reply) => reply.status(202).send(startImportJob(deps, req.actor, req.body as string)));
  });
}

