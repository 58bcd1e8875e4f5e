import QRCode from 'qrcode';
import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx, type DbOrTx } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newToken, sha256Hex } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { recordDataAccess } from '../../../platform/access-log.js';
import { maskIdNumber } from '../../../platform/mask.js';
import { presentSdJwtVc } from '../../../platform/crypto/sd-jwt.js';
import { requireEnterpriseScope } from '../../identity/index.js';
import { departmentsByIds, findHolderLicences, findType, typeNames } from '../licenses.queries.js';
import type { LicensesTable } from '../licenses.tables.js';
import type { LicenceSummary, PresentationBody } from '../licenses.schemas.js';
import { holderLabel, openHolderKey } from './issue.js';
import { getLicenceRow } from './status.js';
import { publicUrlOf } from '../../../platform/config.js';
import { API_PREFIX } from './runtime.js';

/*
 * The wallet (电子证照夹): a citizen's own licences, or — acting for an enterprise as its legal representative or an
 * agent granted `licenses.use` — the enterprise's. The holder picks the fields to show and gets a time-limited
 * presentation (link + QR code). Holder binding: each holder's key pair is kept by the platform, sealed under the
 * deployment secret, and the key-binding JWT is signed on the holder's behalf once they are logged in (docs/licences.md).
 */

export interface WalletHolder {
  kind: 'person' | 'enterprise';
  key: string;
  /** An agent (not the legal representative) reading an enterprise's licences: their reads are logged. */
  agent: boolean;
}

export function walletHolder(actor: Actor): WalletHolder {
  if (actor.kind !== 'citizen') throw forbidden('licenses.wallet_citizens_only', 'The licence wallet belongs to citizens and enterprises.');
  if (actor.onBehalfOf) {
    requireEnterpriseScope(actor, actor.onBehalfOf.uscc, 'licenses.use');
    return { kind: 'enterprise', key: actor.onBehalfOf.uscc, agent: actor.onBehalfOf.relation === 'agent' };
  }
  if (!actor.idNumber) throw forbidden('licenses.no_identity', 'Your account has no verified ID number, so it holds no licences.');
  return { kind: 'person', key: actor.idNumber, agent: false };
}

export async function summariesOf(db: DbOrTx, rows: LicensesTable[], today: string): Promise<LicenceSummary[]> {
  const names = await typeNames(db, rows.map((r) => r.type_code));
  const depts = await departmentsByIds(db, rows.map((r) => r.issuer_department_id));
  return rows.map((r) => toSummary(r, names.get(r.type_code) ?? r.type_code, depts.get(r.issuer_department_id), today));
}

export function toSummary(r: LicensesTable, typeName: string, dept: { name: string; region_code: string } | undefined, today: string): LicenceSummary {
  return {
    id: r.id,
    licenceId: r.licence_id,
    typeCode: r.type_code,
    typeName,
    number: r.number,
    issuer: { departmentId: r.issuer_department_id, name: dept?.name ?? '', code: r.issuer_code, regionCode: dept?.region_code ?? '' },
    holder: { kind: r.holder_kind, name: r.holder_name, idMasked: r.holder_kind === 'person' ? maskIdNumber(r.holder_key) : r.holder_key },
    status: r.status,
    statusReason: r.status_reason,
    statusChangedAt: r.status_changed_at,
    issuedOn: r.issued_on,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    expired: !!r.valid_to && r.valid_to < today,
    source: r.source,
    caseNumber: r.case_number,
    alg: r.alg,
  };
}

export async function listWallet(deps: Deps, actor: Actor): Promise<{ items: LicenceSummary[]; holder: { kind: string; name: string } }> {
  const h = walletHolder(actor);
  const rows = await findHolderLicences(deps.db, h.kind, h.key);
  const today = deps.calendar.chinaDate(deps.clock.now());
  return { items: await summariesOf(deps.db, rows, today), holder: { kind: h.kind, name: h.kind === 'enterprise' ? actor.onBehalfOf!.name : actor.displayName } };
}

async function heldLicence(deps: Deps, actor: Actor, licenceId: string): Promise<{ row: LicensesTable; holder: WalletHolder }> {
  const holder = walletHolder(actor);
  const row = await getLicenceRow(deps, licenceId);
  if (row.holder_kind !== holder.kind || row.holder_key !== holder.key) throw notFound('licenses.not_found', `No licence ${licenceId} in your wallet.`);
  return { row, holder };
}

/** The claims the holder may choose to show (the others are always visible or never in the credential). */
export function disclosableKeys(type: { fields: Array<{ key: string; level: string }> } | undefined, fields: Record<string, unknown>): string[] {
  const out = ['holder_name', 'holder_id'];
  for (const f of type?.fields ?? []) if (f.key in fields && (f.level === 'L2' || f.level === 'L3')) out.push(f.key);
  return out;
}

export async function getWalletLicence(deps: Deps, actor: Actor, licenceId: string) {
  const { row, holder } = await heldLicence(deps, actor, licenceId);
  const type = await findType(deps.db, row.type_code);
  const today = deps.calendar.chinaDate(deps.clock.now());
  const [summary] = await summariesOf(deps.db, [row], today);
  const values = JSON.parse(row.fields) as Record<string, unknown>;
  const fields = [
    { key: 'holder_name', name: row.holder_kind === 'person' ? '持证人' : '持证主体', value: row.holder_name, level: 'L3', disclosable: true, inCredential: true },
    { key: 'holder_id', name: row.holder_kind === 'person' ? '公民身份号码' : '统一社会信用代码', value: row.holder_key, level: 'L3', disclosable: true, inCredential: true },
    ...(type?.fields ?? []).filter((f) => f.key in values).map((f) => ({
      key: f.key, name: f.name, value: values[f.key], level: f.level, disclosable: f.level === 'L2' || f.level === 'L3', inCredential: f.level !== 'L4',
    })),
  ];
  if (holder.agent) {
    await recordDataAccess(deps.db, deps.clock, actor, { subjectType: 'enterprise', subjectKey: row.holder_key, fields: fields.map((f) => f.key), purpose: `licence wallet: ${summary.typeName}` });
  }
  const nowIso = deps.clock.nowIso();
  const presentations = await deps.db.selectFrom('license_presentations').select(['id', 'fields', 'audience', 'created_at', 'expires_at'])
    .where('license_pk', '=', row.id).where('expires_at', '>', nowIso).orderBy('created_at', 'desc').limit(20).execute();
  return {
    licence: summary,
    holderId: row.holder_key,
    fields,
    presentations: presentations.map((p) => ({ id: p.id, fields: JSON.parse(p.fields) as string[], audience: p.audience, createdAt: p.created_at, expiresAt: p.expires_at })),
  };
}

export const presentationApiUrl = (deps: Deps, id: string): string => `${publicUrlOf(deps)}${API_PREFIX}/presentations/${id}`;
export const presentationPageUrl = (deps: Deps, id: string): string => `${publicUrlOf(deps)}/verify/licences/${id}`;

export const DEFAULT_TTL_S = 600;
export const MAX_TTL_S = 3600;

/** A presentation of the held licence showing `fields`: link, QR code, nonce, audience, expiry. */
export async function createPresentation(deps: Deps, actor: Actor, licenceId: string, body: PresentationBody) {
  const { row, holder } = await heldLicence(deps, actor, licenceId);
  const today = deps.calendar.chinaDate(deps.clock.now());
  if (row.status !== 'valid') throw conflict('licenses.not_presentable', `The licence is ${row.status}: it cannot be presented.`, { status: row.status });
  if (row.valid_to && row.valid_to < today) throw conflict('licenses.not_presentable', `The licence expired on ${row.valid_to}.`, { status: 'expired' });
  const type = await findType(deps.db, row.type_code);
  const allowed = new Set(disclosableKeys(type, JSON.parse(row.fields)));
  const bad = body.fields.filter((f) => !allowed.has(f));
  if (bad.length) throw invalid('licenses.not_disclosable', `Not fields you can choose to show: ${bad.join(', ')}.`, bad.map((f) => ({ field: 'fields', reason: `"${f}" is not a selectively disclosable field of this licence` })));
  const fields = [...new Set(body.fields)];
  const ttl = Math.min(Math.max(body.ttlSeconds ?? DEFAULT_TTL_S, 60), MAX_TTL_S);
  const id = newToken(16);
  const nonce = newToken(16);
  const audience = body.audience ?? presentationApiUrl(deps, id);
  const nowMs = deps.clock.nowMs();
  const label = holderLabel({ kind: holder.kind, key: holder.key });
  const token = await presentSdJwtVc({ sdJwt: row.credential, disclose: fields, holderKey: await openHolderKey(deps, deps.db, label), nonce, aud: audience, iat: Math.floor(nowMs / 1000) });
  const createdAt = new Date(nowMs).toISOString();
  const expiresAt = new Date(nowMs + ttl * 1000).toISOString();
  await withTx(deps.db, async (tx) => {
    await tx.insertInto('license_presentations').values({
      id, license_pk: row.id, holder: label, created_by_user_id: actor.userId, fields: JSON.stringify(fields), audience, nonce, token, token_hash: sha256Hex(token), created_at: createdAt, expires_at: expiresAt,
    }).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'license.presented', targetType: 'license', targetId: row.licence_id, departmentId: null, regionCode: null, details: { presentationId: id, fields, audience, ttlSeconds: ttl } },
      event: { aggregateType: 'license', aggregateId: row.id, departmentId: row.issuer_department_id, payload: { licenceId: row.licence_id, presentationId: id, fields, audience, expiresAt } },
    });
  });
  const url = presentationPageUrl(deps, id);
  const qr = body.qr ?? 'svg';
  return {
    id, url, apiUrl: presentationApiUrl(deps, id), expiresAt, nonce, audience, fields,
    ...(qr === 'svg' ? { qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) } : {}),
    ...(qr === 'png' ? { qrPngDataUrl: await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, scale: 6 }) } : {}),
  };
}

/** The holder ends a presentation before its time (the link stops working at once). */
export async function withdrawPresentation(deps: Deps, actor: Actor, id: string): Promise<void> {
  const holder = walletHolder(actor);
  await withTx(deps.db, async (tx) => {
    const p = await tx.selectFrom('license_presentations').select(['id', 'holder', 'expires_at', 'license_pk']).where('id', '=', id).executeTakeFirst();
    if (!p || p.holder !== holderLabel({ kind: holder.kind, key: holder.key })) throw notFound('licenses.presentation_not_found', 'No such presentation of yours.');
    const now = deps.clock.nowIso();
    if (p.expires_at <= now) return;
    await tx.updateTable('license_presentations').set({ expires_at: now }).where('id', '=', id).execute();
    await recordChange(tx, deps, actor, { audit: { action: 'license.presentation.withdrawn', targetType: 'license_presentation', targetId: id, departmentId: null, regionCode: null } });
  });
}

/** What a verifier fetches from the link: the presentation and what to check it against. Public; ends at expiry. */
export async function getPublicPresentation(deps: Deps, id: string) {
  const p = await deps.db.selectFrom('license_presentations as p').innerJoin('licenses as l', 'l.id', 'p.license_pk')
    .select(['p.id', 'p.token', 'p.audience', 'p.nonce', 'p.created_at', 'p.expires_at', 'l.type_code', 'l.issuer_department_id'])
    .where('p.id', '=', id).executeTakeFirst();
  if (!p) throw notFound('licenses.presentation_not_found', 'No such presentation.');
  if (p.expires_at <= deps.clock.nowIso()) throw notFound('licenses.presentation_expired', `This presentation ended at ${p.expires_at}; ask the holder for a new one.`);
  const names = await typeNames(deps.db, [p.type_code]);
  const dept = (await departmentsByIds(deps.db, [p.issuer_department_id])).get(p.issuer_department_id);
  return {
    id: p.id, presentation: p.token, audience: p.audience, nonce: p.nonce, createdAt: p.created_at, expiresAt: p.expires_at,
    typeName: names.get(p.type_code) ?? p.type_code, issuerName: dept?.name ?? '', verifyUrl: `${publicUrlOf(deps)}${API_PREFIX}/verify`,
  };
}
