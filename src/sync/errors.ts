// What went wrong talking to the endpoint, sorted by what the sync engine does about it.

/**
 * `retry`: network, timeout, 5xx, 429, a web page instead of data; `auth`: 401 (or 403 on a read), sign in again;
 * `invalid`: 400/422, or 403 on a write: the endpoint refused this change; `conflict`: 409/412 or a create that already
 * exists (`current` holds the server's record when known); `gone`: 404, deleted on the server.
 */
export type SyncFailure = 'retry' | 'auth' | 'invalid' | 'conflict' | 'gone';

export class SyncHttpError extends Error {
  override name = 'SyncHttpError';
  constructor(
    readonly kind: SyncFailure,
    message: string,
    readonly status = 0,
    readonly retryAfter?: string | null,
    readonly current?: unknown,
  ) {
    super(message);
  }
}
