/** What other modules (the applications workflow), the CLI and the demo seed may use from licences. */
export { registerLicensesRoutes } from './licenses.routes.js';
export { issueLicenceForCase, type IssueForCaseInput, type HolderRef } from './use-cases/issue.js';
export { findUsableLicences, licenceStatusNow, verifyHeldLicenceForMaterial, type HolderQuery, type MaterialCheck, type MaterialInput } from './use-cases/material.js';
export { importLicences, LICENCES_FORMAT } from './use-cases/import.js';
export { createType, getType } from './use-cases/types.js';
export { flushVerificationLog, verifyPresentation, type VerifyContext } from './use-cases/verify.js';
export { createPresentation } from './use-cases/wallet.js';
export { changeLicenceStatus } from './use-cases/status.js';
export { rotateIssuerKey } from './use-cases/issuers.js';
export type { LicenceSummary, LicenceTypeBody, VerifyResult } from './licenses.schemas.js';
