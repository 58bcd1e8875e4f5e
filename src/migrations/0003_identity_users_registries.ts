import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/** Identity: accounts, staff roles and grants, sessions; the population and enterprise base registries with per-attribute provenance; agent grants. */
export const m0003: TongbanMigration = {
  async up(db) {
    await db.schema
      .createTable('population_registry')
      .addColumn('id_number', T.text, (c) => c.primaryKey())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('sex', T.text, (c) => c.notNull())
      .addColumn('birth_date', T.text, (c) => c.notNull())
      .addColumn('ethnicity', T.text)
      .addColumn('hukou_address', T.text)
      .addColumn('residence_address', T.text)
      .addColumn('phone', T.text)
      .addColumn('marital_status', T.text)
      .addColumn('region_code', T.text, (c) => c.notNull().references('regions.code'))
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('enterprise_registry')
      .addColumn('uscc', T.text, (c) => c.primaryKey())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('type', T.text, (c) => c.notNull())
      .addColumn('legal_rep_id_number', T.text, (c) => c.notNull().references('population_registry.id_number'))
      .addColumn('registered_address', T.text, (c) => c.notNull())
      .addColumn('registered_capital', T.text)
      .addColumn('established_on', T.text)
      .addColumn('business_scope', T.text)
      .addColumn('region_code', T.text, (c) => c.notNull().references('regions.code'))
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('enterprise_legal_rep_idx').on('enterprise_registry').column('legal_rep_id_number').execute();

    await db.schema
      .createTable('registry_attribute_sources')
      .addColumn('registry', T.text, (c) => c.notNull())
      .addColumn('subject_key', T.text, (c) => c.notNull())
      .addColumn('attribute', T.text, (c) => c.notNull())
      .addColumn('source_department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .addPrimaryKeyConstraint('registry_attribute_sources_pk', ['registry', 'subject_key', 'attribute'])
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('username', T.text, (c) => c.notNull().unique())
      .addColumn('password_hash', T.text, (c) => c.notNull())
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('display_name', T.text, (c) => c.notNull())
      .addColumn('id_number', T.text, (c) => c.references('population_registry.id_number'))
      .addColumn('department_id', T.id, (c) => c.references('departments.id'))
      .addColumn('phone', T.text)
      .addColumn('active', T.bool, (c) => c.notNull().defaultTo(1))
      .addColumn('failed_logins', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', T.ts)
      .addColumn('password_changed_at', T.ts, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('users_department_idx').on('users').columns(['department_id', 'username']).execute();
    await db.schema.createIndex('users_id_number_idx').on('users').column('id_number').execute();

    await db.schema
      .createTable('user_roles')
      .addColumn('user_id', T.id, (c) => c.notNull().references('users.id'))
      .addColumn('role', T.text, (c) => c.notNull())
      .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
      .execute();

    await db.schema
      .createTable('staff_grants')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('user_id', T.id, (c) => c.notNull().references('users.id'))
      .addColumn('region_code', T.text, (c) => c.notNull().references('regions.code'))
      .addColumn('reason', T.text, (c) => c.notNull())
      .addColumn('granted_by', T.id)
      .addColumn('expires_at', T.ts)
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('staff_grants_user_idx').on('staff_grants').column('user_id').execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('token_hash', T.text, (c) => c.notNull().unique())
      .addColumn('user_id', T.id, (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', T.text, (c) => c.notNull())
      .addColumn('acting_for_uscc', T.text)
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('last_seen_at', T.ts, (c) => c.notNull())
      .addColumn('expires_at', T.ts, (c) => c.notNull())
      .addColumn('revoked_at', T.ts)
      .addColumn('ip', T.text)
      .addColumn('user_agent', T.text)
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('enterprise_agents')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('enterprise_uscc', T.text, (c) => c.notNull().references('enterprise_registry.uscc'))
      .addColumn('agent_id_number', T.text, (c) => c.notNull().references('population_registry.id_number'))
      .addColumn('scopes', T.json, (c) => c.notNull())
      .addColumn('expires_at', T.ts, (c) => c.notNull())
      .addColumn('granted_by', T.id)
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('revoked_at', T.ts)
      .addColumn('revoked_by', T.id)
      .addColumn('revoke_reason', T.text)
      .execute();
    await db.schema.createIndex('enterprise_agents_agent_idx').on('enterprise_agents').column('agent_id_number').execute();
    await db.schema.createIndex('enterprise_agents_ent_idx').on('enterprise_agents').column('enterprise_uscc').execute();

    await db.schema
      .createTable('enterprise_contacts')
      .addColumn('uscc', T.text, (c) => c.primaryKey().references('enterprise_registry.uscc'))
      .addColumn('contact_name', T.text, (c) => c.notNull())
      .addColumn('contact_phone', T.text, (c) => c.notNull())
      .addColumn('contact_email', T.text)
      .addColumn('updated_by', T.id)
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .execute();
  },
};
