// What a page with the everyday widgets really fetches from a built dist/ served by a real HTTP
// server (test/plugins/dropin-server.mjs), and what a page shows when a part cannot be fetched.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { requested, server } from './dropin.js';

// The store of the built <ap-plan> (the page imports dist/, not the sources).
interface PlanStore {
  get(collection: 'plans', id: string): Promise<object>;
  put(collection: 'plans', record: object, options: { by: string }): Promise<unknown>;
}

interface Fetched {
  path: string;
  gzip: number;
}

const text = (el: Element | null) => el?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
// The part of the library a chunk holds: action-plan-widgets-sync-AbC123.js -> sync (every-locale: the Welsh catalogue).
const part = (path: string) => /^\/dist\/action-plan-widgets(?:-(.+)-[\w-]{8})?\.js$/.exec(path)?.[1] ?? 'entry';

describe('the drop-in, loaded from a real server', function () {
  this.timeout(60000);
  let origin: string;
  // The budget page's database: the offline test reads the plan it synced.
  const name = `budget-${crypto.randomUUID()}`;

  before(async () => {
    origin = (await server('start')) as string;
  });

  after(() => server('stop'));

  const FAILED = 'This part of the page could not be loaded: check your connection, then reload the page.';

  /** A plan on the budget page's database (read from this device), holding `widget`. */
  function planWith<K extends keyof HTMLElementTagNameMap>(widget: K, attributes: Record<string, string> = {}) {
    const plan = document.createElement('ap-plan') as HTMLElement & { context?: { store?: PlanStore } };
    for (const [attribute, value] of Object.entries({ name, 'plan-id': 'castle-point-rochford-2023-24', today: '2024-01-15', user: 'Officer' })) plan.setAttribute(attribute, value);
    const element = plan.appendChild(document.createElement(widget));
    for (const [attribute, value] of Object.entries(attributes)) element.setAttribute(attribute, value);
    document.body.append(plan);
    return { plan, element };
  }

  // The budget (scripts/bundle-size.mjs, 55 KB): each file gzipped at level 9, 1 KB = 1,000 bytes.
  it('fetches no more JavaScript than its budget for a synced page of the everyday widgets, with no user action', async () => {
    const main = document.createElement('main');
    main.innerHTML = `<ap-plan name="${name}" plan-id="castle-point-rochford-2023-24" endpoint="${origin}/api" today="2024-01-15" user="Officer">
        <ap-rag-summary></ap-rag-summary>
        <ap-priority-board></ap-priority-board>
        <ap-action-card action-id="cpr-a-crucial-crew"></ap-action-card>
        <ap-audit-tracker audit-id="light-touch-2023"></ap-audit-tracker>
        <ap-sync-status></ap-sync-status>
      </ap-plan>`;
    document.body.append(main);
    await import(/* @vite-ignore */ `${origin}/dist/action-plan-widgets.js`);
    // Idle: the plan has synced from the endpoint and every widget shows it.
    await waitUntil(() => text(main.querySelector('ap-sync-status')).includes('Last synced'), 'synced', { timeout: 30000 });
    await waitUntil(() => text(main.querySelector('ap-action-card')).includes('Crucial Crew') && text(main.querySelector('ap-audit-tracker')).length > 100, 'the widgets show the plan', { timeout: 10000 });
    const { budget, files: fetched } = (await server('requests')) as { budget: number; files: Fetched[] };
    const total = fetched.reduce((sum, file) => sum + file.gzip, 0);
    const split = fetched.map((file) => `${part(file.path)} ${(file.gzip / 1000).toFixed(1)} KB`).join(', ');
    const parts = fetched.map((file) => part(file.path));
    expect(parts).to.include.members(['entry', 'sync']);
    // None of the parts loaded on first use (the Welsh catalogue, the card's editor, the extension request form, the sync status's problem lists, the board's and the tracker's dialogs, the store's writes, sync's merge, the board's moves and its long columns' windowing).
    expect(parts.filter((name) => ['every-locale', 'editor', 'extension-form', 'sync-problems', 'board-dialog', 'audit-dialog', 'form-dialog', 'writes', 'merge', 'board-moves', 'column-window'].includes(name))).to.deep.equal([]);
    expect(total, `the page fetched ${(total / 1000).toFixed(1)} KB: ${split}`).to.be.within(1, budget);
    main.remove();
  });

  it('fetches the code that saves changes when someone first uses the page, so a change made offline later saves', async () => {
    const { plan, element: board } = planWith('ap-priority-board');
    const wrote = () => requested('writes');
    await waitUntil(() => board.shadowRoot?.querySelector('button'), 'the board read from the device', { timeout: 10000 });
    expect(await wrote(), 'not before anyone uses the page').to.equal(false);
    board.shadowRoot!.querySelector('button')!.focus();
    // The last test below writes with the server gone.
    await waitUntil(wrote, 'the write code fetched on first use', { timeout: 10000 });
    plan.remove();
  });

  it('says a part could not be loaded when the server has gone, rather than showing nothing', async () => {
    // The elements are registered from the server above (the first test); now it is gone.
    await server('stop');
    const plan = document.createElement('ap-plan');
    plan.setAttribute('name', `offline-${crypto.randomUUID()}`);
    plan.append(document.createElement('ap-report'));
    document.body.append(plan);
    const report = plan.querySelector('ap-report')!;
    await waitUntil(() => text(report).includes('could not be loaded'), 'the report says it could not be loaded', { timeout: 20000 });
    expect(report.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal(FAILED);
    plan.remove();
  });

  it('says the editor could not be loaded when Edit is pressed with the server gone', async () => {
    await server('stop');
    const { plan, element: card } = planWith('ap-action-card', { 'action-id': 'cpr-a-crucial-crew' });
    await waitUntil(() => card.shadowRoot?.querySelector('#edit'), 'the card read from the device', { timeout: 10000 });
    card.shadowRoot!.querySelector<HTMLButtonElement>('#edit')!.click();
    await waitUntil(() => text(card).includes('could not be loaded'), 'the card says its editor could not be loaded', { timeout: 20000 });
    expect(card.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal(FAILED);
    expect(card.shadowRoot!.querySelector('form')).to.equal(null);
    plan.remove();
  });

  it('says the extension request form could not be loaded when it is asked for with the server gone', async () => {
    await server('stop');
    const { plan, element: card } = planWith('ap-action-card', { 'action-id': 'cpr-a-crucial-crew' });
    // Target dates change by request: nobody signs in here, so only the plan's setting turns approvals on.
    await waitUntil(() => plan.context?.store, 'the plan opened its store', { timeout: 10000 });
    const store = plan.context!.store!;
    await store.put('plans', { ...(await store.get('plans', 'castle-point-rochford-2023-24')), approvals: 'required' }, { by: 'Officer' });
    const request = () => [...card.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Request a new target date');
    await waitUntil(request, 'the card offers a request', { timeout: 10000 });
    request()!.click();
    await waitUntil(() => text(card).includes('could not be loaded'), 'the card says the form could not be loaded', { timeout: 20000 });
    expect(card.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal(FAILED);
    expect(card.shadowRoot!.querySelector('form')).to.equal(null);
    plan.remove();
  });

  it('says the moves could not be loaded when a card is picked up or its "Move to…" menu opened with the server gone', async () => {
    await server('stop');
    const { plan, element: board } = planWith('ap-priority-board');
    const card = () => board.shadowRoot?.querySelector<HTMLElement>('li.card[data-id]');
    await waitUntil(card, 'the board read from the device', { timeout: 10000 });
    const status = () => board.shadowRoot!.querySelector('.ap-visually-hidden[role=status]')!.textContent;
    card()!.focus();
    await sendKeys({ press: ' ' });
    await waitUntil(() => status() === FAILED, 'Space says the moves could not be loaded', { timeout: 20000 });
    expect(card()!.classList.contains('grabbed')).to.equal(false);
    card()!.querySelector<HTMLButtonElement>('.move-button')!.click();
    await waitUntil(() => card()!.querySelector('.move-menu [role=alert]'), 'the menu says so');
    expect(card()!.querySelector('.move-menu [role=alert]')!.textContent).to.equal(FAILED);
    expect(card()!.querySelector('.move-menu button')).to.equal(null);
    plan.remove();
  });

  it("says a dialog could not be loaded when it is opened with the server gone; Escape closes it", async () => {
    await server('stop');
    const { plan, element: board } = planWith('ap-priority-board');
    const add = () => [...(board.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent!.trim() === 'Add priority');
    await waitUntil(add, 'the board read from the device', { timeout: 10000 });
    add()!.focus();
    add()!.click();
    await waitUntil(() => text(board).includes('could not be loaded'), 'the dialog says its form could not be loaded', { timeout: 20000 });
    const dialog = board.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('[role=alert]')!.textContent).to.equal(FAILED);
    expect(dialog.querySelector('form')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !board.shadowRoot!.querySelector('dialog'), 'closed');
    expect(board.shadowRoot!.activeElement).to.equal(add());
    plan.remove();
  });
});
