import { Type } from 'typebox';
import type { App } from '../../platform/http/server.js';
import type { Deps } from '../../platform/deps.js';
import { Page, PageQuery } from '../../platform/http/pagination.js';
import * as s from './consultation.schemas.js';
import { askQuestion, findMyQuestions, getQuestion, submitFeedback } from './use-cases/ask.js';
import { createKbEntry, getKbEntry, listKbEntries, listKbVersions, retireKbEntry, searchKnowledge, updateKbEntry } from './use-cases/knowledge.js';
import { createDuty, getDuty, listDuties, retireDuty, updateDuty } from './use-cases/duties.js';
import { listConflicts, resolveConflict } from './use-cases/contradictions.js';
import { assertRegion, routeQuestion } from './use-cases/routing.js';
import { getImportJob, startImportJob } from './use-cases/import.js';
import { checkQuestionText } from './use-cases/ask.js';
import { getConsultStats } from './use-cases/stats.js';
import { ConsultStats, StatsQuery } from './consultation.stats.schemas.js';

const EDITORS = ['department_admin', 'platform_admin'] as ('department_admin' | 'platform_admin')[];
const IMPORT_LIMIT = 20 * 1024 * 1024;

/** Thin handlers: validate (by schema), call the use case, reply. docs/consultation.md describes each. */
export function registerConsultationRoutes(app: App, deps: Deps): void {
  const tags = ['consultation'];
  const base = '/api/v1/consultation';

  // ---- asking (any channel)
  app.post(`${base}/questions`, {
    config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute', keyGenerator: (req) => req.actor?.userId ?? req.ip } },
    schema: {
      tags, summary: 'Ask a question from any channel: instant answers from the knowledge base and a routing suggestion; the question is stored with its outcome (a logged-in citizen is linked as the asker)',
      body: s.AskBody, response: { 201: s.AskResult },
    },
  }, async (req, reply) => reply.status(201).send(await askQuestion(deps, req.actor, req.body)));

  app.get(`${base}/questions/mine`, {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'My questions, newest first', querystring: PageQuery, response: { 200: Page(s.QuestionSummary) } },
  }, (req) => findMyQuestions(deps, req.actor, req.query));

  app.get(`${base}/questions/:id`, {
    config: { access: 'public' },
    schema: { tags, summary: 'One question with its answers and routing (its asker; a question asked without logging in: whoever holds its id)', params: s.IdParam, response: { 200: s.AskResult } },
  }, (req) => getQuestion(deps, req.actor, req.params.id));

  app.post(`${base}/questions/:id/feedback`, {
    config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute', keyGenerator: (req) => req.actor?.userId ?? req.ip } },
    schema: {
      tags, summary: 'Was an instant answer helpful? (one vote per answer; a new vote replaces it)', params: s.IdParam, body: s.FeedbackBody,
      response: { 200: Type.Object({ questionId: Type.String(), entryCode: Type.String(), helpful: Type.Boolean() }) },
    },
  }, (req) => submitFeedback(deps, req.actor, req.params.id, req.body));

  app.post(`${base}/route`, {
    config: { access: ['staff'] },
    schema: {
      tags, summary: 'Routing preview for a text and a region (hotline operators, dispatchers): nothing is stored',
      body: Type.Object({ text: Type.String(), regionCode: Type.String({ maxLength: 12 }), topicHint: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
      response: { 200: s.RouteResult },
    },
  }, (req) => routeQuestion(deps, { text: checkQuestionText(req.body.text), regionCode: req.body.regionCode, topicHint: req.body.topicHint }));

  // ---- knowledge base
  app.get(`${base}/kb/search`, {
    config: { access: 'public' },
    schema: { tags, summary: 'Search the knowledge base as an asker in a region would (nothing is stored): entries valid today, best first, with score 0..1', querystring: s.KbSearchQuery, response: { 200: Type.Object({ items: Type.Array(s.InstantAnswer) }) } },
  }, async (req) => {
    await assertRegion(deps, req.query.regionCode);
    return { items: await searchKnowledge(deps, { text: checkQuestionText(req.query.q), regionCode: req.query.regionCode, limit: req.query.limit ?? 5 }) };
  });

  app.get(`${base}/kb/entries`, {
    config: { access: ['staff'] },
    schema: { tags, summary: 'Entries of a department (default mine; a platform admin may list all), by code', querystring: s.KbListQuery, response: { 200: Page(s.KbEntry) } },
  }, (req) => listKbEntries(deps, req.actor, req.query));

  app.post(`${base}/kb/entries`, {
    config: { access: EDITORS },
    schema: { tags, summary: 'Create an entry (version 1); warnings name other units’ entries on the same topic with different facts', body: s.KbEntryCreateBody, response: { 201: s.KbSaveResult } },
  }, async (req, reply) => reply.status(201).send(await createKbEntry(deps, req.actor, req.body)));

  app.get(`${base}/kb/entries/:code`, {
    config: { access: 'public' },
    schema: { tags, summary: 'One entry (anyone, while it is shown; its department’s staff in any state)', params: s.CodeParam, response: { 200: s.KbEntry } },
  }, (req) => getKbEntry(deps, req.actor, req.params.code));

  app.put(`${base}/kb/entries/:code`, {
    config: { access: EDITORS },
    schema: { tags, summary: 'Edit an entry: a new version when anything changed; warnings as on create', params: s.CodeParam, body: s.KbEntryUpdateBody, response: { 200: s.KbSaveResult } },
  }, (req) => updateKbEntry(deps, req.actor, req.params.code, req.body));

  app.post(`${base}/kb/entries/:code/retire`, {
    config: { access: EDITORS },
    schema: { tags, summary: 'Retire an entry (never shown again; kept with its versions)', params: s.CodeParam, body: s.RetireBody, response: { 200: s.KbEntry } },
  }, (req) => retireKbEntry(deps, req.actor, req.params.code, req.body.changeNote ?? null));

  app.get(`${base}/kb/entries/:code/versions`, {
    config: { access: ['staff'] },
    schema: { tags, summary: 'Every version of an entry, newest first (the department’s staff, platform admins)', params: s.CodeParam, response: { 200: Type.Object({ items: Type.Array(s.KbVersion) }) } },
  }, (req) => listKbVersions(deps, req.actor, req.params.code));

  app.get(`${base}/kb/conflicts`, {
    config: { access: ['staff'] },
    schema: { tags, summary: 'Contradictions between units’ entries (platform admins; the data bureau’s admins for their region)', querystring: s.ConflictQuery, response: { 200: Page(s.KbConflict) } },
  }, (req) => listConflicts(deps, req.actor, req.query));

  app.post(`${base}/kb/conflicts/:id/resolve`, {
    config: { access: ['staff'] },
    schema: { tags, summary: 'Mark a contradiction resolved, saying how', params: s.IdParam, body: s.ResolveBody, response: { 200: s.KbConflict } },
  }, (req) => resolveConflict(deps, req.actor, req.params.id, req.body.note));

  // ---- duty lists
  app.get(`${base}/duties`, {
    config: { access: 'public' },
    schema: { tags, summary: 'Duty-list entries (权责清单), by code; filter by department', querystring: s.DutyListQuery, response: { 200: Page(s.Duty) } },
  }, (req) => listDuties(deps, req.actor, req.query));

  app.post(`${base}/duties`, {
    config: { access: EDITORS },
    schema: { tags, summary: 'Add a duty to a department’s list', body: s.DutyCreateBody, response: { 201: s.Duty } },
  }, async (req, reply) => reply.status(201).send(await createDuty(deps, req.actor, req.body)));

  app.get(`${base}/duties/:code`, {
    config: { access: 'public' },
    schema: { tags, summary: 'One duty', params: s.CodeParam, response: { 200: s.Duty } },
  }, (req) => getDuty(deps, req.actor, req.params.code));

  app.put(`${base}/duties/:code`, {
    config: { access: EDITORS },
    schema: { tags, summary: 'Edit a duty', params: s.CodeParam, body: s.DutyUpdateBody, response: { 200: s.Duty } },
  }, (req) => updateDuty(deps, req.actor, req.params.code, req.body));

  app.post(`${base}/duties/:code/retire`, {
    config: { access: EDITORS },
    schema: { tags, summary: 'Retire a duty (no longer used for routing)', params: s.CodeParam, response: { 200: s.Duty } },
  }, (req) => retireDuty(deps, req.actor, req.params.code));

  // ---- dashboard
  app.get(`${base}/stats`, {
    config: { access: EDITORS },
    schema: {
      tags, summary: 'Dashboard: questions and work orders of the last `days` China days by status, type, channel, unit, region and topic; backlog, overdue and due soon now; answer and routing quality; ratings; contradictions; a daily trend (platform admins: all; department admins: their department)',
      querystring: StatsQuery, response: { 200: ConsultStats },
    },
  }, (req) => getConsultStats(deps, req.actor, req.query));

  // ---- imports
  app.get(`${base}/import/jobs/:id`, {
    config: { access: EDITORS },
    schema: { tags, summary: 'Progress of an import started by the caller', params: s.IdParam, response: { 200: s.ImportJob } },
  }, (req) => getImportJob(deps, req.actor, req.params.id));

  // The import file is the body (JSON, ≤ 20 MB), taken as text in its own context.
  app.register(async (raw) => {
    raw.removeContentTypeParser('application/json');
    raw.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));
    for (const kind of ['kb', 'duties'] as const) {
      raw.post(`${base}/import/${kind}`, {
        config: { access: EDITORS },
        schema: {
          tags, summary: `Start importing a ${kind === 'kb' ? 'knowledge-base' : 'duty-list'} file (docs/formats/${kind}.md; JSON ≤ 20 MB): all-or-nothing; poll the returned job`,
          response: { 202: s.ImportJob },
        },
      }, async (req, reply) => reply.status(202).send(startImportJob(deps, req.actor, kind, req.body as string)));
    }
  });
}
