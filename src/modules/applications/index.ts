/** What other modules (and the demo seed) may use from applications. */
export { registerApplicationsRoutes } from './applications.routes.js';
export { submitApplication } from './use-cases/submit.js';
export {
  acceptCase, claimTask, completeReview, decideCase, deliverResult, refuseAcceptance, requestCorrection, resubmitCorrection, startSpecialProcedure,
} from './use-cases/actions.js';
export { uploadMaterial } from './use-cases/files.js';
export { rateCase, followUpRectification } from './use-cases/ratings.js';
export { sendTransfer, receiveTransfer } from './use-cases/transfers.js';
export { caseClock } from './applications.deadlines.js';
export { openDeploymentSeals, stopDocumentRendering, sweepPendingDocuments } from './use-cases/documents.js';
export type { MaterialAnswer, RatingBody } from './applications.schemas.js';
