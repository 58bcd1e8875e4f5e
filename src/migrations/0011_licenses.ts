import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/**
 * Electronic licences (电子证照, docs/licences.md): the licence type catalogue and which departments issue each type,
 * issued licences (each an SD-JWT VC) with their place in the issuer's token status list, the issuer identifiers
 * this deployment signs under, per-holder key pairs (sealed), presentations, the verification and use logs, the
 * trust list of other deployments, and the per-day serial counters behind licence numbers.
 */
export const m0011: TongbanMigration = {
  async up(db) {
    await db.schema
      .createTable('license_types')
      .addColumn('code', T.text, (c) => c.primaryKey())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('name_en', T.text)
      .addColumn('holder_kind', T.text, (c) => c.notNull()) // person | enterprise
      .addColumn('defining_department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('defining_authority', T.text)
      .addColumn('description', T.text)
      .addColumn('fields', T.json, (c) => c.notNull())
      .addColumn('validity', T.json, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull()) // active | retired
      .addColumn('row_version', T.int, (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .addColumn('updated_by', T.text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('license_type_issuers')
      .addColumn('type_code', T.text, (c) => c.notNull().references('license_types.code'))
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addPrimaryKeyConstraint('license_type_issuers_pk', ['type_code', 'department_id'])
      .execute();
    await db.schema.createIndex('license_type_issuers_department_idx').on('license_type_issuers').column('department_id').execute();

    await db.schema
      .createTable('license_issuers')
      .addColumn('iss', T.text, (c) => c.primaryKey())
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('issuer_code', T.text, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('license_status_lists')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('issuer_department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('issuer_code', T.text, (c) => c.notNull())
      // the issuer URL of the credentials on the list (the list's token is signed as this iss)
      .addColumn('iss', T.text, (c) => c.notNull())
      .addColumn('list_no', T.int, (c) => c.notNull())
      .addColumn('size', T.int, (c) => c.notNull())
      .addColumn('bits', T.int, (c) => c.notNull())
      .addColumn('next_seq', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('version', T.int, (c) => c.notNull().defaultTo(1))
      .addColumn('token', T.text)
      .addColumn('token_version', T.int)
      .addColumn('token_exp', T.ts)
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .addUniqueConstraint('license_status_lists_issuer_no_unique', ['issuer_department_id', 'list_no'])
      .execute();
    await db.schema.createIndex('license_status_lists_code_idx').on('license_status_lists').columns(['issuer_code', 'list_no']).execute();

    await db.schema
      .createTable('licenses')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('licence_id', T.text, (c) => c.notNull().unique())
      .addColumn('type_code', T.text, (c) => c.notNull().references('license_types.code'))
      .addColumn('number', T.text, (c) => c.notNull())
      .addColumn('version', T.text, (c) => c.notNull())
      .addColumn('issuer_department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('issuer_code', T.text, (c) => c.notNull())
      .addColumn('iss', T.text, (c) => c.notNull())
      .addColumn('holder_kind', T.text, (c) => c.notNull())
      .addColumn('holder_key', T.text, (c) => c.notNull())
      .addColumn('holder_name', T.text, (c) => c.notNull())
      .addColumn('holder_user_id', T.id)
      .addColumn('fields', T.json, (c) => c.notNull())
      .addColumn('credential', T.text, (c) => c.notNull())
      .addColumn('kid', T.text, (c) => c.notNull())
      .addColumn('alg', T.text, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull()) // valid | revoked | suspended
      .addColumn('status_reason', T.text)
      .addColumn('status_changed_at', T.ts)
      .addColumn('list_id', T.id, (c) => c.notNull().references('license_status_lists.id'))
      .addColumn('status_idx', T.int, (c) => c.notNull())
      .addColumn('issued_on', T.text, (c) => c.notNull())
      .addColumn('valid_from', T.text, (c) => c.notNull())
      .addColumn('valid_to', T.text)
      .addColumn('source', T.text, (c) => c.notNull()) // case | import | manual
      .addColumn('case_id', T.id)
      .addColumn('case_number', T.text)
      .addColumn('created_by', T.text, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      // one licence of a type per case (issuance from a case is idempotent); NULL case ids do not collide
      .addUniqueConstraint('licenses_case_type_unique', ['case_id', 'type_code'])
      // one licence per number, type and issuer (import rows are idempotent)
      .addUniqueConstraint('licenses_issuer_type_number_unique', ['issuer_department_id', 'type_code', 'number'])
      .addUniqueConstraint('licenses_status_entry_unique', ['list_id', 'status_idx'])
      .execute();
    await db.schema.createIndex('licenses_holder_idx').on('licenses').columns(['holder_kind', 'holder_key', 'issued_on']).execute();
    await db.schema.createIndex('licenses_issuer_idx').on('licenses').columns(['issuer_department_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('licenses_type_status_idx').on('licenses').columns(['type_code', 'status']).execute();
    await db.schema.createIndex('licenses_list_status_idx').on('licenses').columns(['list_id', 'status']).execute();

    await db.schema
      .createTable('license_holder_keys')
      .addColumn('holder', T.text, (c) => c.primaryKey())
      .addColumn('kid', T.text, (c) => c.notNull())
      .addColumn('public_jwk', T.json, (c) => c.notNull())
      .addColumn('sealed', T.text, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('license_presentations')
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('license_pk', T.id, (c) => c.notNull().references('licenses.id'))
      .addColumn('holder', T.text, (c) => c.notNull())
      .addColumn('created_by_user_id', T.id)
      .addColumn('fields', T.json, (c) => c.notNull())
      .addColumn('audience', T.text, (c) => c.notNull())
      .addColumn('nonce', T.text, (c) => c.notNull())
      .addColumn('token', T.text, (c) => c.notNull())
      .addColumn('token_hash', T.text, (c) => c.notNull().unique())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('expires_at', T.ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('license_presentations_license_idx').on('license_presentations').columns(['license_pk', 'created_at']).execute();

    await db.schema
      .createTable('license_verifications')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('at', T.ts, (c) => c.notNull())
      .addColumn('valid', T.bool, (c) => c.notNull())
      .addColumn('failed_checks', T.json, (c) => c.notNull())
      .addColumn('message', T.text)
      .addColumn('licence_id', T.text)
      .addColumn('license_pk', T.id)
      .addColumn('iss', T.text)
      .addColumn('presentation_id', T.text)
      .addColumn('audience', T.text)
      .addColumn('verifier_user_id', T.id)
      .addColumn('verifier_name', T.text)
      .addColumn('ip', T.text)
      .addColumn('user_agent', T.text)
      .addColumn('request_id', T.text)
      .execute();
    await db.schema.createIndex('license_verifications_licence_idx').on('license_verifications').columns(['license_pk', 'at']).execute();
    await db.schema.createIndex('license_verifications_at_idx').on('license_verifications').column('at').execute();

    await db.schema
      .createTable('license_uses')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('license_pk', T.id, (c) => c.notNull().references('licenses.id'))
      .addColumn('licence_id', T.text, (c) => c.notNull())
      .addColumn('type_code', T.text, (c) => c.notNull())
      .addColumn('case_id', T.id)
      .addColumn('material_key', T.text)
      .addColumn('used_by_user_id', T.id)
      .addColumn('used_by_name', T.text, (c) => c.notNull())
      .addColumn('at', T.ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('license_uses_type_idx').on('license_uses').columns(['type_code', 'at']).execute();
    await db.schema.createIndex('license_uses_licence_idx').on('license_uses').columns(['license_pk', 'at']).execute();

    await db.schema
      .createTable('license_trusted_deployments')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('base_url', T.text, (c) => c.notNull().unique())
      .addColumn('region_code', T.text, (c) => c.notNull())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('created_by', T.text, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('license_serial_counters')
      .addColumn('issuer_department_id', T.id, (c) => c.notNull())
      .addColumn('type_code', T.text, (c) => c.notNull())
      .addColumn('day', T.text, (c) => c.notNull())
      .addColumn('last', T.int, (c) => c.notNull())
      .addPrimaryKeyConstraint('license_serial_counters_pk', ['issuer_department_id', 'type_code', 'day'])
      .execute();
  },
};
