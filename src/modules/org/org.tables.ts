import type { Generated } from 'kysely';

export interface RegionsTable {
  code: string;
  name: string;
  name_en: string | null;
  parent_code: string | null;
  level: string;
  created_at: string;
  updated_at: string;
}

export interface DepartmentsTable {
  id: string;
  uscc: string;
  name: string;
  name_en: string | null;
  short_name: string | null;
  kind: string;
  region_code: string;
  level: string;
  phone: string;
  address: string;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface OrgTables {
  regions: RegionsTable;
  departments: DepartmentsTable;
}
