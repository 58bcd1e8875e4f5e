/**
 * Official documents as signed PDF: render an OfficialDocument (decision documents, licence printouts) with
 * renderDocument, then seal it with signPdf and the department's certificate from a SealStore. See
 * docs/formats/documents.md.
 */
export { renderDocument, DOCUMENT_KINDS, DEFAULT_TITLES, SEAL_FIELD_NAME } from './document.js';
export type { OfficialDocument, DocumentKind, DocumentTable } from './document.js';
export { openSealStore, signPdf } from './seal.js';
export type { SealStore, SealStoreOptions, SealDepartment, SealCertificate, SealAlgorithm, SignOptions, SigningKey } from './seal.js';
export { formatChineseDate } from './text.js';
