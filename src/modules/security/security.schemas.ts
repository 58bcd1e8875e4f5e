import { Type, type Static } from 'typebox';

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
  seq: Type.Number(), id: Type.String(), at: Type.String(), actor: Type.String(), actorKind: Type.String(), actorUserId: Type.Union([Type.String(), Type.Null()]),
  onBehalfOf: Type.Union([Type.String(), Type.Null()]), action: Type.String(), targetType: Type.String(), targetId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(), requestId: Type.Union([Type.String(), Type.Null()]), departmentId: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]), details: Type.Unknown(), hash: Type.String(),
});

export const VerifyReply = Type.Object({
  ok: Type.Boolean(), entries: Type.Number(), lastSeq: Type.Optional(Type.Number()), badSeq: Type.Optional(Type.Number()),
  badId: Type.Optional(Type.Union([Type.String(), Type.Null()])), problem: Type.Optional(Type.String()),
});
