/** Routes of the catalogue back office (and the public guide page, which the citizen catalogue owns). */
export const editPath = (id: string, version: number): string => `/admin/catalog/items/${encodeURIComponent(id)}/versions/${version}/edit`;
export const viewPath = (id: string, version: number): string => `/admin/catalog/items/${encodeURIComponent(id)}/versions/${version}`;
export const historyPath = (id: string): string => `/admin/catalog/items/${encodeURIComponent(id)}/versions`;
export const publicGuidePath = (id: string): string => `/services/items/${encodeURIComponent(id)}`;
