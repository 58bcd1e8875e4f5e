import { Type, type Static } from 'typebox';
import { Nullable } from '../../platform/http/schema-types.js';

/*
 * The consultation centre's dashboard (决策支持: what people ask and where service is slow): GET /api/v1/consultation/stats.
 * Flow figures count what came in during the window (the last `days` China days, today included); backlog figures
 * (open, overdue, due soon, by status, at the dispatcher) count every order as it is now. docs/consultation.md.
 */

const Count = Type.Integer({ minimum: 0 });
const Rate = Nullable(Type.Number({ description: '0..1; null when there is nothing to divide by' }));
const Dept = { departmentId: Type.String(), departmentName: Type.String(), departmentNameEn: Nullable(Type.String()) };
const Keyed = (key: string) => Type.Array(Type.Object({ [key]: Type.String(), count: Count }));

export const StatsQuery = Type.Object({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 30, description: 'the window in China days, today included' })),
}, { additionalProperties: false });
export type StatsQuery = Static<typeof StatsQuery>;

export const ConsultStats = Type.Object({
  scope: Type.Object({
    all: Type.Boolean({ description: 'true: every department (platform admin); false: the admin’s own department' }),
    departmentId: Nullable(Type.String()), departmentName: Nullable(Type.String()), departmentNameEn: Nullable(Type.String()),
  }),
  window: Type.Object({ days: Type.Integer(), from: Type.String({ description: 'start of the first day (China time), UTC ISO-8601' }), to: Type.String() }),
  questions: Type.Object({
    total: Count,
    byOutcome: Type.Object({ answered: Count, routed: Count, dispatcher: Count }),
    instantAnswerRate: Rate,
    byChannel: Keyed('channel'),
    byDepartment: Type.Array(Type.Object({ ...Dept, count: Count }), { description: 'the unit routing named, top 10' }),
    byRegion: Type.Array(Type.Object({ regionCode: Type.String(), regionName: Type.String(), regionNameEn: Nullable(Type.String()), count: Count })),
    topTopics: Type.Array(Type.Object({ dutyCode: Type.String(), matter: Type.String(), ...Dept, count: Count }), { description: 'duty-list matters confidently matched, top 10' }),
    topEntries: Type.Array(Type.Object({ entryCode: Type.String(), question: Type.String(), ...Dept, count: Count }), { description: 'the first instant answer offered, top 10' }),
  }),
  answers: Type.Object({ votes: Count, helpful: Count, helpfulRate: Rate }),
  orders: Type.Object({
    received: Count,
    byType: Keyed('type'),
    byChannel: Keyed('channel'),
    byDepartment: Type.Array(Type.Object({ ...Dept, count: Count }), { description: 'received in the window, by the unit now handling them; top 10' }),
    byRegion: Type.Array(Type.Object({ regionCode: Type.String(), regionName: Type.String(), regionNameEn: Nullable(Type.String()), count: Count })),
    routing: Type.Object({ auto: Count, dispatcher: Count }, { description: 'auto: dispatched by routing at receipt; dispatcher: went to the 12345 dispatcher first' }),
    hops: Type.Object({ transfers: Count, returns: Count, rulings: Count, crossRegion: Count }),
    bounced: Count,
    finalRulings: Count,
    ratings: Type.Object({ satisfied: Count, basically_satisfied: Count, unsatisfied: Count, total: Count, satisfiedRate: Rate }),
    open: Count,
    atDispatcher: Count,
    overdue: Count,
    dueSoon: Count,
    byStatus: Keyed('status'),
    overdueByDepartment: Type.Array(Type.Object({ ...Dept, count: Count })),
  }),
  contradictions: Type.Object({ kbOpen: Count, answersOpen: Count }),
  trend: Type.Array(Type.Object({ day: Type.String(), questions: Count, answered: Count, orders: Count, concluded: Count })),
});
export type ConsultStats = Static<typeof ConsultStats>;
