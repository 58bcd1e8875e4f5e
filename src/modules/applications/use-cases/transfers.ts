import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { ActionBody, TransferBody } from '../applications.schemas.js';
import { isCrossRegion, isOfficerOf } from '../applications.policy.js';
import { finish, getCaseRow, updateCase } from './case-store.js';

/*
 * 跨省通办 / 异地代收代办: a case received by one region's window and handled by another region's department. The
 * receiving window sends the originals (materials) to the handling department; after the decision the handling
 * department sends the result back, and the receiving window delivers it once it has it. Every send and receipt
 * is a change of the case (its row version moves, the timeline, audit and outbox record it).
 */

const ENDED = ['not_accepted', 'delivered'];

export async function sendTransfer(deps: Deps, actor: Actor, caseId: string, body: TransferBody): Promise<void> {
  if (body.method === 'courier' && !body.trackingNumber) {
    throw invalid('applications.tracking_number_required', 'Give the courier tracking number.', [{ field: 'trackingNumber', reason: 'required for courier transfers' }]);
  }
  await withTx(deps.db, async (tx) => {
    const c = await getCaseRow(tx, caseId);
    if (!isCrossRegion(c)) throw conflict('applications.not_cross_region', 'This case was received by its own department; there is nothing to transfer.');
    const [from, to] = body.kind === 'materials' ? [c.receiving_department_id!, c.department_id] : [c.department_id, c.receiving_department_id!];
    if (!isOfficerOf(actor, from)) {
      throw forbidden('applications.not_your_transfer', body.kind === 'materials' ? 'The receiving window sends the originals.' : 'The handling department sends the result.');
    }
    if (ENDED.includes(c.status)) throw conflict('applications.wrong_status', `The case is ${c.status}; nothing more is transferred.`);
    if (body.kind === 'result' && c.status !== 'concluded') throw conflict('applications.wrong_status', 'The result is sent after the decision (办结).');
    const earlier = await tx.selectFrom('case_transfers').select(['status']).where('case_id', '=', c.id).where('kind', '=', body.kind).execute();
    if (earlier.some((t) => t.status === 'in_transit')) throw conflict('applications.transfer_in_transit', 'An earlier transfer of this kind has not been received yet.');
    if (body.kind === 'result' && earlier.length > 0) throw conflict('applications.result_already_sent', 'The result has already been sent and received.');
    const now = deps.clock.nowIso();
    const id = newId();
    await tx.insertInto('case_transfers').values({
      id, case_id: c.id, kind: body.kind, from_department_id: from, to_department_id: to, method: body.method, tracking_number: body.trackingNumber ?? null,
      note: body.note ?? null, status: 'in_transit', sent_at: now, sent_by_name: actor.displayName, received_at: null, received_by_name: null,
    }).execute();
    const next = await updateCase(tx, c, body.expectedVersion, {}, now);
    await finish(tx, deps, actor, next, body.kind === 'result' ? 'result_sent' : 'materials_sent', c.status, body.note ?? null,
      { transferId: id, method: body.method, trackingNumber: body.trackingNumber, to }, now);
  });
}

export async function receiveTransfer(deps: Deps, actor: Actor, caseId: string, transferId: string, body: ActionBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const c = await getCaseRow(tx, caseId);
    const t = await tx.selectFrom('case_transfers').selectAll().where('id', '=', transferId).where('case_id', '=', caseId).executeTakeFirst();
    if (!t) throw notFound('applications.transfer_not_found', 'No such transfer on this case.');
    if (!isOfficerOf(actor, t.to_department_id)) throw forbidden('applications.not_your_transfer', 'The department it was sent to confirms receipt.');
    const now = deps.clock.nowIso();
    const res = await tx.updateTable('case_transfers').set({ status: 'received', received_at: now, received_by_name: actor.displayName })
      .where('id', '=', t.id).where('status', '=', 'in_transit').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('applications.transfer_already_received', 'This transfer has already been received.');
    const next = await updateCase(tx, c, body.expectedVersion, {}, now);
    await finish(tx, deps, actor, next, t.kind === 'result' ? 'result_received' : 'materials_received', c.status, body.opinion ?? null, { transferId: t.id }, now);
  });
}
