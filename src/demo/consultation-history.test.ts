import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../testing/harness.js';
import { verifyAuditChain } from '../platform/audit.js';
import { CITIZENS, loadActors } from './consultation-orders.js';
import { seedDemoQuestionHistory } from './consultation-history.js';

/* The demo's eight weeks of questions: what the admin's 在线问政 overview shows on a first visit. */

let p: TestPlatform;
let asked = 0;

beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
  const before = Number((await p.deps.db.selectFrom('consultation_questions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  asked = await seedDemoQuestionHistory(p.deps, [...(await loadActors(p.deps, CITIZENS)).values()]);
  const after = Number((await p.deps.db.selectFrom('consultation_questions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  expect(after - before).toBe(asked);
}, 180_000);
afterAll(async () => p?.close());

describe('demo question history', () => {
  it('fills the dashboard: every channel, most days, answers and routing, feedback', async () => {
    expect(asked).toBeGreaterThan(200);
    const admin = await p.login('admin');
    const r = await admin.get('/api/v1/consultation/stats?days=60');
    expect(r.status).toBe(200);
    const q = r.body.questions;
    expect(q.total).toBeGreaterThanOrEqual(asked);
    expect(q.byChannel.map((c: any) => c.channel).sort()).toEqual(['app', 'hotline', 'mini_program', 'web']);
    // the engine answered most of the knowledge base's own phrasings, and routed the rest
    expect(q.instantAnswerRate).toBeGreaterThan(0.5);
    expect(q.byOutcome.routed + q.byOutcome.dispatcher).toBeGreaterThan(20);
    expect(q.byRegion.length).toBeGreaterThanOrEqual(4);
    expect(q.topEntries.length).toBe(10);
    expect(r.body.answers.votes).toBeGreaterThan(50);
    expect(r.body.answers.helpfulRate).toBeGreaterThan(0.6);
    // a question on every one of the 56 days before today
    expect(r.body.trend.filter((d: any) => d.questions > 0).length).toBeGreaterThanOrEqual(56);
    // asked in the past, by the clock of each moment: none in the future
    const latest = await p.deps.db.selectFrom('consultation_questions').select('created_at').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(latest.created_at <= p.deps.clock.nowIso()).toBe(true);
    expect((await verifyAuditChain(p.deps.db, p.deps.auditKey)).ok).toBe(true);
  });
});
