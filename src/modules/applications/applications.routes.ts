import { Type, type TSchema } from 'typebox';
import type { Actor } from '../../platform/actor.js';
import type { App } from '../../platform/http/server.js';
import type { Deps } from '../../platform/deps.js';
import { Page, PageQuery } from '../../platform/http/pagination.js';
import { Nullable } from '../../platform/http/schema-types.js';
import { fileNameFromHeader } from '../../platform/files.js';
import type { Lang } from '../../platform/forms/index.js';
import * as s from './applications.schemas.js';
import { submitApplication } from './use-cases/submit.js';
import * as act from './use-cases/actions.js';
import { caseDetailOf, findMyCases, countQueues, findQueue, getCaseDetail } from './use-cases/read.js';
import { getPrefill } from './use-cases/prefill.js';
import { findUsableLicencesForItem } from './use-cases/licences.js';
import * as drafts from './use-cases/drafts.js';
import * as files from './use-cases/files.js';
import * as ratings from './use-cases/ratings.js';
import { receiveTransfer, sendTransfer } from './use-cases/transfers.js';
import * as documents from './use-cases/documents.js';

/** The language of form messages: English when the client asks for it first, otherwise Chinese. */
const langOf = (header: string | string[] | undefined): Lang => (/^en/i.test(String(header ?? '')) ? 'en' : 'zh-CN');

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
    const r = await submitApplication(deps, req.actor, req.body, req.headers['idempotency-key'] as string, langOf(req.headers['accept-language']));
    if (r.written) return reply.status(201).send(caseDetailOf(deps, { ...r.written, pauses: [], transfers: [], rated: { rating: null, rectification: null }, applicant: true }));
    return reply.status(200).send(await getCaseDetail(deps, req.actor, r.caseId));
  });

  app.get('/api/v1/applications/prefill', {
    config: { access: ['citizen'] },
    schema: {
      tags, summary: 'The item’s form and the values the registries fill in (免填报), each with its source department; the read is logged',
      querystring: Type.Object({ itemId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
    },
  }, (req) => getPrefill(deps, req.actor, req.query.itemId));

  app.get('/api/v1/applications/items/:itemId/usable-licences', {
    config: { access: ['citizen'] },
    schema: {
      tags, summary: '免提交: for each material of the item an electronic licence may replace, the applicant’s usable licences (the enterprise’s while acting for it)',
      params: s.ItemParam, response: { 200: s.UsableLicences },
    },
  }, (req) => findUsableLicencesForItem(deps, req.actor, req.params.itemId));

  app.get('/api/v1/applications/mine', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'My cases (or, while acting for an enterprise, its cases), newest first', querystring: PageQuery, response: { 200: Page(s.MyCase) } },
  }, (req) => findMyCases(deps, req.actor, req.query));

  app.get('/api/v1/applications/cases/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One case with its form, materials, steps, timeline and deadline', params: s.IdParam, response: { 200: s.CaseDetail } },
  }, (req) => getCaseDetail(deps, req.actor, req.params.id));

  app.post('/api/v1/applications/cases/:id/correction', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'Answer a correction request (补正) with the corrected form and materials', params: s.IdParam, body: s.ResubmitBody, response: { 200: s.CaseDetail } },
  }, async (req) => {
    await act.resubmitCorrection(deps, req.actor, req.params.id, req.body, langOf(req.headers['accept-language']));
    return getCaseDetail(deps, req.actor, req.params.id);
  });

  app.get('/api/v1/applications/workbench', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'A queue of the officer’s department: to accept, review, decide, deliver; due soon; overdue; all', querystring: s.QueueQuery,
      response: { 200: Page(Type.Intersect([s.CaseSummary, Type.Object({ taskId: Nullable(Type.String()), taskName: Nullable(Type.String()), claimedBy: Nullable(Type.String()) })])) } },
  }, (req) => findQueue(deps, req.actor, req.query));

  app.get('/api/v1/applications/workbench/counts', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'How many cases each queue of the officer’s department holds (each counted up to `cap`; `more` beyond it)', response: { 200: s.QueueCounts } },
  }, (req) => countQueues(deps, req.actor));

  const taskAction = <B extends TSchema>(path: string, summary: string, body: B, run: (caseId: string, taskId: string, body: any, actor: Actor) => Promise<void | act.IssuedDocument>) =>
    app.post(`/api/v1/applications/cases/:id/tasks/:taskId/${path}`, {
      config: { access: OFFICERS },
      schema: { tags, summary, params: s.TaskParam, body, response: { 200: s.CaseDetail } },
    }, async (req) => {
      const issued = await run(req.params.id, req.params.taskId, req.body, req.actor);
      // a sealed document the action issued: rendered and signed now, in the background, after the commit
      if (issued?.documentId) documents.finishDocumentLater(deps, issued.documentId);
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

  app.get('/api/v1/applications/drafts', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'My drafts (for the identity I act as), most recently saved first', response: { 200: Type.Object({ items: Type.Array(Type.Omit(s.Draft, ['form', 'materials', 'receivingDepartmentId'])) }) } },
  }, (req) => drafts.listDrafts(deps, req.actor));

  app.get('/api/v1/applications/drafts/:itemId', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'My draft for an item', params: s.ItemParam, response: { 200: s.Draft } },
  }, (req) => drafts.getDraft(deps, req.actor, req.params.itemId));

  app.put('/api/v1/applications/drafts/:itemId', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'Save my draft for an item (autosave; not validated until submission)', params: s.ItemParam, body: s.DraftBody, response: { 200: s.Draft } },
  }, (req) => drafts.saveDraft(deps, req.actor, req.params.itemId, req.body));

  app.delete('/api/v1/applications/drafts/:itemId', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'Discard my draft for an item', params: s.ItemParam, response: { 200: Ok } },
  }, async (req) => {
    await drafts.deleteDraft(deps, req.actor, req.params.itemId);
    return { ok: true };
  });

  const sendFile = (reply: import('fastify').FastifyReply, f: { contentType: string; bytes: Buffer; name: string }) =>
    reply.type(f.contentType).header('cache-control', 'private, max-age=300').header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`).send(f.bytes);

  app.get('/api/v1/applications/files/:sha256', {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'One of my uploaded files', params: s.FileParam },
  }, async (req, reply) => sendFile(reply, await files.readMyUpload(deps, req.actor, req.params.sha256)));

  app.get('/api/v1/applications/cases/:id/documents', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The case’s sealed documents (不予受理通知书, 补正材料通知书, 准予许可决定书, 不予许可决定书), oldest first: its applicant, or officers of the case', params: s.IdParam, response: { 200: Type.Object({ items: Type.Array(s.CaseDocument) }) } },
  }, (req) => documents.listCaseDocuments(deps, req.actor, req.params.id));

  app.get('/api/v1/applications/cases/:id/documents/:docId/pdf', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'A sealed document as signed PDF (PAdES); an officer’s read is logged; 409 applications.document_pending while it is being sealed', params: s.CaseDocumentParam },
  }, async (req, reply) => sendFile(reply, await documents.readCaseDocumentPdf(deps, req.actor, req.params.id, req.params.docId)));

  app.get('/api/v1/applications/documents/:id/verification', {
    config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Public verification of a sealed document (the page its QR code leads to): number, kind, department, date, masked case number, SHA-256 of the PDF, status', params: s.IdParam, response: { 200: s.DocumentVerification } },
  }, (req) => documents.getDocumentVerification(deps, req.params.id));

  app.get('/api/v1/applications/documents/root-certificate', {
    config: { access: 'public' },
    schema: { tags, summary: 'The deployment’s e-seal root certificate (PEM): trust it once in a PDF reader and every department’s seal checks' },
  }, async (_req, reply) => reply.type('application/x-pem-file').header('content-disposition', 'attachment; filename="tongban-seal-root-ca.crt"').send(await documents.sealRootCertificate(deps)));

  // Documents a crash or a stop left pending are finished once the server is up (in the background, one at a time).
  app.addHook('onReady', async () => {
    void documents.sweepPendingDocuments(deps).catch((e) => console.error('documents: the sweep failed', e));
  });

  app.get('/api/v1/applications/cases/:id/files/:sha256', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'A material of a case (its applicant, or officers of the case; an officer’s read is logged)', params: s.CaseFileParam },
  }, async (req, reply) => sendFile(reply, await files.readCaseFile(deps, req.actor, req.params.id, req.params.sha256)));

  // Uploads take the raw file as the body, in their own context with their own parsers and size limit.
  app.register(async (raw) => {
    raw.addContentTypeParser([...files.MATERIAL_TYPES, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: files.MATERIAL_MAX_BYTES }, (_req, body, done) => done(null, body));
    raw.post('/api/v1/applications/files', {
      config: { access: ['citizen'] },
      schema: { tags, summary: 'Upload a material (PDF, JPEG or PNG, judged by content; ≤ 10 MB). The file is the body; its name in x-file-name (URI-encoded).', response: { 201: s.UploadedFile } },
    }, async (req, reply) => reply.status(201).send(await files.uploadMaterial(deps, req.actor, req.body as Buffer, req.headers['content-type'], fileNameFromHeader(req.headers['x-file-name']))));
  });

  app.post('/api/v1/applications/cases/:id/rating', {
    config: { access: ['citizen'] },
    schema: { tags, summary: '好差评: rate the case once it has ended (one rating per case); a bad rating opens a rectification', params: s.IdParam, body: s.RatingBody, response: { 200: s.CaseDetail } },
  }, async (req) => {
    await ratings.rateCase(deps, req.actor, req.params.id, req.body);
    return getCaseDetail(deps, req.actor, req.params.id);
  });

  app.post('/api/v1/applications/cases/:id/transfers', {
    config: { access: OFFICERS },
    schema: { tags, summary: '跨省通办: send the originals (receiving window → handling department) or the result (back)', params: s.IdParam, body: s.TransferBody, response: { 200: s.CaseDetail } },
  }, async (req) => {
    await sendTransfer(deps, req.actor, req.params.id, req.body);
    return getCaseDetail(deps, req.actor, req.params.id);
  });

  app.post('/api/v1/applications/cases/:id/transfers/:transferId/receive', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Confirm receipt of a transfer', params: s.TransferParam, body: s.ActionBody, response: { 200: s.CaseDetail } },
  }, async (req) => {
    await receiveTransfer(deps, req.actor, req.params.id, req.params.transferId, req.body);
    return getCaseDetail(deps, req.actor, req.params.id);
  });

  const rtags = ['applications', 'rectifications'];
  app.get('/api/v1/applications/rectifications', {
    config: { access: ['staff'] },
    schema: { tags: rtags, summary: 'Rectifications (整改) opened by bad ratings: my department’s, or all for a platform admin', querystring: s.RectificationQuery, response: { 200: Page(s.Rectification) } },
  }, (req) => ratings.findRectifications(deps, req.actor, req.query));

  const rectAction = <B extends TSchema>(path: string, summary: string, body: B, run: (id: string, body: any, actor: Actor) => Promise<void>) =>
    app.post(`/api/v1/applications/rectifications/:id/${path}`, {
      config: { access: ['staff'] },
      schema: { tags: rtags, summary, params: s.IdParam, body, response: { 200: Ok } },
    }, async (req) => {
      await run(req.params.id, req.body, req.actor);
      return { ok: true };
    });
  rectAction('follow-up', 'Record a follow-up; close: true concludes the rectification', s.FollowUpBody, (id, b, a) => ratings.followUpRectification(deps, a, id, b));
  rectAction('appeal', 'Appeal a mistaken or malicious rating', s.AppealBody, (id, b, a) => ratings.appealRectification(deps, a, id, b));
  rectAction('appeal-decision', 'Platform admin: uphold the appeal (voids the rating) or reject it (the rectification reopens)', s.AppealDecisionBody, (id, b, a) => ratings.decideAppeal(deps, a, id, b));
}

