import { Type, type TSchema } from 'typebox';
import type { Actor } from '../../platform/actor.js';
import type { App } from '../../platform/http/server.js';
import type { Deps } from '../../platform/deps.js';
import { Page } from '../../platform/http/pagination.js';
import * as s from './consultation.orders.schemas.js';
import { createOrder, escalateQuestion } from './use-cases/orders-create.js';
import * as act from './use-cases/orders-actions.js';
import { chaseOrder, startOverdueSweep, superviseOverdueOrders } from './use-cases/orders-supervision.js';
import { findDispatcherQueue, findMyOrders, findUnitQueue, getOrderDetail } from './use-cases/orders-read.js';
import { detectAnswerConflicts, findAnswerConflicts, resolveAnswerConflict } from './use-cases/orders-conflicts.js';
import { orderSettings } from './use-cases/orders-settings.js';
import { registerOpen311Routes } from './consultation.open311.routes.js';

/**
 * Work orders (12345): thin handlers — validate by schema, call the use case, reply. Actions answer with the order as
 * it now is. docs/consultation-work-orders.md has every endpoint with examples. Also registers the Open311 GeoReport
 * v2 endpoint (consultation.open311.routes.ts) and this process's overdue sweep (督办).
 */
export function registerConsultationOrdersRoutes(app: App, deps: Deps): void {
  const tags = ['consultation work orders'];
  const base = '/api/v1/consultation/orders';
  const settings = orderSettings(deps); // TONGBAN_ORDER_* are read and checked by loadConfig

  app.post(base, {
    config: { access: ['citizen', 'staff'] },
    schema: { tags, summary: 'File a work order (受理): a citizen online, or a 12345 operator recording a caller; routed to a unit (派单) or to the dispatcher', body: s.CreateOrderBody, response: { 201: s.OrderDetail } },
  }, async (req, reply) => {
    const o = await createOrder(deps, req.actor, req.body);
    return reply.status(201).send(await getOrderDetail(deps, req.actor, o.id));
  });

  app.post('/api/v1/consultation/questions/:id/escalate', {
    config: { access: ['citizen', 'staff'] },
    schema: {
      tags, summary: 'Turn a question that needs a person into its work order (exactly one per question: again → the same order, 200)', params: s.IdParam, body: s.EscalateBody,
      response: { 201: s.EscalateResult, 200: s.EscalateResult },
    },
  }, async (req, reply) => {
    const r = await escalateQuestion(deps, req.actor, req.params.id, req.body);
    return reply.status(r.created ? 201 : 200).send({ created: r.created, order: await getOrderDetail(deps, req.actor, r.orderId) });
  });

  app.get(`${base}/mine`, {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'My work orders, newest first', querystring: s.MineQuery, response: { 200: Page(s.OrderSummary) } },
  }, (req) => findMyOrders(deps, req.actor, req.query));

  app.get(`${base}/workbench`, {
    config: { access: ['staff'] },
    schema: { tags, summary: 'A queue of my department: to_sign, in_progress, due_soon, overdue, joint (opinions owed as co-unit), all', querystring: s.UnitQueueQuery, response: { 200: Page(s.OrderSummary) } },
  }, (req) => findUnitQueue(deps, req.actor, req.query));

  app.get(`${base}/dispatcher`, {
    config: { access: ['staff'] },
    schema: { tags, summary: 'A queue of the 12345 centre: low_confidence, bounced, returned, cross_region, all_dispatching, follow_up, origin', querystring: s.DispatcherQueueQuery, response: { 200: Page(s.OrderSummary) } },
  }, (req) => findDispatcherQueue(deps, req.actor, req.query));

  app.get(`${base}/settings`, {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Time limits (working days per type, urgent, signing, co-units) and the bounce cap in force', response: { 200: s.OrderSettingsSchema } },
  }, () => {
    const x = orderSettings(deps);
    return { limits: x.limits, urgentDays: x.urgentDays, signDays: x.signDays, bounceCap: x.bounceCap, coUnitDays: x.coUnitDays };
  });

  app.get(`${base}/answer-conflicts`, {
    config: { access: ['staff'] },
    schema: { tags, summary: 'Contradictory answers between units (reply vs reply, reply vs knowledge base), side by side, newest first', querystring: s.AnswerConflictQuery, response: { 200: Page(s.AnswerConflict) } },
  }, (req) => findAnswerConflicts(deps, req.actor, req.query));

  app.post(`${base}/answer-conflicts/:id/resolve`, {
    config: { access: ['staff'] },
    schema: { tags, summary: 'Settle a contradiction (the 12345 centre of the region or a platform admin)', params: s.IdParam, body: s.ResolveConflictBody, response: { 200: s.AnswerConflict } },
  }, (req) => resolveAnswerConflict(deps, req.actor, req.params.id, req.body.note));

  app.post(`${base}/supervision/sweep`, {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Flag overdue orders now (督办; each process also does it every TONGBAN_ORDER_SWEEP_MINUTES)', response: { 200: Type.Object({ flagged: Type.Integer() }) } },
  }, async () => ({ flagged: await superviseOverdueOrders(deps) }));

  app.get(`${base}/:id`, {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One work order with its chain, co-units, clock, timeline and what the reader may do', params: s.IdParam, response: { 200: s.OrderDetail } },
  }, (req) => getOrderDetail(deps, req.actor, req.params.id));

  const action = <B extends TSchema>(path: string, who: Array<'citizen' | 'staff'>, summary: string, body: B, run: (id: string, body: any, actor: Actor) => Promise<unknown>) =>
    app.post(`${base}/:id/${path}`, {
      config: { access: who },
      schema: { tags, summary, params: s.IdParam, body, response: { 200: s.OrderDetail } },
    }, async (req) => {
      await run(req.params.id, req.body, req.actor);
      return getOrderDetail(deps, req.actor, req.params.id);
    });

  action('dispatch', ['staff'], '派单 (dispatcher): to a unit, with co-units for joint handling; after the bounce cap the ruling is final', s.DispatchBody, (id, b, a) => act.dispatchOrder(deps, a, id, b));
  action('sign', ['staff'], '签收: the unit takes the order on', s.NoteBody, (id, b, a) => act.signOrder(deps, a, id, b));
  action('transfer', ['staff'], '转办: to another unit, reason required (the cap-th bounce goes to the dispatcher)', s.TransferBody, (id, b, a) => act.transferOrder(deps, a, id, b));
  action('return', ['staff'], '退单: back to the dispatcher with the basis (属地不符/权属不清/职能交叉) and the legal basis', s.ReturnBody, (id, b, a) => act.returnOrder(deps, a, id, b));
  action('request-info', ['staff'], '补充信息: ask the asker; the clock stops', s.RequestInfoBody, (id, b, a) => act.requestInfo(deps, a, id, b));
  action('supplement', ['citizen'], 'The asker answers a request for more information; the clock runs again', s.SupplementBody, (id, b, a) => act.supplementOrder(deps, a, id, b));
  action('reply', ['staff'], '答复: the lead unit’s reply (checked against other units’ answers for contradictions)', s.ReplyBody, async (id, b, a) => {
    await act.replyOrder(deps, a, id, b);
    try {
      await detectAnswerConflicts(deps, id);
    } catch (err) {
      app.log.error({ err }, 'answer contradiction check failed');
    }
  });
  action('co-units', ['staff'], '联办: invite co-units (the lead unit or the dispatcher)', s.CoUnitsBody, (id, b, a) => act.addCoUnits(deps, a, id, b));
  action('opinion', ['staff'], '协办意见: a co-unit’s opinion', s.OpinionBody, (id, b, a) => act.contributeOpinion(deps, a, id, b));
  action('conclude', ['staff'], '办结: the lead unit, after replying, once co-units contributed or their time ran out', s.ConcludeBody, (id, b, a) => act.concludeOrder(deps, a, id, b));
  action('follow-up', ['staff'], '回访: the 12345 centre’s follow-up with the asker', s.FollowUpBody, (id, b, a) => act.followUpOrder(deps, a, id, b));
  action('rating', ['citizen'], '评价: satisfied / basically_satisfied / unsatisfied (+ reopen once)', s.RateBody, (id, b, a) => act.rateOrder(deps, a, id, b));
  action('chase', ['staff'], '督办: chase the unit (a supervision record and a notice)', s.ChaseBody, (id, b, a) => chaseOrder(deps, a, id, b));
  action('cross-region', ['staff'], '互转: hand the order to another region’s unit or dispatcher; the origin keeps following it', s.CrossRegionBody, (id, b, a) => act.transferCrossRegion(deps, a, id, b));

  registerOpen311Routes(app, deps);

  const stop = startOverdueSweep(deps, settings.sweepMinutes, (msg, err) => app.log.error({ err }, msg));
  app.addHook('onClose', async () => stop());
}
