// The default adapter: REST over fetch, compatible with json-server 0.17.4 (CONTRACT.md "Sync").
import { parsePerson, type AnyRecord, type RecordKind, type Person } from '../model/index.js';
import { SyncHttpError } from './errors.js';

export interface PullQuery {
  planId: string;
  /** Only records with `updatedAt` at or after this (server value); none: all of them. */
  since?: string;
  start: number;
  limit: number;
  /** `updatedAt` (then id) for incremental pulls; `id` for the full pull, which writes do not reorder. */
  order: 'updatedAt' | 'id';
}

export interface PushChange {
  collection: RecordKind;
  op: 'create' | 'update' | 'delete';
  record: AnyRecord;
  /** The server version the change was made on. */
  baseVersion: number;
}

/** What the sync engine needs from an endpoint. Throw SyncHttpError to say what went wrong. */
export interface SyncAdapter {
  /** One page of raw records, in the query's order. */
  pull(collection: RecordKind, query: PullQuery, signal?: AbortSignal): Promise<unknown[]>;
  /** Writes the change; resolves to the server's record (with its new version). */
  push(change: PushChange, signal?: AbortSignal): Promise<unknown>;
}

export interface RestAdapterOptions {
  /** Path of each collection under the base URL (default: its name). */
  paths?: Partial<Record<RecordKind, string>>;
  /** Sent with every request (tokens: set them as a property, never in an attribute). */
  headers?: Record<string, string>;
  /** `same-origin` by default; `include` for a cross-origin endpoint behind intranet single sign-on. */
  credentials?: RequestCredentials;
  /** Property that wraps a list or record in answers (`data`, `value`); arrays are used as they are. */
  envelope?: string;
  /** Model field name to the endpoint's, for endpoints that name fields differently. */
  fieldMap?: Record<string, string>;
  /** Milliseconds before a request counts as timed out. */
  timeoutMs?: number;
  /** A fresh token for `Authorization: Bearer` (as MSAL's acquireTokenSilent): asked before each request, and once more, forced, after a 401. */
  tokenProvider?: TokenProvider;
}

/** Resolves to a bearer token (empty: send none); `forceRefresh` after the endpoint refused the last one. */
export type TokenProvider = (options: { forceRefresh: boolean }) => Promise<string | undefined>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isJson = (response: Response) => /[/+]json\b/i.test(response.headers.get('Content-Type') ?? '');

export class RestAdapter implements SyncAdapter {
  headers: Record<string, string>;
  readonly #options: RestAdapterOptions;

  constructor(readonly baseUrl: string, options: RestAdapterOptions = {}) {
    this.#options = options;
    this.headers = { ...options.headers };
  }

  #url(collection: RecordKind, id?: string): string {
    const path = this.#options.paths?.[collection] ?? collection;
    return `${this.baseUrl.replace(/\/+$/, '')}/${path}${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;
  }

  #wire = (field: string) => this.#options.fieldMap?.[field] ?? field;

  #rename(record: Record<string, unknown>, toWire: boolean): Record<string, unknown> {
    const map = Object.entries(this.#options.fieldMap ?? {});
    if (map.length === 0) return record;
    const lookup = new Map(toWire ? map : map.map(([model, wire]) => [wire, model]));
    return Object.fromEntries(Object.entries(record).map(([field, value]) => [lookup.get(field) ?? field, value]));
  }

  #unwrap(body: unknown): unknown {
    if (!isRecord(body)) return body;
    const key = this.#options.envelope;
    return key ? body[key] : (body.data ?? body.value ?? body);
  }

  #fromWire(body: unknown): unknown {
    return isRecord(body) ? this.#rename(body, false) : body;
  }

  async #authorization(forceRefresh: boolean): Promise<Record<string, string>> {
    const provider = this.#options.tokenProvider;
    if (!provider) return {};
    let token: string | undefined;
    try {
      token = await provider({ forceRefresh });
    } catch (error) {
      // MSAL's InteractionRequiredAuthError and the like: the person has to sign in again.
      throw new SyncHttpError('auth', error instanceof Error ? error.message : String(error), 401);
    }
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  async #request(method: string, url: string, signal: AbortSignal | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
    try {
      return await this.#send(method, url, signal, body, { ...headers, ...(await this.#authorization(false)) });
    } catch (error) {
      if (!(error instanceof SyncHttpError && error.status === 401 && this.#options.tokenProvider)) throw error;
      // The token expired in flight, or was revoked: one more try with a token fetched anew.
      return this.#send(method, url, signal, body, { ...headers, ...(await this.#authorization(true)) });
    }
  }

  async #send(method: string, url: string, signal: AbortSignal | undefined, body: unknown, headers: Record<string, string>): Promise<unknown> {
    // One controller for both the timeout and the engine stopping (no AbortSignal.any: older Safari).
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.#options.timeoutMs ?? 20000);
    signal?.addEventListener('abort', () => timeout.abort(), { once: true });
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        credentials: this.#options.credentials ?? 'same-origin',
        headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...this.headers, ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: timeout.signal,
        cache: 'no-store',
      });
      // The timeout covers the body too: a connection cut mid-answer must not hang the sync.
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new SyncHttpError('retry', timeout.signal.aborted ? 'The endpoint did not answer in time.' : 'The endpoint could not be reached.');
    } finally {
      clearTimeout(timer);
    }
    let data: { error?: unknown; message?: unknown; current?: unknown } | undefined;
    try {
      data = isJson(response) ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON after all: handled below as a web page.
    }
    const { status } = response;
    const message = data?.error ?? data?.message;
    const reason = typeof message === 'string' ? message : `The endpoint answered ${status} ${response.statusText}`.trim();
    if (response.ok) {
      if (data === undefined) throw new SyncHttpError('retry', 'The endpoint answered with a web page instead of data (perhaps a Wi-Fi or sign-in page).', status);
      return this.#unwrap(data);
    }
    // 403 on a write refuses that one change (the person may not make it); on a read it means signed out.
    if (status === 403 && method !== 'GET') throw new SyncHttpError('invalid', reason, status);
    if (status === 401 || status === 403) throw new SyncHttpError('auth', reason, status);
    if (status === 404) throw new SyncHttpError('gone', reason, status);
    if (status === 409 || status === 412) throw new SyncHttpError('conflict', reason, status, null, this.#fromWire(data?.current));
    // json-server answers a create whose id exists (a retried create that landed) with 500 "duplicate id".
    if (status === 500 && /duplicate id/i.test(text)) throw new SyncHttpError('conflict', reason, status);
    if (status === 429 || status >= 500) throw new SyncHttpError('retry', reason, status, response.headers.get('Retry-After'));
    // 400, 422 and any other refusal: the endpoint will not take this change.
    throw new SyncHttpError('invalid', reason, status);
  }

  /** Who is signed in (`GET {endpoint}/me`); undefined when the endpoint has no sign-in (404). */
  async me(signal?: AbortSignal): Promise<Person | undefined> {
    try {
      const person = parsePerson(await this.#request('GET', `${this.baseUrl.replace(/\/+$/, '')}/me`, signal));
      if (!person) throw new SyncHttpError('retry', 'The endpoint did not say who is signed in.');
      return person;
    } catch (error) {
      if (error instanceof SyncHttpError && error.kind === 'gone') return undefined;
      throw error;
    }
  }

  async pull(collection: RecordKind, query: PullQuery, signal?: AbortSignal): Promise<unknown[]> {
    const sort = query.order === 'id' ? [this.#wire('id')] : [this.#wire('updatedAt'), this.#wire('id')];
    const params = new URLSearchParams({ [this.#wire('planId')]: query.planId, _sort: sort.join(','), _order: sort.map(() => 'asc').join(','), _start: String(query.start), _limit: String(query.limit) });
    if (query.since) params.set(`${this.#wire('updatedAt')}_gte`, query.since);
    const page = await this.#request('GET', `${this.#url(collection)}?${params}`, signal);
    if (!Array.isArray(page)) throw new SyncHttpError('retry', `The endpoint did not answer ${collection} with a list.`);
    return page.map((record) => this.#fromWire(record));
  }

  async push({ collection, op, record, baseVersion }: PushChange, signal?: AbortSignal): Promise<unknown> {
    const body = this.#rename({ ...record, version: baseVersion + 1 }, true);
    try {
      const answer =
        op === 'create'
          ? await this.#request('POST', this.#url(collection), signal, body)
          : await this.#request('PUT', this.#url(collection, record.id), signal, body, { 'If-Match': `"${baseVersion}"` });
      return this.#fromWire(answer);
    } catch (error) {
      if (!(error instanceof SyncHttpError) || error.kind !== 'conflict' || error.current !== undefined) throw error;
      // The server did not send its record: fetch it so the engine can compare and merge.
      const current = await this.#request('GET', this.#url(collection, record.id), signal).catch((lookup: unknown) => {
        // A create refused as a conflict, yet the server has no such record: nothing landed, so send it again.
        if (op === 'create' && lookup instanceof SyncHttpError && lookup.kind === 'gone') throw new SyncHttpError('retry', error.message, error.status);
        throw lookup;
      });
      throw new SyncHttpError('conflict', error.message, error.status, null, this.#fromWire(current));
    }
  }
}
