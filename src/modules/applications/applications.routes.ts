import { Type, type TSchema } from 'typebox';
import type { Actor } from '../../platform/actor.js';
import type { App } from '../../platform/http/server.js';
import type { Deps } from '../../platform/deps.js';
import { Page, PageQuery } from '../../platform/http/pagination.js';
import { Nullable } from '../../platform/http/schema-types.js';
import * as s from './applications.schemas.js';
import { submitApplication } from './use-cases/submit.js';
import * as act from './use-cases/actions.js';
import { findMyCases, findQueue, getCaseDetail } from './use-cases/read.js';
import { getPrefill } from './use-cases/prefill.js';

const OFFICERS = ['window_officer', 'reviewer'] as ('window_officer' | 'reviewer')[];
const Ok = Type.Object({ ok: Type.Boolean() });

/** Thin handlers: validate (by schema), call the use case, reply. Actions answer with the case as it now is. */
export function registerApplicationsRoutes(app: App, deps: Deps): void {
  const tags = ['applications'];

  app.post('/api/v1/applications', {
    config: { access: ['citizen'] },
    schema: {
      tags, summary: 'File an application (Idempotency-Key header required: a retry with the same key returns the same case)', body: s.SubmitBody,
      headers: Type.Object({ 'idempotency-key': Type.String({ minLength: 8, maxLength: 100 }) }),
      response: { 201: s.CaseDetail, 200: s.CaseDetail },
    },
  }, async (req, reply) => {
    const lang = /^en/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'zh-CN';
    const r = await submitApplication(deps, req.actor, req.body, req.headers['idempotency-key'] as string, lang);
    return reply.status(r.replayed ? 200 : 201).send(await getCaseDetail(deps, req.actor, r.caseId));
  });

  app.get('/api/v1/applications/prefill', {
    config: { access: ['citizen'] },
    schema: {
      tags, summary: 'The item’s form and the values the registries fill in (免填报), each with its source department; the read is logged',
      querystring: Type.Object({ itemId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
    },
  }, (req) => getPrefill(deps, req.actor, req.query.itemId));

  app.get('/api/v1/applications/mine', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'My cases (or, while acting for an enterprise, its cases), newest first', querystring: PageQuery, response: { 200: Page(s.CaseSummary) } },
  }, (req) => findMyCases(deps, req.actor, req.query));

  app.get('/api/v1/applications/cases/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One case with its form, materials, steps, timeline and deadline', params: s.IdParam, response: { 200: s.CaseDetail } },
  }, (req) => getCaseDetail(deps, req.actor, req.params.id));

  app.post('/api/v1/applications/cases/:id/correction', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'Answer a correction request (补正) with the corrected form and materials', params: s.IdParam, body: s.ResubmitBody, response: { 200: s.CaseDetail } },
  }, async (req) => {
    await act.resubmitCorrection(deps, req.actor, req.params.id, req.body);
    return getCaseDetail(deps, req.actor, req.params.id);
  });

  app.get('/api/v1/applications/workbench', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'A queue of the officer’s department: to accept, review, decide, deliver; due soon; overdue; all', querystring: s.QueueQuery,
      response: { 200: Page(Type.Intersect([s.CaseSummary, Type.Object({ taskId: Nullable(Type.String()), taskName: Nullable(Type.String()), claimedBy: Nullable(Type.String()) })])) } },
  }, (req) => findQueue(deps, req.actor, req.query));

  const taskAction = <B extends TSchema>(path: string, summary: string, body: B, run: (caseId: string, taskId: string, body: any, actor: Actor) => Promise<void>) =>
    app.post(`/api/v1/applications/cases/:id/tasks/:taskId/${path}`, {
      config: { access: OFFICERS },
      schema: { tags, summary, params: s.TaskParam, body, response: { 200: s.CaseDetail } },
    }, async (req) => {
      await run(req.params.id, req.params.taskId, req.body, req.actor);
      return getCaseDetail(deps, req.actor, req.params.id);
    });

  taskAction('accept', '受理: accept the case; the clock starts', s.ActionBody, (c, t, b, a) => act.acceptCase(deps, a, c, t, b));
  taskAction('refuse', '不予受理: refuse to accept, with the written reason', s.ReasonedActionBody, (c, t, b, a) => act.refuseAcceptance(deps, a, c, t, b));
  taskAction('correction', '补正: list every defect at once; the clock stops', s.CorrectionBody, (c, t, b, a) => act.requestCorrection(deps, a, c, t, b));
  taskAction('review', '审查: this branch’s opinion', s.ReviewBody, (c, t, b, a) => act.completeReview(deps, a, c, t, b));
  taskAction('decide', '决定: approve, or refuse with the reason', s.DecideBody, (c, t, b, a) => act.decideCase(deps, a, c, t, b));
  taskAction('deliver', '送达: deliver the result', s.DeliverBody, (c, t, b, a) => act.deliverResult(deps, a, c, t, b));

  for (const claim of [true, false]) {
    app.post(`/api/v1/applications/cases/:id/tasks/:taskId/${claim ? 'claim' : 'release'}`, {
      config: { access: OFFICERS },
      schema: { tags, summary: claim ? 'Claim a step (others then cannot act on it)' : 'Release a claimed step', params: s.TaskParam, response: { 200: Ok } },
    }, async (req) => {
      await act.claimTask(deps, req.actor, req.params.id, req.params.taskId, claim);
      return { ok: true };
    });
  }

  app.post('/api/v1/applications/cases/:id/special-procedure', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Start a special procedure (hearing, inspection, expert review); the clock stops', params: s.IdParam, body: s.ReasonedActionBody, response: { 200: s.CaseDetail } },
  }, async (req) => {
    await act.startSpecialProcedure(deps, req.actor, req.params.id, req.body);
    return getCaseDetail(deps, req.actor, req.params.id);
  });

  app.post('/api/v1/applications/cases/:id/special-procedure/end', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'End the special procedure; the clock runs again', params: s.IdParam, body: s.ActionBody, response: { 200: s.CaseDetail } },
  }, async (req) => {
    await act.endSpecialProcedure(deps, req.actor, req.params.id, req.body);
    return getCaseDetail(deps, req.actor, req.params.id);
  });
}
