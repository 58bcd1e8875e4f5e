import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx, type Tx } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound, type FieldProblem } from '../../../platform/errors.js';
import { recordChange } from '../../../platform/record.js';
import { canDefineType } from '../licenses.policy.js';
import { departmentsByIds, findType, findTypeIssuerIds, findTypes, type DepartmentBrief, type TypeRow } from '../licenses.queries.js';
import type { LicenceType, LicenceTypeBody, LicenceTypeUpdate } from '../licenses.schemas.js';
import { catalogueLinks } from './catalogue.js';

/** Claims every licence credential carries; a type's own fields cannot take these names. */
export const STANDARD_CLAIMS = [
  'licence_id', 'licence_type_code', 'licence_name', 'licence_number', 'issuer_name', 'issuer_code', 'region_code',
  'issue_date', 'valid_from', 'valid_to', 'holder_kind', 'holder_id_type', 'holder_name', 'holder_id',
] as const;
/** JWT / SD-JWT VC claim names the issuer sets itself. */
const RESERVED = new Set(['iss', 'iat', 'nbf', 'exp', 'cnf', 'vct', 'status', 'sub', 'aud', 'jti']);

const deptRef = (d: DepartmentBrief | undefined, id: string) => ({ id, name: d?.name ?? id, uscc: d?.uscc ?? '', regionCode: d?.region_code ?? '' });

function typeProblems(body: Omit<LicenceTypeBody, 'code'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const keys = new Set<string>();
  body.fields.forEach((f, i) => {
    if (RESERVED.has(f.key)) problems.push({ field: `fields.${i}.key`, reason: `"${f.key}" is a claim the issuer sets itself` });
    if (keys.has(f.key)) problems.push({ field: `fields.${i}.key`, reason: `"${f.key}" appears twice` });
    keys.add(f.key);
    if (f.maxLength !== undefined && f.type !== 'string') problems.push({ field: `fields.${i}.maxLength`, reason: 'only string fields have a maximum length' });
  });
  const v = body.validity;
  if (v.mode === 'years' && !v.years) problems.push({ field: 'validity.years', reason: 'is required when mode is "years"' });
  if (v.mode !== 'years' && v.years !== undefined) problems.push({ field: 'validity.years', reason: 'only with mode "years"' });
  if (v.mode !== 'specified' && v.maxYears !== undefined) problems.push({ field: 'validity.maxYears', reason: 'only with mode "specified"' });
  if (new Set(body.issuerDepartmentIds).size !== body.issuerDepartmentIds.length) problems.push({ field: 'issuerDepartmentIds', reason: 'lists a department twice' });
  return problems;
}

async function checkDepartments(tx: Tx, body: Omit<LicenceTypeBody, 'code'>): Promise<void> {
  const depts = await departmentsByIds(tx, [body.definingDepartmentId, ...body.issuerDepartmentIds]);
  const problems: FieldProblem[] = [];
  if (!depts.has(body.definingDepartmentId)) problems.push({ field: 'definingDepartmentId', reason: 'no such department' });
  body.issuerDepartmentIds.forEach((id, i) => {
    if (!depts.has(id)) problems.push({ field: `issuerDepartmentIds.${i}`, reason: 'no such department' });
  });
  if (problems.length) throw invalid('licenses.invalid_type', `The licence type has ${problems.length} problem(s): ${problems[0].field} ${problems[0].reason}.`, problems);
}

export async function toLicenceType(deps: Deps, t: TypeRow, issuerIds: string[]): Promise<LicenceType> {
  const depts = await departmentsByIds(deps.db, [t.defining_department_id, ...issuerIds]);
  const links = await catalogueLinks(deps);
  return {
    code: t.code,
    name: t.name,
    nameEn: t.name_en,
    holderKind: t.holder_kind,
    definingDepartment: deptRef(depts.get(t.defining_department_id), t.defining_department_id),
    definingAuthority: t.defining_authority,
    description: t.description,
    issuers: issuerIds.map((id) => deptRef(depts.get(id), id)).sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name)),
    fields: t.fields,
    validity: t.validity,
    status: t.status,
    version: t.row_version,
    updatedAt: t.updated_at,
    issuedByItems: links.issuedBy.get(t.code) ?? [],
    replacesMaterials: links.accepts.get(t.code) ?? [],
  };
}

export async function listTypes(deps: Deps, query: { q?: string; holderKind?: string; issuerDepartmentId?: string }) {
  const types = await findTypes(deps.db, query);
  const issuers = await findTypeIssuerIds(deps.db, types.map((t) => t.code));
  const depts = await departmentsByIds(deps.db, types.map((t) => t.defining_department_id));
  return {
    items: types.map((t) => ({
      code: t.code, name: t.name, nameEn: t.name_en, holderKind: t.holder_kind,
      definingDepartment: deptRef(depts.get(t.defining_department_id), t.defining_department_id), definingAuthority: t.defining_authority,
      issuerCount: issuers.get(t.code)?.length ?? 0, fieldCount: t.fields.length, validity: t.validity, status: t.status, version: t.row_version,
    })),
  };
}

export async function getType(deps: Deps, code: string): Promise<LicenceType> {
  const t = await findType(deps.db, code);
  if (!t) throw notFound('licenses.type_not_found', `No licence type ${code}.`);
  return toLicenceType(deps, t, (await findTypeIssuerIds(deps.db, [code])).get(code) ?? []);
}

/** Define a licence type (platform admin, or an admin of the defining department). */
export async function createType(deps: Deps, actor: Actor, body: LicenceTypeBody): Promise<LicenceType> {
  if (!canDefineType(actor, body.definingDepartmentId)) throw forbidden('licenses.not_type_admin', 'Only a platform administrator or an administrator of the defining department may define this licence type.');
  const problems = typeProblems(body);
  if (problems.length) throw invalid('licenses.invalid_type', `The licence type has ${problems.length} problem(s): ${problems[0].field} ${problems[0].reason}.`, problems);
  await withTx(deps.db, async (tx) => {
    await checkDepartments(tx, body);
    if (await findType(tx, body.code)) throw conflict('licenses.type_exists', `Licence type ${body.code} already exists; change it with PUT.`);
    const now = deps.clock.nowIso();
    await tx.insertInto('license_types').values({
      code: body.code, name: body.name, name_en: body.nameEn ?? null, holder_kind: body.holderKind, defining_department_id: body.definingDepartmentId,
      defining_authority: body.definingAuthority ?? null, description: body.description ?? null, fields: JSON.stringify(body.fields),
      validity: JSON.stringify(body.validity), status: body.status ?? 'active', row_version: 1, created_at: now, updated_at: now, updated_by: actor.username,
    }).execute();
    await tx.insertInto('license_type_issuers').values(body.issuerDepartmentIds.map((id) => ({ type_code: body.code, department_id: id }))).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'license.type.created', targetType: 'license_type', targetId: body.code, departmentId: body.definingDepartmentId, details: { name: body.name, issuers: body.issuerDepartmentIds.length } },
      event: { aggregateType: 'license_type', aggregateId: body.code, payload: { code: body.code, name: body.name } },
    });
  });
  return getType(deps, body.code);
}

/** Change a type. Licences already issued keep their fields and dates; the change applies to new issuance. */
export async function updateType(deps: Deps, actor: Actor, code: string, body: LicenceTypeUpdate): Promise<LicenceType> {
  const { expectedVersion, ...rest } = body;
  const problems = typeProblems(rest);
  if (problems.length) throw invalid('licenses.invalid_type', `The licence type has ${problems.length} problem(s): ${problems[0].field} ${problems[0].reason}.`, problems);
  await withTx(deps.db, async (tx) => {
    const t = await findType(tx, code);
    if (!t) throw notFound('licenses.type_not_found', `No licence type ${code}.`);
    if (!canDefineType(actor, t.defining_department_id) || !canDefineType(actor, rest.definingDepartmentId)) {
      throw forbidden('licenses.not_type_admin', 'Only a platform administrator or an administrator of the defining department may change this licence type.');
    }
    if (t.holder_kind !== rest.holderKind && (await tx.selectFrom('licenses').select('id').where('type_code', '=', code).limit(1).executeTakeFirst())) {
      throw conflict('licenses.holder_kind_fixed', 'Licences of this type have been issued: its holder kind cannot change.');
    }
    await checkDepartments(tx, rest);
    const now = deps.clock.nowIso();
    const res = await tx.updateTable('license_types').set({
      name: rest.name, name_en: rest.nameEn ?? null, holder_kind: rest.holderKind, defining_department_id: rest.definingDepartmentId,
      defining_authority: rest.definingAuthority ?? null, description: rest.description ?? null, fields: JSON.stringify(rest.fields),
      validity: JSON.stringify(rest.validity), status: rest.status ?? t.status, row_version: t.row_version + 1, updated_at: now, updated_by: actor.username,
    }).where('code', '=', code).where('row_version', '=', expectedVersion).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('licenses.type_changed', 'The licence type was changed by someone else since you loaded it; reload and try again.');
    await tx.deleteFrom('license_type_issuers').where('type_code', '=', code).execute();
    await tx.insertInto('license_type_issuers').values(rest.issuerDepartmentIds.map((id) => ({ type_code: code, department_id: id }))).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'license.type.updated', targetType: 'license_type', targetId: code, departmentId: rest.definingDepartmentId, details: { version: t.row_version + 1, status: rest.status ?? t.status } },
      event: { aggregateType: 'license_type', aggregateId: code, payload: { code, name: rest.name, version: t.row_version + 1 } },
    });
  });
  return getType(deps, code);
}
