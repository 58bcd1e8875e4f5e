import { Type } from 'typebox';
import type { App } from '../../platform/http/server.js';
import type { Deps } from '../../platform/deps.js';
import { Page } from '../../platform/http/pagination.js';
import * as s from './licenses.schemas.js';
import { createType, getType, listTypes, updateType } from './use-cases/types.js';
import { getLicenceCatalogue } from './use-cases/catalogue.js';
import { issueLicenceManually } from './use-cases/issue.js';
import { importLicences } from './use-cases/import.js';
import { changeLicenceStatus, getStatusListToken, type StatusAction } from './use-cases/status.js';
import { createPresentation, getPublicPresentation, getWalletLicence, listWallet, summariesOf, withdrawPresentation } from './use-cases/wallet.js';
import { flushVerificationLog, verifyPresentation } from './use-cases/verify.js';
import { addTrust, issuerJwks, listIssued, listIssuerKeys, listIssuers, listTrust, removeTrust, rotateIssuerKey } from './use-cases/issuers.js';
import { issuerUrl } from './use-cases/runtime.js';
import { checkLicenceById, licencePrintout } from './use-cases/printout.js';

const OFFICERS = ['window_officer', 'reviewer', 'department_admin'] as ('window_officer' | 'reviewer' | 'department_admin')[];
const ADMINS = ['platform_admin', 'department_admin'] as ('platform_admin' | 'department_admin')[];
const Ok = Type.Object({ ok: Type.Boolean() });
/** The import file is the body: a 20,000-row file is a few megabytes. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

/** Thin handlers under /api/v1/licenses (docs/licences.md). */
export function registerLicensesRoutes(app: App, deps: Deps): void {
  const tags = ['licenses'];
  const base = '/api/v1/licenses';
  // the verification log is written behind (use-cases/verification-log.ts): what is buffered goes out on a clean stop
  app.addHook('onClose', async () => flushVerificationLog(deps));

  // ---- licence type catalogue -----------------------------------------------------------------
  app.get(`${base}/types`, {
    config: { access: 'public' },
    schema: { tags, summary: 'The licence type catalogue', querystring: s.TypeQuery, response: { 200: Type.Object({ items: Type.Array(s.TypeSummary) }) } },
  }, (req) => listTypes(deps, req.query));

  app.get(`${base}/types/:code`, {
    config: { access: 'public' },
    schema: { tags, summary: 'One licence type: fields with classification levels, validity, issuing departments, the items that issue it and the materials it replaces', params: s.CodeParam, response: { 200: s.LicenceType } },
  }, (req) => getType(deps, req.params.code));

  app.post(`${base}/types`, {
    config: { access: ADMINS },
    schema: { tags, summary: 'Define a licence type (platform admin, or an admin of the defining department)', body: s.LicenceTypeBody, response: { 201: s.LicenceType } },
  }, async (req, reply) => reply.status(201).send(await createType(deps, req.actor, req.body)));

  app.put(`${base}/types/:code`, {
    config: { access: ADMINS },
    schema: { tags, summary: 'Change a licence type (expectedVersion guards against lost updates)', params: s.CodeParam, body: s.LicenceTypeUpdate, response: { 200: s.LicenceType } },
  }, (req) => updateType(deps, req.actor, req.params.code, req.body));

  app.get(`${base}/catalogue`, {
    config: { access: 'public' },
    schema: { tags, summary: '发证用证清单: which items issue each licence type, which materials it replaces, and counts of issuance, use and verification', querystring: s.CatalogueQuery,
      response: { 200: Type.Object({ items: Type.Array(s.CatalogueEntry), generatedAt: Type.String() }) } },
  }, (req) => getLicenceCatalogue(deps, req.query));

  // ---- issuance and status (officers of the issuing department) ---------------------------------
  app.post(`${base}/issue`, {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Issue a licence of your department directly (a repeated number returns the licence issued the first time)', body: s.IssueBody, response: { 201: s.LicenceSummary, 200: s.LicenceSummary } },
  }, async (req, reply) => {
    const r = await issueLicenceManually(deps, req.actor, req.body);
    const [summary] = await summariesOf(deps.db, [r.row], deps.calendar.chinaDate(deps.clock.now()));
    return reply.status(r.created ? 201 : 200).send(summary);
  });

  app.post(`${base}/import`, {
    config: { access: OFFICERS },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags, summary: 'Bulk import of the department’s existing licences (docs/formats/licences.md): all or nothing, per-row errors', body: Type.Unsafe<Record<string, unknown>>({ type: 'object' }), response: { 200: s.ImportResult } },
  }, (req) => importLicences(deps, req.actor, JSON.stringify(req.body)));

  app.get(`${base}/issued`, {
    config: { access: ['staff'] },
    schema: { tags, summary: 'Licences issued by a department (your own; platform admins and auditors: any), newest first', querystring: s.IssuedQuery, response: { 200: Page(s.LicenceSummary) } },
  }, (req) => listIssued(deps, req.actor, req.query));

  for (const action of ['revoke', 'suspend', 'reinstate'] as StatusAction[]) {
    app.post(`${base}/:licenceId/${action}`, {
      config: { access: OFFICERS },
      schema: { tags, summary: { revoke: 'Revoke (final)', suspend: 'Suspend (reversible)', reinstate: 'Reinstate a suspended licence' }[action] + ', with the reason; verification sees it at once', params: s.LicenceIdParam, body: s.ReasonBody, response: { 200: s.LicenceSummary } },
    }, async (req) => {
      const row = await changeLicenceStatus(deps, req.actor, req.params.licenceId, action, req.body.reason);
      return (await summariesOf(deps.db, [row], deps.calendar.chinaDate(deps.clock.now())))[0];
    });
  }

  // ---- 证照打印件: the licence as a sealed PDF (holder and issuing department), and the public check its QR leads to ----
  const sendPdf = (reply: import('fastify').FastifyReply, f: { pdf: Uint8Array; fileName: string }) =>
    reply.type('application/pdf').header('cache-control', 'private, no-store')
      .header('content-disposition', `inline; filename="printout.pdf"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .send(Buffer.from(f.pdf.buffer, f.pdf.byteOffset, f.pdf.byteLength));
  app.get(`${base}/wallet/:licenceId/printout.pdf`, {
    config: { access: ['citizen'] },
    schema: { tags, summary: '证照打印件 of one of my licences: PDF sealed (PAdES) by the issuing department, QR code to the public check; the read is logged', params: s.LicenceIdParam },
  }, async (req, reply) => sendPdf(reply, await licencePrintout(deps, req.actor, req.params.licenceId, 'holder')));
  app.get(`${base}/issued/:licenceId/printout.pdf`, {
    config: { access: ['staff'] },
    schema: { tags, summary: '证照打印件 of a licence your department issued (platform admins and auditors: any); the read is logged', params: s.LicenceIdParam },
  }, async (req, reply) => sendPdf(reply, await licencePrintout(deps, req.actor, req.params.licenceId, 'issuer')));
  app.get(`${base}/check/:licenceId`, {
    config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Public check of a licence by its identifier (a printout’s QR code): current status, type, issuer, dates and public (L1) fields; the holder’s name masked, nothing else personal', params: s.LicenceIdParam, response: { 200: s.LicenceCheck } },
  }, (req) => checkLicenceById(deps, req.params.licenceId));

  // ---- wallet (citizens; enterprises through their legal representative or agents with licenses.use) ----
  app.get(`${base}/wallet`, {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'My licences (or, acting for an enterprise with licenses.use, the enterprise’s)', response: { 200: Type.Object({ items: Type.Array(s.LicenceSummary), holder: Type.Object({ kind: Type.String(), name: Type.String() }) }) } },
  }, (req) => listWallet(deps, req.actor));

  app.get(`${base}/wallet/:licenceId`, {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'One of my licences with every field, which I may choose to show, and my open presentations', params: s.LicenceIdParam, response: { 200: s.LicenceDetail } },
  }, (req) => getWalletLicence(deps, req.actor, req.params.licenceId));

  app.post(`${base}/wallet/:licenceId/presentations`, {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'Show the licence: the chosen fields, for a time (60–3600 s, default 600), as a link and QR code', params: s.LicenceIdParam, body: s.PresentationBody, response: { 201: s.PresentationCreated } },
  }, async (req, reply) => reply.status(201).send(await createPresentation(deps, req.actor, req.params.licenceId, req.body)));

  app.delete(`${base}/wallet/presentations/:id`, {
    config: { access: ['citizen'] },
    schema: { tags, summary: 'End one of my presentations now', params: s.PresentationIdParam, response: { 200: Ok } },
  }, async (req) => {
    await withdrawPresentation(deps, req.actor, req.params.id);
    return { ok: true };
  });

  // ---- verification (public) ----------------------------------------------------------------------
  app.get(`${base}/presentations/:id`, {
    config: { access: 'public', rateLimit: { max: 300, timeWindow: '1 minute' } },
    schema: { tags, summary: 'A presentation for its verifier (until it expires): the token, its audience and nonce', params: s.PresentationIdParam, response: { 200: s.PublicPresentation } },
  }, (req) => getPublicPresentation(deps, req.params.id));

  app.post(`${base}/verify`, {
    config: { access: 'public', rateLimit: { max: 600, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Verify a presented licence: each check on its own, and only the disclosed fields (always 200 for a credential; 400 only for a malformed request)', body: s.VerifyBody, response: { 200: s.VerifyResult } },
  }, (req) => verifyPresentation(deps, req.body, { actor: req.actor, ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id }));

  app.get(`${base}/issuers`, {
    config: { access: 'public' },
    schema: { tags, summary: 'This deployment’s licence issuers: issuer URL, JWKS, status lists, region (what other deployments read to trust them)', response: { 200: Type.Object({ items: Type.Array(s.IssuerInfo) }) } },
  }, async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(await listIssuers(deps)));

  app.get(`${base}/issuers/:issuerCode/jwks.json`, {
    config: { access: 'public' },
    schema: { tags, summary: 'The issuer’s public keys (active and retired)', params: s.IssuerCodeParam },
  }, async (req, reply) => reply.type('application/json').header('cache-control', 'public, max-age=300').send(await issuerJwks(deps, req.params.issuerCode)));

  app.get(`${base}/issuers/:issuerCode/status/:listId`, {
    config: { access: 'public' },
    schema: { tags, summary: 'The issuer’s Token Status List (statuslist+jwt, 2 bits per licence)', params: s.StatusListParam },
  }, async (req, reply) => reply.type('application/statuslist+jwt').header('cache-control', 'public, max-age=60').send(await getStatusListToken(deps, req.params.issuerCode, req.params.listId)));

  app.get(`${base}/issuers/:issuerCode/keys`, {
    config: { access: ADMINS },
    schema: { tags, summary: 'The department’s signing keys (no private parts)', params: s.IssuerCodeParam },
  }, (req) => listIssuerKeys(deps, req.actor, req.params.issuerCode));

  app.post(`${base}/issuers/:issuerCode/keys/rotate`, {
    config: { access: ADMINS },
    schema: { tags, summary: 'A new signing key (alg SM2-SM3 for 国密); older licences keep verifying', params: s.IssuerCodeParam, body: s.RotateBody },
  }, (req) => rotateIssuerKey(deps, req.actor, req.params.issuerCode, req.body.alg));

  // ---- trust list (platform admin) ------------------------------------------------------------------
  app.get(`${base}/trust`, {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Trusted Tongban deployments: their issuers within the region are trusted', response: { 200: Type.Object({ items: Type.Array(s.TrustEntry) }) } },
  }, (req) => listTrust(deps, req.actor));

  app.post(`${base}/trust`, {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Trust another deployment’s issuers within a region (their JWKS and status lists are fetched over HTTP)', body: s.TrustBody, response: { 201: s.TrustEntry } },
  }, async (req, reply) => reply.status(201).send(await addTrust(deps, req.actor, req.body)));

  app.delete(`${base}/trust/:id`, {
    config: { access: ['platform_admin'] },
    schema: { tags, summary: 'Stop trusting a deployment', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), response: { 200: Ok } },
  }, async (req) => {
    await removeTrust(deps, req.actor, req.params.id);
    return { ok: true };
  });

  // ---- SD-JWT VC issuer metadata (draft-ietf-oauth-sd-jwt-vc): /.well-known/jwt-vc-issuer + the issuer's path ----
  app.get('/.well-known/jwt-vc-issuer/api/v1/licenses/issuers/:issuerCode', {
    config: { access: 'public' },
    schema: { hide: true, params: s.IssuerCodeParam },
  }, async (req, reply) => {
    await issuerJwks(deps, req.params.issuerCode); // 404 for an unknown issuer
    const iss = issuerUrl(deps, req.params.issuerCode);
    return reply.header('cache-control', 'public, max-age=300').send({ issuer: iss, jwks_uri: `${iss}/jwks.json` });
  });
}

