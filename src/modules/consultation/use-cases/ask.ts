/**
 * Asking (一个入口): one use case for every channel (web, 12345 hotline, app, mini-program). The question is checked,
 * answered from the knowledge base (instant answers at or above the answer threshold, at most three), routed by the
 * duty lists (routing.ts), and stored with its outcome in the same step: every question row ends answered, routed or
 * with the dispatcher. Text is stored and returned as plain text.
 */
import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx, isUniqueViolation } from '../../../platform/db/database.js';
import { forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { decodeCursor, pageLimit, pageOf, type PageResult } from '../../../platform/http/pagination.js';
import { canTouchQuestion } from '../consultation.policy.js';
import type { ConsultationQuestionsTable, QuestionOutcome } from '../consultation.tables.js';
import { QUESTION_MAX_CHARS, type AskBody, type AskResult, type InstantAnswer, type QuestionSummary, type RouteResult } from '../consultation.schemas.js';
import { searchKnowledge } from './knowledge.js';
import { engineOf } from './retrieval.js';
import { assertRegion, routeWith } from './routing.js';

/** Instant answers offered at most. */
export const MAX_ANSWERS = 3;

/** Checks the question's text: not empty, not longer than QUESTION_MAX_CHARS characters (code points). */
export function checkQuestionText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw invalid('consultation.question_empty', 'The question is empty.', { field: 'text' });
  const n = [...trimmed].length;
  if (n > QUESTION_MAX_CHARS) throw invalid('consultation.question_too_long', `The question is ${n} characters long; at most ${QUESTION_MAX_CHARS}.`, { field: 'text', limit: QUESTION_MAX_CHARS, length: n });
  return trimmed;
}

export async function askQuestion(deps: Deps, actor: Actor, body: AskBody): Promise<AskResult> {
  const text = checkQuestionText(body.text);
  await assertRegion(deps, body.regionCode);
  const itemCode = body.itemCode?.trim() || null;
  if (itemCode && !(await deps.db.selectFrom('catalog_basic_items').select('code').where('code', '=', itemCode).executeTakeFirst())) {
    throw invalid('consultation.unknown_item', `No catalogue item with basic code "${itemCode}".`, { field: 'itemCode' });
  }
  const contact = body.contact?.trim() || null;
  const engine = await engineOf(deps);

  const answers = await searchKnowledge(deps, { text, regionCode: body.regionCode, limit: MAX_ANSWERS, itemCode, minScore: deps.config.consultationAnswerThreshold });
  // A confident answer says what the question is about: routing follows its department's line of work.
  const top = answers[0];
  const kind = top ? engine.departments.get(top.departmentId)?.kind : undefined;
  const hint = top && kind ? { kind, text: top.question, score: top.score } : null;
  const routing = routeWith(deps, engine, text, body.regionCode, hint);
  const outcome: QuestionOutcome = answers.length > 0 ? 'answered' : routing.toDispatcher ? 'dispatcher' : 'routed';

  const id = newId();
  const now = deps.clock.nowIso();
  const row: ConsultationQuestionsTable = {
    id, text, region_code: body.regionCode, channel: body.channel, item_code: itemCode, contact,
    asker_user_id: actor.kind === 'citizen' ? actor.userId : null,
    recorded_by_user_id: actor.kind === 'staff' ? actor.userId : null,
    outcome,
    answers: JSON.stringify(answers.map((a) => ({ entryCode: a.entryCode, score: a.score }))),
    routed_department_id: routing.departmentId,
    to_dispatcher: routing.toDispatcher ? 1 : 0,
    routing: JSON.stringify(routing),
    duty_code: !routing.toDispatcher ? routing.duty?.code ?? null : null,
    top_entry_code: answers[0]?.entryCode ?? null,
    created_at: now,
  };
  await withTx(deps.db, async (tx) => {
    await tx.insertInto('consultation_questions').values(row).execute();
    await recordChange(tx, deps, actor, {
      audit: {
        action: 'consultation.question.asked', targetType: 'consultation_question', targetId: id, regionCode: body.regionCode, departmentId: routing.departmentId,
        details: { channel: body.channel, outcome, answers: answers.map((a) => a.entryCode), toDispatcher: routing.toDispatcher, duty: routing.duty?.code ?? null },
      },
      event: {
        aggregateType: 'consultation_question', aggregateId: id,
        payload: { channel: body.channel, regionCode: body.regionCode, outcome, routedDepartmentId: routing.departmentId, toDispatcher: routing.toDispatcher },
      },
    });
  });
  return { id, text, regionCode: body.regionCode, channel: body.channel, itemCode, createdAt: now, outcome, answers, routing };
}

async function findQuestion(deps: Deps, id: string): Promise<ConsultationQuestionsTable> {
  const q = await deps.db.selectFrom('consultation_questions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!q) throw notFound('consultation.question_not_found', 'No such question.');
  return q;
}

/** One question with its answers (as the entries read now) and routing, for its asker (or anyone holding the id of an anonymous question). */
export async function getQuestion(deps: Deps, actor: Actor, id: string): Promise<AskResult> {
  const q = await findQuestion(deps, id);
  if (!canTouchQuestion(actor, q)) throw notFound('consultation.question_not_found', 'No such question.');
  const offered = JSON.parse(q.answers) as { entryCode: string; score: number }[];
  const answers: InstantAnswer[] = [];
  if (offered.length) {
    const engine = await engineOf(deps);
    const rows = await deps.db.selectFrom('kb_entries').select(['code', 'question', 'answer', 'department_id', 'basis', 'item_codes', 'valid_to']).where('code', 'in', offered.map((o) => o.entryCode)).execute();
    for (const o of offered) {
      const r = rows.find((x) => x.code === o.entryCode);
      if (!r) continue;
      answers.push({
        entryCode: r.code, question: r.question, answer: r.answer, departmentId: r.department_id, departmentName: engine.departments.get(r.department_id)?.name ?? '',
        basis: JSON.parse(r.basis), itemCodes: JSON.parse(r.item_codes), validTo: r.valid_to, score: o.score,
      });
    }
  }
  return {
    id: q.id, text: q.text, regionCode: q.region_code, channel: q.channel, itemCode: q.item_code, createdAt: q.created_at, outcome: q.outcome,
    answers, routing: JSON.parse(q.routing) as RouteResult,
  };
}

/** 有用/没用 on one of the instant answers the question was given; a second vote on the same entry replaces the first. */
export async function submitFeedback(deps: Deps, actor: Actor, id: string, body: { helpful: boolean; entryCode: string }): Promise<{ questionId: string; entryCode: string; helpful: boolean }> {
  const q = await findQuestion(deps, id);
  if (!canTouchQuestion(actor, q)) throw forbidden('consultation.not_your_question', 'Only the asker gives feedback on the answers to a question.');
  const offered = (JSON.parse(q.answers) as { entryCode: string }[]).map((a) => a.entryCode);
  if (!offered.includes(body.entryCode)) {
    throw invalid('consultation.entry_not_offered', `Entry ${body.entryCode} was not among the answers to this question.`, { field: 'entryCode', offered });
  }
  const now = deps.clock.nowIso();
  const write = () => withTx(deps.db, async (tx) => {
    const existing = await tx.selectFrom('consultation_feedback').select(['id']).where('question_id', '=', id).where('entry_code', '=', body.entryCode).executeTakeFirst();
    if (existing) {
      await tx.updateTable('consultation_feedback').set({ helpful: body.helpful ? 1 : 0, updated_at: now }).where('id', '=', existing.id).execute();
    } else {
      await tx.insertInto('consultation_feedback').values({
        id: newId(), question_id: id, entry_code: body.entryCode, helpful: body.helpful ? 1 : 0, user_id: actor.userId, created_at: now, updated_at: now,
      }).execute();
    }
    await recordChange(tx, deps, actor, {
      audit: { action: 'consultation.answer.rated', targetType: 'consultation_question', targetId: id, details: { entryCode: body.entryCode, helpful: body.helpful } },
      event: { aggregateType: 'consultation_question', aggregateId: id, payload: { entryCode: body.entryCode, helpful: body.helpful } },
    });
  });
  try {
    await write();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    await write(); // two votes at once: the second finds the first and replaces it
  }
  return { questionId: id, entryCode: body.entryCode, helpful: body.helpful };
}

/** The logged-in asker's questions, newest first. */
export async function findMyQuestions(deps: Deps, actor: Actor, query: { limit?: number; cursor?: string }): Promise<PageResult<QuestionSummary>> {
  if (actor.kind !== 'citizen' || !actor.userId) throw forbidden('consultation.citizens_only', 'Log in with a citizen account to see your questions.');
  const limit = pageLimit(query);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  let q = deps.db.selectFrom('consultation_questions').selectAll().where('asker_user_id', '=', actor.userId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1);
  if (after) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after[0], after[1])));
  const page = pageOf(await q.execute(), limit, (r) => [r.created_at, r.id]);
  const ids = page.items.map((r) => r.id);
  const feedback = ids.length ? await deps.db.selectFrom('consultation_feedback').select(['question_id', 'entry_code', 'helpful']).where('question_id', 'in', ids).execute() : [];
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => {
      const routing = JSON.parse(r.routing) as RouteResult;
      return {
        id: r.id, text: r.text, regionCode: r.region_code, channel: r.channel, itemCode: r.item_code, createdAt: r.created_at, outcome: r.outcome,
        answers: JSON.parse(r.answers),
        routing: { departmentId: routing.departmentId, departmentName: routing.departmentName, toDispatcher: routing.toDispatcher, confidence: routing.confidence },
        feedback: feedback.filter((f) => f.question_id === r.id).map((f) => ({ entryCode: f.entry_code, helpful: Number(f.helpful) === 1 })),
      };
    }),
  };
}
