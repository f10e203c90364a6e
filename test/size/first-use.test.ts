// The board's moves come when a card is first focused or pointed at (a chunk of the built dist/, served
// by test/plugins/dropin-server.mjs): on a slow network, what the user does before they have come
// happens when they do. A page of its own: load.test.ts's page has no moves until its server is gone.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { actionInput, freshName, priorityInput } from '../helpers.js';

// The store of the built <ap-plan> (the page imports dist/, not the sources).
interface PlanStore {
  get(collection: 'actions', id: string): Promise<{ priorityId: string } | undefined>;
  applyPulled(collection: 'priorities' | 'actions', records: object[]): Promise<unknown>;
}

const server = (action: 'start' | 'requests' | 'hold' | 'release' | 'stop', part?: string) => executeServerCommand('dropin-server', { action, part });
const requested = async (part: string) => ((await server('requests')) as { files: { path: string }[] }).files.some((file) => file.path.includes(`-${part}-`));

describe('the board on a slow network', function () {
  this.timeout(60000);
  let origin: string;

  before(async () => {
    origin = (await server('start')) as string;
  });

  after(() => server('stop'));

  it('picks a card up with a Space pressed before its moves have come, then moves it with the keys pressed meanwhile', async () => {
    await server('hold', 'board-moves');
    await import(/* @vite-ignore */ `${origin}/dist/action-plan-widgets.js`);
    const plan = document.createElement('ap-plan') as HTMLElement & { context?: { store?: PlanStore } };
    for (const [attribute, value] of Object.entries({ name: freshName('first-move'), 'plan-id': 'plan-1', today: '2024-01-15', user: 'Officer' })) plan.setAttribute(attribute, value);
    const board = document.createElement('ap-priority-board');
    plan.append(board);
    document.body.append(plan);
    await waitUntil(() => plan.context?.store, 'the plan opened its store', { timeout: 10000 });
    const store = plan.context!.store!;
    await store.applyPulled('priorities', [priorityInput({ id: 'p-1', title: 'Domestic abuse', order: 1 }), priorityInput({ id: 'p-2', title: 'Hate crime', order: 2 })]);
    await store.applyPulled('actions', [actionInput({ id: 'a-1', title: 'Sanctuary scheme', rank: 'a0' }), actionInput({ id: 'a-2', title: 'Taxi marshals', rank: 'a1' }), actionInput({ id: 'a-3', priorityId: 'p-2', title: 'Best Bar None', rank: 'a0' })]);
    const card = (id: string) => board.shadowRoot?.querySelector<HTMLElement>(`li[data-id="${id}"]`);
    const status = () => board.shadowRoot!.querySelector('.ap-visually-hidden[role=status]')!.textContent;
    await waitUntil(() => card('a-3'), 'the board shows the cards', { timeout: 10000 });

    card('a-1')!.focus();
    await waitUntil(() => requested('board-moves'), 'focusing a card asks for the moves', { timeout: 10000 });
    // The server holds them: these keys come first.
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'ArrowRight' });
    expect(board.shadowRoot!.querySelector('li.grabbed')).to.equal(null);
    expect(board.shadowRoot!.activeElement).to.equal(card('a-1'));
    await server('release');
    await waitUntil(() => status() === 'Hate crime, position 1 of 2.', `picked up, then moved right: "${status()}"`, { timeout: 10000 });
    expect(card('a-1')!.classList.contains('grabbed')).to.equal(true);
    expect(board.shadowRoot!.activeElement).to.equal(card('a-1'));
    await sendKeys({ press: ' ' });
    await waitUntil(() => status() === 'Moved Sanctuary scheme to Hate crime, position 1 of 2.', status());
    await waitUntil(async () => (await store.get('actions', 'a-1'))?.priorityId === 'p-2', 'written');
    plan.remove();
  });
});
