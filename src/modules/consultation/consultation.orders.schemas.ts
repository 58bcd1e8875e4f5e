import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../platform/http/schema-types.js';

/*
 * Shapes of the work-order API (docs/consultation-work-orders.md). Every text is plain text: stored and returned as
 * given (control characters removed), never interpreted as HTML — clients must show it as text.
 */

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Version = Type.Integer({ minimum: 1, description: 'the order’s rowVersion as the caller saw it: acting on an older view is consultation.conflict' });
const Id = Type.String({ minLength: 1, maxLength: 64 });

export const ORDER_STATUSES = ['dispatching', 'to_sign', 'in_progress', 'waiting_asker', 'replied', 'concluded', 'rated'] as const;
export const OrderStatus = StringEnum(ORDER_STATUSES, {
  description: 'dispatching 待派单 (at the dispatcher) · to_sign 待签收 · in_progress 办理中 · waiting_asker 待补充 (clock stopped) · replied 已答复 · concluded 已办结 · rated 已评价',
});
export const OrderTypeSchema = StringEnum(['consultation', 'help', 'complaint', 'suggestion'] as const, { description: '咨询 / 求助 / 投诉 / 建议' });
export const OrderChannel = StringEnum(['web', 'question', 'phone', 'open311'] as const);
export const ReturnBasis = StringEnum(['territory_mismatch', 'ownership_unclear', 'function_overlap'] as const, { description: '属地不符 / 权属不清 / 职能交叉' });
export const RatingValue = StringEnum(['satisfied', 'basically_satisfied', 'unsatisfied'] as const, { description: '满意 / 基本满意 / 不满意' });

export const CONTENT_MAX = 4000;

export const CreateOrderBody = Type.Object({
  type: OrderTypeSchema,
  title: Type.Optional(Text(100)),
  content: Text(CONTENT_MAX, 1),
  regionCode: Type.String({ minLength: 1, maxLength: 12, description: 'where the matter is (unknown: consultation.unknown_region)' }),
  urgent: Type.Optional(Type.Boolean({ description: 'urgent: handled the same day' })),
  address: Type.Optional(Text(200)),
  phone: Type.Optional(Type.String({ pattern: '^[0-9+\\- ]{5,20}$' })),
  /** A hotline operator records a caller: the caller's name (staff only). */
  askerName: Type.Optional(Text(50)),
}, { additionalProperties: false });
export type CreateOrderBody = Static<typeof CreateOrderBody>;

export const EscalateBody = Type.Object({
  type: Type.Optional(OrderTypeSchema),
  title: Type.Optional(Text(100)),
  urgent: Type.Optional(Type.Boolean()),
  phone: Type.Optional(Type.String({ pattern: '^[0-9+\\- ]{5,20}$' })),
}, { additionalProperties: false });
export type EscalateBody = Static<typeof EscalateBody>;

export const DispatchBody = Type.Object({
  departmentId: Id,
  coDepartmentIds: Type.Optional(Type.Array(Id, { maxItems: 10, description: 'co-units (协办) for joint handling' })),
  note: Type.Optional(Text(1000)),
  expectedVersion: Version,
}, { additionalProperties: false });
export type DispatchBody = Static<typeof DispatchBody>;

export const NoteBody = Type.Object({ note: Type.Optional(Text(1000)), expectedVersion: Version }, { additionalProperties: false });
export type NoteBody = Static<typeof NoteBody>;

export const TransferBody = Type.Object({
  departmentId: Id,
  reason: Text(1000, 2),
  expectedVersion: Version,
}, { additionalProperties: false });
export type TransferBody = Static<typeof TransferBody>;

export const ReturnBody = Type.Object({
  basis: ReturnBasis,
  legalBasis: Type.String({ minLength: 2, maxLength: 500, description: 'the legal basis (法律依据 / 三定方案 / 权责清单 clause)' }),
  reason: Text(1000, 2),
  suggestedDepartmentId: Type.Optional(Id),
  expectedVersion: Version,
}, { additionalProperties: false });
export type ReturnBody = Static<typeof ReturnBody>;

export const RequestInfoBody = Type.Object({ request: Text(1000, 2), expectedVersion: Version }, { additionalProperties: false });
export type RequestInfoBody = Static<typeof RequestInfoBody>;

export const SupplementBody = Type.Object({ answer: Text(CONTENT_MAX, 1), expectedVersion: Version }, { additionalProperties: false });
export type SupplementBody = Static<typeof SupplementBody>;

export const ReplyBody = Type.Object({ content: Text(CONTENT_MAX, 2), expectedVersion: Version }, { additionalProperties: false });
export type ReplyBody = Static<typeof ReplyBody>;

export const OpinionBody = Type.Object({ opinion: Text(2000, 2) }, { additionalProperties: false });
export type OpinionBody = Static<typeof OpinionBody>;

export const CoUnitsBody = Type.Object({
  departmentIds: Type.Array(Id, { minItems: 1, maxItems: 10 }),
  note: Type.Optional(Text(1000)),
  expectedVersion: Version,
}, { additionalProperties: false });
export type CoUnitsBody = Static<typeof CoUnitsBody>;

export const ConcludeBody = Type.Object({ conclusion: Type.Optional(Text(2000)), expectedVersion: Version }, { additionalProperties: false });
export type ConcludeBody = Static<typeof ConcludeBody>;

export const FollowUpBody = Type.Object({
  note: Text(1000, 2),
  reached: Type.Boolean({ description: 'whether the asker was reached' }),
  expectedVersion: Version,
}, { additionalProperties: false });
export type FollowUpBody = Static<typeof FollowUpBody>;

export const RateBody = Type.Object({
  rating: RatingValue,
  comment: Type.Optional(Text(1000)),
  reopen: Type.Optional(Type.Boolean({ description: 'with an unsatisfied rating: reopen the order (once per order)' })),
  expectedVersion: Version,
}, { additionalProperties: false });
export type RateBody = Static<typeof RateBody>;

export const ChaseBody = Type.Object({ note: Text(1000, 2) }, { additionalProperties: false });
export type ChaseBody = Static<typeof ChaseBody>;

export const CrossRegionBody = Type.Object({
  regionCode: Type.String({ minLength: 1, maxLength: 12, description: 'the other region (a city or district code; unknown: consultation.unknown_region)' }),
  departmentId: Type.Optional(Id),
  note: Text(1000, 2),
  expectedVersion: Version,
}, { additionalProperties: false });
export type CrossRegionBody = Static<typeof CrossRegionBody>;

export const IdParam = Type.Object({ id: Id });

export const UNIT_QUEUES = ['to_sign', 'in_progress', 'due_soon', 'overdue', 'joint', 'all'] as const;
export const DISPATCHER_QUEUES = ['low_confidence', 'bounced', 'returned', 'cross_region', 'all_dispatching', 'follow_up', 'origin'] as const;
const paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
};
export const UnitQueueQuery = Type.Object({ queue: StringEnum(UNIT_QUEUES), ...paging }, { additionalProperties: false });
export type UnitQueueQuery = Static<typeof UnitQueueQuery>;
export const DispatcherQueueQuery = Type.Object({ queue: StringEnum(DISPATCHER_QUEUES), ...paging }, { additionalProperties: false });
export type DispatcherQueueQuery = Static<typeof DispatcherQueueQuery>;
export const MineQuery = Type.Object({ ...paging }, { additionalProperties: false });

const DeptName = Nullable(Type.String());

export const OrderSummary = Type.Object({
  id: Type.String(),
  orderNumber: Type.String(),
  channel: OrderChannel,
  type: OrderTypeSchema,
  urgent: Type.Boolean(),
  title: Type.String(),
  status: OrderStatus,
  regionCode: Type.String(),
  originRegionCode: Type.String(),
  departmentId: Nullable(Type.String()),
  departmentName: DeptName,
  dispatcherDepartmentId: Type.String(),
  dispatchReason: Nullable(Type.String()),
  crossRegion: Type.Boolean(),
  bounceCount: Type.Integer(),
  finalRuling: Type.Boolean(),
  reopenCount: Type.Integer(),
  dueAt: Type.String(),
  signDueAt: Nullable(Type.String()),
  paused: Type.Boolean(),
  warning: Type.Boolean(),
  overdue: Type.Boolean(),
  signOverdue: Type.Boolean(),
  /** Open co-unit contributions of the reader's department (joint queue), else null. */
  coUnitDueAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  rowVersion: Type.Integer(),
});
export type OrderSummary = Static<typeof OrderSummary>;

const Routing = Type.Object({
  departmentId: Type.String(),
  departmentName: Type.String(),
  confidence: Type.Number(),
  toDispatcher: Type.Boolean(),
  reason: Type.String(),
  duty: Nullable(Type.Object({ code: Type.String(), matter: Type.String() })),
  alternatives: Type.Array(Type.Object({
    departmentId: Type.String(), departmentName: Type.String(), duty: Nullable(Type.Object({ code: Type.String(), matter: Type.String() })), confidence: Type.Number(),
  }), { description: 'the runner-up units routing found (best first, at most 3), for reassigning' }),
}, { description: 'the routing at receipt (or as the asker was shown it, for an escalated question); staff only' });

export const OrderDetail = Type.Object({
  order: OrderSummary,
  content: Type.String(),
  questionId: Nullable(Type.String()),
  serviceCode: Nullable(Type.String()),
  asker: Type.Object({ name: Type.String(), phone: Nullable(Type.String()), email: Nullable(Type.String()) }),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  long: Nullable(Type.Number()),
  routing: Nullable(Routing),
  unit: Nullable(Type.Object({ id: Type.String(), name: Type.String(), phone: Type.String(), address: Type.String() })),
  reply: Nullable(Type.Object({ content: Type.String(), repliedAt: Type.String(), repliedBy: Type.String() })),
  conclusion: Nullable(Type.String()),
  concludedAt: Nullable(Type.String()),
  deadline: Type.Object({
    startedAt: Type.String(), limitDays: Type.Integer(), dueAt: Type.String(), elapsedFraction: Type.Number(),
    warning: Type.Boolean(), overdue: Type.Boolean(), paused: Type.Boolean(), signDueAt: Nullable(Type.String()), signOverdue: Type.Boolean(),
  }),
  chain: Type.Array(Type.Object({
    seq: Type.Integer(), kind: StringEnum(['dispatch', 'transfer', 'return', 'ruling', 'cross_region', 'reopen'] as const),
    fromDepartmentId: Nullable(Type.String()), fromDepartmentName: DeptName, toDepartmentId: Nullable(Type.String()), toDepartmentName: DeptName,
    basis: Nullable(Type.String()), legalBasis: Nullable(Type.String()), reason: Nullable(Type.String()), bounce: Type.Boolean(), at: Type.String(), actor: Type.String(),
  })),
  bounceCap: Type.Integer(),
  coUnits: Type.Array(Type.Object({
    departmentId: Type.String(), departmentName: Type.String(), status: StringEnum(['pending', 'contributed', 'lapsed'] as const),
    dueAt: Type.String(), opinion: Nullable(Type.String()), contributedAt: Nullable(Type.String()), contributedBy: Nullable(Type.String()),
  })),
  infoRequests: Type.Array(Type.Object({ request: Type.String(), answer: Nullable(Type.String()), requestedAt: Type.String(), answeredAt: Nullable(Type.String()), requestedBy: Type.String() })),
  supervisions: Type.Array(Type.Object({ kind: StringEnum(['manual', 'auto'] as const), departmentId: Type.String(), departmentName: Type.String(), note: Type.String(), overdue: Type.Boolean(), dueAt: Type.String(), at: Type.String(), by: Type.String() })),
  ratings: Type.Array(Type.Object({ round: Type.Integer(), rating: RatingValue, comment: Nullable(Type.String()), reopened: Type.Boolean(), ratedAt: Type.String() })),
  followUp: Nullable(Type.Object({ at: Type.String(), note: Type.String(), by: Type.String(), reached: Type.Boolean() })),
  timeline: Type.Array(Type.Object({
    at: Type.String(), actor: Type.String(), action: Type.String(), fromStatus: Nullable(Type.String()), toStatus: Nullable(Type.String()),
    note: Nullable(Type.String()), details: Type.Unsafe<unknown>({ description: 'action-specific JSON, or null' }),
  })),
  /** What the reader may do now (for the pages). */
  can: Type.Object({
    sign: Type.Boolean(), transfer: Type.Boolean(), return: Type.Boolean(), requestInfo: Type.Boolean(), reply: Type.Boolean(), conclude: Type.Boolean(),
    contribute: Type.Boolean(), dispatch: Type.Boolean(), chase: Type.Boolean(), followUp: Type.Boolean(), supplement: Type.Boolean(), rate: Type.Boolean(), reopen: Type.Boolean(),
  }),
});
export type OrderDetail = Static<typeof OrderDetail>;

export const EscalateResult = Type.Object({ created: Type.Boolean(), order: OrderDetail });

export const OrderSettingsSchema = Type.Object({
  limits: Type.Object({ consultation: Type.Integer(), help: Type.Integer(), complaint: Type.Integer(), suggestion: Type.Integer() }),
  urgentDays: Type.Integer(),
  signDays: Type.Integer(),
  bounceCap: Type.Integer(),
  coUnitDays: Type.Integer(),
});

// ---- contradictory answers

export const ANSWER_ASPECTS = ['materials', 'limit', 'fee', 'eligibility', 'timeLimit'] as const;
export const AnswerConflict = Type.Object({
  id: Type.String(),
  kind: StringEnum(['reply_reply', 'reply_kb'] as const),
  status: StringEnum(['open', 'resolved'] as const),
  topic: Nullable(Type.String()),
  similarity: Type.Number(),
  sides: Type.Array(Type.Object({
    orderId: Nullable(Type.String()), orderNumber: Nullable(Type.String()), entryCode: Nullable(Type.String()),
    departmentId: Type.String(), departmentName: Type.String(), question: Type.String(), answer: Type.String(),
  })),
  differences: Type.Array(Type.Object({ aspect: StringEnum(ANSWER_ASPECTS), a: Type.Array(Type.String()), b: Type.Array(Type.String()) })),
  detectedAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
  resolvedBy: Nullable(Type.String()),
  resolutionNote: Nullable(Type.String()),
});
export type AnswerConflict = Static<typeof AnswerConflict>;
export const AnswerConflictQuery = Type.Object({ status: Type.Optional(StringEnum(['open', 'resolved'] as const)), ...paging }, { additionalProperties: false });
export type AnswerConflictQuery = Static<typeof AnswerConflictQuery>;
export const ResolveConflictBody = Type.Object({ note: Text(1000, 2) }, { additionalProperties: false });
