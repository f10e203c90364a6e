export { ActionPlanStore, type ApplyResult, type ImportBatch, type OpenOptions } from './store.js';
export * from './errors.js';
export type * from './types.js';
export { DB_VERSION } from './schema.js';
