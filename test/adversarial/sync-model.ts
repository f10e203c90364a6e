// Model-based sync fuzzing (fast-check `fc.commands`): two devices, one with two tabs on one
// database, each tab a store and a SyncEngine, against the real demo endpoint (json-server with
// our middleware) behind the fault-injecting proxy. Shared by sync-fuzz.test.ts and `npm run soak`.
import fc from 'fast-check';
import { executeServerCommand } from '@web/test-runner-commands';
import { ActionPlanStore } from '../../src/store/index.js';
import { RestAdapter, SyncEngine } from '../../src/sync/index.js';
import { freshName, PLAN } from '../helpers.js';
import { createEndpoint, injectFaults, serverData, wire, type Endpoint } from '../sync/sync-helpers.js';

const IDS = ['a-0', 'a-1', 'a-2'];
const FIELDS = ['title', 'owner', 'progress'] as const;
type Field = (typeof FIELDS)[number] | 'deleted';
const TABS = ['A1', 'A2', 'B'] as const;
type Tab = (typeof TABS)[number];
const deviceOf = (tab: Tab) => (tab === 'B' ? 'B' : 'A');
export const FAULTS = ['500', 'timeout', 'lost-response', 'duplicate', '412'] as const;
type Fault = (typeof FAULTS)[number];

interface Client {
  store: ActionPlanStore;
  engine: SyncEngine;
}

/** The world of one run: the endpoint, the tabs, and what users did (in command order). */
export class World {
  clients = new Map<Tab, Client>();
  online = { A: true, B: true };
  /** (record, field) -> the last value a user set and who: the invariant's "every edit kept or in conflict". */
  lastEdit = new Map<string, { by: Tab | 'server'; value: unknown }>();
  faults: Record<Fault, number> = { '500': 0, timeout: 0, 'lost-response': 0, duplicate: 0, '412': 0 };
  names = { A: freshName('fuzz-a'), B: freshName('fuzz-b') };
  counter = 0;
  /**
   * Shared by every tab's adapter, which reads it per request: short while faults are injected (an
   * injected hang must time out quickly), long once they are cleared (a busy machine's slow answer is no fault).
   */
  readonly adapterOptions = { timeoutMs: 800 };

  constructor(readonly endpoint: Endpoint) {}

  async open(tab: Tab): Promise<void> {
    const store = await ActionPlanStore.open(this.names[deviceOf(tab)]);
    const engine = new SyncEngine({
      store,
      adapter: new RestAdapter(this.endpoint.url, this.adapterOptions),
      planId: PLAN,
      scope: this.endpoint.url,
      user: tab,
      intervalMs: 3_600_000,
      overlapMs: 5_000,
      backoff: { baseMs: 5, maxMs: 40 },
      events: new EventTarget(),
      isOnline: () => this.online[deviceOf(tab)],
    });
    engine.start();
    this.clients.set(tab, { store, engine });
  }

  close(tab: Tab): void {
    const client = this.clients.get(tab);
    client?.engine.stop();
    client?.store.close();
    this.clients.delete(tab);
  }

  closeAll(): void {
    for (const tab of [...this.clients.keys()]) this.close(tab);
  }

  edited(id: string, field: Field, by: Tab | 'server', value: unknown): void {
    this.lastEdit.set(`${id}|${field}`, { by, value });
  }
}

const client = (world: World, tab: Tab) => world.clients.get(tab);

export class Create implements fc.AsyncCommand<object, World> {
  constructor(readonly tab: Tab, readonly id: string) {}
  check = () => true;
  async run(_: object, world: World) {
    const c = client(world, this.tab);
    if (!c || (await c.store.get('actions', this.id))) return;
    const title = `${this.tab} created ${this.id} #${++world.counter}`;
    await c.store.put('actions', { id: this.id, planId: PLAN, priorityId: 'p-1', title }, { by: this.tab });
    for (const field of FIELDS) world.edited(this.id, field, this.tab, field === 'title' ? title : field === 'progress' ? 0 : undefined);
    world.edited(this.id, 'deleted', this.tab, false);
  }
  toString = () => `create(${this.tab}, ${this.id})`;
}

export class Edit implements fc.AsyncCommand<object, World> {
  constructor(readonly tab: Tab, readonly id: string, readonly field: (typeof FIELDS)[number]) {}
  check = () => true;
  async run(_: object, world: World) {
    const c = client(world, this.tab);
    const record = await c?.store.get('actions', this.id);
    if (!c || !record || record.deleted) return;
    const value = this.field === 'progress' ? ++world.counter % 101 : `${this.tab} #${++world.counter}`;
    await c.store.put('actions', { ...record, [this.field]: value }, { by: this.tab });
    world.edited(this.id, this.field, this.tab, value);
  }
  toString = () => `edit(${this.tab}, ${this.id}, ${this.field})`;
}

export class Delete implements fc.AsyncCommand<object, World> {
  constructor(readonly tab: Tab, readonly id: string) {}
  check = () => true;
  async run(_: object, world: World) {
    const c = client(world, this.tab);
    const record = await c?.store.get('actions', this.id);
    if (!c || !record || record.deleted) return;
    await c.store.remove('actions', this.id, { by: this.tab });
    world.edited(this.id, 'deleted', this.tab, true);
  }
  toString = () => `delete(${this.tab}, ${this.id})`;
}

/** Another partner's write straight to the endpoint, as it concurrently does right (If-Match). */
export class ServerEdit implements fc.AsyncCommand<object, World> {
  constructor(readonly id: string) {}
  check = () => true;
  async run(_: object, world: World) {
    await injectFaults(world.endpoint, []); // a pending fault is the clients' and must not hit this write
    const response = await fetch(`${world.endpoint.url}/actions/${this.id}`);
    if (!response.ok) return;
    const record = await response.json();
    if (record.deleted) return;
    const title = `server #${++world.counter}`;
    const put = await fetch(`${world.endpoint.url}/actions/${this.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${record.version}"` },
      body: JSON.stringify({ ...record, title, updatedBy: 'Server' }),
    });
    if (put.ok) world.edited(this.id, 'title', 'server', title);
  }
  toString = () => `serverEdit(${this.id})`;
}

export class Network implements fc.AsyncCommand<object, World> {
  constructor(readonly device: 'A' | 'B', readonly online: boolean) {}
  check = () => true;
  async run(_: object, world: World) {
    world.online[this.device] = this.online;
    if (this.online) for (const [tab, c] of world.clients) if (deviceOf(tab) === this.device) void c.engine.syncNow();
  }
  toString = () => `${this.online ? 'online' : 'offline'}(${this.device})`;
}

export class Reopen implements fc.AsyncCommand<object, World> {
  constructor(readonly tab: Tab) {}
  check = () => true;
  async run(_: object, world: World) {
    world.close(this.tab);
    await world.open(this.tab);
  }
  toString = () => `reopen(${this.tab})`;
}

export class InjectFault implements fc.AsyncCommand<object, World> {
  constructor(readonly fault: Fault, readonly method: 'GET' | 'PUT' | 'POST') {}
  check = () => true;
  async run(_: object, world: World) {
    const kind = { '500': { kind: 'status', status: 500 }, timeout: { kind: 'timeout' }, 'lost-response': { kind: 'cut' }, duplicate: { kind: 'twice' }, '412': { kind: 'status', status: 412, body: { error: 'Injected stale version' } } }[this.fault];
    await injectFaults(world.endpoint, [{ ...kind, method: this.method, path: '/actions' }]);
    world.faults[this.fault]++;
  }
  toString = () => `fault(${this.fault}, ${this.method})`;
}

export class SyncStep implements fc.AsyncCommand<object, World> {
  constructor(readonly tab: Tab) {}
  check = () => true;
  async run(_: object, world: World) {
    await client(world, this.tab)?.engine.syncNow();
  }
  toString = () => `sync(${this.tab})`;
}

const tab = fc.constantFrom(...TABS);
const id = fc.constantFrom(...IDS);
export const commands = fc.commands(
  [
    fc.tuple(tab, id).map(([t, i]) => new Create(t, i)),
    fc.tuple(tab, id, fc.constantFrom(...FIELDS)).map(([t, i, f]) => new Edit(t, i, f)),
    fc.tuple(tab, id).map(([t, i]) => new Delete(t, i)),
    id.map((i) => new ServerEdit(i)),
    fc.tuple(fc.constantFrom('A' as const, 'B' as const), fc.boolean()).map(([d, o]) => new Network(d, o)),
    tab.map((t) => new Reopen(t)),
    fc.tuple(fc.constantFrom(...FAULTS), fc.constantFrom('GET' as const, 'PUT' as const, 'POST' as const)).map(([f, m]) => new InjectFault(f, m)),
    tab.map((t) => new SyncStep(t)),
  ],
  { maxCommands: 14 },
);

/** A fresh world: an endpoint holding the plan's priority, and the three tabs open. */
export async function setup(): Promise<World> {
  const endpoint = await createEndpoint({ data: { priorities: [wire({ id: 'p-1', title: 'Domestic Abuse' })] } });
  const world = new World(endpoint);
  for (const t of TABS) await world.open(t);
  return world;
}

const comparable = (record: Record<string, unknown> | undefined) =>
  record && { title: record.title, owner: record.owner ?? undefined, progress: record.progress ?? 0, deleted: record.deleted ?? false, version: record.version };

/**
 * Faults cleared and everyone online, syncs until every outbox holds only edits waiting on an open
 * conflict; then the invariants. Throws a message naming the broken one.
 */
export async function settleAndCheck(world: World): Promise<void> {
  await injectFaults(world.endpoint, []);
  world.adapterOptions.timeoutMs = 10_000;
  world.online = { A: true, B: true };
  const tabs = [...world.clients.values()];
  const blocked = async (c: Client) => new Set((await c.store.conflicts()).map((conflict) => conflict.recordId));
  const quiet = async () => {
    for (const c of tabs) {
      const open = await blocked(c);
      if ((await c.store.outbox()).some((entry) => entry.collection !== 'history' && !open.has(entry.recordId))) return false;
      if ((await c.store.deadLetters()).length > 0) throw new Error(`dead letters for valid changes: ${JSON.stringify(await c.store.deadLetters())}`);
    }
    return true;
  };
  for (let round = 0; ; round++) {
    for (const c of tabs) await c.engine.syncNow();
    if (await quiet()) break;
    if (round > 40) throw new Error('sync never settled: outbox entries left');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Two more whole syncs per tab (a sync that failed, say timed out on a busy machine, does not count),
  // so each device has pulled what the others pushed last.
  for (let round = 0; round < 2; round++) {
    for (const c of tabs) {
      for (let tries = 0; ; tries++) {
        await c.engine.syncNow();
        if (c.engine.state.state === 'idle' || !c.engine.state.leader) break;
        if (tries > 20) throw new Error(`sync keeps failing: ${c.engine.state.error}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  const server = (await serverData(world.endpoint)).actions ?? [];
  const seen = new Set<string>();
  for (const record of server) {
    if (seen.has(record.id as string)) throw new Error(`record ${record.id} duplicated on the server`);
    seen.add(record.id as string);
  }
  const onServer = new Map(server.map((record) => [record.id as string, record]));
  const conflicted = new Map<Tab, Set<string>>();
  for (const [t, c] of world.clients) {
    conflicted.set(t, await blocked(c));
    const quarantined = await c.store.quarantined();
    if (quarantined.length > 0) throw new Error(`${t} quarantined valid data: ${JSON.stringify(quarantined[0]!.issues)}`);
    const local = await c.store.query('actions', { value: PLAN, includeDeleted: true });
    for (const record of local) {
      if (conflicted.get(t)!.has(record.id)) continue;
      const theirs = comparable(onServer.get(record.id));
      if (JSON.stringify(comparable(record as never)) !== JSON.stringify(theirs)) {
        throw new Error(`${t} differs from the server on ${record.id}: ${JSON.stringify(comparable(record as never))} vs ${JSON.stringify(theirs)}`);
      }
    }
    for (const id of onServer.keys()) if (!local.some((record) => record.id === id)) throw new Error(`${t} lacks ${id}, which the server has`);
  }
  for (const [key, { by, value }] of world.lastEdit) {
    const [id, field] = key.split('|') as [string, Field];
    const actual = onServer.get(id)?.[field] ?? (field === 'progress' ? 0 : field === 'deleted' ? false : undefined);
    if (actual === value) continue;
    // Kept as a conflict the user sees (tabs of one device share its database and conflicts).
    const shown = by !== 'server' && [...world.clients.keys()].some((t) => deviceOf(t) === deviceOf(by) && conflicted.get(t)!.has(id));
    // A record deleted on another device: a later delete wins over an edit only if the user sees a conflict.
    if (!shown) throw new Error(`the last edit of ${key} (${JSON.stringify(value)} by ${by}) is neither on the server (${JSON.stringify(actual)}) nor an open conflict`);
  }
}

/** Runs `runs` fuzz runs from `seed`; resolves with the fault counts. */
export async function fuzz(runs: number, seed: number, onRun?: (n: number) => void): Promise<Record<Fault, number>> {
  const faults: Record<Fault, number> = { '500': 0, timeout: 0, 'lost-response': 0, duplicate: 0, '412': 0 };
  let n = 0;
  await fc.assert(
    fc.asyncProperty(commands, async (cmds) => {
      const world = await setup();
      try {
        await fc.asyncModelRun(() => ({ model: {}, real: world }), cmds);
        await settleAndCheck(world);
      } finally {
        world.closeAll();
        for (const [kind, count] of Object.entries(world.faults)) faults[kind as Fault] += count;
        onRun?.(++n);
      }
    }),
    { numRuns: runs, seed, endOnFailure: true, includeErrorInReport: true },
  );
  return faults;
}

export const settings = () => executeServerCommand<{ runs?: number; seed?: number; shards?: number }, undefined>('fuzz-settings').catch(() => undefined);
