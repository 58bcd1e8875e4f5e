import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../platform/http/schema-types.js';
import { ITEM_TYPES, LIFE_EVENTS, THEMES, TONGBAN_SCOPES } from './catalog.vocab.js';
import { FormDefinition, VisibleIf } from '../../platform/forms/index.js';

/*
 * The catalogue's shapes. A *basic item* (基本目录: main item → sub-item → handling item) is the province-wide
 * definition with its basic code; an *item* is one implementation of it (实施清单: one department in one region, with
 * its 31/33-character implementation code); the item's *guide* (办事指南) is versioned: draft → submitted →
 * published → retired. `Guide` below is the whole versioned content, also the `content` of an import row.
 */

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const ItemTypeCode = StringEnum(Object.keys(ITEM_TYPES) as (keyof typeof ITEM_TYPES)[], { description: '事项类型 01–10, 20' });
export const ServiceObject = StringEnum(['person', 'enterprise'] as const, { description: '服务对象: 自然人 / 法人' });
export const ThemeCode = StringEnum(Object.keys(THEMES) as (keyof typeof THEMES)[]);
export const LifeEventCode = StringEnum(Object.keys(LIFE_EVENTS) as (keyof typeof LIFE_EVENTS)[]);
export const VersionStatus = StringEnum(['draft', 'submitted', 'published', 'retired'] as const);
export const BasicLevel = StringEnum(['main', 'sub', 'handling'] as const, { description: '主项 / 子项 / 业务办理项' });

/** A time limit always carries its unit: "20" alone means nothing. */
export const TimeLimit = Type.Object({
  value: Type.Integer({ minimum: 0, maximum: 3650 }),
  unit: StringEnum(['working_day', 'natural_day'] as const, { description: '工作日 / 自然日' }),
}, { additionalProperties: false });
export type TimeLimit = Static<typeof TimeLimit>;

/** A file stored content-addressed (blank forms, samples, result samples). */
export const FileRef = Type.Object({
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  name: Text(120),
  contentType: Text(100),
  size: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });
export type FileRef = Static<typeof FileRef>;

export const Contact = Type.Object({
  phone: Text(40),
  address: Type.Optional(Text(200)),
  email: Type.Optional(Type.String({ maxLength: 120, format: 'email' })),
  url: Type.Optional(Type.String({ maxLength: 300, pattern: '^https?://' })),
}, { additionalProperties: false });

export const MaterialSubstitute = Type.Object({
  kind: StringEnum(['license', 'shared_data'] as const, { description: '电子证照 / 共享数据' }),
  /** Licence type code (GB/T 36903 type) or data resource code. */
  code: Text(64),
  name: Text(100),
}, { additionalProperties: false });

export const Material = Type.Object({
  key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'stable key within the guide (forms and cases refer to it)' }),
  name: Text(120),
  necessity: StringEnum(['required', 'conditional', 'deferrable'] as const, { description: '必要 / 非必要(有条件) / 容缺(可后补)' }),
  condition: Type.Optional(Text(300)),
  form: StringEnum(['original', 'copy', 'electronic', 'original_or_electronic'] as const, { description: '原件 / 复印件 / 电子 / 原件或电子' }),
  copies: Type.Integer({ minimum: 0, maximum: 20 }),
  sourceChannel: StringEnum(['applicant', 'government', 'intermediary'] as const, { description: '申请人自备 / 政府部门核发 / 中介机构出具' }),
  issuedBy: Type.Optional(Text(100)),
  substitutes: Type.Array(MaterialSubstitute, { maxItems: 5, description: 'licence types or shared data that stand in for it (免提交)' }),
  acceptanceStandard: Text(500),
  basis: Type.Optional(Text(300)),
  notes: Type.Optional(Text(500)),
  blankForm: Type.Optional(FileRef),
  sample: Type.Optional(FileRef),
}, { additionalProperties: false });
export type Material = Static<typeof Material>;

export const LegalBasis = Type.Object({
  title: Text(120),
  clause: Type.Optional(Text(1000)),
}, { additionalProperties: false });

export const ProcessStep = Type.Object({
  name: Text(40),
  description: Text(500),
  timeLimit: Type.Optional(TimeLimit),
}, { additionalProperties: false });

export const Place = Type.Object({
  name: Text(100),
  address: Text(200),
  hours: Text(200),
  phone: Type.Optional(Text(40)),
}, { additionalProperties: false });

export const Fee = Type.Object({
  name: Text(100),
  standard: Text(200),
  basis: Text(300),
}, { additionalProperties: false });

export const Faq = Type.Object({ question: Text(200), answer: Text(2000) }, { additionalProperties: false });

/**
 * Who handles a case. Acceptance (受理), decision (决定) and delivery (送达) belong to the implementing department;
 * review (审查) has one or more branches run in parallel (并联审批), each by the implementing department ("self") or by
 * the department of a kind at a level above or at the case's region (e.g. the city's fire and rescue detachment).
 */
export const WorkflowDefinition = Type.Object({
  review: Type.Array(Type.Object({
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    name: Text(60),
    department: Type.Union([
      Type.Literal('self'),
      Type.Object({ kind: Type.String({ pattern: '^[a-z][a-z_]{1,40}$' }), level: StringEnum(['province', 'city', 'district'] as const) }, { additionalProperties: false }),
    ]),
    /** Only for applications whose form meets this (the forms' visibleIf condition: one of equals / in / notEmpty). */
    when: Type.Optional(VisibleIf),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 8 }),
}, { additionalProperties: false });
export type WorkflowDefinition = Static<typeof WorkflowDefinition>;

export const Guide = Type.Object({
  aliases: Type.Array(Text(40), { maxItems: 20, description: 'common names people search for (e.g. 开饭店 for 食品经营许可)' }),
  serviceObjects: Type.Array(ServiceObject, { minItems: 1, maxItems: 2, uniqueItems: true }),
  themes: Type.Array(ThemeCode, { maxItems: 6, uniqueItems: true }),
  lifeEvents: Type.Array(LifeEventCode, { maxItems: 6, uniqueItems: true }),
  summary: Type.Optional(Text(300)),
  conditions: Text(4000),
  legalBasis: Type.Array(LegalBasis, { minItems: 1, maxItems: 20 }),
  legalTimeLimit: TimeLimit,
  promisedTimeLimit: TimeLimit,
  caseKind: StringEnum(['instant', 'promised'] as const, { description: '即办件 / 承诺件' }),
  process: Type.Array(ProcessStep, { minItems: 1, maxItems: 20 }),
  places: Type.Array(Place, { minItems: 1, maxItems: 10 }),
  consultation: Contact,
  complaint: Contact,
  fees: Type.Object({
    charged: Type.Boolean(),
    items: Type.Array(Fee, { maxItems: 20 }),
    waivers: Type.Optional(Text(500)),
  }, { additionalProperties: false }),
  visits: Type.Integer({ minimum: 0, maximum: 5, description: '到办事现场次数' }),
  onlineDepth: Type.Integer({ minimum: 1, maximum: 4, description: '网上办理深度' }),
  onlineUrl: Type.Optional(Type.String({ maxLength: 300, pattern: '^(https?://|/)' })),
  tongbanScope: StringEnum(Object.keys(TONGBAN_SCOPES) as (keyof typeof TONGBAN_SCOPES)[], { description: '通办范围' }),
  courier: Type.Boolean({ description: '是否支持快递送达' }),
  jointUnits: Type.Array(Text(100), { maxItems: 10, description: '联办机构' }),
  intermediaryServices: Type.Optional(Text(500)),
  result: Type.Object({
    name: Text(100),
    type: StringEnum(['license', 'approval_document', 'other'] as const, { description: '证照 / 批文 / 其他' }),
    licenseTypeCode: Type.Optional(Text(64)),
    /**
     * How the licence is filled in when a case is approved (the licence is then issued with the approval): licence field
     * key → template, or a list of templates joined with '；' (empty parts dropped). Placeholders: {form.<key>},
     * {form.<key>|label} (a choice's printed label), {?form.<key>:text} (text when the field is set and not false),
     * {applicant.name}, {decision.date}, {department.name}. Without it the approval issues no licence.
     */
    licenseFields: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][a-zA-Z0-9]{0,39}$' }), Type.Union([Text(500), Type.Array(Text(500), { minItems: 1, maxItems: 20 })]), { maxProperties: 60 })),
    sample: Type.Optional(FileRef),
  }, { additionalProperties: false }),
  faq: Type.Array(Faq, { maxItems: 30 }),
  materials: Type.Array(Material, { maxItems: 60 }),
  workflow: Type.Optional(WorkflowDefinition),
  /** The application form (docs/formats/forms.md); items without one are applied for with their materials only. */
  form: Type.Optional(FormDefinition),
}, { additionalProperties: false });
export type Guide = Static<typeof Guide>;

// --------------------------------------------------------------------------------------------------------------
// Basic items (基本目录)

export const BasicItem = Type.Object({
  code: Type.String(),
  parentCode: Nullable(Type.String()),
  level: BasicLevel,
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  itemType: Type.String(),
  competentDepartmentId: Type.String(),
  competentDepartmentName: Type.String(),
});
export type BasicItem = Static<typeof BasicItem>;

export const BasicCode = Type.String({ pattern: '^[0-9]{12}([0-9]{2})?$', description: '基本编码: 12 digits, 14 for a handling item' });

export const CreateBasicItemBody = Type.Object({
  code: BasicCode,
  parentCode: Type.Optional(BasicCode),
  name: Text(100, 2),
  nameEn: Type.Optional(Text(200)),
  itemType: ItemTypeCode,
  competentDepartmentId: Text(64),
}, { additionalProperties: false });
export type CreateBasicItemBody = Static<typeof CreateBasicItemBody>;

export const UpdateBasicItemBody = Type.Object({
  name: Type.Optional(Text(100, 2)),
  nameEn: Type.Optional(Text(200)),
  itemType: Type.Optional(ItemTypeCode),
  competentDepartmentId: Type.Optional(Text(64)),
}, { additionalProperties: false, minProperties: 1 });
export type UpdateBasicItemBody = Static<typeof UpdateBasicItemBody>;

export const BasicItemListQuery = Type.Object({
  parentCode: Type.Optional(BasicCode),
  level: Type.Optional(BasicLevel),
  q: Type.Optional(Text(50)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
}, { additionalProperties: false });
export type BasicItemListQuery = Static<typeof BasicItemListQuery>;

// --------------------------------------------------------------------------------------------------------------
// Items (实施清单) and their versions

const DepartmentRef = Type.Object({ id: Type.String(), name: Type.String(), phone: Type.String(), address: Type.String() });

/** What lists and search results show of an item. */
export const ItemSummary = Type.Object({
  id: Type.String(),
  implementationCode: Type.String(),
  basicCode: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  itemType: Type.String(),
  department: DepartmentRef,
  regionCode: Type.String(),
  regionName: Type.String(),
  serviceObjects: Type.Array(Type.String()),
  themes: Type.Array(Type.String()),
  lifeEvents: Type.Array(Type.String()),
  promisedTimeLimit: Nullable(TimeLimit),
  caseKind: Nullable(Type.String()),
  onlineDepth: Nullable(Type.Integer()),
  visits: Nullable(Type.Integer()),
  /** The published version (null while the item has never been published or is retired). */
  publishedVersion: Nullable(Type.Integer()),
  /** Management view only: the newest version and its status. */
  latestVersion: Type.Integer(),
  latestStatus: VersionStatus,
  retired: Type.Boolean(),
  updatedAt: Type.String(),
});
export type ItemSummary = Static<typeof ItemSummary>;

export const VersionInfo = Type.Object({
  id: Type.String(),
  itemId: Type.String(),
  version: Type.Integer(),
  status: VersionStatus,
  createdAt: Type.String(),
  createdBy: Type.String(),
  updatedAt: Type.String(),
  submittedAt: Nullable(Type.String()),
  submittedBy: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  reviewedBy: Nullable(Type.String()),
  reviewComment: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  retiredAt: Nullable(Type.String()),
  changeNote: Nullable(Type.String()),
});
export type VersionInfo = Static<typeof VersionInfo>;

/** An item with one version's whole guide (the citizen's guide page; the editor). */
export const ItemDetail = Type.Object({
  item: ItemSummary,
  basic: Type.Object({
    code: Type.String(),
    name: Type.String(),
    nameEn: Nullable(Type.String()),
    level: Type.String(),
    itemType: Type.String(),
    competentDepartmentId: Type.String(),
    competentDepartmentName: Type.String(),
    path: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() })),
  }),
  version: VersionInfo,
  guide: Guide,
  /** The same basic item implemented elsewhere (the region switch on the guide page). */
  otherImplementations: Type.Array(Type.Object({ id: Type.String(), regionCode: Type.String(), regionName: Type.String(), departmentName: Type.String() })),
});
export type ItemDetail = Static<typeof ItemDetail>;

export const CreateItemBody = Type.Object({
  basicCode: BasicCode,
  departmentId: Text(64),
  guide: Guide,
  changeNote: Type.Optional(Text(300)),
}, { additionalProperties: false });
export type CreateItemBody = Static<typeof CreateItemBody>;

export const SaveDraftBody = Type.Object({
  guide: Guide,
  changeNote: Type.Optional(Text(300)),
  /** The draft's updatedAt as the editor loaded it: a save over someone else's newer save is a conflict. */
  expectedUpdatedAt: Type.Optional(Type.String({ maxLength: 40 })),
}, { additionalProperties: false });
export type SaveDraftBody = Static<typeof SaveDraftBody>;

export const ReviewBody = Type.Object({ comment: Type.Optional(Text(500)) }, { additionalProperties: false });
export const RejectBody = Type.Object({ comment: Text(500, 2) }, { additionalProperties: false });
export const RetireBody = Type.Object({ reason: Text(500, 2) }, { additionalProperties: false });

export const ManageListQuery = Type.Object({
  departmentId: Type.Optional(Text(64)),
  status: Type.Optional(VersionStatus),
  q: Type.Optional(Text(50)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
}, { additionalProperties: false });
export type ManageListQuery = Static<typeof ManageListQuery>;

export const ReviewQueueEntry = Type.Object({ item: ItemSummary, version: VersionInfo });

export const DiffEntry = Type.Object({
  path: Type.String({ description: 'JSON path of the changed element, e.g. materials[2].name' }),
  change: StringEnum(['added', 'removed', 'changed'] as const),
  before: Type.Unsafe<unknown>({}),
  after: Type.Unsafe<unknown>({}),
});
export const VersionDiff = Type.Object({ from: Type.Integer(), to: Type.Integer(), changes: Type.Array(DiffEntry) });
export type VersionDiff = Static<typeof VersionDiff>;

// --------------------------------------------------------------------------------------------------------------
// Search

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'the citizen’s region: for a city or district, items implemented there or above it (the most local of each item); for a province, everything within it' })),
  department: Type.Optional(Text(64)),
  object: Type.Optional(ServiceObject),
  theme: Type.Optional(ThemeCode),
  lifeEvent: Type.Optional(LifeEventCode),
  itemType: Type.Optional(ItemTypeCode),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, default: 0 })),
  facets: Type.Optional(Type.Boolean({ description: 'also count matches per department, theme, object, life event' })),
}, { additionalProperties: false });
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchHit = Type.Object({ item: ItemSummary, score: Type.Number(), matched: Type.Array(Type.String()) });
export const SearchResult = Type.Object({
  total: Type.Integer(),
  hits: Type.Array(SearchHit),
  facets: Nullable(Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer()))),
});
export type SearchResult = Static<typeof SearchResult>;

// --------------------------------------------------------------------------------------------------------------
// Import

export const ImportJob = Type.Object({
  id: Type.String(),
  status: StringEnum(['validating', 'writing', 'done', 'failed'] as const),
  total: Type.Integer(),
  processed: Type.Integer(),
  result: Nullable(Type.Object({ basicItems: Type.Integer(), items: Type.Integer(), versions: Type.Integer(), unchanged: Type.Integer() })),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String(), details: Type.Unsafe<unknown>({}) })),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});
export type ImportJob = Static<typeof ImportJob>;

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const VersionParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), version: Type.Integer({ minimum: 1 }) });
export const CodeParam = Type.Object({ code: BasicCode });

// --------------------------------------------------------------------------------------------------------------
// The import/export file (docs/formats/catalog.md). Departments are named by USCC so a file moves between
// deployments; ids never appear in it.

export const CATALOG_FORMAT = 'tongban.catalog/1';

export const FileBasicItem = Type.Object({
  code: BasicCode,
  parentCode: Type.Optional(BasicCode),
  name: Text(100, 2),
  nameEn: Type.Optional(Text(200)),
  itemType: ItemTypeCode,
  competentDepartment: Type.String({ minLength: 18, maxLength: 18, description: 'USCC of the competent department' }),
}, { additionalProperties: false });
export type FileBasicItem = Static<typeof FileBasicItem>;

export const FileItem = Type.Object({
  basicCode: BasicCode,
  department: Type.String({ minLength: 18, maxLength: 18, description: 'USCC of the implementing department' }),
  implementationCode: Type.Optional(Type.String({ pattern: '^[0-9A-Z]{31}([0-9]{2})?$', description: 'checked against department, level and basic code when given' })),
  status: Type.Optional(StringEnum(['published', 'draft'] as const, { description: 'published (default): the guide becomes the published version' })),
  changeNote: Type.Optional(Text(300)),
  guide: Guide,
}, { additionalProperties: false });
export type FileItem = Static<typeof FileItem>;

export interface CatalogFile {
  format: typeof CATALOG_FORMAT;
  basicItems: FileBasicItem[];
  items: FileItem[];
}
