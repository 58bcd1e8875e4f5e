import { Type, type Static } from 'typebox';
import { Nullable } from '../../platform/http/schema-types.js';

export const AuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 80, description: 'exact action, or a prefix ending in * (e.g. org.*)' })),
  actor: Type.Optional(Type.String({ maxLength: 64, description: 'username' })),
  targetType: Type.Optional(Type.String({ maxLength: 40 })),
  targetId: Type.Optional(Type.String({ maxLength: 80 })),
  outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')])),
  onBehalfOf: Type.Optional(Type.String({ maxLength: 80 })),
  requestId: Type.Optional(Type.String({ maxLength: 64 })),
  departmentId: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
}, { additionalProperties: false });
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  seq: Type.Number(), id: Type.String(), at: Type.String(), actor: Type.String(), actorKind: Type.String(), actorUserId: Nullable(Type.String()),
  onBehalfOf: Nullable(Type.String()), action: Type.String(), targetType: Type.String(), targetId: Nullable(Type.String()),
  outcome: Type.String(), requestId: Nullable(Type.String()), departmentId: Nullable(Type.String()),
  regionCode: Nullable(Type.String()), details: Type.Unknown(), hash: Type.String(),
});

export const VerifyReply = Type.Object({
  ok: Type.Boolean(), entries: Type.Number(), lastSeq: Type.Optional(Type.Number()), badSeq: Type.Optional(Type.Number()),
  badId: Type.Optional(Nullable(Type.String())), problem: Type.Optional(Type.String()),
});
