/**
 * The catalogue's resource shapes as the web app sees them: a mirror of the TypeBox schemas in
 * src/modules/catalog/catalog.schemas.ts (the web tsconfig does not reach into the server sources) and of the
 * fixed vocabularies in catalog.vocab.ts. Keep them in step with the server: the server is the authority.
 *
 * Vocabulary: a *basic item* (基本目录: 主项 → 子项 → 业务办理项) is the province-wide definition with its basic
 * code; an *item* (实施清单) is one department's implementation of it in one region; its *guide* (办事指南) is
 * versioned draft → submitted → published → retired.
 */

// ---------------------------------------------------------------------------------------------------------------
// Vocabularies (codes are stable; names come from GET /api/v1/catalog/vocab or from the UI's own text)

export const ITEM_TYPE_CODES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20'] as const;
/** 事项类型 01 行政许可 … 10 其他行政权力, 20 公共服务. */
export type ItemTypeCode = (typeof ITEM_TYPE_CODES)[number];

export const PERSON_THEMES = [
  'birth', 'hukou', 'education', 'employment', 'marriage', 'social_security', 'medical', 'housing', 'transport',
  'documents', 'elderly', 'social_assistance', 'funeral',
] as const;
export const ENTERPRISE_THEMES = [
  'establishment', 'permits', 'qualification', 'tax', 'human_resources', 'housing_fund', 'fire_safety',
  'construction', 'food_drug', 'closure',
] as const;
export const THEME_CODES = [...PERSON_THEMES, ...ENTERPRISE_THEMES] as const;
/** 主题 (个人服务 / 法人服务 groups). */
export type ThemeCode = (typeof THEME_CODES)[number];

export const LIFE_EVENT_CODES = ['birth', 'enterprise_opening', 'restaurant_opening', 'employment', 'retirement', 'home_purchase', 'after_death'] as const;
/** 一件事一次办. */
export type LifeEventCode = (typeof LIFE_EVENT_CODES)[number];

export const TONGBAN_SCOPE_CODES = ['none', 'province', 'cross_province', 'national'] as const;
/** 通办范围. */
export type TongbanScope = (typeof TONGBAN_SCOPE_CODES)[number];

export const ONLINE_DEPTHS = [1, 2, 3, 4] as const;
/** 网上办理深度 1 (guide online) … 4 (fully online). */
export type OnlineDepth = (typeof ONLINE_DEPTHS)[number];

/** 服务对象: 自然人 / 法人. */
export type ServiceObject = 'person' | 'enterprise';
export const SERVICE_OBJECTS: ServiceObject[] = ['person', 'enterprise'];

export type VersionStatus = 'draft' | 'submitted' | 'published' | 'retired';
export const VERSION_STATUSES: VersionStatus[] = ['draft', 'submitted', 'published', 'retired'];

/** 主项 / 子项 / 业务办理项. */
export type BasicLevel = 'main' | 'sub' | 'handling';
export const BASIC_LEVELS: BasicLevel[] = ['main', 'sub', 'handling'];

export type TimeLimitUnit = 'working_day' | 'natural_day';
export type CaseKind = 'instant' | 'promised';
export type MaterialNecessity = 'required' | 'conditional' | 'deferrable';
export type MaterialForm = 'original' | 'copy' | 'electronic' | 'original_or_electronic';
export type MaterialSourceChannel = 'applicant' | 'government' | 'intermediary';
export type SubstituteKind = 'license' | 'shared_data';
export type ResultType = 'license' | 'approval_document' | 'other';

export interface VocabName {
  zh: string;
  en: string;
}

/** GET /api/v1/catalog/vocab */
export interface CatalogVocab {
  itemTypes: Record<string, VocabName>;
  themes: Record<string, VocabName & { object: ServiceObject }>;
  lifeEvents: Record<string, VocabName>;
  onlineDepths: Record<string, VocabName>;
  tongbanScopes: Record<string, VocabName>;
}

// ---------------------------------------------------------------------------------------------------------------
// The guide (the whole versioned content of an item)

/** A time limit always carries its unit: "20" alone means nothing. */
export interface TimeLimit {
  value: number;
  unit: TimeLimitUnit;
}

/** A file stored content-addressed (blank forms, samples, result samples): GET /api/v1/catalog/files/:sha256. */
export interface FileRef {
  sha256: string;
  name: string;
  contentType: string;
  size: number;
}

export interface Contact {
  phone: string;
  address?: string;
  email?: string;
  url?: string;
}

/** A licence type (GB/T 36903) or shared data resource that stands in for a material (免提交). */
export interface MaterialSubstitute {
  kind: SubstituteKind;
  code: string;
  name: string;
}

export interface Material {
  /** stable key within the guide, `^[a-z][a-z0-9_]{0,39}$` */
  key: string;
  name: string;
  necessity: MaterialNecessity;
  condition?: string;
  form: MaterialForm;
  copies: number;
  sourceChannel: MaterialSourceChannel;
  issuedBy?: string;
  substitutes: MaterialSubstitute[];
  acceptanceStandard: string;
  basis?: string;
  notes?: string;
  blankForm?: FileRef;
  sample?: FileRef;
}

export interface LegalBasis {
  title: string;
  clause?: string;
}

export interface ProcessStep {
  name: string;
  description: string;
  timeLimit?: TimeLimit;
}

export interface Place {
  name: string;
  address: string;
  hours: string;
  phone?: string;
}

export interface Fee {
  name: string;
  standard: string;
  basis: string;
}

export interface Faq {
  question: string;
  answer: string;
}

export interface Guide {
  aliases: string[];
  serviceObjects: ServiceObject[];
  themes: ThemeCode[];
  lifeEvents: LifeEventCode[];
  summary?: string;
  conditions: string;
  legalBasis: LegalBasis[];
  legalTimeLimit: TimeLimit;
  promisedTimeLimit: TimeLimit;
  caseKind: CaseKind;
  process: ProcessStep[];
  places: Place[];
  consultation: Contact;
  complaint: Contact;
  fees: { charged: boolean; items: Fee[]; waivers?: string };
  /** 到办事现场次数 0–5 */
  visits: number;
  /** 网上办理深度 1–4 */
  onlineDepth: number;
  onlineUrl?: string;
  tongbanScope: TongbanScope;
  courier: boolean;
  jointUnits: string[];
  intermediaryServices?: string;
  result: { name: string; type: ResultType; licenseTypeCode?: string; sample?: FileRef };
  faq: Faq[];
  materials: Material[];
}

/** Length limits of the guide's texts (the schema's maxLength), for editors' counters and client-side checks. */
export const GUIDE_LIMITS = {
  alias: 40, aliases: 20, summary: 300, conditions: 4000, legalBasisTitle: 120, legalBasisClause: 1000, legalBasis: 20,
  stepName: 40, stepDescription: 500, steps: 20, placeName: 100, placeAddress: 200, placeHours: 200, places: 10,
  contactPhone: 40, contactAddress: 200, contactEmail: 120, contactUrl: 300, feeName: 100, feeStandard: 200, feeBasis: 300,
  fees: 20, waivers: 500, jointUnit: 100, jointUnits: 10, intermediaryServices: 500, resultName: 100, faqQuestion: 200,
  faqAnswer: 2000, faqs: 30, materials: 60, materialName: 120, materialCondition: 300, materialIssuedBy: 100,
  acceptanceStandard: 500, materialBasis: 300, materialNotes: 500, substitutes: 5, copies: 20, visits: 5, themes: 6,
  lifeEvents: 6, timeLimit: 3650, changeNote: 300,
} as const;

export const MATERIAL_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

// ---------------------------------------------------------------------------------------------------------------
// Basic items (基本目录)

export interface BasicItem {
  code: string;
  parentCode: string | null;
  level: BasicLevel;
  name: string;
  nameEn: string | null;
  itemType: string;
  competentDepartmentId: string;
  competentDepartmentName: string;
}

/** 基本编码: 12 digits, 14 for a handling item. */
export const BASIC_CODE_PATTERN = /^[0-9]{12}([0-9]{2})?$/;

/** POST /api/v1/catalog/basic-items (platform_admin) */
export interface CreateBasicItemBody {
  code: string;
  parentCode?: string;
  name: string;
  nameEn?: string;
  itemType: ItemTypeCode;
  competentDepartmentId: string;
}

/** PATCH /api/v1/catalog/basic-items/:code (at least one field) */
export interface UpdateBasicItemBody {
  name?: string;
  nameEn?: string;
  itemType?: ItemTypeCode;
  competentDepartmentId?: string;
}

export interface BasicItemListQuery {
  parentCode?: string;
  level?: BasicLevel;
  q?: string;
  limit?: number;
  cursor?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Items (实施清单) and versions

export interface DepartmentRef {
  id: string;
  name: string;
  phone: string;
  address: string;
}

/** What lists and search results show of an item. */
export interface ItemSummary {
  id: string;
  implementationCode: string;
  basicCode: string;
  name: string;
  /** English name of the basic item, when the catalogue has one. */
  nameEn: string | null;
  itemType: string;
  department: DepartmentRef;
  regionCode: string;
  regionName: string;
  serviceObjects: string[];
  themes: string[];
  lifeEvents: string[];
  promisedTimeLimit: TimeLimit | null;
  caseKind: CaseKind | string | null;
  onlineDepth: number | null;
  visits: number | null;
  /** The published version (null while never published, or retired). */
  publishedVersion: number | null;
  /** Management view: the newest version and its status. */
  latestVersion: number;
  latestStatus: VersionStatus;
  retired: boolean;
  updatedAt: string;
}

export interface VersionInfo {
  id: string;
  itemId: string;
  version: number;
  status: VersionStatus;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  submittedAt: string | null;
  submittedBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewComment: string | null;
  publishedAt: string | null;
  retiredAt: string | null;
  changeNote: string | null;
}

export interface BasicPathEntry {
  code: string;
  name: string;
  level: BasicLevel | string;
}

export interface OtherImplementation {
  id: string;
  regionCode: string;
  regionName: string;
  departmentName: string;
}

/** An item with one version's whole guide (the citizen's guide page; the editor). */
export interface ItemDetail {
  item: ItemSummary;
  basic: {
    code: string;
    name: string;
    nameEn: string | null;
    level: BasicLevel | string;
    itemType: string;
    competentDepartmentId: string;
    competentDepartmentName: string;
    path: BasicPathEntry[];
  };
  version: VersionInfo;
  guide: Guide;
  /** The same basic item implemented elsewhere (the region switch on the guide page). */
  otherImplementations: OtherImplementation[];
}

/** POST /api/v1/catalog/items */
export interface CreateItemBody {
  basicCode: string;
  departmentId: string;
  guide: Guide;
  changeNote?: string;
}

/** PUT /api/v1/catalog/items/:id/versions/:version */
export interface SaveDraftBody {
  guide: Guide;
  changeNote?: string;
  /** The draft's updatedAt as the editor loaded it: a save over a newer save is 409 catalog.edit_conflict. */
  expectedUpdatedAt?: string;
}

export interface ManageListQuery {
  departmentId?: string;
  status?: VersionStatus;
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface ReviewQueueEntry {
  item: ItemSummary;
  version: VersionInfo;
}

export type DiffChange = 'added' | 'removed' | 'changed';

export interface DiffEntry {
  /** Path relative to the guide, dots with numeric indexes: `materials.2.name`. */
  path: string;
  change: DiffChange;
  before: unknown;
  after: unknown;
}

export interface VersionDiff {
  from: number;
  to: number;
  changes: DiffEntry[];
}

// ---------------------------------------------------------------------------------------------------------------
// Search

export interface SearchQuery {
  q?: string;
  /** the citizen's region (6 digits): items implemented there or in a region above it */
  region?: string;
  department?: string;
  object?: ServiceObject;
  theme?: ThemeCode | string;
  lifeEvent?: LifeEventCode | string;
  itemType?: ItemTypeCode | string;
  /** 1–50, default 20 */
  limit?: number;
  /** 0–1000 */
  offset?: number;
  facets?: boolean;
}

export interface SearchHit {
  item: ItemSummary;
  score: number;
  /** the terms of the query that matched (for highlighting) */
  matched: string[];
}

export type FacetName = 'department' | 'theme' | 'object' | 'lifeEvent';
export type SearchFacets = Partial<Record<FacetName | string, Record<string, number>>>;

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: SearchFacets | null;
}

export const SEARCH_MAX_LIMIT = 50;
export const SEARCH_MAX_OFFSET = 1000;

// ---------------------------------------------------------------------------------------------------------------
// Import / export

export type ImportStatus = 'validating' | 'writing' | 'done' | 'failed';

export interface ImportProblem {
  section?: string;
  row?: number;
  field?: string;
  reason: string;
}

export interface ImportJob {
  id: string;
  status: ImportStatus;
  total: number;
  processed: number;
  result: { basicItems: number; items: number; versions: number; unchanged: number } | null;
  /** details is usually ImportProblem[] ({section,row,field,reason}) */
  error: { code: string; message: string; details: unknown } | null;
  startedAt: string;
  finishedAt: string | null;
}

export const CATALOG_FORMAT = 'tongban.catalog/1';

export interface FileBasicItem {
  code: string;
  parentCode?: string;
  name: string;
  nameEn?: string;
  itemType: ItemTypeCode;
  /** USCC of the competent department */
  competentDepartment: string;
}

export interface FileItem {
  basicCode: string;
  /** USCC of the implementing department */
  department: string;
  implementationCode?: string;
  status?: 'published' | 'draft';
  changeNote?: string;
  guide: Guide;
}

/** The import/export file (docs/formats/catalog.md). */
export interface CatalogFile {
  format: typeof CATALOG_FORMAT;
  basicItems: FileBasicItem[];
  items: FileItem[];
}

/** Content types POST /api/v1/catalog/files accepts (checked by content on the server; 10 MB at most). */
export const UPLOAD_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
