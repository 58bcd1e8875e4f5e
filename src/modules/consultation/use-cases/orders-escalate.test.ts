import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestPlatform } from '../../../testing/harness.js';
import { manualClock } from '../../../platform/clock.js';
import { MINGHU, ORDERS, act, deptId, startOrdersPlatform } from './orders-testkit.js';
import { engineOf } from './retrieval.js';

/*
 * ask → instant answers with the unit shown → "ask a person": the order goes to the unit the asker was shown, with the
 * same reason, even when routing the text afresh would now say something else (here: the duty that matched was retired
 * in between). Staff see the routing with its runner-up units and can dispatch to one of them.
 */

let p: TestPlatform;
const clock = manualClock(new Date('2026-11-16T02:00:00Z')); // Monday 10:00 in China
let zhangsan: Client;
let gjjAdmin: Client;
let gjj: Client;
let dispatcher: Client;
let gjjId: string;

beforeAll(async () => {
  p = await startOrdersPlatform(clock);
  [zhangsan, gjjAdmin, gjj, dispatcher] = await Promise.all(['zhangsan', 'lz_gjj_gly', 'lz_gjj_ck1', 'lz_zwsj_ck1'].map((u) => p.login(u)));
  gjjId = await deptId(p, 'lz_gjj');
}, 120_000);
afterAll(async () => p?.close());

describe('escalating a question', () => {
  it('sends the order to the unit the asker was shown, not to a fresh routing', async () => {
    const asked = await zhangsan.post('/api/v1/consultation/questions', { text: '租房提取住房公积金需要什么材料', regionCode: MINGHU, channel: 'web' });
    expect(asked.status).toBe(201);
    const shown = asked.body.routing;
    expect(shown).toMatchObject({ departmentId: gjjId, toDispatcher: false, duty: { code: 'DUTY-T-lz_gjj-1' } });

    // The duty list changes before the asker asks for a person.
    expect((await gjjAdmin.post('/api/v1/consultation/duties/DUTY-T-lz_gjj-1/retire', {})).status).toBe(200);
    await engineOf(p.deps, true);
    const fresh = await dispatcher.post('/api/v1/consultation/route', { text: asked.body.text, regionCode: MINGHU });
    expect(fresh.status).toBe(200);
    expect(fresh.body.duty?.code).not.toBe('DUTY-T-lz_gjj-1'); // routing afresh would not give what was shown

    const r = await zhangsan.post(`/api/v1/consultation/questions/${asked.body.id}/escalate`, {});
    expect(r.status).toBe(201);
    expect(r.body.order.order).toMatchObject({ departmentId: gjjId, status: 'to_sign', channel: 'question' });
    expect(r.body.order.chain[0]).toMatchObject({ kind: 'dispatch', toDepartmentId: gjjId, reason: shown.reason });
    const staff = (await gjj.get(`${ORDERS}/${r.body.order.order.id}`)).body;
    expect(staff.routing).toMatchObject({ departmentId: gjjId, reason: shown.reason, duty: shown.duty, confidence: shown.confidence });
    expect(staff.routing.alternatives).toEqual(shown.alternatives.map((a: any) => ({ departmentId: a.departmentId, departmentName: a.departmentName, duty: a.duty, confidence: a.confidence })));
  });

  it('routes again only when the unit shown is no longer active', async () => {
    const asked = await zhangsan.post('/api/v1/consultation/questions', { text: '失业了能领失业金吗，需要什么条件', regionCode: MINGHU, channel: 'web' });
    const shown = asked.body.routing;
    const rsId = await deptId(p, 'lz_rs');
    expect(shown.departmentId).toBe(rsId);
    clock.advance(60_000); // a later change, for the engine to catch up with
    await p.deps.db.updateTable('departments').set({ active: 0, updated_at: clock.nowIso() }).where('id', '=', rsId).execute();
    try {
      await engineOf(p.deps, true);
      const r = await zhangsan.post(`/api/v1/consultation/questions/${asked.body.id}/escalate`, {});
      expect(r.status).toBe(201);
      expect(r.body.order.order.departmentId).not.toBe(rsId);
    } finally {
      clock.advance(60_000);
      await p.deps.db.updateTable('departments').set({ active: 1, updated_at: clock.nowIso() }).where('id', '=', rsId).execute();
      await engineOf(p.deps, true);
    }
  });
});

describe('routing alternatives in the order detail', () => {
  it('shows staff the matched duty, confidence and runner-ups, hides them from the asker; the dispatcher dispatches to a runner-up', async () => {
    const filed = await zhangsan.post(ORDERS, { type: 'consultation', regionCode: MINGHU, content: '小区门口的路灯坏了好几天了，晚上很黑' });
    expect(filed.status).toBe(201);
    const id = filed.body.order.id;
    expect(filed.body.routing).toBeNull();
    const d = (await dispatcher.get(`${ORDERS}/${id}`)).body;
    expect(d.order.status).toBe('dispatching');
    expect(Array.isArray(d.routing.alternatives)).toBe(true);
    const stored = JSON.parse((await p.deps.db.selectFrom('work_orders').select('routing').where('id', '=', id).executeTakeFirstOrThrow()).routing!);
    expect(d.routing.alternatives.map((a: any) => a.departmentId)).toEqual(stored.alternatives.map((a: any) => a.departmentId));
    const target = d.routing.alternatives[0]?.departmentId ?? gjjId;
    const sent = await act(dispatcher, id, 'dispatch', { departmentId: target });
    expect(sent.order).toMatchObject({ status: 'to_sign', departmentId: target });
  });
});
