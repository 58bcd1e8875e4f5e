/** What other modules may use from the catalogue. */
export { registerCatalogRoutes } from './catalog.routes.js';
export { importCatalog, exportCatalog } from './catalog.import.js';
export { getPublishedItem, getPublishedItemCached, getItemVersion, getItemNames, getItemNamesEn } from './use-cases/items.js';
export { warmCatalogSearch } from './use-cases/search.js';
export { LICENCE_FIELD_PLACEHOLDER } from './catalog.guide.js';
export type { Guide, Material, ItemDetail, ItemSummary, WorkflowDefinition } from './catalog.schemas.js';
