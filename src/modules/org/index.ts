/** What other modules may use from org. */
export { registerOrgRoutes } from './org.routes.js';
export { findDepartmentById, findDepartmentByUscc, findDepartmentOfKind, findRegion, departmentNames } from './org.queries.js';
export { regionCovers, regionPrefix } from './org.regions.js';
export { staffCoversRegion } from './org.policy.js';
export { getDepartment, toDepartment, toRegion } from './org.service.js';
