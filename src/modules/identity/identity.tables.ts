import type { Generated } from 'kysely';

export interface PopulationRegistryTable {
  id_number: string;
  name: string;
  sex: string;
  birth_date: string;
  ethnicity: string | null;
  hukou_address: string | null;
  residence_address: string | null;
  phone: string | null;
  marital_status: string | null;
  region_code: string;
  created_at: string;
  updated_at: string;
}

export interface EnterpriseRegistryTable {
  uscc: string;
  name: string;
  type: string;
  legal_rep_id_number: string;
  registered_address: string;
  registered_capital: string | null;
  established_on: string | null;
  business_scope: string | null;
  region_code: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface RegistryAttributeSourcesTable {
  registry: string;
  subject_key: string;
  attribute: string;
  source_department_id: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  kind: string;
  display_name: string;
  id_number: string | null;
  department_id: string | null;
  phone: string | null;
  active: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface StaffGrantsTable {
  id: string;
  user_id: string;
  region_code: string;
  reason: string;
  granted_by: string | null;
  expires_at: string | null;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  acting_for_uscc: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface EnterpriseAgentsTable {
  id: string;
  enterprise_uscc: string;
  agent_id_number: string;
  scopes: string;
  expires_at: string;
  granted_by: string | null;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface EnterpriseContactsTable {
  uscc: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface IdentityTables {
  population_registry: PopulationRegistryTable;
  enterprise_registry: EnterpriseRegistryTable;
  registry_attribute_sources: RegistryAttributeSourcesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  staff_grants: StaffGrantsTable;
  sessions: SessionsTable;
  enterprise_agents: EnterpriseAgentsTable;
  enterprise_contacts: EnterpriseContactsTable;
}
