import { Type, type Static } from 'typebox';
import { Nullable } from '../../platform/http/schema-types.js';

export const RegionCode = Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 region code (6 digits)', examples: ['390102'] });
export const RegionLevel = Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('district')]);
export const DepartmentKind = Type.String({ pattern: '^[a-z][a-z_]{1,40}$', description: 'department kind, e.g. market_regulation', examples: ['market_regulation'] });
export const Phone = Type.String({ pattern: '^(0[0-9]{2,3}-?[0-9]{7,8}|1[3-9][0-9]{9}|12345)$', description: 'landline with area code or mobile number', examples: ['0590-88612345'] });

export const Region = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  parentCode: Nullable(Type.String()),
  level: RegionLevel,
});
export type Region = Static<typeof Region>;

export const RegionListQuery = Type.Object({
  parentCode: Type.Optional(RegionCode),
  level: Type.Optional(RegionLevel),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

export const CreateRegionBody = Type.Object({
  code: RegionCode,
  name: Type.String({ minLength: 2, maxLength: 40 }),
  nameEn: Type.Optional(Type.String({ maxLength: 80 })),
  parentCode: Type.Union([RegionCode, Type.Null()]),
}, { additionalProperties: false });
export type CreateRegionBody = Static<typeof CreateRegionBody>;

export const UpdateRegionBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 2, maxLength: 40 })),
  nameEn: Type.Optional(Type.String({ maxLength: 80 })),
}, { additionalProperties: false, minProperties: 1 });
export type UpdateRegionBody = Static<typeof UpdateRegionBody>;

export const Department = Type.Object({
  id: Type.String(),
  uscc: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  shortName: Nullable(Type.String()),
  kind: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  level: RegionLevel,
  phone: Type.String(),
  address: Type.String(),
  active: Type.Boolean(),
});
export type Department = Static<typeof Department>;

export const DepartmentListQuery = Type.Object({
  regionCode: Type.Optional(RegionCode),
  within: Type.Optional(RegionCode),
  kind: Type.Optional(DepartmentKind),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  includeInactive: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
}, { additionalProperties: false });
export type DepartmentListQuery = Static<typeof DepartmentListQuery>;

export const CreateDepartmentBody = Type.Object({
  uscc: Type.String({ minLength: 18, maxLength: 18, description: 'GB 32100 unified social credit code' }),
  name: Type.String({ minLength: 2, maxLength: 60 }),
  nameEn: Type.Optional(Type.String({ maxLength: 120 })),
  shortName: Type.Optional(Type.String({ maxLength: 30 })),
  kind: DepartmentKind,
  regionCode: RegionCode,
  phone: Phone,
  address: Type.String({ minLength: 4, maxLength: 120 }),
}, { additionalProperties: false });
export type CreateDepartmentBody = Static<typeof CreateDepartmentBody>;

export const UpdateDepartmentBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 2, maxLength: 60 })),
  nameEn: Type.Optional(Type.String({ maxLength: 120 })),
  shortName: Type.Optional(Type.String({ maxLength: 30 })),
  phone: Type.Optional(Phone),
  address: Type.Optional(Type.String({ minLength: 4, maxLength: 120 })),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });
export type UpdateDepartmentBody = Static<typeof UpdateDepartmentBody>;

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const CodeParam = Type.Object({ code: RegionCode });
