// Sync test fixtures: a fresh real endpoint (behind the fault proxy), ours on PostgreSQL or json-server,
// and engines on it.
import { executeServerCommand } from '@web/test-runner-commands';
import { RestAdapter, SyncEngine, type SyncEngineOptions } from '../../src/sync/index.js';
import type { ActionPlanStore } from '../../src/store/index.js';
import { PLAN, waitUntil } from '../helpers.js';

export interface Endpoint {
  id: string;
  url: string;
}

type Data = Record<string, Record<string, unknown>[]>;

/** Our endpoint (server/, on PostgreSQL) or json-server 0.17.4 (with our middleware unless `plain`). */
export type EndpointKind = 'ours' | 'json-server';

/** Ours in every engine; json-server as well in Chromium (any JSON endpoint, weaker guarantees). */
export const ENDPOINT_KINDS: EndpointKind[] = navigator.userAgent.includes('Chrome/') ? ['ours', 'json-server'] : ['ours'];

let defaultKind: EndpointKind = 'json-server';

/** A suite once per endpoint kind of ENDPOINT_KINDS; createEndpoint() in it makes that kind. */
export function describeEndpoints(title: string, suite: (this: Mocha.Suite, kind: EndpointKind) => void): void {
  for (const kind of ENDPOINT_KINDS) {
    describe(`${title} (${kind === 'ours' ? 'our endpoint' : 'json-server'})`, function () {
      before(() => (defaultKind = kind));
      after(() => (defaultKind = 'json-server'));
      suite.call(this, kind);
    });
  }
}

/**
 * A fresh endpoint of the suite's kind (json-server outside describeEndpoints); `plain`: json-server as it comes;
 * `without`: json-server lacking those collections; `people`: json-server signing in by bearer token (token to `/me` answer);
 * `auth: 'dev'`: ours signing in its demo people, named by bearer token (test/server/browser-endpoints.ts), for pages of `origin`.
 */
export const createEndpoint = (options: { kind?: EndpointKind; plain?: boolean; data?: Data; without?: string[]; people?: Record<string, unknown>; auth?: 'dev'; origin?: string } = {}) =>
  executeServerCommand<Endpoint, typeof options>('endpoint-create', { kind: options.plain ? 'json-server' : defaultKind, ...options });

/** Faults the proxy applies to the next matching requests (see scripts/endpoint.mjs). */
export const injectFaults = (endpoint: Endpoint, faults: Record<string, unknown>[]) => executeServerCommand('endpoint-faults', { id: endpoint.id, faults });

/** What the server holds now. */
export const serverData = async (endpoint: Endpoint) => (await executeServerCommand<Data, { id: string }>('endpoint-data', { id: endpoint.id }))!;

/** Requests the proxy saw for this endpoint since the last call. */
export const serverRequests = (endpoint: Endpoint) =>
  executeServerCommand<{ method: string; url: string; ifMatch?: string; authorization?: string }[], { id: string }>('endpoint-requests', { id: endpoint.id });

export const serverRecord = async (endpoint: Endpoint, collection: string, id: string) => (await serverData(endpoint))[collection]!.filter((record) => record.id === id);

/** An engine with fast backoff and no interval ticks, that never hears the page's own online events. */
export function engineFor(store: ActionPlanStore, endpoint: Endpoint, options: Partial<SyncEngineOptions> = {}): SyncEngine {
  return new SyncEngine({
    store,
    adapter: new RestAdapter(endpoint.url, { timeoutMs: 2000 }),
    planId: PLAN,
    scope: endpoint.url,
    user: 'Tester',
    intervalMs: 600_000,
    backoff: { baseMs: 20, maxMs: 100 },
    events: new EventTarget(),
    ...options,
  });
}

/** Starts the engine and waits until it holds the lock (is the tab that syncs). */
export async function started(engine: SyncEngine): Promise<SyncEngine> {
  engine.start();
  await waitUntil(() => engine.state.leader, 'the engine never became the syncing tab', { timeout: 6000 });
  return engine;
}

/** Waits until the outbox is empty and the engine idle (a sync after the last local write has finished). */
export async function settled(engine: SyncEngine, store: ActionPlanStore, timeout = 8000): Promise<void> {
  const until = Date.now() + timeout;
  while ((await store.outbox()).some((entry) => !engine.state.conflicts.some((c) => c.recordId === entry.recordId)) || engine.state.state !== 'idle') {
    if (Date.now() > until) throw new Error(`sync did not settle: ${engine.state.state} ${engine.state.error ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await engine.syncNow();
}

/** A record as the server stores it. */
export const wire = (record: Record<string, unknown>, version = 1, updatedAt = '2024-01-10T09:00:00.000Z') => ({ planId: PLAN, version, updatedAt, updatedBy: 'Server', deleted: false, ...record });
