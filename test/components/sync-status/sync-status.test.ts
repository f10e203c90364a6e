import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { ApPlan } from '../../../src/components/plan/plan.js';
import { ActionPlanStore } from '../../../src/store/index.js';
import type { SyncEngine } from '../../../src/sync/index.js';
import type { ConflictDetail } from '../../../src/events.js';
import { actionInput, freshName, PLAN, waitUntil } from '../../helpers.js';
import { createEndpoint, engineFor, injectFaults, serverRecord, settled, wire, type Endpoint } from '../../sync/sync-helpers.js';

const by = { by: 'Officer' };

describe('<ap-sync-status>', function () {
  // Real HTTP and IndexedDB on a busy machine: give each test room.
  this.timeout(30_000);
  let store: ActionPlanStore;
  let endpoint: Endpoint;
  let engine: SyncEngine;
  let online: boolean;

  async function mount(without?: string[]) {
    endpoint = await createEndpoint({ without, data: { actions: [wire(actionInput({ id: 'a-1', title: 'Sanctuary scheme' })), wire(actionInput({ id: 'a-2', title: 'Taxi marshals' }))] } });
    store = await ActionPlanStore.open(freshName('status'));
    online = true;
    engine = engineFor(store, endpoint, { isOnline: () => online });
    const plan = await fixture<ApPlan>(html`<ap-plan plan-id=${PLAN} user="Officer" .store=${store} .sync=${engine}><ap-sync-status></ap-sync-status><ap-action-card action-id="a-2"></ap-action-card></ap-plan>`);
    await waitUntil(() => engine.state.leader && engine.state.lastSynced, 'the plan did not sync', { timeout: 8000 });
    return { plan, el: plan.querySelector('ap-sync-status')! };
  }
  const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
  const status = (el: Element) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!;
  const button = (el: Element, label: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith(label) && !b.hidden)!;
  const edit = async (id: string, fields: Record<string, unknown>) => store.put('actions', { ...(await store.get('actions', id))!, ...fields }, by);
  afterEach(() => store?.close());

  it('is accessible online and says everything is saved', async () => {
    const { el } = await mount();
    await waitUntil(() => status(el).includes('every change is saved'), status(el), { timeout: 6000 });
    expect(status(el)).to.match(/Last synced (now|this minute|\d+ minutes? ago)/);
    await expect(el).to.be.accessible();
  });

  it('names a collection the endpoint lacks and how to add it, while the rest syncs', async () => {
    const { el } = await mount(['history']);
    await waitUntil(() => status(el).includes('has no history collection'), status(el), { timeout: 6000 });
    expect(status(el)).to.include('add "history": [] to db.json').and.include('every change is saved');
    await expect(el).to.be.accessible();
  });

  it('is accessible offline with changes waiting, and counts them', async () => {
    const { el } = await mount();
    online = false;
    await edit('a-1', { progress: 10 });
    await edit('a-2', { progress: 20 });
    await engine.syncNow();
    await waitUntil(() => status(el).includes('2 changes waiting to sync'), status(el), { timeout: 6000 });
    expect(status(el)).to.include('Offline');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a Retry button that syncs the waiting change', async () => {
    const { el } = await mount();
    await injectFaults(endpoint, [{ kind: 'status', status: 503, times: 100 }]);
    await edit('a-1', { progress: 10 });
    await waitUntil(() => status(el).includes('Could not sync'), status(el), { timeout: 6000 });
    await expect(el).to.be.accessible();
    await injectFaults(endpoint, []);
    button(el, 'Retry').click();
    await waitUntil(() => status(el).includes('every change is saved') && !status(el).includes('waiting'), status(el), { timeout: 6000 });
    expect(await serverRecord(endpoint, 'actions', 'a-1')).to.have.nested.property('[0].progress', 10);
  });

  it('merges edits of different fields silently and shows a same-field clash side by side; Keep mine syncs it', async () => {
    const { plan, el } = await mount();
    const conflicts: ConflictDetail[] = [];
    plan.addEventListener('ap-conflict', (event) => conflicts.push(event.detail));
    online = false;
    await edit('a-1', { status: 'in-progress' });
    await edit('a-2', { progress: 50 });
    for (const [id, fields] of [['a-1', { title: 'Sanctuary scheme (extended)' }], ['a-2', { progress: 70 }]] as const) {
      const [current] = await serverRecord(endpoint, 'actions', id);
      await fetch(`${endpoint.url}/actions/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': '"1"' }, body: JSON.stringify({ ...current, ...fields }) });
    }
    online = true;
    await engine.syncNow();
    await waitUntil(() => text(el).includes('"Taxi marshals" was changed here and on the server'), text(el), { timeout: 6000 });
    expect(conflicts).to.deep.equal([{ collection: 'actions', recordId: 'a-2', fields: ['progress'] }]);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent!.trim()));
    expect(rows).to.deep.equal([['Progress', '50', '70']]);
    expect(await serverRecord(endpoint, 'actions', 'a-1'), 'disjoint fields merged').to.have.nested.property('[0].status', 'in-progress');
    expect((await store.get('actions', 'a-1'))?.title).to.equal('Sanctuary scheme (extended)');
    await expect(el).to.be.accessible();
    const badge = () => plan.querySelector('ap-action-card')!.shadowRoot!.querySelector('[part="conflict"]');
    await waitUntil(badge, 'the card shows no conflict badge', { timeout: 6000 });

    // The badge leads to the conflict: focus lands on its first choice, Keep mine, for the keyboard.
    (badge() as HTMLElement).click();
    expect(el.shadowRoot!.activeElement?.textContent).to.contain('Keep mine');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !text(el).includes('was changed here'), 'the conflict stayed', { timeout: 6000 });
    await settled(engine, store);
    expect((await serverRecord(endpoint, 'actions', 'a-2'))[0]).to.include({ progress: 50, version: 3 });
    await waitUntil(() => !badge(), 'the badge stayed', { timeout: 6000 });
    expect(el.shadowRoot!.activeElement, 'focus goes to the status line').to.equal(el.shadowRoot!.querySelector('[role="status"]'));
  });

  it('lets the user edit the merged text of a clashing text field', async () => {
    const { el } = await mount();
    online = false;
    await edit('a-1', { description: 'Mine' });
    const [current] = await serverRecord(endpoint, 'actions', 'a-1');
    await fetch(`${endpoint.url}/actions/a-1`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...current, description: 'Theirs' }) });
    online = true;
    // On a loaded machine a sync begun while offline can still be settling: ask again until the clash shows.
    const editor = () => el.shadowRoot!.querySelector('textarea') ?? void engine.syncNow();
    await waitUntil(editor, 'no merge editor', { timeout: 15000, interval: 500 });
    const textarea = el.shadowRoot!.querySelector('textarea')!;
    expect(el.shadowRoot!.querySelector(`label[for="${textarea.id}"]`)!.textContent).to.include('Edit the merged description');
    textarea.value = '';
    textarea.focus();
    await sendKeys({ type: 'Mine and theirs' });
    button(el, 'Save merged description').click();
    await waitUntil(async () => (await serverRecord(endpoint, 'actions', 'a-1'))[0]!.description === 'Mine and theirs', 'the merge did not sync', { timeout: 6000 });
  });

  it('keeps theirs when asked', async () => {
    const { el } = await mount();
    online = false;
    await edit('a-1', { progress: 5 });
    const [current] = await serverRecord(endpoint, 'actions', 'a-1');
    await fetch(`${endpoint.url}/actions/a-1`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...current, progress: 90 }) });
    online = true;
    // A sync already running when we come online pulled before the server's edit: sync again until the clash shows.
    await waitUntil(async () => (await engine.syncNow(), button(el, 'Keep theirs')), 'no conflict', { timeout: 6000 });
    button(el, 'Keep theirs').click();
    await waitUntil(async () => (await store.get('actions', 'a-1'))?.progress === 90, 'theirs not kept', { timeout: 6000 });
    expect(await store.outbox()).to.have.length(0);
  });

  it('lists a refused change with Retry and Discard, and is accessible', async () => {
    const { el } = await mount();
    await injectFaults(endpoint, [{ kind: 'status', status: 422, method: 'PUT', body: { error: 'Progress is not allowed to go down.' } }]);
    await edit('a-1', { progress: 10 });
    await waitUntil(() => text(el).includes('"Sanctuary scheme": Progress is not allowed to go down.'), text(el), { timeout: 6000 });
    await expect(el).to.be.accessible();
    button(el, 'Discard').click();
    await waitUntil(() => !text(el).includes('not allowed'), 'still listed', { timeout: 6000 });
    expect((await store.get('actions', 'a-1'))?.progress).to.equal(0);
  });
});
