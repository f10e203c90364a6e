export { PULL_PAGE_SIZE, SyncEngine, type PersonCheck, type SyncEngineOptions, type SyncState } from './engine.js';
export { RestAdapter, type RestAdapterOptions, type TokenProvider, type SyncAdapter, type PullQuery, type PushChange } from './adapter.js';
export { SyncHttpError, type SyncFailure } from './errors.js';
export { mergeRecords, type MergeResult } from './merge.js';
export { backoffDelay, retryAfterMs } from './backoff.js';
