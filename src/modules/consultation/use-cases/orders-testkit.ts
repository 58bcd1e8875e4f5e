/**
 * Test setup shared by the work-order tests: a real platform with the demo province, the consultation fixtures as its
 * only knowledge base and duty list, department ids by demo key, and small HTTP helpers (they throw on an unexpected
 * status, so a test fails with the reply in the message).
 */
import { startTestPlatform, type Client, type TestPlatform } from '../../../testing/harness.js';
import type { Clock } from '../../../platform/clock.js';
import { systemActor } from '../../../platform/actor.js';
import { demoDepartments } from '../../../demo/province-data.js';
import { importDuties, importKb } from './import.js';
import { engineOf } from './retrieval.js';
import { dutiesFile, isolateFixtures, kbFile } from '../testing/fixtures.js';

export const MINGHU = '390102';
export const LANZHOU = '390100';
export const JIANGKOU = '390202';
export const QINGCHUAN = '390200';
export const ORDERS = '/api/v1/consultation/orders';

export async function startOrdersPlatform(clock?: Clock): Promise<TestPlatform> {
  // Sessions outlive the days the tests move the clock forward.
  const p = await startTestPlatform({ demo: true, clock, config: { sessionIdleMinutes: 60 * 24 * 365, sessionAbsoluteHours: 24 * 365 } });
  await isolateFixtures(p);
  await importKb(p.deps, systemActor('test'), kbFile());
  await importDuties(p.deps, systemActor('test'), dutiesFile());
  await engineOf(p.deps, true);
  return p;
}

export async function deptId(p: TestPlatform, key: string): Promise<string> {
  const uscc = demoDepartments.find((d) => d.key === key)!.uscc;
  return (await p.deps.db.selectFrom('departments').select('id').where('uscc', '=', uscc).executeTakeFirstOrThrow()).id;
}

export const deptName = (key: string): string => demoDepartments.find((d) => d.key === key)!.name;

/** Files an order as `c` and expects it created. */
export async function fileOrder(c: Client, body: Record<string, unknown>): Promise<any> {
  const r = await c.post(ORDERS, { type: 'consultation', regionCode: MINGHU, ...body });
  if (r.status !== 201) throw new Error(`filing failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Posts an action with the order's current version and expects 200; answers the order detail. */
export async function act(c: Client, id: string, action: string, body: Record<string, unknown> = {}, reader: Client = c): Promise<any> {
  const current = (await reader.get(`${ORDERS}/${id}`)).body;
  const r = await c.post(`${ORDERS}/${id}/${action}`, { ...body, ...(needsVersion(action) ? { expectedVersion: current.order.rowVersion } : {}) });
  if (r.status !== 200) throw new Error(`${action} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Posts an action expecting an error; answers { status, code }. */
export async function refuse(c: Client, id: string, action: string, body: Record<string, unknown> = {}, reader?: Client): Promise<{ status: number; code: string }> {
  const version = reader ? (await reader.get(`${ORDERS}/${id}`)).body.order.rowVersion : 1;
  const r = await c.post(`${ORDERS}/${id}/${action}`, { ...body, ...(needsVersion(action) && !('expectedVersion' in body) ? { expectedVersion: version } : {}) });
  return { status: r.status, code: r.body?.error?.code };
}

const needsVersion = (action: string) => !['opinion', 'chase'].includes(action);

/**
 * The order at the dispatcher: as filed when routing sent it there, otherwise returned by the unit routing chose (so a
 * test about dispatching does not depend on how confident routing is about its wording).
 */
export async function atDispatcher(p: TestPlatform, d: any): Promise<any> {
  if (d.order.status === 'dispatching') return d;
  const dept = await p.deps.db.selectFrom('departments').select('uscc').where('id', '=', d.order.departmentId).executeTakeFirstOrThrow();
  const key = demoDepartments.find((x) => x.uscc === dept.uscc)!.key;
  return act(await p.login(`${key}_ck1`), d.order.id, 'return', { basis: 'ownership_unclear', legalBasis: '本单位三定方案', reason: '不属本单位职责' });
}
