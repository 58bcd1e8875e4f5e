import type { Actor, OnBehalfOf, StaffRole } from '../../../platform/actor.js';
import { systemActor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx } from '../../../platform/db/database.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId, newToken, sha256Hex } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { dummyHash, hashPassword, passwordProblems, verifyPassword } from '../../../platform/crypto/passwords.js';
import { maskIdNumber } from '../../../platform/mask.js';
import { isValidCitizenId } from '../../../platform/codes.js';
import type { ResolvedSession } from '../../../platform/http/server.js';
import { findDepartmentById } from '../../org/index.js';
import * as q from '../identity.queries.js';
import type { LoginBody, Me, RegisterBody } from '../identity.schemas.js';

const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface SessionMeta {
  ip: string;
  userAgent: string | undefined;
  requestId: string;
}

/** What a process remembers about a session between requests (see Deps.sessionCache). */
interface CachedSession {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
  expiresAtMs: number;
  /** When the acting-for grant ends (Infinity when there is none or it does not expire). */
  grantEndsMs: number;
  /** Last activity seen by this process, for the idle timeout. */
  lastSeenMs: number;
  /** Last time last_seen_at was written to the database. */
  lastWrittenMs: number;
}

/**
 * The session token becomes an actor for one request. Ends sessions that are expired, idle too long or revoked.
 * A resolved session is reused from the in-process cache for a few seconds; every change to accounts, roles,
 * grants or sessions made through this process clears the cache at once. The cache is keyed by the token itself
 * (it never leaves memory), so a hot request does not hash it; the database only ever sees the hash.
 */
export function resolveSession(deps: Deps, token: string, meta: SessionMeta): ResolvedSession | null | Promise<ResolvedSession | null> {
  if (token.length < 20 || token.length > 100) return null;
  const key = `session:${token}`;
  const cached = deps.sessionCache.get(key) as CachedSession | undefined;
  // A hot session is answered without waiting on anything; only a miss or a due write goes async.
  if (cached) return checkSession(deps, key, cached, meta);
  return loadSession(deps, sha256Hex(token), deps.clock.now()).then((loaded) => {
    if (!loaded) return null;
    deps.sessionCache.set(key, loaded);
    return checkSession(deps, key, loaded, meta);
  });
}

function checkSession(deps: Deps, key: string, c: CachedSession, meta: SessionMeta): ResolvedSession | null | Promise<ResolvedSession | null> {
  const nowMs = deps.clock.nowMs();
  if (c.expiresAtMs <= nowMs || nowMs - c.lastSeenMs > deps.config.sessionIdleMinutes * 60_000) {
    deps.sessionCache.delete(key);
    return null;
  }
  if (c.grantEndsMs <= nowMs) {
    deps.sessionCache.delete(key);
    return endActingFor(deps, { ...c.actor, requestId: meta.requestId }, c.sessionId, c.actor.onBehalfOf!.uscc);
  }
  c.lastSeenMs = nowMs;
  const resolved = { actor: { ...c.actor, requestId: meta.requestId }, csrfToken: c.csrfToken };
  if (nowMs - c.lastWrittenMs <= LAST_SEEN_RESOLUTION_MS) return resolved;
  c.lastWrittenMs = nowMs;
  return deps.db.updateTable('sessions').set({ last_seen_at: new Date(nowMs).toISOString() }).where('id', '=', c.sessionId).execute().then(() => resolved);
}

async function loadSession(deps: Deps, tokenHash: string, now: Date): Promise<CachedSession | null> {
  const row = await q.findSessionWithUser(deps.db, tokenHash);
  if (!row || row.revoked_at || row.active !== 1) return null;
  const nowIso = now.toISOString();
  if (row.expires_at <= nowIso) return null;
  const lastSeen = Date.parse(row.last_seen_at);
  if (now.getTime() - lastSeen > deps.config.sessionIdleMinutes * 60_000) return null;
  const actor: Actor = {
    kind: row.kind === 'staff' ? 'staff' : 'citizen',
    userId: row.userId,
    username: row.username,
    displayName: row.display_name,
    idNumber: row.id_number,
    roles: [],
    departmentId: row.department_id,
    regionCode: null,
    grantedRegionCodes: [],
    sessionId: row.sessionId,
    onBehalfOf: null,
    requestId: null,
  };
  if (actor.kind === 'staff') {
    actor.roles = (await q.findRoles(deps.db, row.userId)) as StaffRole[];
    actor.grantedRegionCodes = await q.findActiveGrantRegions(deps.db, row.userId, nowIso);
    if (row.department_id) actor.regionCode = (await findDepartmentById(deps.db, row.department_id))?.region_code ?? null;
  }
  if (row.acting_for_uscc) {
    const ob = await actingFor(deps, actor, row.acting_for_uscc, nowIso);
    if (!ob) await endActingFor(deps, actor, row.sessionId, row.acting_for_uscc);
    actor.onBehalfOf = ob;
  }
  const grantEnds = actor.onBehalfOf?.grantExpiresAt;
  return {
    actor, sessionId: row.sessionId, csrfToken: row.csrf_token, expiresAtMs: Date.parse(row.expires_at),
    grantEndsMs: grantEnds ? Date.parse(grantEnds) : Infinity, lastSeenMs: lastSeen, lastWrittenMs: lastSeen,
  };
}

/**
 * The grant expired or was revoked while the session was acting for the enterprise: stop acting for it, and fail
 * this request so nothing is done in the enterprise's name (or silently in the person's own name).
 */
async function endActingFor(deps: Deps, actor: Actor, sessionId: string, uscc: string): Promise<never> {
  await withTx(deps.db, async (tx) => {
    await tx.updateTable('sessions').set({ acting_for_uscc: null }).where('id', '=', sessionId).execute();
    await recordChange(tx, deps, { ...actor, onBehalfOf: null }, { audit: { action: 'identity.acting_for.ended', targetType: 'enterprise', targetId: uscc, outcome: 'denied', details: { reason: 'grant expired or revoked' } } });
  });
  deps.sessionCache.clear();
  throw new AppError('forbidden', 'identity.acting_for_ended', 'Your authorisation to act for this enterprise has expired or was revoked; you are acting as yourself again.');
}

/** Whether `actor` may act for `uscc` now, and with which scopes. */
async function actingFor(deps: Deps, actor: Actor, uscc: string, nowIso: string): Promise<OnBehalfOf | null> {
  if (actor.kind !== 'citizen' || !actor.idNumber) return null;
  const ent = await q.findEnterprise(deps.db, uscc);
  if (!ent) return null;
  if (ent.legal_rep_id_number === actor.idNumber) {
    return { type: 'enterprise', uscc, name: ent.name, relation: 'legal_rep', scopes: '*', grantId: null, grantExpiresAt: null };
  }
  const grant = await q.findLiveAgentGrant(deps.db, uscc, actor.idNumber, nowIso);
  if (!grant) return null;
  return { type: 'enterprise', uscc, name: ent.name, relation: 'agent', scopes: JSON.parse(grant.scopes), grantId: grant.id, grantExpiresAt: grant.expires_at };
}

async function auditAlone(deps: Deps, actor: Actor, action: string, targetId: string | null, outcome: 'failure' | 'denied', details: Record<string, unknown>) {
  await withTx(deps.db, (tx) => recordChange(tx, deps, actor, { audit: { action, targetType: 'user', targetId, outcome, details } }));
}

export async function login(deps: Deps, input: LoginBody, meta: SessionMeta): Promise<{ token: string; expiresAt: string; user: Me }> {
  const username = input.username.trim().toLowerCase();
  const user = await q.findUserByUsername(deps.db, username);
  const anon = { ...systemActor(username, meta.requestId), kind: 'anonymous' as const };
  const now = deps.clock.now();
  if (!user) {
    await verifyPassword(input.password, await dummyHash(deps.config.passwordHashCost));
    await auditAlone(deps, anon, 'auth.login.failed', null, 'failure', { reason: 'unknown_user', ip: meta.ip });
    throw new AppError('unauthenticated', 'auth.invalid_credentials', 'Wrong username or password.');
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    await auditAlone(deps, { ...anon, userId: user.id }, 'auth.login.failed', user.id, 'denied', { reason: 'locked', ip: meta.ip });
    const minutes = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000);
    throw new AppError('rate_limited', 'auth.locked', `Too many failed attempts: this account is locked for ${minutes} more minute(s).`, { lockedUntil: user.locked_until, retryAfterSeconds: minutes * 60 });
  }
  const ok = user.active === 1 && (await verifyPassword(input.password, user.password_hash));
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lock = failures >= deps.config.loginMaxFailures;
    const lockedUntil = lock ? new Date(now.getTime() + deps.config.loginLockMinutes * 60_000).toISOString() : null;
    await withTx(deps.db, async (tx) => {
      await tx.updateTable('users').set({ failed_logins: lock ? 0 : failures, locked_until: lockedUntil }).where('id', '=', user.id).execute();
      await recordChange(tx, deps, { ...anon, userId: user.id }, {
        audit: { action: lock ? 'auth.account.locked' : 'auth.login.failed', targetType: 'user', targetId: user.id, outcome: 'failure', details: { reason: user.active === 1 ? 'wrong_password' : 'inactive', failures, ip: meta.ip } },
        ...(lock && { event: { aggregateType: 'user', aggregateId: user.id, payload: { userId: user.id, username: user.username, lockedUntil } } }),
      });
    });
    if (lock) throw new AppError('rate_limited', 'auth.locked', `Too many failed attempts: this account is locked for ${deps.config.loginLockMinutes} minutes.`, { lockedUntil, retryAfterSeconds: deps.config.loginLockMinutes * 60 });
    throw new AppError('unauthenticated', 'auth.invalid_credentials', 'Wrong username or password.');
  }
  const token = newToken();
  const csrf = newToken(18);
  const expiresAt = new Date(now.getTime() + deps.config.sessionAbsoluteHours * 3600_000).toISOString();
  const sessionId = newId();
  await withTx(deps.db, async (tx) => {
    await tx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await tx.insertInto('sessions').values({
      id: sessionId, token_hash: sha256Hex(token), user_id: user.id, csrf_token: csrf, acting_for_uscc: null, created_at: now.toISOString(),
      last_seen_at: now.toISOString(), expires_at: expiresAt, revoked_at: null, ip: meta.ip, user_agent: meta.userAgent?.slice(0, 300) ?? null,
    }).execute();
    await recordChange(tx, deps, { ...anon, kind: user.kind === 'staff' ? 'staff' : 'citizen', userId: user.id, departmentId: user.department_id }, {
      audit: { action: 'auth.login.succeeded', targetType: 'session', targetId: sessionId, details: { ip: meta.ip } },
    });
  });
  const resolved = await resolveSession(deps, token, meta);
  if (!resolved) throw new Error('a session just created could not be resolved');
  return { token, expiresAt, user: await describeMe(deps, resolved.actor, resolved.csrfToken) };
}

export async function logout(deps: Deps, actor: Actor): Promise<void> {
  if (!actor.sessionId) return;
  await withTx(deps.db, async (tx) => {
    await tx.updateTable('sessions').set({ revoked_at: deps.clock.nowIso() }).where('id', '=', actor.sessionId!).execute();
    await recordChange(tx, deps, actor, { audit: { action: 'auth.logout.succeeded', targetType: 'session', targetId: actor.sessionId } });
  });
  deps.sessionCache.clear();
}

export async function changePassword(deps: Deps, actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
  const user = await q.findUserById(deps.db, actor.userId!);
  if (!user) throw new AppError('not_found', 'identity.user_not_found', 'Account not found.');
  if (!(await verifyPassword(currentPassword, user.password_hash))) {
    await auditAlone(deps, actor, 'auth.password.change_failed', user.id, 'failure', { reason: 'wrong_current_password' });
    throw invalid('auth.wrong_current_password', 'The current password is not correct.', [{ field: 'currentPassword', reason: 'does not match' }]);
  }
  const problems = passwordProblems(newPassword, user.username);
  if (currentPassword === newPassword) problems.push('must differ from the current password');
  if (problems.length) throw invalid('auth.weak_password', `The new password needs: ${problems.join('; ')}.`, problems.map((reason) => ({ field: 'newPassword', reason })));
  const hash = await hashPassword(newPassword, deps.config.passwordHashCost);
  await withTx(deps.db, async (tx) => {
    const now = deps.clock.nowIso();
    await tx.updateTable('users').set({ password_hash: hash, password_changed_at: now, updated_at: now }).where('id', '=', user.id).execute();
    // Every other session of this account ends: a stolen session must not survive a password change.
    await tx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', user.id).where('id', '!=', actor.sessionId ?? '').where('revoked_at', 'is', null).execute();
    await recordChange(tx, deps, actor, { audit: { action: 'identity.password.changed', targetType: 'user', targetId: user.id }, event: { aggregateType: 'user', aggregateId: user.id, payload: { userId: user.id } } });
  });
  deps.sessionCache.clear();
}

export async function switchActingFor(deps: Deps, actor: Actor, uscc: string | null, csrfToken: string): Promise<Me> {
  if (actor.kind !== 'citizen') throw new AppError('forbidden', 'identity.acting_for_citizens_only', 'Only citizen accounts act for enterprises.');
  const nowIso = deps.clock.nowIso();
  let ob: OnBehalfOf | null = null;
  if (uscc) {
    ob = await actingFor(deps, actor, uscc, nowIso);
    if (!ob) {
      await auditAlone(deps, actor, 'identity.acting_for.switched', uscc, 'denied', { reason: 'no live authorisation' });
      throw new AppError('forbidden', 'identity.not_authorised_for_enterprise', 'You are neither the legal representative nor a currently authorised agent of this enterprise.');
    }
  }
  const next = { ...actor, onBehalfOf: ob };
  await withTx(deps.db, async (tx) => {
    await tx.updateTable('sessions').set({ acting_for_uscc: uscc }).where('id', '=', actor.sessionId!).execute();
    await recordChange(tx, deps, next, { audit: { action: 'identity.acting_for.switched', targetType: uscc ? 'enterprise' : 'user', targetId: uscc ?? actor.userId, details: { relation: ob?.relation ?? 'self' } } });
  });
  deps.sessionCache.clear();
  return describeMe(deps, next, csrfToken);
}

/** The logged-in account as the web app sees it. Answered without waiting when the session's data is cached. */
export function describeMe(deps: Deps, actor: Actor, csrfToken: string): Me | Promise<Me> {
  const enterprises = actableEnterprises(deps, actor);
  if (!actor.departmentId && !(enterprises instanceof Promise)) return buildMe(actor, csrfToken, null, enterprises);
  return (async () => {
    const dept = actor.departmentId ? await findDepartmentById(deps.db, actor.departmentId) : null;
    return buildMe(actor, csrfToken, dept ?? null, await enterprises);
  })();
}

function buildMe(actor: Actor, csrfToken: string, dept: { id: string; name: string; name_en: string | null; region_code: string } | null, enterprises: Me['enterprises']): Me {
  const ob = actor.onBehalfOf;
  return {
    id: actor.userId!,
    username: actor.username,
    displayName: actor.displayName,
    kind: actor.kind === 'staff' ? 'staff' : 'citizen',
    roles: actor.roles,
    idNumberMasked: actor.idNumber ? maskIdNumber(actor.idNumber) : null,
    department: dept ? { id: dept.id, name: dept.name, nameEn: dept.name_en, regionCode: dept.region_code } : null,
    grantedRegionCodes: actor.grantedRegionCodes,
    actingFor: ob ? { type: 'enterprise', uscc: ob.uscc, name: ob.name, relation: ob.relation, scopes: ob.scopes, grantExpiresAt: ob.grantExpiresAt } : null,
    enterprises,
    csrfToken,
  };
}

/**
 * The enterprises a citizen may act for (the acting-for switch on every page). Kept in the session cache with the
 * rest of the identity state, cleared with it on any grant or revocation; a grant that expires meanwhile is dropped
 * here by its expiry time.
 */
function actableEnterprises(deps: Deps, actor: Actor): Me['enterprises'] | Promise<Me['enterprises']> {
  if (actor.kind !== 'citizen' || !actor.idNumber) return [];
  const idNumber = actor.idNumber;
  const key = `enterprises:${idNumber}`;
  const live = (list: Me['enterprises']) => {
    if (!list.some((e) => e.expiresAt)) return list;
    const nowIso = deps.clock.nowIso();
    return list.filter((e) => !e.expiresAt || e.expiresAt > nowIso);
  };
  const cached = deps.sessionCache.get(key) as Me['enterprises'] | undefined;
  if (cached) return live(cached);
  return q.findActableEnterprises(deps.db, idNumber, deps.clock.nowIso()).then(({ asRep, asAgent }) => {
    const list: Me['enterprises'] = [
      ...asRep.map((e) => ({ uscc: e.uscc, name: e.name, relation: 'legal_rep', scopes: '*' as const, expiresAt: null })),
      ...asAgent.map((e) => ({ uscc: e.uscc, name: e.name, relation: 'agent', scopes: JSON.parse(e.scopes) as string[], expiresAt: e.expires_at })),
    ];
    deps.sessionCache.set(key, list);
    return live(list);
  });
}

/** Self-registration of a citizen: the ID number must pass its check digit and match the population registry by name. */
export async function registerCitizen(deps: Deps, input: RegisterBody, requestId: string): Promise<{ id: string; username: string }> {
  const idNumber = input.idNumber.toUpperCase();
  if (!isValidCitizenId(idNumber)) throw invalid('identity.invalid_id_number', 'The ID number is not valid (GB 11643 check digit or birth date is wrong).', [{ field: 'idNumber', reason: 'check digit or birth date is wrong' }]);
  const problems = passwordProblems(input.password, input.username);
  if (problems.length) throw invalid('auth.weak_password', `The password needs: ${problems.join('; ')}.`, problems.map((reason) => ({ field: 'password', reason })));
  const person = await q.findPerson(deps.db, idNumber);
  if (!person || person.name !== input.name.trim()) {
    throw invalid('identity.person_not_matched', 'The name and ID number do not match the population registry.', [{ field: 'idNumber', reason: 'no matching registry record' }]);
  }
  const hash = await hashPassword(input.password, deps.config.passwordHashCost);
  return withTx(deps.db, async (tx) => {
    if (await q.findUserByUsername(tx, input.username)) throw new AppError('conflict', 'identity.username_taken', 'That username is taken.', [{ field: 'username', reason: 'taken' }]);
    if (await tx.selectFrom('users').select('id').where('id_number', '=', idNumber).where('kind', '=', 'citizen').executeTakeFirst()) {
      throw new AppError('conflict', 'identity.already_registered', 'An account already exists for this ID number; log in or reset the password.');
    }
    const now = deps.clock.nowIso();
    const id = newId();
    await tx.insertInto('users').values({ id, username: input.username, password_hash: hash, kind: 'citizen', display_name: person.name, id_number: idNumber, department_id: null, phone: input.phone, locked_until: null, password_changed_at: now, created_at: now, updated_at: now }).execute();
    const actor = { ...systemActor(input.username, requestId), kind: 'citizen' as const, userId: id };
    await recordChange(tx, deps, actor, { audit: { action: 'identity.citizen.registered', targetType: 'user', targetId: id }, event: { aggregateType: 'user', aggregateId: id, payload: { userId: id, username: input.username } } });
    return { id, username: input.username };
  });
}
