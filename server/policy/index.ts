// Who may do what: the one place that turns (identity, operation) into SQL conditions. Each condition
// goes into the same statement as the write or read it guards. For now (AP_AUTH=none) all is allowed.
import type { Collection } from '../../src/model/schemas.js';
import type { Identity } from '../auth/index.js';
import type { Params } from '../db/params.js';

export type Operation = 'create' | 'update' | 'delete';

/** Why `identity` may not make this kind of write at all (403), or undefined when it may try. */
export function refusal(_identity: Identity | undefined, _collection: Collection, _operation: Operation): string | undefined {
  return undefined;
}

/** SQL condition on the row (the stored one for update and delete, the new one for create) that lets the write happen. */
export function writeCondition(_identity: Identity | undefined, _collection: Collection, _operation: Operation, _params: Params): string {
  return 'true';
}

/** SQL condition on the rows `identity` may see: the rest are left out of lists and are 404 by id. */
export function readCondition(_identity: Identity | undefined, _collection: Collection, _params: Params): string {
  return 'true';
}
