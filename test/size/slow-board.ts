// A board from the built dist/ (test/plugins/dropin-server.mjs serves it) whose moves the server holds
// back: a slow network. Each test file that uses it is a page of its own, where they have not come yet.
import { waitUntil } from '@open-wc/testing';
import { actionInput, freshName, priorityInput } from '../helpers.js';
import { server } from './dropin.js';

// The store of the built <ap-plan> (the page imports dist/, not the sources).
interface PlanStore {
  get(collection: 'actions', id: string): Promise<{ priorityId: string } | undefined>;
  applyPulled(collection: 'priorities' | 'actions', records: object[]): Promise<unknown>;
}

/** Two priorities, Domestic abuse (Sanctuary scheme a-1, Taxi marshals a-2) and Hate crime (Best Bar None a-3), on a board whose moves the server holds. */
export async function slowBoard(origin: string) {
  await server('hold', 'board-moves');
  await import(/* @vite-ignore */ `${origin}/dist/action-plan-widgets.js`);
  const plan = document.createElement('ap-plan') as HTMLElement & { context?: { store?: PlanStore } };
  for (const [attribute, value] of Object.entries({ name: freshName('slow-board'), 'plan-id': 'plan-1', today: '2024-01-15', user: 'Officer' })) plan.setAttribute(attribute, value);
  const board = document.createElement('ap-priority-board');
  plan.append(board);
  document.body.append(plan);
  await waitUntil(() => plan.context?.store, 'the plan opened its store', { timeout: 10000 });
  const store = plan.context!.store!;
  await store.applyPulled('priorities', [priorityInput({ id: 'p-1', title: 'Domestic abuse', order: 1 }), priorityInput({ id: 'p-2', title: 'Hate crime', order: 2 })]);
  await store.applyPulled('actions', [actionInput({ id: 'a-1', title: 'Sanctuary scheme', rank: 'a0' }), actionInput({ id: 'a-2', title: 'Taxi marshals', rank: 'a1' }), actionInput({ id: 'a-3', priorityId: 'p-2', title: 'Best Bar None', rank: 'a0' })]);
  const card = (id: string) => board.shadowRoot?.querySelector<HTMLElement>(`li[data-id="${id}"]`);
  await waitUntil(() => card('a-3'), 'the board shows the cards', { timeout: 10000 });
  return { plan, board, store, card, status: () => board.shadowRoot!.querySelector('.ap-visually-hidden[role=status]')!.textContent };
}
