import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { recordDataAccess } from '../../../platform/access-log.js';
import { withTx, type DbOrTx } from '../../../platform/db/database.js';
import { forbidden, invalid, notFound } from '../../../platform/errors.js';
import { recordChange } from '../../../platform/record.js';
import { isValidCitizenId, isValidUscc } from '../../../platform/codes.js';
import { decodeCursor, pageLimit, pageOf } from '../../../platform/http/pagination.js';
import { departmentNames, staffCoversRegion } from '../../org/index.js';
import * as q from '../identity.queries.js';
import { canLookUpPeople, isLegalRep, requireEnterpriseScope } from '../identity.policy.js';
import type { EnterpriseContact } from '../identity.schemas.js';
import type { EnterpriseRegistryTable, PopulationRegistryTable } from '../identity.tables.js';

const PERSON_FIELDS: Record<string, keyof PopulationRegistryTable> = {
  name: 'name', sex: 'sex', birthDate: 'birth_date', ethnicity: 'ethnicity', hukouAddress: 'hukou_address',
  residenceAddress: 'residence_address', phone: 'phone', maritalStatus: 'marital_status',
};

type Provenance = Record<string, { sourceDepartmentId: string; sourceDepartment: string; updatedAt: string }>;

/** Which department vouches for each attribute, and when it last changed: shown next to every prefilled value. */
async function provenanceOf(deps: Deps, registry: 'population' | 'enterprise', key: string): Promise<Provenance> {
  const rows = await q.findAttributeSources(deps.db, registry, key);
  const names = await departmentNames(deps.db, rows.map((r) => r.source_department_id));
  return Object.fromEntries(rows.map((r) => [r.attribute, { sourceDepartmentId: r.source_department_id, sourceDepartment: names.get(r.source_department_id)?.name ?? '—', updatedAt: r.updated_at }]));
}

function toPerson(p: PopulationRegistryTable, provenance: Provenance) {
  return {
    idNumber: p.id_number, name: p.name, sex: p.sex, birthDate: p.birth_date, ethnicity: p.ethnicity, hukouAddress: p.hukou_address,
    residenceAddress: p.residence_address, phone: p.phone, maritalStatus: p.marital_status, regionCode: p.region_code, updatedAt: p.updated_at, provenance,
  };
}

/** The logged-in person's own population registry record. */
async function ownPersonRow(deps: Deps, actor: Actor): Promise<PopulationRegistryTable> {
  if (!actor.idNumber) throw notFound('identity.no_registry_record', 'This account is not linked to a population registry record.');
  const p = await q.findPerson(deps.db, actor.idNumber);
  if (!p) throw notFound('identity.no_registry_record', 'No population registry record for this account.');
  return p;
}

export async function getMyPerson(deps: Deps, actor: Actor) {
  const p = await ownPersonRow(deps, actor);
  return toPerson(p, await provenanceOf(deps, 'population', p.id_number));
}

/**
 * Staff look a person up for a stated purpose: only within their region (or a granted one), and every read is written
 * to the access log the person can see. Citizens may only read themselves.
 */
export async function getPerson(deps: Deps, actor: Actor, idNumber: string, purpose: string) {
  if (!isValidCitizenId(idNumber)) throw invalid('identity.invalid_id_number', 'The ID number is not valid (GB 11643 check).', [{ field: 'idNumber', reason: 'check digit or birth date is wrong' }]);
  if (actor.kind === 'citizen') {
    if (actor.idNumber !== idNumber) throw forbidden('identity.not_your_record', 'You can only see your own registry record.');
    return getMyPerson(deps, actor);
  }
  if (!canLookUpPeople(actor)) throw forbidden('identity.forbidden', 'Your role may not read the population registry.');
  const p = await q.findPerson(deps.db, idNumber);
  if (!p) throw notFound('identity.person_not_found', 'No person with that ID number in the registry.');
  if (!staffCoversRegion(actor, p.region_code)) throw forbidden('identity.outside_region', 'This person is registered outside your region.');
  await recordDataAccess(deps.db, deps.clock, actor, { subjectType: 'person', subjectKey: idNumber, fields: Object.keys(PERSON_FIELDS), purpose });
  return toPerson(p, await provenanceOf(deps, 'population', p.id_number));
}

function toEnterprise(e: EnterpriseRegistryTable, legalRepName: string, showRepId: boolean, provenance: Provenance) {
  return {
    uscc: e.uscc, name: e.name, type: e.type, legalRepName, legalRepIdNumber: showRepId ? e.legal_rep_id_number : null, registeredAddress: e.registered_address,
    registeredCapital: e.registered_capital, establishedOn: e.established_on, businessScope: e.business_scope, regionCode: e.region_code, status: e.status, updatedAt: e.updated_at, provenance,
  };
}

/** Registration facts are public (企业信用信息公示); the legal representative's ID number only for those acting for it and staff of its region. */
export async function getEnterprise(deps: Deps, actor: Actor, uscc: string) {
  if (!isValidUscc(uscc)) throw invalid('identity.invalid_uscc', 'That is not a valid unified social credit code (GB 32100 check).', [{ field: 'uscc', reason: 'check character is wrong' }]);
  const e = await q.findEnterprise(deps.db, uscc);
  if (!e) throw notFound('identity.enterprise_not_found', 'No enterprise with that code in the registry.');
  const rep = await q.findPerson(deps.db, e.legal_rep_id_number);
  // Minimum necessity: the representative sees their own number, staff of the region see it (logged); agents and
  // everyone else see the name only.
  const showRepId = isLegalRep(actor, e) || (actor.kind === 'staff' && staffCoversRegion(actor, e.region_code));
  if (showRepId && actor.kind === 'staff') {
    await recordDataAccess(deps.db, deps.clock, actor, { subjectType: 'person', subjectKey: e.legal_rep_id_number, fields: ['idNumber'], purpose: `查看企业登记信息（${uscc}）` });
  }
  return toEnterprise(e, rep?.name ?? '—', showRepId, await provenanceOf(deps, 'enterprise', uscc));
}

export async function getEnterpriseContact(deps: Deps, actor: Actor, uscc: string) {
  requireEnterpriseScope(actor, uscc, 'profile.read');
  const c = await deps.db.selectFrom('enterprise_contacts').selectAll().where('uscc', '=', uscc).executeTakeFirst();
  if (!c) throw notFound('identity.contact_not_set', 'No contact details have been set for this enterprise yet.');
  return { uscc, contactName: c.contact_name, contactPhone: c.contact_phone, contactEmail: c.contact_email, updatedAt: c.updated_at };
}

export async function setEnterpriseContact(deps: Deps, actor: Actor, uscc: string, input: EnterpriseContact) {
  requireEnterpriseScope(actor, uscc, 'profile.update');
  const now = deps.clock.nowIso();
  const row = { uscc, contact_name: input.contactName, contact_phone: input.contactPhone, contact_email: input.contactEmail ?? null, updated_by: actor.userId, updated_at: now };
  await withTx(deps.db, async (tx) => {
    const before = await tx.selectFrom('enterprise_contacts').selectAll().where('uscc', '=', uscc).executeTakeFirst();
    if (before) await tx.updateTable('enterprise_contacts').set(row).where('uscc', '=', uscc).execute();
    else await tx.insertInto('enterprise_contacts').values(row).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'identity.enterprise_contact.updated', targetType: 'enterprise', targetId: uscc },
      event: { aggregateType: 'enterprise', aggregateId: uscc, payload: { uscc } },
    });
  });
  return { uscc, contactName: row.contact_name, contactPhone: row.contact_phone, contactEmail: row.contact_email, updatedAt: now };
}

/**
 * A page of the access log about a person, and an enterprise when its representative or agent asks (the two never
 * share an entry), newest first by the time of access. Each subject's entries are read from its index in the page's
 * order (migration 0025)
 * and the pages merged, so a page costs about a page however long the subject's history. Exported for its plan test.
 */
export function dataAccessPage(db: DbOrTx, person: string, enterprise: string | null, limit: number, after: [string, string] | null) {
  const branch = (type: 'person' | 'enterprise', key: string) => {
    const q = db.selectFrom('data_access_log').selectAll().where('subject_type', '=', type).where('subject_key', '=', key)
      .orderBy('at', 'desc').orderBy('id', 'desc').limit(limit + 1);
    return after ? q.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(after[0], after[1]))) : q;
  };
  if (!enterprise) return branch('person', person);
  return db.selectFrom(branch('person', person).as('p')).selectAll()
    .unionAll(db.selectFrom(branch('enterprise', enterprise).as('e')).selectAll())
    .orderBy('at', 'desc').orderBy('id', 'desc').limit(limit + 1);
}

/** Who read my data: every access-log entry about the logged-in citizen (and, when acting for one, the enterprise). */
export async function findMyDataAccess(deps: Deps, actor: Actor, query: { limit?: number; cursor?: string }) {
  if (!actor.idNumber) return { items: [], nextCursor: null };
  const limit = pageLimit(query);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const qb = dataAccessPage(deps.db, actor.idNumber, actor.onBehalfOf?.uscc ?? null, limit, after);
  const page = pageOf(await qb.execute(), limit, (r) => [r.at, r.id]);
  const names = await departmentNames(deps.db, page.items.map((r) => r.accessor_department_id).filter((x): x is string => !!x));
  return {
    items: page.items.map((r) => ({
      id: r.id, at: r.at, accessor: r.accessor_name, accessorDepartment: r.accessor_department_id ? names.get(r.accessor_department_id)?.name ?? null : null,
      onBehalfOf: r.on_behalf_of, fields: JSON.parse(r.fields), purpose: r.purpose,
    })),
    nextCursor: page.nextCursor,
  };
}


/** Registry columns behind each attribute name a form may prefill, for the provenance lookup (snake_case in the registry). */
const PREFILL_COLUMNS: Record<'person' | 'enterprise', Record<string, string>> = {
  person: { name: 'name', sex: 'sex', birthDate: 'birth_date', ethnicity: 'ethnicity', hukouAddress: 'hukou_address', residenceAddress: 'residence_address', phone: 'phone', maritalStatus: 'marital_status' },
  enterprise: { name: 'name', type: 'type', legalRepIdNumber: 'legal_rep_id_number', registeredAddress: 'registered_address', registeredCapital: 'registered_capital', establishedOn: 'established_on', businessScope: 'business_scope', status: 'status' },
};

export interface PrefilledAttribute {
  value: string | null;
  sourceDepartment: string;
  updatedAt: string;
}

/**
 * The applicant's own registry record (or, while acting for an enterprise with the applications.submit scope, the
 * enterprise's) as prefill values with their source department and update time (免填报). The read is logged with
 * its purpose, so the person sees it under "who read my data".
 */
export async function registryForPrefill(deps: Deps, actor: Actor, source: 'person' | 'enterprise', attributes: string[], purpose: string): Promise<Record<string, PrefilledAttribute>> {
  return (await readForPrefill(deps, actor, source, attributes, purpose, true)) as Record<string, PrefilledAttribute>;
}

/**
 * The same registry values without who vouches for them: what a submission needs to check its locked fields against.
 * The read is logged as registryForPrefill's is; only the source departments are not looked up.
 */
export async function registryValuesForPrefill(deps: Deps, actor: Actor, source: 'person' | 'enterprise', attributes: string[], purpose: string): Promise<Record<string, string | null>> {
  const read = await readForPrefill(deps, actor, source, attributes, purpose, false);
  return Object.fromEntries(Object.entries(read).map(([a, v]) => [a, v.value]));
}

async function readForPrefill(deps: Deps, actor: Actor, source: 'person' | 'enterprise', attributes: string[], purpose: string, withProvenance: boolean): Promise<Record<string, PrefilledAttribute | { value: string | null }>> {
  if (attributes.length === 0) return {};
  let subjectKey: string;
  let values: Record<string, string | null>;
  let prov: Provenance = {};
  let updatedAt: string;
  let defaultSource: string;
  if (source === 'person') {
    const p = await ownPersonRow(deps, actor);
    if (withProvenance) prov = await provenanceOf(deps, 'population', p.id_number);
    [subjectKey, updatedAt, defaultSource] = [p.id_number, p.updated_at, '公安机关（人口库）'];
    values = toPerson(p, prov) as unknown as Record<string, string | null>;
  } else {
    const uscc = actor.onBehalfOf?.uscc;
    if (!uscc) throw forbidden('identity.not_acting_for_enterprise', 'Switch to the enterprise first (acting-for).');
    requireEnterpriseScope(actor, uscc, 'applications.submit');
    const e = await q.findEnterprise(deps.db, uscc);
    if (!e) throw notFound('identity.enterprise_not_found', 'No enterprise with that code in the registry.');
    const rep = await q.findPerson(deps.db, e.legal_rep_id_number);
    if (withProvenance) prov = await provenanceOf(deps, 'enterprise', uscc);
    [subjectKey, updatedAt, defaultSource] = [uscc, e.updated_at, '市场监督管理部门（企业库）'];
    values = toEnterprise(e, rep?.name ?? '—', true, prov) as unknown as Record<string, string | null>;
  }
  const out: Record<string, PrefilledAttribute | { value: string | null }> = {};
  for (const a of attributes) {
    const value = values[a] ?? null;
    if (!withProvenance) {
      out[a] = { value };
      continue;
    }
    const col = PREFILL_COLUMNS[source][a] ?? (source === 'enterprise' && a === 'legalRepName' ? 'legal_rep_id_number' : undefined);
    const from = col ? prov[col] : undefined;
    out[a] = { value, sourceDepartment: from?.sourceDepartment ?? defaultSource, updatedAt: from?.updatedAt ?? updatedAt };
  }
  await recordDataAccess(deps.db, deps.clock, actor, { subjectType: source, subjectKey, fields: attributes, purpose });
  return out;
}
