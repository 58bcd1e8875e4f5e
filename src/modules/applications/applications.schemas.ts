import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../platform/http/schema-types.js';

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const CaseStatus = StringEnum(['submitted', 'correction', 'not_accepted', 'reviewing', 'deciding', 'concluded', 'delivered'] as const);

/** How one required material is satisfied (免提交 when by shared data or a licence). */
export const MaterialAnswer = Type.Object({
  key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
  by: StringEnum(['upload', 'shared_data', 'license', 'deferred', 'not_applicable'] as const),
  file: Type.Optional(Type.Object({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), name: Text(120) }, { additionalProperties: false })),
  /** by `license`: the GB/T 36904 identifier of a licence the applicant (or the enterprise acted for) holds; checked at filing. */
  licenceId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
}, { additionalProperties: false });
export type MaterialAnswer = Static<typeof MaterialAnswer>;

export const SubmitBody = Type.Object({
  itemId: Text(64),
  form: Type.Record(Type.String(), Type.Unsafe<unknown>({})),
  materials: Type.Array(MaterialAnswer, { maxItems: 60 }),
  /** The window that received the case when it is not the handling department (异地代收). */
  receivingDepartmentId: Type.Optional(Text(64)),
}, { additionalProperties: false });
export type SubmitBody = Static<typeof SubmitBody>;

export const Defect = Type.Object({
  target: Text(80, 1),
  reason: Text(300, 2),
}, { additionalProperties: false });

export const ActionBody = Type.Object({
  opinion: Type.Optional(Text(1000)),
  /** The case's rowVersion as the officer saw it: acting on an older view is a conflict. */
  expectedVersion: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });
export type ActionBody = Static<typeof ActionBody>;

export const ReasonedActionBody = Type.Object({
  reason: Text(1000, 2),
  expectedVersion: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });
export type ReasonedActionBody = Static<typeof ReasonedActionBody>;

export const CorrectionBody = Type.Object({
  defects: Type.Array(Defect, { minItems: 1, maxItems: 50, description: 'every defect at once (一次性告知)' }),
  expectedVersion: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });
export type CorrectionBody = Static<typeof CorrectionBody>;

export const ReviewBody = Type.Object({
  outcome: StringEnum(['agree', 'disagree'] as const),
  opinion: Text(1000, 2),
  expectedVersion: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });
export type ReviewBody = Static<typeof ReviewBody>;

export const DecideBody = Type.Object({
  decision: StringEnum(['approved', 'refused'] as const),
  opinion: Text(1000, 2),
  expectedVersion: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });
export type DecideBody = Static<typeof DecideBody>;

export const DeliverBody = Type.Object({
  method: StringEnum(['online', 'courier', 'window'] as const),
  trackingNumber: Type.Optional(Text(40)),
  expectedVersion: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });
export type DeliverBody = Static<typeof DeliverBody>;

export const ResubmitBody = Type.Object({
  form: Type.Record(Type.String(), Type.Unsafe<unknown>({})),
  materials: Type.Array(MaterialAnswer, { maxItems: 60 }),
  expectedVersion: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });
export type ResubmitBody = Static<typeof ResubmitBody>;

export const Task = Type.Object({
  id: Type.String(),
  step: Type.String(),
  branch: Type.String(),
  name: Type.String(),
  departmentId: Type.String(),
  role: Type.String(),
  status: Type.String(),
  claimedBy: Nullable(Type.String()),
  claimedAt: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  opinion: Nullable(Type.String()),
  completedBy: Nullable(Type.String()),
  completedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const CaseSummary = Type.Object({
  id: Type.String(),
  caseNumber: Type.String(),
  itemId: Type.String(),
  itemVersion: Type.Integer(),
  itemName: Type.String(),
  /** The item's English name from the catalogue (for pages in English), when it has one. */
  itemNameEn: Nullable(Type.String()),
  departmentId: Type.String(),
  receivingDepartmentId: Nullable(Type.String()),
  applicantName: Type.String(),
  applicantKind: Type.String(),
  status: CaseStatus,
  decision: Nullable(Type.String()),
  paused: Type.Boolean(),
  dueAt: Nullable(Type.String()),
  warning: Type.Boolean(),
  overdue: Type.Boolean(),
  submittedAt: Type.String(),
  updatedAt: Type.String(),
  rowVersion: Type.Integer(),
});
export type CaseSummary = Static<typeof CaseSummary>;

/** A case in the applicant's list: may they rate it now (ended, not rated yet)? */
export const MyCase = Type.Intersect([CaseSummary, Type.Object({ canRate: Type.Boolean() })]);
export type MyCase = Static<typeof MyCase>;

export const CaseEvent = Type.Object({
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  opinion: Nullable(Type.String()),
  details: Type.Unsafe<unknown>({}),
});

export const CaseDetail = Type.Object({
  case: CaseSummary,
  implementationCode: Type.String(),
  receivingDepartmentId: Nullable(Type.String()),
  form: Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true }),
  materials: Type.Array(Type.Unsafe<unknown>({})),
  tasks: Type.Array(Task),
  timeline: Type.Array(CaseEvent),
  corrections: Type.Array(Type.Object({ requestedAt: Type.String(), answeredAt: Nullable(Type.String()), defects: Type.Array(Defect) })),
  deadline: Nullable(Type.Object({ dueAt: Type.String(), legalDueAt: Nullable(Type.String()), elapsedFraction: Type.Number(), warning: Type.Boolean(), overdue: Type.Boolean(), paused: Type.Boolean() })),
  transfers: Type.Array(Type.Object({
    id: Type.String(), kind: Type.String(), fromDepartmentId: Type.String(), toDepartmentId: Type.String(), method: Type.String(),
    trackingNumber: Nullable(Type.String()), note: Nullable(Type.String()), status: Type.String(),
    sentAt: Type.String(), sentBy: Type.String(), receivedAt: Nullable(Type.String()), receivedBy: Nullable(Type.String()),
  })),
  rating: Nullable(Type.Object({ overall: Type.Integer(), dimensions: Type.Unsafe<RatingDimensions>({}), comment: Nullable(Type.String()), ratedAt: Type.String(), voided: Type.Boolean() })),
  rectification: Nullable(Type.Object({ id: Type.String(), status: Type.String(), dueAt: Type.String(), overdue: Type.Boolean() })),
  /** The applicant may rate now (the case has ended and is not rated yet). */
  canRate: Type.Boolean(),
});
export type CaseDetail = Static<typeof CaseDetail>;

const QueueName = StringEnum(['to_accept', 'to_review', 'to_decide', 'to_deliver', 'due_soon', 'overdue', 'cross_region', 'all'] as const);

export const QueueQuery = Type.Object({
  queue: QueueName,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
}, { additionalProperties: false });
export type QueueQuery = Static<typeof QueueQuery>;

export const QueueCounts = Type.Object({
  counts: Type.Array(Type.Object({ queue: QueueName, n: Type.Integer(), more: Type.Boolean() })),
  cap: Type.Integer(),
});

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const TaskParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), taskId: Type.String({ minLength: 1, maxLength: 64 }) });

const Score = Type.Integer({ minimum: 1, maximum: 5 });

/** 好差评 online dimensions besides the overall satisfaction (DOMAIN.md): efficiency, guide accuracy, convenience, usability. */
export const RatingDimensions = Type.Object({
  efficiency: Score,
  guideAccuracy: Score,
  convenience: Score,
  usability: Score,
}, { additionalProperties: false });
export type RatingDimensions = Static<typeof RatingDimensions>;

export const RatingBody = Type.Object({
  overall: Score,
  dimensions: RatingDimensions,
  comment: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export type RatingBody = Static<typeof RatingBody>;

export const TransferBody = Type.Object({
  kind: StringEnum(['materials', 'result'] as const),
  method: StringEnum(['online', 'courier', 'internal'] as const),
  trackingNumber: Type.Optional(Text(40)),
  note: Type.Optional(Text(300)),
  expectedVersion: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });
export type TransferBody = Static<typeof TransferBody>;

export const TransferParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), transferId: Type.String({ minLength: 1, maxLength: 64 }) });

export const DraftBody = Type.Object({
  form: Type.Record(Type.String(), Type.Unsafe<unknown>({})),
  materials: Type.Array(Type.Unsafe<unknown>({}), { maxItems: 60 }),
  /** The receiving window chosen so far; checked when the application is filed, like the rest of a draft. */
  receivingDepartmentId: Type.Optional(Nullable(Text(64))),
}, { additionalProperties: false });
export type DraftBody = Static<typeof DraftBody>;

export const Draft = Type.Object({
  itemId: Type.String(),
  itemName: Type.String(),
  itemVersion: Type.Integer(),
  form: Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true }),
  materials: Type.Array(Type.Unsafe<unknown>({})),
  receivingDepartmentId: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type Draft = Static<typeof Draft>;

export const ItemParam = Type.Object({ itemId: Type.String({ minLength: 1, maxLength: 64 }) });

export const UploadedFile = Type.Object({ sha256: Type.String(), name: Type.String(), contentType: Type.String(), size: Type.Integer() });
export const FileParam = Type.Object({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
export const CaseFileParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) });

export const RectificationQuery = Type.Object({
  status: Type.Optional(StringEnum(['open', 'appealed', 'closed', 'voided', 'all'] as const)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
}, { additionalProperties: false });
export type RectificationQuery = Static<typeof RectificationQuery>;

export const Rectification = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseNumber: Type.String(),
  itemName: Type.String(),
  itemNameEn: Nullable(Type.String()),
  departmentId: Type.String(),
  status: Type.String(),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  createdAt: Type.String(),
  closedAt: Nullable(Type.String()),
  rating: Type.Object({ overall: Type.Integer(), dimensions: Type.Unsafe<RatingDimensions>({}), comment: Nullable(Type.String()), ratedAt: Type.String() }),
  appeal: Nullable(Type.Object({ reason: Type.String(), at: Type.String(), decision: Nullable(Type.String()), opinion: Nullable(Type.String()), decidedAt: Nullable(Type.String()) })),
  records: Type.Array(Type.Object({ at: Type.String(), actor: Type.String(), action: Type.String(), note: Type.String() })),
  rowVersion: Type.Integer(),
});
export type Rectification = Static<typeof Rectification>;

export const FollowUpBody = Type.Object({
  note: Text(1000, 2),
  close: Type.Boolean(),
  expectedVersion: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });
export type FollowUpBody = Static<typeof FollowUpBody>;

export const AppealBody = Type.Object({ reason: Text(1000, 2), expectedVersion: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type AppealBody = Static<typeof AppealBody>;

export const AppealDecisionBody = Type.Object({ upheld: Type.Boolean(), opinion: Text(1000, 2), expectedVersion: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type AppealDecisionBody = Static<typeof AppealDecisionBody>;

/** A sealed document of a case (不予受理通知书, 补正材料通知书, 准予（行政）许可决定书, 不予（行政）许可决定书). */
export const CaseDocument = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  kind: StringEnum(['not_accepted_notice', 'correction_notice', 'approval_decision', 'refusal_decision'] as const),
  title: Type.String({ description: 'the printed title, e.g. 补正材料通知书' }),
  number: Type.String({ description: '文号, e.g. 明湖区民政局补字〔2026〕第0001号' }),
  departmentId: Type.String(),
  departmentName: Type.String(),
  issuedAt: Type.String({ description: 'the time of the action; the document is dated its China calendar day' }),
  status: StringEnum(['pending', 'ready'] as const, { description: 'pending: being rendered and sealed; ready: the PDF can be downloaded' }),
  sha256: Nullable(Type.String({ description: 'SHA-256 of the signed PDF (hex)' })),
  size: Nullable(Type.Integer()),
  readyAt: Nullable(Type.String()),
  verificationUrl: Type.String({ description: 'the public verification page the QR code leads to' }),
});
export type CaseDocument = Static<typeof CaseDocument>;

/** What the public verification page shows of a document: no personal data beyond the paper's, masked. */
export const DocumentVerification = Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: StringEnum(['not_accepted_notice', 'correction_notice', 'approval_decision', 'refusal_decision'] as const),
  title: Type.String(),
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  issuedOn: Type.String({ description: 'the document date (China calendar day, YYYY-MM-DD)' }),
  issuedAt: Type.String(),
  caseNumber: Type.String({ description: 'the case number with its middle masked' }),
  addressee: Type.String({ description: 'the addressee as printed; a person’s name masked (张*)' }),
  status: StringEnum(['issued', 'pending'] as const, { description: 'issued: sealed and in force; pending: being sealed' }),
  sha256: Nullable(Type.String({ description: 'SHA-256 of the signed PDF: compare with the file in hand' })),
  size: Nullable(Type.Integer()),
  sealedAt: Nullable(Type.String()),
});
export type DocumentVerification = Static<typeof DocumentVerification>;

export const CaseDocumentParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), docId: Type.String({ minLength: 1, maxLength: 64 }) });

/** 免提交: the applicant's usable licences for each material of an item a licence may replace. */
export const UsableLicences = Type.Object({
  holder: Type.Object({ kind: StringEnum(['person', 'enterprise'] as const), name: Type.String() }),
  materials: Type.Array(Type.Object({
    key: Type.String(),
    name: Type.String(),
    necessity: Type.String(),
    acceptedTypes: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
    licences: Type.Array(Type.Unsafe<unknown>({ description: 'licence summary (as in the wallet): licenceId, typeName, number, issuer, validFrom, validTo, …' })),
  })),
});
