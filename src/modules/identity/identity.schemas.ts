import { Type, type Static } from 'typebox';
import { STAFF_ROLES } from '../../platform/actor.js';
import { AGENT_SCOPES } from './identity.policy.js';
import { Nullable, StringEnum } from '../../platform/http/schema-types.js';

/** '*' (every scope: the legal representative) or the granted scopes. */
// 'array' first: with a type list the serialiser tries the types in order, and 'string' would flatten an array.
const Scopes = Type.Unsafe<'*' | string[]>({ type: ['array', 'string'], items: { type: 'string' }, description: "'*' or a list of scopes" });

export const Username = Type.String({ pattern: '^[a-z][a-z0-9_.-]{2,31}$', description: '3–32 chars: lower-case letters, digits, _ . -' });
export const IdNumber = Type.String({ pattern: '^[0-9]{17}[0-9Xx]$', description: 'GB 11643 citizen ID number (18 chars)', examples: ['11010519491231002X'] });
export const Uscc = Type.String({ pattern: '^[0-9A-Z]{18}$', description: 'GB 32100 unified social credit code', examples: ['91350100M000100Y43'] });
export const Role = Type.Union(STAFF_ROLES.map((r) => Type.Literal(r)));
export const Scope = Type.Union(Object.keys(AGENT_SCOPES).map((s) => Type.Literal(s)));

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
}, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBody>;

export const OnBehalfOf = Nullable(
  Type.Object({ type: Type.Literal('enterprise'), uscc: Type.String(), name: Type.String(), relation: StringEnum(['legal_rep', 'agent']), scopes: Scopes, grantExpiresAt: Nullable(Type.String()) }),
);

export const Me = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  kind: StringEnum(['citizen', 'staff']),
  roles: Type.Array(Type.String()),
  idNumberMasked: Nullable(Type.String()),
  department: Nullable(Type.Object({ id: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()), regionCode: Type.String() })),
  grantedRegionCodes: Type.Array(Type.String()),
  actingFor: OnBehalfOf,
  enterprises: Type.Array(Type.Object({ uscc: Type.String(), name: Type.String(), relation: Type.String(), scopes: Scopes, expiresAt: Nullable(Type.String()) })),
  csrfToken: Type.String(),
});
export type Me = Static<typeof Me>;

export const LoginReply = Type.Object({ token: Type.String(), expiresAt: Type.String(), user: Me });

export const ChangePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ minLength: 1, maxLength: 256 }),
}, { additionalProperties: false });
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const ActingForBody = Type.Object({ uscc: Type.Union([Uscc, Type.Null()]) }, { additionalProperties: false });

export const RegisterBody = Type.Object({
  username: Username,
  password: Type.String({ minLength: 1, maxLength: 256 }),
  idNumber: IdNumber,
  name: Type.String({ minLength: 1, maxLength: 40 }),
  phone: Type.String({ pattern: '^1[3-9][0-9]{9}$' }),
}, { additionalProperties: false });
export type RegisterBody = Static<typeof RegisterBody>;

export const Provenance = Type.Record(Type.String(), Type.Object({ sourceDepartmentId: Type.String(), sourceDepartment: Type.String(), updatedAt: Type.String() }));

export const Person = Type.Object({
  idNumber: Type.String(), name: Type.String(), sex: Type.String(), birthDate: Type.String(), ethnicity: Nullable(Type.String()),
  hukouAddress: Nullable(Type.String()), residenceAddress: Nullable(Type.String()), phone: Nullable(Type.String()),
  maritalStatus: Nullable(Type.String()), regionCode: Type.String(), updatedAt: Type.String(), provenance: Provenance,
});

export const Enterprise = Type.Object({
  uscc: Type.String(), name: Type.String(), type: Type.String(), legalRepName: Type.String(), legalRepIdNumber: Nullable(Type.String()),
  registeredAddress: Type.String(), registeredCapital: Nullable(Type.String()), establishedOn: Nullable(Type.String()),
  businessScope: Nullable(Type.String()), regionCode: Type.String(), status: Type.String(), updatedAt: Type.String(), provenance: Provenance,
});

export const PersonLookupQuery = Type.Object({ purpose: Type.String({ minLength: 4, maxLength: 200, description: 'why the data is read; recorded in the access log the person can see' }) }, { additionalProperties: false });

export const EnterpriseContact = Type.Object({ contactName: Type.String({ minLength: 1, maxLength: 40 }), contactPhone: Type.String({ pattern: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$' }), contactEmail: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 120 }), Type.Null()])) }, { additionalProperties: false });
export type EnterpriseContact = Static<typeof EnterpriseContact>;
export const EnterpriseContactReply = Type.Object({ uscc: Type.String(), contactName: Type.String(), contactPhone: Type.String(), contactEmail: Nullable(Type.String()), updatedAt: Type.String() });

export const GrantAgentBody = Type.Object({
  agentIdNumber: IdNumber,
  agentName: Type.String({ minLength: 1, maxLength: 40, description: 'must match the population registry' }),
  scopes: Type.Array(Scope, { minItems: 1, uniqueItems: true }),
  expiresAt: Type.String({ format: 'date-time' }),
}, { additionalProperties: false });
export type GrantAgentBody = Static<typeof GrantAgentBody>;

export const AgentGrant = Type.Object({ id: Type.String(), agentIdNumberMasked: Type.String(), agentName: Type.String(), scopes: Type.Array(Type.String()), expiresAt: Type.String(), createdAt: Type.String(), revokedAt: Nullable(Type.String()), revokeReason: Nullable(Type.String()), status: StringEnum(['active', 'expired', 'revoked']) });
export const RevokeBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });

export const StaffMember = Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String(), departmentId: Type.String(), departmentName: Type.String(), roles: Type.Array(Type.String()), active: Type.Boolean(), phone: Nullable(Type.String()), lockedUntil: Nullable(Type.String()) });
export const StaffListQuery = Type.Object({ departmentId: Type.Optional(Type.String({ maxLength: 64 })), q: Type.Optional(Type.String({ maxLength: 40 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })), cursor: Type.Optional(Type.String({ maxLength: 400 })) }, { additionalProperties: false });
export const CreateStaffBody = Type.Object({
  username: Username,
  displayName: Type.String({ minLength: 1, maxLength: 40 }),
  departmentId: Type.String({ minLength: 1, maxLength: 64 }),
  roles: Type.Array(Role, { minItems: 1, uniqueItems: true }),
  initialPassword: Type.String({ minLength: 1, maxLength: 256 }),
  idNumber: Type.Optional(IdNumber),
  phone: Type.Optional(Type.String({ pattern: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$' })),
}, { additionalProperties: false });
export type CreateStaffBody = Static<typeof CreateStaffBody>;
export const UpdateStaffBody = Type.Object({ displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })), roles: Type.Optional(Type.Array(Role, { minItems: 1, uniqueItems: true })), active: Type.Optional(Type.Boolean()), unlock: Type.Optional(Type.Literal(true)) }, { additionalProperties: false, minProperties: 1 });
export type UpdateStaffBody = Static<typeof UpdateStaffBody>;
export const RegionGrantBody = Type.Object({ regionCode: Type.String({ pattern: '^[0-9]{6}$' }), reason: Type.String({ minLength: 4, maxLength: 200 }), expiresAt: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false });

export const DataAccessEntry = Type.Object({ id: Type.String(), at: Type.String(), accessor: Type.String(), accessorDepartment: Nullable(Type.String()), onBehalfOf: Nullable(Type.String()), fields: Type.Array(Type.String()), purpose: Type.String() });

export const IdNumberParam = Type.Object({ idNumber: Type.String({ minLength: 1, maxLength: 40 }) });
export const UsccParam = Type.Object({ uscc: Type.String({ minLength: 1, maxLength: 40 }) });
export const GrantParam = Type.Object({ uscc: Type.String({ minLength: 1, maxLength: 40 }), grantId: Type.String({ minLength: 1, maxLength: 64 }) });
export const UserIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
