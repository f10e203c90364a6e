// Sign-in, roles and per-person storage, driven as people use the widgets, against a real endpoint
// with sign-in (test/sync/sign-in-helpers.ts): our endpoint in AP_AUTH=dev as the demo people, and in
// Chromium json-server with the test plugin's bearer tokens as well.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { ApPlan } from '../../../src/components/plan/plan.js';
import { ActionPlanStore } from '../../../src/store/index.js';
import type { TokenProvider } from '../../../src/sync/index.js';
import { freshName, PLAN, waitUntil } from '../../helpers.js';
import { signInEndpoints, type SignInEndpoint, type Who } from '../../sync/sign-in-helpers.js';
import { ENDPOINT_KINDS } from '../../sync/sync-helpers.js';

const shadowText = (el: Element | null | undefined) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const buttons = (el: Element) => [...el.shadowRoot!.querySelectorAll('button')].filter((b) => !b.hidden && !b.closest('[hidden]'));
const button = (el: Element, label: string) => buttons(el).find((b) => b.textContent!.replace(/\s+/g, ' ').trim().startsWith(label));

for (const kind of ENDPOINT_KINDS) {
  describe(`<ap-plan> with sign-in (${kind === 'ours' ? 'our endpoint, AP_AUTH=dev' : 'json-server'})`, function () {
    // Real HTTP and IndexedDB on a busy machine: give each test room.
    this.timeout(40_000);
    let endpoint: SignInEndpoint;
    let name: string;
    const stores: ActionPlanStore[] = [];
    afterEach(() => stores.splice(0).forEach((store) => store.close()));

    /** The plan as `who` sees it; `tokens` answers the plan's token requests (default: `who`'s first token). */
    async function mount(who: Who, tokens?: TokenProvider, widgets = html`<ap-action-card action-id="a-police"></ap-action-card><ap-action-card action-id="a-probation"></ap-action-card><ap-sync-status></ap-sync-status>`) {
      const plan = await fixture<ApPlan>(html`<ap-plan name=${name} plan-id=${PLAN} endpoint=${endpoint.url} .tokenProvider=${tokens ?? (async () => endpoint.token(who))}>${widgets}</ap-plan>`);
      await waitUntil(() => plan.context?.syncState?.lastSynced, `${who}'s plan did not sync: ${plan.context?.syncState?.error ?? ''}`, { timeout: 10_000 });
      return plan;
    }
    const card = (plan: ApPlan, id: string) => plan.querySelector<HTMLElement>(`ap-action-card[action-id="${id}"]`)!;
    const cardShows = (plan: ApPlan, id: string, text: string) => waitUntil(() => shadowText(card(plan, id)).includes(text), `${id} never showed "${text}": ${shadowText(card(plan, id))}`, { timeout: 6000 });
    /** Opens the card's editor and sets its progress, as a person does before pressing Save. */
    async function fillProgress(plan: ApPlan, id: string, value: number) {
      const editing = card(plan, id);
      await waitUntil(() => button(editing, 'Edit'), `no Edit on ${id}: ${shadowText(editing)}`, { timeout: 8000 });
      button(editing, 'Edit')!.click();
      await waitUntil(() => editing.shadowRoot!.querySelector('#progress-input'), 'no editor', { timeout: 8000 });
      const progress = editing.shadowRoot!.querySelector<HTMLInputElement>('#progress-input')!;
      progress.value = String(value);
      progress.dispatchEvent(new Event('input'));
    }

    beforeEach(async () => {
      endpoint = await signInEndpoints[kind]();
      name = freshName('sign-in');
    });

    it("a partner sees Edit only on their agency's actions; their editor starts with status, progress and the update", async () => {
      const plan = await mount('police');
      await cardShows(plan, 'a-probation', 'Only Probation Service and the CSP officers can update this action.');
      expect(button(card(plan, 'a-probation'), 'Edit')).to.equal(undefined);
      const police = card(plan, 'a-police');
      await cardShows(plan, 'a-police', 'Taxi marshals');
      button(police, 'Edit')!.click();
      await waitUntil(() => police.shadowRoot!.querySelector('form'), 'no editor', { timeout: 8000 });
      const controls = [...police.shadowRoot!.querySelectorAll('form input, form select, form textarea')].map((c) => c.id);
      expect(controls.slice(0, 3)).to.deep.equal(['status-input', 'progress-input', 'update-input']);
      expect(controls, 'the lead agency is not offered').not.to.include('leadAgency-input');
      expect(police.shadowRoot!.querySelector('form')!.textContent!.replace(/\s+/g, ' ')).to.include('Lead agency: Lancashire Police');
      expect(police.shadowRoot!.activeElement?.id, 'focus on the first field they came for').to.equal('status-input');
      await expect(police).to.be.accessible();
      await expect(card(plan, 'a-probation')).to.be.accessible();
    });

    for (const [who, mine, theirs] of [
      ['police', 'a-police', 'a-probation'],
      ['probation', 'a-probation', 'a-police'],
    ] as const) {
      it(`the ${who} partner saves an action of their agency, under their own name, and has no Edit on the other`, async () => {
        const plan = await mount(who);
        await fillProgress(plan, mine, 75);
        expect(button(card(plan, theirs), 'Edit')).to.equal(undefined);
        button(card(plan, mine), 'Save')!.click();
        await waitUntil(async () => (await endpoint.record('actions', mine))?.progress === 75, 'the change did not reach the endpoint', { timeout: 8000 });
        expect((await endpoint.record('actions', mine))?.updatedBy).to.equal(plan.person!.name);
        expect(plan.person!.name).not.to.equal('');
      });
    }

    // json-server's stand-in signs people in but enforces no rights on writes: only ours can refuse this one.
    if (kind === 'ours') {
      it("a 403 on Save when the partner's membership changed on the server since the page loaded: the server's reason, kept in the refused list", async () => {
        const plan = await mount('police');
        await fillProgress(plan, 'a-police', 90);
        await endpoint.reassign('police', ['Probation Service']);
        button(card(plan, 'a-police'), 'Save')!.click();
        const status = plan.querySelector('ap-sync-status')!;
        await waitUntil(() => shadowText(status).includes(`"Taxi marshals" was not saved: Only Lancashire Police and the CSP officers can update this action.`), shadowText(status), { timeout: 8000 });
        await waitUntil(() => shadowText(status).includes('Progress: 90'), `the change is not shown: ${shadowText(status)}`, { timeout: 8000 });
        expect(shadowText(status)).to.include('Changes you may not make (1)');
        expect((await endpoint.record('actions', 'a-police'))?.progress).to.equal(20);
        await expect(status).to.be.accessible();
      });
    }

    it('a councillor (viewer) sees no editing control; the admin offers only Plans, Due soon and Clear', async () => {
      const plan = await mount('councillor', undefined, html`<ap-action-card action-id="a-police"></ap-action-card><ap-plan-admin></ap-plan-admin>`);
      await cardShows(plan, 'a-police', 'Only Lancashire Police and the CSP officers can update this action.');
      expect(button(card(plan, 'a-police'), 'Edit')).to.equal(undefined);
      const admin = plan.querySelector('ap-plan-admin')!;
      await waitUntil(() => admin.shadowRoot!.querySelectorAll('[role="tab"]').length > 0, 'no tabs', { timeout: 8000 });
      expect([...admin.shadowRoot!.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent!.trim())).to.deep.equal(['Plans', 'Due soon', 'Clear data on this device']);
      expect(admin.shadowRoot!.querySelector('form'), 'no plan forms').to.equal(null);
      await expect(admin).to.be.accessible();
    });

    it('an officer edits every action and manages people: adds a partner, with GOV.UK errors first', async () => {
      const plan = await mount('officer', undefined, html`<ap-action-card action-id="a-probation"></ap-action-card><ap-plan-admin view="people"></ap-plan-admin>`);
      await waitUntil(() => button(card(plan, 'a-probation'), 'Edit'), 'no Edit for the officer', { timeout: 8000 });
      const admin = plan.querySelector('ap-plan-admin')!;
      await waitUntil(() => shadowText(admin).includes('pat.police@lancashire.police.uk'), `members not listed: ${shadowText(admin)}`, { timeout: 6000 });
      expect([...admin.shadowRoot!.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent!.trim())).to.include('People');
      const root = admin.shadowRoot!;
      const field = <T extends HTMLElement>(id: string) => root.querySelector<T>(`#${id}`)!;
      // A partner without an agency, and a bad email: both said, focus on the first.
      field<HTMLInputElement>('new-user').value = 'sam.probation@probation.gov.uk';
      field<HTMLInputElement>('new-role-partner').click();
      field<HTMLInputElement>('new-email').value = 'not an email';
      button(admin, 'Add person')!.click();
      await waitUntil(() => shadowText(admin).includes('Enter at least one agency for a partner'), 'no agency error', { timeout: 8000 });
      expect(shadowText(admin)).to.include('Enter an email address in the correct format');
      expect(root.activeElement?.id).to.equal('new-agencies');
      await expect(admin).to.be.accessible();
      field<HTMLTextAreaElement>('new-agencies').value = 'Probation Service';
      field<HTMLInputElement>('new-email').value = 'sam.probation@probation.gov.uk';
      button(admin, 'Add person')!.click();
      await waitUntil(() => shadowText(admin).includes('Added sam.probation@probation.gov.uk.'), shadowText(admin), { timeout: 8000 });
      await waitUntil(async () => (await plan.store!.query('members', { value: PLAN })).some((m) => m.user === 'sam.probation@probation.gov.uk' && m.agencies[0] === 'Probation Service' && m.role === 'partner'), 'not stored', { timeout: 8000 });
      await waitUntil(async () => (await plan.store!.outbox()).length === 0, 'the new member did not sync', { timeout: 8000 });
      // Change and remove, as an officer would.
      root.querySelector<HTMLButtonElement>('#remove-m-police')!.click();
      await waitUntil(() => shadowText(admin).includes('Remove pat.police@lancashire.police.uk from this plan?'), shadowText(admin), { timeout: 8000 });
      expect(root.activeElement?.id).to.equal('remove-yes');
      await expect(admin).to.be.accessible();
      button(admin, 'Yes, remove')!.click();
      await waitUntil(async () => (await endpoint.record('members', 'm-police'))?.deleted === true, 'the removal did not reach the endpoint', { timeout: 8000 });
    });

    for (const [who, expected] of [
      ['police', { move: ['Taxi marshals', 'Operation Nightjar'], tools: false, add: false }],
      ['councillor', { move: [], tools: false, add: false }],
      ['officer', { move: ['Taxi marshals', 'Unpaid work in the town centre', 'Operation Nightjar'], tools: true, add: true }],
    ] as const) {
      it(`the board offers ${who} only the moves and tools they may use`, async () => {
        const plan = await mount(who, undefined, html`<ap-priority-board></ap-priority-board><ap-priority-board group-by="status"></ap-priority-board>`);
        const [byPriority, byStatus] = plan.querySelectorAll('ap-priority-board');
        const cards = who === 'councillor' ? 2 : 3;
        for (const board of [byPriority!, byStatus!]) await waitUntil(() => board.shadowRoot!.querySelectorAll('li.card').length === cards, `cards not shown: ${shadowText(board)}`, { timeout: 6000 });
        const moves = [...byStatus!.shadowRoot!.querySelectorAll('.move-button')].map((b) => b.textContent!.replace('Move to…', '').trim());
        expect(moves).to.have.members([...expected.move]);
        expect([!!button(byPriority!, 'Retire'), !!button(byPriority!, 'Rename priority'), !!button(byPriority!, 'Add priority'), !!button(byPriority!, 'Add action'), !!button(byStatus!, 'Add action')]).to.deep.equal([
          expected.tools,
          expected.tools,
          expected.tools,
          expected.add,
          expected.add,
        ]);
        if (who !== 'officer') expect(byPriority!.shadowRoot!.querySelectorAll('.move-button'), 'a partner cannot move an action to another priority').to.have.length(0);
        await expect(byPriority!).to.be.accessible();
      });
    }

    it('a token that expires mid-session: the plan asks for a fresh one once, and the change syncs', async () => {
      const asked: boolean[] = [];
      const plan = await mount('police', async ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return endpoint.token('police', forceRefresh ? 2 : 1);
      });
      await endpoint.expire(endpoint.token('police', 1));
      await endpoint.requests();
      const store = plan.store!;
      await store.put('actions', { ...(await store.get('actions', 'a-police'))!, progress: 55 }, { by: 'Pat Police' });
      await waitUntil(async () => (await endpoint.record('actions', 'a-police'))?.progress === 55, 'the change did not sync', { timeout: 8000 });
      const puts = (await endpoint.requests()).filter((request) => request.method === 'PUT');
      expect(puts.at(-1)?.authorization).to.equal(`Bearer ${endpoint.token('police', 2)}`);
      expect(asked, 'asked again, forced, after the 401').to.include(true);
    });

    it('a token that cannot be renewed: "Sign in again", no edit lost, synced after', async () => {
      let token = endpoint.token('police');
      const plan = await mount('police', async () => token);
      await endpoint.expire(token);
      const status = plan.querySelector('ap-sync-status')!;
      await fillProgress(plan, 'a-police', 65);
      button(card(plan, 'a-police'), 'Save')!.click();
      await waitUntil(() => button(status, 'Sign in again'), `no Sign in again: ${shadowText(status)}`, { timeout: 8000 });
      expect(shadowText(status)).to.include('1 change waiting to sync');
      await expect(status).to.be.accessible();
      expect((await endpoint.record('actions', 'a-police'))?.progress).to.equal(20);
      // The person signs in again (the page's ap-sign-in handler), and the change goes.
      let heard = 0;
      await endpoint.signIn('police', 3);
      plan.addEventListener('ap-sign-in', () => {
        heard++;
        token = endpoint.token('police', 3);
      });
      button(status, 'Sign in again')!.click();
      await waitUntil(async () => (await endpoint.record('actions', 'a-police'))?.progress === 65, 'the kept change did not sync', { timeout: 8000 });
      expect(heard).to.equal(1);
      await waitUntil(() => !button(status, 'Sign in again'), 'still asks to sign in', { timeout: 8000 });
    });

    it('a 403 on Save shows the reason and keeps the change in the refused list, while the rest sync; Discard restores', async () => {
      const plan = await mount('police');
      const reason = 'Only Lancashire Police and the CSP officers can update this action';
      await endpoint.refuseNext('/actions/a-police', reason);
      const store = plan.store!;
      await store.put('actions', { ...(await store.get('actions', 'a-police'))!, progress: 80 }, { by: 'Pat Police' });
      await store.put('actions', { ...(await store.get('actions', 'a-restricted'))!, progress: 30 }, { by: 'Pat Police' });
      const status = plan.querySelector('ap-sync-status')!;
      await waitUntil(() => shadowText(status).includes(`"Taxi marshals" was not saved: ${reason}`), shadowText(status), { timeout: 8000 });
      await waitUntil(() => shadowText(status).includes('Progress: 80'), `the change is not shown: ${shadowText(status)}`, { timeout: 8000 });
      expect(shadowText(status)).to.include('Changes you may not make (1)');
      await waitUntil(async () => (await endpoint.record('actions', 'a-restricted'))?.progress === 30, 'the other change did not sync', { timeout: 8000 });
      await expect(status).to.be.accessible();
      button(status, 'Copy')!.click();
      await waitUntil(() => /Copied the change to "Taxi marshals"|Could not copy/.test(shadowText(status)), shadowText(status), { timeout: 8000 });
      button(status, 'Discard')!.click();
      await waitUntil(async () => (await store.get('actions', 'a-police'))?.progress === 20, 'not restored', { timeout: 8000 });
      await waitUntil(() => !shadowText(status).includes('Changes you may not make (1)'), shadowText(status), { timeout: 8000 });
      expect((await endpoint.record('actions', 'a-police'))?.progress).to.equal(20);
    });

    it('a change in the /me answer pulls everything at once: a restricted action the person may no longer see leaves the browser', async () => {
      const plan = await mount('police', undefined, html`<ap-action-card action-id="a-restricted"></ap-action-card><ap-action-card action-id="a-police"></ap-action-card>`);
      await cardShows(plan, 'a-restricted', 'Operation Nightjar');
      await cardShows(plan, 'a-police', 'Edit');
      await endpoint.reassign('police', ['Probation Service']);
      window.dispatchEvent(new Event('focus'));
      await waitUntil(async () => (await plan.store!.get('actions', 'a-restricted')) === undefined, 'the restricted action stayed in storage', { timeout: 8000 });
      await cardShows(plan, 'a-police', 'Only Lancashire Police and the CSP officers can update this action.');
      await waitUntil(() => !shadowText(card(plan, 'a-restricted')).includes('Operation Nightjar'), 'the card still shows the restricted action', { timeout: 8000 });
    });

    it("two people one after the other on one browser: the second never sees the first's restricted records, and no change goes under the wrong identity", async () => {
      let who: Who = 'police';
      const plan = await mount('police', async () => endpoint.token(who), html`<ap-action-card action-id="a-restricted"></ap-action-card>`);
      await cardShows(plan, 'a-restricted', 'Operation Nightjar');
      expect(plan.store!.name).to.equal(`${name}~${endpoint.personId('police')}`);
      // Pat's change waits (the endpoint is not taking writes), then Pat leaves and Priya signs in.
      await endpoint.holdWrites(true);
      await plan.store!.put('actions', { ...(await plan.store!.get('actions', 'a-restricted'))!, progress: 70 }, { by: 'Pat Police' });
      await waitUntil(() => plan.context?.syncState?.error, 'the held write did not fail', { timeout: 8000 });
      await endpoint.holdWrites(false);
      await endpoint.requests();
      who = 'probation';
      window.dispatchEvent(new Event('focus'));
      await waitUntil(() => plan.store?.name === `${name}~${endpoint.personId('probation')}`, 'the plan did not switch to the second person', { timeout: 8000 });
      await waitUntil(() => plan.context?.syncState?.lastSynced, 'the second person did not sync', { timeout: 8000 });
      expect(shadowText(card(plan, 'a-restricted'))).not.to.include('Operation Nightjar');
      expect(await plan.store!.get('actions', 'a-restricted')).to.equal(undefined);
      expect(await plan.store!.outbox()).to.deep.equal([]);
      const writes = (await endpoint.requests()).filter((request) => request.method !== 'GET');
      expect(writes, "no write went with the second person's token").to.deep.equal([]);
      expect((await endpoint.record('actions', 'a-restricted'))?.progress).to.equal(10);
      // Pat comes back: their change goes, under their own token.
      who = 'police';
      window.dispatchEvent(new Event('focus'));
      await waitUntil(async () => (await endpoint.record('actions', 'a-restricted'))?.progress === 70, "the first person's change did not sync when they came back", { timeout: 10_000 });
      const puts = (await endpoint.requests()).filter((request) => request.method === 'PUT');
      expect(puts.length).to.be.at.least(1);
      expect(puts.every((request) => request.authorization === `Bearer ${endpoint.token('police')}`)).to.equal(true);
    });
  });
}
