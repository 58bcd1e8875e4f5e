import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../platform/http/schema-types.js';

/*
 * The consultation engine's shapes: knowledge-base entries (KbEntry*), duty-list entries (Duty*), asking (Ask*),
 * routing (Route*), contradictions (KbConflict), imports (docs/formats/kb.md, docs/formats/duties.md).
 * Every text is plain text: stored and returned as given, never interpreted as HTML.
 */

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const EntryCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$', description: 'stable code, e.g. KB-lz_gjj-0007' });
const RegionCode = Type.String({ minLength: 1, maxLength: 12 });

export const QUESTION_MAX_CHARS = 2000;
export const CHANNELS = ['web', 'hotline', 'app', 'mini_program'] as const;
export const Channel = StringEnum(CHANNELS, { description: '网站 / 12345 热线 / App / 小程序' });

export const Basis = Type.Object({ document: Text(200), clause: Type.Optional(Text(200)) }, { additionalProperties: false });
export type Basis = Static<typeof Basis>;

export const KbFacts = Type.Object({
  materials: Type.Optional(Type.Array(Text(200), { maxItems: 40 })),
  limit: Type.Optional(Text(300)),
  fee: Type.Optional(Text(300)),
  eligibility: Type.Optional(Text(500)),
  timeLimit: Type.Optional(Text(200)),
}, { additionalProperties: false, description: 'structured facts compared between units’ entries on the same topic' });
export type KbFacts = Static<typeof KbFacts>;
export const FACT_KEYS = ['materials', 'limit', 'fee', 'eligibility', 'timeLimit'] as const;
export type FactKey = (typeof FACT_KEYS)[number];

/** The editable content of an entry (what a version holds), without its department. */
const entryContent = {
  question: Text(300, 2),
  alternatives: Type.Optional(Type.Array(Text(300, 2), { maxItems: 20, description: 'other phrasings askers use (0–20)' })),
  answer: Text(5000),
  basis: Type.Array(Basis, { minItems: 1, maxItems: 10, description: '政策依据: at least one' }),
  regionCodes: Type.Array(RegionCode, { minItems: 1, maxItems: 50, description: 'regions where the answer applies; a region covers those below it' }),
  validFrom: Type.Optional(Day),
  validTo: Type.Optional(Day),
  tags: Type.Optional(Type.Array(Text(40), { maxItems: 20 })),
  itemCodes: Type.Optional(Type.Array(Text(20), { maxItems: 20, description: 'catalogue basic codes of linked service items' })),
  topic: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,99}$', description: 'normalised matter key, e.g. gjj.withdrawal.rent' })),
  facts: Type.Optional(KbFacts),
};

export const KbEntryCreateBody = Type.Object({
  code: EntryCode,
  departmentId: Type.Optional(Type.String({ maxLength: 64, description: 'default: the caller’s department' })),
  ...entryContent,
  changeNote: Type.Optional(Text(300)),
}, { additionalProperties: false });
export type KbEntryCreateBody = Static<typeof KbEntryCreateBody>;

export const KbEntryUpdateBody = Type.Object({
  ...entryContent,
  expectedVersion: Type.Optional(Type.Integer({ minimum: 1, description: 'refuse the edit if the entry moved on (consultation.version_conflict)' })),
  changeNote: Type.Optional(Text(300)),
}, { additionalProperties: false });
export type KbEntryUpdateBody = Static<typeof KbEntryUpdateBody>;

/** What an entry holds, as stored in each version. */
export interface KbEntryContent {
  departmentId: string;
  question: string;
  alternatives: string[];
  answer: string;
  basis: Basis[];
  regionCodes: string[];
  validFrom: string | null;
  validTo: string | null;
  tags: string[];
  itemCodes: string[];
  topic: string | null;
  facts: KbFacts | null;
}

export const KbEntry = Type.Object({
  id: Type.String(),
  code: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  question: Type.String(),
  alternatives: Type.Array(Type.String()),
  answer: Type.String(),
  basis: Type.Array(Basis),
  regionCodes: Type.Array(Type.String()),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  itemCodes: Type.Array(Type.String()),
  topic: Nullable(Type.String()),
  facts: Nullable(KbFacts),
  status: StringEnum(['active', 'retired'] as const),
  /** Active and within its validity today (China time): shown to askers. */
  shown: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String(),
  createdBy: Type.String(),
  updatedAt: Type.String(),
  updatedBy: Type.String(),
});
export type KbEntry = Static<typeof KbEntry>;

export const FactDifference = Type.Object({
  fact: StringEnum(FACT_KEYS),
  mine: Type.Unsafe<string | string[]>({ description: 'this entry’s value (a list for materials)' }),
  theirs: Type.Unsafe<string | string[]>({ description: 'the other unit’s value' }),
});
export const KbWarning = Type.Object({
  entryCode: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  conflictId: Type.String(),
  differences: Type.Array(FactDifference),
});
export type KbWarning = Static<typeof KbWarning>;

export const KbSaveResult = Type.Object({ entry: KbEntry, warnings: Type.Array(KbWarning) });

export const KbVersion = Type.Object({
  version: Type.Integer(),
  status: StringEnum(['active', 'retired'] as const),
  content: Type.Unsafe<KbEntryContent>({ type: 'object', additionalProperties: true }),
  changeNote: Nullable(Type.String()),
  createdAt: Type.String(),
  createdBy: Type.String(),
});

export const KbListQuery = Type.Object({
  departmentId: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(StringEnum(['active', 'retired'] as const)),
  topic: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
}, { additionalProperties: false });
export type KbListQuery = Static<typeof KbListQuery>;

export const KbSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: QUESTION_MAX_CHARS }),
  regionCode: RegionCode,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
}, { additionalProperties: false });

export const RetireBody = Type.Object({ changeNote: Type.Optional(Text(300)) }, { additionalProperties: false });

// ---- conflicts (contradictory entries of different units)

export const KbConflict = Type.Object({
  id: Type.String(),
  status: StringEnum(['open', 'resolved'] as const),
  topic: Nullable(Type.String()),
  entries: Type.Array(Type.Object({ code: Type.String(), departmentId: Type.String(), departmentName: Type.String(), question: Type.String(), status: Type.String() })),
  differences: Type.Array(Type.Object({ fact: StringEnum(FACT_KEYS), a: Type.Unsafe<string | string[]>({}), b: Type.Unsafe<string | string[]>({}) })),
  detectedAt: Type.String(),
  detectedBy: Type.String(),
  updatedAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
  resolvedBy: Nullable(Type.String()),
  resolutionNote: Nullable(Type.String()),
});
export type KbConflict = Static<typeof KbConflict>;
export const ConflictQuery = Type.Object({
  status: Type.Optional(StringEnum(['open', 'resolved'] as const)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
}, { additionalProperties: false });
export const ResolveBody = Type.Object({ note: Text(1000) }, { additionalProperties: false });

// ---- duties (权责清单)

const dutyContent = {
  matter: Text(100, 2),
  description: Text(2000),
  keywords: Type.Array(Text(40), { minItems: 1, maxItems: 60, description: 'words and phrases askers use for it (colloquial too)' }),
  regionCodes: Type.Array(RegionCode, { minItems: 1, maxItems: 50 }),
  basis: Type.Optional(Text(300)),
  contact: Type.Optional(Text(60, 3)),
};
export const DutyCreateBody = Type.Object({
  code: EntryCode,
  departmentId: Type.Optional(Type.String({ maxLength: 64 })),
  ...dutyContent,
}, { additionalProperties: false });
export type DutyCreateBody = Static<typeof DutyCreateBody>;
export const DutyUpdateBody = Type.Object({ ...dutyContent, expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export type DutyUpdateBody = Static<typeof DutyUpdateBody>;

export const Duty = Type.Object({
  id: Type.String(),
  code: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  matter: Type.String(),
  description: Type.String(),
  keywords: Type.Array(Type.String()),
  regionCodes: Type.Array(Type.String()),
  basis: Nullable(Type.String()),
  contact: Nullable(Type.String()),
  status: StringEnum(['active', 'retired'] as const),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  updatedBy: Type.String(),
});
export type Duty = Static<typeof Duty>;
export const DutyListQuery = Type.Object({
  departmentId: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(StringEnum(['active', 'retired'] as const)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
}, { additionalProperties: false });

// ---- asking and routing

export const AskBody = Type.Object({
  text: Type.String({ description: `the question as typed, 1–${QUESTION_MAX_CHARS} characters (longer: consultation.question_too_long)` }),
  regionCode: Type.String({ maxLength: 12, description: 'where the asker is (unknown: consultation.unknown_region)' }),
  channel: Channel,
  itemCode: Type.Optional(Type.String({ maxLength: 20, description: 'a catalogue basic code the question is about' })),
  contact: Type.Optional(Type.String({ maxLength: 100, description: 'how to reach the asker (personal data)' })),
}, { additionalProperties: false });
export type AskBody = Static<typeof AskBody>;

export const InstantAnswer = Type.Object({
  entryCode: Type.String(),
  question: Type.String(),
  answer: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  basis: Type.Array(Basis),
  itemCodes: Type.Array(Type.String()),
  validTo: Nullable(Type.String()),
  /** 0..1: how confident the engine is that this entry answers the question. */
  score: Type.Number(),
});
export type InstantAnswer = Static<typeof InstantAnswer>;

const DeptRef = { departmentId: Type.String(), departmentName: Type.String() };
export const RouteDuty = Type.Object({ code: Type.String(), matter: Type.String() });
export const RouteResult = Type.Object({
  ...DeptRef,
  departmentKind: Type.String(),
  contact: Type.Object({ phone: Type.String(), address: Type.String() }),
  regionCode: Type.String({ description: 'the department’s region' }),
  duty: Nullable(RouteDuty),
  confidence: Type.Number(),
  toDispatcher: Type.Boolean(),
  reason: Type.String(),
  alternatives: Type.Array(Type.Object({ ...DeptRef, duty: Nullable(RouteDuty), confidence: Type.Number() })),
});
export type RouteResult = Static<typeof RouteResult>;

export const Outcome = StringEnum(['answered', 'routed', 'dispatcher'] as const, { description: 'answered by the knowledge base / routed to a unit / sent to the dispatcher' });
export const AskResult = Type.Object({
  id: Type.String(),
  text: Type.String(),
  regionCode: Type.String(),
  channel: Channel,
  itemCode: Nullable(Type.String()),
  createdAt: Type.String(),
  outcome: Outcome,
  answers: Type.Array(InstantAnswer),
  routing: RouteResult,
});
export type AskResult = Static<typeof AskResult>;

export const QuestionSummary = Type.Object({
  id: Type.String(),
  text: Type.String(),
  regionCode: Type.String(),
  channel: Channel,
  itemCode: Nullable(Type.String()),
  createdAt: Type.String(),
  outcome: Outcome,
  answers: Type.Array(Type.Object({ entryCode: Type.String(), score: Type.Number() })),
  routing: Type.Object({ departmentId: Type.String(), departmentName: Type.String(), toDispatcher: Type.Boolean(), confidence: Type.Number() }),
  feedback: Type.Array(Type.Object({ entryCode: Type.String(), helpful: Type.Boolean() })),
});
export type QuestionSummary = Static<typeof QuestionSummary>;

export const FeedbackBody = Type.Object({ helpful: Type.Boolean(), entryCode: EntryCode }, { additionalProperties: false });
export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

// ---- import files and jobs

export const KB_FORMAT = 'tongban.kb/1';
export const DUTIES_FORMAT = 'tongban.duties/1';

export const FileKbEntry = Type.Object({
  code: EntryCode,
  departmentCode: Type.String({ minLength: 1, maxLength: 64, description: 'the department’s USCC (or, for the demo province, its key such as lz_gjj)' }),
  ...entryContent,
}, { additionalProperties: false });
export type FileKbEntry = Static<typeof FileKbEntry>;

export const FileDuty = Type.Object({
  code: EntryCode,
  departmentCode: Type.String({ minLength: 1, maxLength: 64 }),
  ...dutyContent,
}, { additionalProperties: false });
export type FileDuty = Static<typeof FileDuty>;

export const ImportKind = StringEnum(['kb', 'duties'] as const);
export const ImportResult = Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), conflicts: Type.Integer() });
export type ImportResult = Static<typeof ImportResult>;
export const ImportJob = Type.Object({
  id: Type.String(),
  kind: ImportKind,
  status: StringEnum(['validating', 'writing', 'done', 'failed'] as const),
  total: Type.Integer(),
  processed: Type.Integer(),
  result: Nullable(ImportResult),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String(), details: Type.Unsafe<unknown>({}) })),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});
export type ImportJob = Static<typeof ImportJob>;
