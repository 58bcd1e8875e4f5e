import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { recordDataAccess } from '../../../platform/access-log.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { readStoredFile, storeFile, type StoredType } from '../../../platform/files.js';
import type { MaterialAnswer } from '../applications.schemas.js';
import { canSeeCase, isApplicant } from '../applications.policy.js';
import { getCaseRow } from './case-store.js';

/** What an applicant may upload as a material: PDF or an image, judged by content, at most 10 MB. */
export const MATERIAL_TYPES: readonly StoredType[] = ['application/pdf', 'image/jpeg', 'image/png'];
export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;

export interface UploadedFile {
  sha256: string;
  name: string;
  contentType: string;
  size: number;
}

/** Stores an applicant's file (content-addressed, type checked by content) and remembers that they uploaded it. */
export async function uploadMaterial(deps: Deps, actor: Actor, bytes: Buffer, declaredType: string | undefined, name: string): Promise<UploadedFile> {
  if (actor.kind !== 'citizen' || !actor.userId) throw forbidden('applications.citizens_only', 'Materials are uploaded by applicants.');
  const f = await storeFile(deps, actor, bytes, declaredType, { maxBytes: MATERIAL_MAX_BYTES, allowed: MATERIAL_TYPES, purpose: 'application material' });
  await deps.db.insertInto('application_uploads')
    .values({ user_id: actor.userId, sha256: f.sha256, name, content_type: f.contentType, size: f.size, created_at: deps.clock.nowIso() })
    .onConflict((oc) => oc.columns(['user_id', 'sha256']).doUpdateSet({ name })).execute();
  return { sha256: f.sha256, name, contentType: f.contentType, size: f.size };
}

/** One of the applicant's own uploads (to preview before submitting). */
export async function readMyUpload(deps: Deps, actor: Actor, sha256: string): Promise<{ contentType: string; bytes: Buffer; name: string }> {
  const mine = await deps.db.selectFrom('application_uploads').select('name').where('user_id', '=', actor.userId ?? '').where('sha256', '=', sha256).executeTakeFirst();
  if (!mine) throw notFound('files.not_found', 'No such file among your uploads.');
  return { ...(await readStoredFile(deps, sha256)), name: mine.name };
}

/** A material of a case, for its applicant or the officers working it; an officer's read is written to the access log. */
export async function readCaseFile(deps: Deps, actor: Actor, caseId: string, sha256: string): Promise<{ contentType: string; bytes: Buffer; name: string }> {
  const c = await getCaseRow(deps.db, caseId);
  const applicant = isApplicant(actor, c);
  if (!applicant) {
    const depts = await deps.db.selectFrom('case_tasks').select('department_id').where('case_id', '=', c.id).execute();
    if (!canSeeCase(actor, c, depts.map((d) => d.department_id))) throw notFound('applications.case_not_found', 'No such case.');
  }
  const material = (JSON.parse(c.materials) as MaterialAnswer[]).find((m) => m.file?.sha256 === sha256);
  if (!material?.file) throw notFound('files.not_found', 'The case has no such file.');
  if (!applicant) {
    await recordDataAccess(deps.db, deps.clock, actor, {
      subjectType: c.applicant_kind === 'enterprise' ? 'enterprise' : 'person', subjectKey: c.applicant_uscc ?? c.applicant_id_number,
      fields: [`material:${material.key}`], purpose: `办件 ${c.case_number} (${c.item_name}) 材料查阅`,
    });
  }
  return { ...(await readStoredFile(deps, sha256)), name: material.file.name };
}
