/** Electronic licences (电子证照): types, issued licences, status lists, holder keys, presentations, verification and use logs, trust list. */

export type LicenceStatus = 'valid' | 'revoked' | 'suspended';
export type LicenceSource = 'case' | 'import' | 'manual';

export interface LicenseTypesTable {
  /** GB/T 36903 licence type code, 21 characters of 0-9A-Z. */
  code: string;
  name: string;
  name_en: string | null;
  /** person | enterprise */
  holder_kind: string;
  /** The department that defines (administers) the type in this deployment. */
  defining_department_id: string;
  /** The national authority behind the type, e.g. 国家市场监督管理总局 (display only). */
  defining_authority: string | null;
  description: string | null;
  /** JSON LicenceField[]. */
  fields: string;
  /** JSON ValidityRule. */
  validity: string;
  /** active | retired: a retired type issues nothing new; its licences stay verifiable. */
  status: string;
  row_version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface LicenseTypeIssuersTable {
  type_code: string;
  department_id: string;
}

/** The issuer identifiers (SD-JWT `iss`) this deployment has issued under, mapped to their department. */
export interface LicenseIssuersTable {
  iss: string;
  department_id: string;
  /** The department's USCC: the key store's issuer name and the `:issuerCode` of the public URLs. */
  issuer_code: string;
  created_at: string;
}

export interface LicensesTable {
  id: string;
  /** GB/T 36904 identifier (1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>). */
  licence_id: string;
  type_code: string;
  /** 证照编号: the serial of the identifier. */
  number: string;
  version: string;
  issuer_department_id: string;
  issuer_code: string;
  iss: string;
  holder_kind: string;
  /** Citizen ID number or USCC of the holder. */
  holder_key: string;
  holder_name: string;
  holder_user_id: string | null;
  /** JSON of the type's fields (all levels, including L4 kept out of the credential). */
  fields: string;
  /** The SD-JWT VC as issued (issuer-signed JWT and every disclosure, no key binding). */
  credential: string;
  kid: string;
  alg: string;
  status: LicenceStatus;
  status_reason: string | null;
  status_changed_at: string | null;
  list_id: string;
  status_idx: number;
  /** YYYY-MM-DD (China). */
  issued_on: string;
  valid_from: string;
  valid_to: string | null;
  source: LicenceSource;
  case_id: string | null;
  case_number: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface LicenseStatusListsTable {
  id: string;
  issuer_department_id: string;
  issuer_code: string;
  /** The issuer URL of the credentials on the list. */
  iss: string;
  /** The `:listId` of the public URL, 1, 2, … per issuer. */
  list_no: number;
  size: number;
  bits: number;
  /** Entries handed out so far; the index of entry n is a fixed permutation of n. */
  next_seq: number;
  /** Bumped by every status change of a licence on the list. */
  version: number;
  /** The last signed statuslist+jwt, for `token_version`, usable until `token_exp`. */
  token: string | null;
  token_version: number | null;
  token_exp: string | null;
  created_at: string;
  updated_at: string;
}

export interface LicenseHolderKeysTable {
  /** person:<ID number> | enterprise:<USCC> */
  holder: string;
  kid: string;
  public_jwk: string;
  /** AES-256-GCM of the private JWK: iv.ct.tag (base64url), the holder as associated data. */
  sealed: string;
  created_at: string;
}

export interface LicensePresentationsTable {
  id: string;
  license_pk: string;
  holder: string;
  created_by_user_id: string | null;
  /** JSON string[]: the disclosed claim paths. */
  fields: string;
  audience: string;
  nonce: string;
  token: string;
  /** SHA-256 (hex) of the token: verification finds its presentation by it. */
  token_hash: string;
  created_at: string;
  expires_at: string;
}

export interface LicenseVerificationsTable {
  id: string;
  at: string;
  valid: number;
  /** JSON string[] of the failed checks. */
  failed_checks: string;
  /** The first failure's message. */
  message: string | null;
  licence_id: string | null;
  license_pk: string | null;
  iss: string | null;
  presentation_id: string | null;
  audience: string | null;
  verifier_user_id: string | null;
  verifier_name: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
}

/** Verifications of this deployment's licences per type and China day (migration 0016), kept by the log's batches. */
export interface LicenseVerificationCountsTable {
  type_code: string;
  day: string;
  verified: number;
  failed: number;
}

/** 发证用证清单 counts per licence type, kept by the writes (use-cases/type-counts.ts); a type's shards add up. */
export interface LicenseTypeCountsTable {
  type_code: string;
  shard: number;
  issued: number;
  valid: number;
  suspended: number;
  revoked: number;
  uses: number;
}

export interface LicenseUsesTable {
  id: string;
  license_pk: string;
  licence_id: string;
  type_code: string;
  case_id: string | null;
  material_key: string | null;
  used_by_user_id: string | null;
  used_by_name: string;
  at: string;
}

export interface LicenseTrustedDeploymentsTable {
  id: string;
  base_url: string;
  region_code: string;
  name: string;
  created_by: string;
  created_at: string;
}

export interface LicenseSerialCountersTable {
  issuer_department_id: string;
  type_code: string;
  day: string;
  last: number;
}

export interface LicensesTables {
  license_types: LicenseTypesTable;
  license_type_issuers: LicenseTypeIssuersTable;
  license_issuers: LicenseIssuersTable;
  licenses: LicensesTable;
  license_status_lists: LicenseStatusListsTable;
  license_holder_keys: LicenseHolderKeysTable;
  license_presentations: LicensePresentationsTable;
  license_verifications: LicenseVerificationsTable;
  license_verification_counts: LicenseVerificationCountsTable;
  license_type_counts: LicenseTypeCountsTable;
  license_uses: LicenseUsesTable;
  license_trusted_deployments: LicenseTrustedDeploymentsTable;
  license_serial_counters: LicenseSerialCountersTable;
}
