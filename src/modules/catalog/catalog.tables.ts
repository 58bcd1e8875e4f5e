export interface CatalogBasicItemsTable {
  code: string;
  parent_code: string | null;
  level: 'main' | 'sub' | 'handling';
  name: string;
  name_en: string | null;
  item_type: string;
  competent_department_id: string;
  created_at: string;
  updated_at: string;
}

export interface CatalogItemsTable {
  id: string;
  basic_code: string;
  implementation_code: string;
  department_id: string;
  region_code: string;
  published_version: number | null;
  /** JSON of ItemListFields: the published guide's fields that lists and search hits show. */
  summary: string | null;
  latest_version: number;
  latest_status: 'draft' | 'submitted' | 'published' | 'retired';
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CatalogItemVersionsTable {
  id: string;
  item_id: string;
  version: number;
  status: 'draft' | 'submitted' | 'published' | 'retired';
  /** JSON of Guide. */
  guide: string;
  change_note: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_comment: string | null;
  published_at: string | null;
  retired_at: string | null;
}

export interface CatalogTables {
  catalog_basic_items: CatalogBasicItemsTable;
  catalog_items: CatalogItemsTable;
  catalog_item_versions: CatalogItemVersionsTable;
}
