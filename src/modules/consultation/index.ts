/** What other modules (work orders, the demo seed, the CLI) may use from consultation. */
export { registerConsultationRoutes } from './consultation.routes.js';
export { routeQuestion, type RouteInput } from './use-cases/routing.js';
export { searchKnowledge, type SearchKnowledgeInput } from './use-cases/knowledge.js';
export { findSimilarEntries, compareFacts, type SimilarEntry } from './use-cases/contradictions.js';
export { askQuestion, checkQuestionText, submitFeedback } from './use-cases/ask.js';
export { importKb, importDuties } from './use-cases/import.js';
export { warmConsultation } from './use-cases/retrieval.js';
export type { RouteResult, InstantAnswer, KbFacts, AskResult } from './consultation.schemas.js';
export type { QuestionOutcome, QuestionChannel, ConsultationQuestionsTable } from './consultation.tables.js';
// Work orders (12345 flow, Open311, answer contradictions): docs/consultation-work-orders.md, docs/open311.md
export { registerConsultationOrdersRoutes } from './consultation.orders.routes.js';
export * as workOrders from './use-cases/orders-api.js';
