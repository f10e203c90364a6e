// What <ap-plan> fetches to sync (a chunk in the drop-in): the engine and the REST adapter. The
// three-way merge the engine fetches later, only when a pull meets an edit waiting to be pushed.
export { SyncEngine } from './engine.js';
export { RestAdapter } from './adapter.js';
export { SyncHttpError } from './errors.js';
