import type { Actor } from '../../../platform/actor.js';
import { publicUrlOf } from '../../../platform/config.js';
import type { Deps } from '../../../platform/deps.js';
import { recordDataAccess } from '../../../platform/access-log.js';
import { notFound } from '../../../platform/errors.js';
import { maskName } from '../../../platform/mask.js';
import { renderDocument, signPdf, type OfficialDocument } from '../../../platform/pdf/index.js';
import { departmentsByIds, findType } from '../licenses.queries.js';
import { canSeeIssued } from '../licenses.policy.js';
import type { LicensesTable } from '../licenses.tables.js';
import { checkLicenceId, getLicenceRow } from './status.js';
import { walletHolder } from './wallet.js';

/*
 * 证照打印件: a licence printed as a PDF sealed (PAdES) with the issuing department's seal certificate. It shows what
 * the paper licence would (type, identifier, number, holder, the type's fields in its order, issuer, dates) and the
 * licence's status when printed. Fields of level L4 (kept out of the credential) are left out, as on a presentation.
 *
 * The QR code leads to the public check by identifier (/verify/licences?id=<licence id>): the licence's current
 * status, type, issuer and dates, and its L1 (public) fields — never the holder's ID number or other personal fields
 * (the holder's name is shown masked). A printout is a snapshot: whoever relies on it scans the code to see whether
 * the licence is still valid today, and compares the fields with the sealed PDF itself.
 */

const STATUS_TEXT: Record<string, string> = { valid: '有效', suspended: '暂停使用', revoked: '已吊销' };

export const printoutCheckUrl = (deps: Deps, licenceId: string): string => `${publicUrlOf(deps)}/verify/licences?id=${encodeURIComponent(licenceId)}`;

/** Who may print: the holder (in the wallet: the citizen, or an enterprise's representative or agent with licenses.use) and the issuing department's staff (and platform admins, auditors). */
async function printableLicence(deps: Deps, actor: Actor, licenceId: string, as: 'holder' | 'issuer'): Promise<LicensesTable> {
  const row = await getLicenceRow(deps, licenceId);
  if (as === 'holder') {
    const h = walletHolder(actor);
    if (row.holder_kind !== h.kind || row.holder_key !== h.key) throw notFound('licenses.not_found', `No licence ${licenceId} in your wallet.`);
  } else if (!canSeeIssued(actor, row.issuer_department_id)) {
    throw notFound('licenses.not_found', `No licence ${licenceId} issued by your department.`);
  }
  return row;
}

/** The printout of a licence as a sealed PDF; the read is access-logged (who, whose licence, which fields, why). */
export async function licencePrintout(deps: Deps, actor: Actor, licenceId: string, as: 'holder' | 'issuer'): Promise<{ pdf: Uint8Array; fileName: string }> {
  if (!deps.seals) throw notFound('licenses.seals_unavailable', 'This server does not seal documents.');
  const row = await printableLicence(deps, actor, licenceId, as);
  const type = await findType(deps.db, row.type_code);
  const dept = (await departmentsByIds(deps.db, [row.issuer_department_id])).get(row.issuer_department_id);
  const deptName = dept?.name ?? row.issuer_code;
  const typeName = type?.name ?? row.type_code;
  const values = JSON.parse(row.fields) as Record<string, unknown>;
  const person = row.holder_kind === 'person';
  const shown = (type?.fields ?? []).filter((f) => f.key in values && f.level !== 'L4');
  const today = deps.calendar.chinaDate(deps.clock.now());
  const expired = !!row.valid_to && row.valid_to < today;
  const statusNote = row.status !== 'valid'
    ? `本证照${STATUS_TEXT[row.status] ?? row.status}（${row.status_changed_at ? deps.calendar.chinaDate(row.status_changed_at) : '—'}${row.status_reason ? `，${row.status_reason}` : ''}），不得作为有效证照使用。`
    : expired ? `本证照已于${row.valid_to}过期。` : `打印时本证照有效。`;
  const doc: OfficialDocument = {
    kind: '证照打印件',
    department: deptName,
    title: typeName,
    number: row.number,
    paragraphs: [`证照标识：${row.licence_id}`],
    table: {
      rows: [
        { label: person ? '持证人' : '持证主体', value: row.holder_name },
        { label: person ? '公民身份号码' : '统一社会信用代码', value: row.holder_key },
        ...shown.map((f) => ({ label: f.name, value: formatValue(values[f.key]) })),
        { label: '颁发机构', value: `${deptName}（${row.issuer_code}）` },
        { label: '颁发日期', value: row.issued_on },
        { label: '有效期', value: `${row.valid_from} 至 ${row.valid_to ?? '长期'}` },
        { label: '证照状态', value: `${STATUS_TEXT[row.status] ?? row.status}${expired ? '（已过期）' : ''}` },
      ],
    },
    closing: [statusNote, '本打印件只反映打印时的证照信息。使用前请扫描二维码，或在核验页输入证照标识，查验证照当前状态。'],
    date: deps.clock.now(),
    qr: { text: printoutCheckUrl(deps, row.licence_id), caption: '扫码查验证照状态' },
    footnote: `本打印件由${deptName}电子签章，打印于${today}；对文件的任何改动都会使签章失效。`,
  };
  const unsigned = await renderDocument(doc);
  const pdf = await signPdf(deps.seals, unsigned, { uscc: row.issuer_code, name: deptName }, { reason: '电子证照打印件' });
  await recordDataAccess(deps.db, deps.clock, actor, {
    subjectType: person ? 'person' : 'enterprise', subjectKey: row.holder_key,
    fields: ['holder_name', 'holder_id', ...shown.map((f) => f.key)], purpose: `证照打印件 ${typeName} ${row.licence_id}`,
  });
  return { pdf, fileName: `${typeName}-${row.number}.pdf` };
}

function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.map(formatValue).join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * The public check by identifier (the printout's QR code): no personal data beyond the masked name, only L1 fields.
 * A malformed identifier or a wrong check character is `licenses.bad_licence_id` (400); an unknown one `licenses.not_found`.
 */
export async function checkLicenceById(deps: Deps, licenceId: string) {
  checkLicenceId(licenceId);
  const row = await getLicenceRow(deps, licenceId);
  const type = await findType(deps.db, row.type_code);
  const dept = (await departmentsByIds(deps.db, [row.issuer_department_id])).get(row.issuer_department_id);
  const values = JSON.parse(row.fields) as Record<string, unknown>;
  const today = deps.calendar.chinaDate(deps.clock.now());
  return {
    licenceId: row.licence_id,
    typeCode: row.type_code,
    typeName: type?.name ?? row.type_code,
    typeNameEn: type?.name_en ?? null,
    number: row.number,
    holderName: maskName(row.holder_name, row.holder_kind),
    issuer: { name: dept?.name ?? '', nameEn: dept?.name_en ?? null, code: row.issuer_code },
    issuedOn: row.issued_on,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: row.status,
    expired: !!row.valid_to && row.valid_to < today,
    statusChangedAt: row.status === 'valid' ? null : row.status_changed_at,
    fields: (type?.fields ?? []).filter((f) => f.level === 'L1' && f.key in values).map((f) => ({ key: f.key, name: f.name, nameEn: f.nameEn ?? null, value: values[f.key] })),
    checkedAt: deps.clock.nowIso(),
  };
}
