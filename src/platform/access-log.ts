import type { Actor } from './actor.js';
import { onBehalfOfLabel } from './actor.js';
import type { DbOrTx } from './db/database.js';
import type { Clock } from './clock.js';
import { newId } from './ids.js';
import { insertRow } from './db/prepared.js';

/** Every read of another person's personal data is attributable: who, on whose behalf, whose data, which fields, why. */
export async function recordDataAccess(
  db: DbOrTx,
  clock: Clock,
  actor: Actor,
  access: { subjectType: 'person' | 'enterprise'; subjectKey: string; fields: string[]; purpose: string },
): Promise<void> {
  await insertRow(db, 'data_access_log', {
      id: newId(),
      at: clock.nowIso(),
      accessor_user_id: actor.userId,
      accessor_name: actor.username,
      accessor_department_id: actor.departmentId,
      on_behalf_of: onBehalfOfLabel(actor),
      subject_type: access.subjectType,
      subject_key: access.subjectKey,
      fields: JSON.stringify(access.fields),
      purpose: access.purpose,
      request_id: actor.requestId,
  });
}
