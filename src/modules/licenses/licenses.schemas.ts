import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../platform/http/schema-types.js';

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const TYPE_CODE_PATTERN = '^[0-9A-Z]{21}$';
export const TypeCode = Type.String({ pattern: TYPE_CODE_PATTERN, description: 'GB/T 36903 licence type code, 21 characters of 0-9A-Z' });
export const Uscc = Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: 'unified social credit code' });
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

/** Classification levels (DB33/T 2350 style): L1 public … L4 highly sensitive. */
export const LEVELS = ['L1', 'L2', 'L3', 'L4'] as const;
export type Level = (typeof LEVELS)[number];

export const FIELD_TYPES = ['string', 'date', 'number', 'boolean'] as const;

export const LicenceField = Type.Object({
  key: Type.String({ pattern: '^[a-z][a-zA-Z0-9]{0,39}$', description: 'claim name in the credential (camelCase)' }),
  name: Text(40),
  nameEn: Type.Optional(Text(80)),
  type: StringEnum(FIELD_TYPES),
  required: Type.Boolean(),
  level: StringEnum(LEVELS, { description: 'L1 always visible; L2–L3 selectively disclosable; L4 kept out of the credential' }),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
}, { additionalProperties: false });
export type LicenceField = Static<typeof LicenceField>;

export const ValidityRule = Type.Object({
  mode: StringEnum(['years', 'permanent', 'specified'] as const, { description: 'a fixed number of years; 长期 (no end); an end date given at issuance' }),
  years: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  maxYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'for "specified": the longest allowed span' })),
}, { additionalProperties: false });
export type ValidityRule = Static<typeof ValidityRule>;

export const HolderKind = StringEnum(['person', 'enterprise'] as const);

export const LicenceTypeBody = Type.Object({
  code: TypeCode,
  name: Text(60, 2),
  nameEn: Type.Optional(Text(120)),
  holderKind: HolderKind,
  definingDepartmentId: Text(64),
  definingAuthority: Type.Optional(Text(60)),
  description: Type.Optional(Text(500)),
  issuerDepartmentIds: Type.Array(Text(64), { minItems: 1, maxItems: 500, description: 'departments that issue this type' }),
  fields: Type.Array(LicenceField, { minItems: 1, maxItems: 60 }),
  validity: ValidityRule,
  status: Type.Optional(StringEnum(['active', 'retired'] as const)),
}, { additionalProperties: false });
export type LicenceTypeBody = Static<typeof LicenceTypeBody>;

export const LicenceTypeUpdate = Type.Object({
  ...Type.Omit(LicenceTypeBody, ['code']).properties,
  expectedVersion: Type.Integer({ minimum: 1, description: 'the type’s version as the editor saw it' }),
}, { additionalProperties: false });
export type LicenceTypeUpdate = Static<typeof LicenceTypeUpdate>;

const DepartmentRef = Type.Object({ id: Type.String(), name: Type.String(), uscc: Type.String(), regionCode: Type.String() });

const ItemRefFields = {
  itemId: Type.String(),
  itemName: Type.String(),
  itemNameEn: Nullable(Type.String()),
  implementationCode: Type.String(),
  departmentName: Type.String(),
  departmentNameEn: Nullable(Type.String()),
  regionCode: Type.String(),
};
export const ItemRef = Type.Object(ItemRefFields);
export const MaterialRef = Type.Object({ ...ItemRefFields, materialKey: Type.String(), materialName: Type.String() });

export const LicenceType = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  holderKind: Type.String(),
  definingDepartment: DepartmentRef,
  definingAuthority: Nullable(Type.String()),
  description: Nullable(Type.String()),
  issuers: Type.Array(DepartmentRef),
  fields: Type.Array(LicenceField),
  validity: ValidityRule,
  status: Type.String(),
  version: Type.Integer(),
  updatedAt: Type.String(),
  /** From the published catalogue: items whose result is this type, and materials it stands in for. */
  issuedByItems: Type.Array(ItemRef),
  replacesMaterials: Type.Array(MaterialRef),
});
export type LicenceType = Static<typeof LicenceType>;

export const TypeSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  holderKind: Type.String(),
  definingDepartment: DepartmentRef,
  definingAuthority: Nullable(Type.String()),
  issuerCount: Type.Integer(),
  fieldCount: Type.Integer(),
  validity: ValidityRule,
  status: Type.String(),
  version: Type.Integer(),
});

export const TypeQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 60 })),
  holderKind: Type.Optional(HolderKind),
  issuerDepartmentId: Type.Optional(Type.String({ maxLength: 64 })),
}, { additionalProperties: false });

export const CodeParam = Type.Object({ code: TypeCode });
export const LicenceIdParam = Type.Object({ licenceId: Type.String({ minLength: 1, maxLength: 200 }) });

export const HolderInput = Type.Object({
  kind: HolderKind,
  idNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 18 })),
  uscc: Type.Optional(Type.String({ minLength: 1, maxLength: 18 })),
  name: Text(100),
}, { additionalProperties: false });
export type HolderInput = Static<typeof HolderInput>;

export const IssueBody = Type.Object({
  typeCode: TypeCode,
  holder: HolderInput,
  fields: Type.Record(Type.String(), Type.Unsafe<unknown>({})),
  validFrom: Type.Optional(DateString),
  validTo: Type.Optional(DateString),
  /** 证照编号; a retry with the same number (per department and type) returns the licence issued the first time. */
  number: Type.Optional(Type.String({ pattern: '^[0-9A-Z]{1,40}$', description: '证照编号; generated when absent' })),
}, { additionalProperties: false });
export type IssueBody = Static<typeof IssueBody>;

export const ReasonBody = Type.Object({ reason: Text(500, 2) }, { additionalProperties: false });
export type ReasonBody = Static<typeof ReasonBody>;

export const LicenceStatus = StringEnum(['valid', 'revoked', 'suspended'] as const);

export const LicenceSummary = Type.Object({
  id: Type.String(),
  licenceId: Type.String(),
  typeCode: Type.String(),
  typeName: Type.String(),
  number: Type.String(),
  issuer: Type.Object({ departmentId: Type.String(), name: Type.String(), code: Type.String(), regionCode: Type.String() }),
  holder: Type.Object({ kind: Type.String(), name: Type.String(), idMasked: Type.String() }),
  status: Type.String(),
  statusReason: Nullable(Type.String()),
  statusChangedAt: Nullable(Type.String()),
  issuedOn: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  expired: Type.Boolean(),
  source: Type.String(),
  caseNumber: Nullable(Type.String()),
  alg: Type.String(),
});
export type LicenceSummary = Static<typeof LicenceSummary>;

export const FieldValue = Type.Object({
  key: Type.String(),
  name: Type.String(),
  value: Type.Unsafe<unknown>({}),
  level: Type.String(),
  /** May the holder choose whether to show it (L2–L3 fields, holder name and ID). */
  disclosable: Type.Boolean(),
  /** L4: kept by the issuer, never in the credential. */
  inCredential: Type.Boolean(),
});

export const LicenceDetail = Type.Object({
  licence: LicenceSummary,
  holderId: Type.String(),
  fields: Type.Array(FieldValue),
  presentations: Type.Array(Type.Object({ id: Type.String(), fields: Type.Array(Type.String()), audience: Type.String(), createdAt: Type.String(), expiresAt: Type.String() })),
});

export const IssuedQuery = Type.Object({
  typeCode: Type.Optional(TypeCode),
  status: Type.Optional(LicenceStatus),
  departmentId: Type.Optional(Type.String({ maxLength: 64, description: 'platform admins and auditors: any department' })),
  q: Type.Optional(Type.String({ maxLength: 60, description: 'holder name, licence number or licence identifier' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
}, { additionalProperties: false });
export type IssuedQuery = Static<typeof IssuedQuery>;

export const PresentationBody = Type.Object({
  fields: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 80, description: 'claims to show, among the disclosable ones' }),
  audience: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'who the presentation is for (a verifier’s URL or name)' })),
  ttlSeconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 3600, default: 600 })),
  qr: Type.Optional(StringEnum(['svg', 'png', 'none'] as const, { description: 'QR code format (default svg)' })),
}, { additionalProperties: false });
export type PresentationBody = Static<typeof PresentationBody>;

export const PresentationCreated = Type.Object({
  id: Type.String(),
  url: Type.String({ description: 'the verification page for this presentation (web)' }),
  apiUrl: Type.String({ description: 'GET: the presentation for a verifier' }),
  qrSvg: Type.Optional(Type.String()),
  qrPngDataUrl: Type.Optional(Type.String()),
  expiresAt: Type.String(),
  nonce: Type.String(),
  audience: Type.String(),
  fields: Type.Array(Type.String()),
});

export const PresentationIdParam = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) });

export const PublicPresentation = Type.Object({
  id: Type.String(),
  presentation: Type.String({ description: 'the SD-JWT VC with the chosen disclosures and the holder’s key-binding JWT' }),
  audience: Type.String(),
  nonce: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  typeName: Type.String(),
  issuerName: Type.String(),
  verifyUrl: Type.String({ description: 'POST the presentation here (this deployment’s verifier)' }),
});

export const VerifyBody = Type.Object({
  presentation: Type.String({ minLength: 1, maxLength: 60_000 }),
  audience: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  nonce: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
}, { additionalProperties: false });
export type VerifyBody = Static<typeof VerifyBody>;

export const CHECKS = [
  'format', 'issuer_trust', 'signature', 'disclosure', 'licence_id', 'validity', 'status', 'holder_binding', 'nonce', 'audience', 'presentation',
] as const;
export type CheckName = (typeof CHECKS)[number];

export const CheckResult = Type.Object({
  check: StringEnum(CHECKS),
  /** true passed, false failed, null not checked (e.g. the status of a credential whose signature failed). */
  ok: Type.Unsafe<boolean | null>({ type: ['boolean', 'null'] }),
  message: Type.String(),
});
export type CheckResult = Static<typeof CheckResult>;

export const VerifyResult = Type.Object({
  valid: Type.Boolean(),
  checks: Type.Array(CheckResult),
  failedChecks: Type.Array(Type.String()),
  issuer: Nullable(Type.Object({ name: Nullable(Type.String()), code: Nullable(Type.String()), region: Nullable(Type.String()), trusted: Type.Boolean(), iss: Type.String(), deployment: Nullable(Type.String()) })),
  licence: Nullable(Type.Object({
    typeCode: Nullable(Type.String()), typeName: Nullable(Type.String()), licenceId: Nullable(Type.String()), number: Nullable(Type.String()),
    issuedAt: Nullable(Type.String()), validFrom: Nullable(Type.String()), validTo: Nullable(Type.String()), status: Type.String(),
  })),
  /** Only when valid: the claims the holder chose to show, and the always-visible licence fields. */
  disclosed: Type.Record(Type.String(), Type.Unsafe<unknown>({})),
  fields: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), value: Type.Unsafe<unknown>({}), selectivelyDisclosed: Type.Boolean() })),
  verificationId: Type.String(),
  verifiedAt: Type.String(),
});
export type VerifyResult = Static<typeof VerifyResult>;

export const IssuerCodeParam = Type.Object({ issuerCode: Uscc });
export const StatusListParam = Type.Object({ issuerCode: Uscc, listId: Type.Integer({ minimum: 1, maximum: 1_000_000 }) });

export const TrustBody = Type.Object({
  baseUrl: Type.String({ pattern: '^https?://[^\\s/?#]+(/[^\\s?#]*[^\\s/?#])?$', maxLength: 200, description: 'the other deployment’s public URL, no trailing slash' }),
  regionCode: Type.String({ pattern: '^\\d{6}$' }),
  name: Text(60, 2),
}, { additionalProperties: false });
export type TrustBody = Static<typeof TrustBody>;

export const TrustEntry = Type.Object({ id: Type.String(), baseUrl: Type.String(), regionCode: Type.String(), name: Type.String(), createdAt: Type.String(), createdBy: Type.String() });

export const IssuerInfo = Type.Object({
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  iss: Type.String(),
  jwksUri: Type.String(),
  alg: Nullable(Type.String()),
  statusLists: Type.Array(Type.String()),
  types: Type.Array(Type.String()),
});
export type IssuerInfo = Static<typeof IssuerInfo>;

export const RotateBody = Type.Object({ alg: Type.Optional(StringEnum(['ES256', 'SM2-SM3'] as const, { description: 'SM2-SM3: the 国密 option' })) }, { additionalProperties: false });

export const CatalogueQuery = Type.Object({
  typeCode: Type.Optional(TypeCode),
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: 'only items of this region and below' })),
}, { additionalProperties: false });

export const CatalogueEntry = Type.Object({
  code: Type.String(),
  name: Type.String(),
  defined: Type.Boolean({ description: 'false: named by the catalogue, not (yet) in the licence type catalogue' }),
  holderKind: Nullable(Type.String()),
  definingDepartment: Nullable(Type.String()),
  issuers: Type.Array(Type.String()),
  issuedByItems: Type.Array(ItemRef),
  acceptedForMaterials: Type.Array(MaterialRef),
  counts: Type.Object({ issued: Type.Integer(), valid: Type.Integer(), suspended: Type.Integer(), revoked: Type.Integer(), uses: Type.Integer(), verifications: Type.Integer() }),
});

export const ImportResult = Type.Object({
  issued: Type.Integer(),
  unchanged: Type.Integer(),
  licenceIds: Type.Array(Type.String(), { description: 'the first 1,000' }),
});

/** GET /api/v1/licenses/check/:licenceId — what anyone holding a printout may learn from its identifier. */
export const LicenceCheck = Type.Object({
  licenceId: Type.String(),
  typeCode: Type.String(),
  typeName: Type.String(),
  typeNameEn: Nullable(Type.String()),
  number: Type.String(),
  holderName: Type.String({ description: 'a person’s name masked (张*), an enterprise’s in full' }),
  issuer: Type.Object({ name: Type.String(), nameEn: Nullable(Type.String()), code: Type.String() }),
  issuedOn: Type.String(),
  validFrom: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  expired: Type.Boolean(),
  statusChangedAt: Type.Union([Type.String(), Type.Null()]),
  fields: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()), value: Type.Unknown() })),
  checkedAt: Type.String(),
});
