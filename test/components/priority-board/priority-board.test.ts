import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { ApPriorityBoard } from '../../../src/components/priority-board/priority-board.js';
import { ActionPlanStore } from '../../../src/store/index.js';
import type { ActionChangeDetail } from '../../../src/events.js';
import { generatePlan } from '../../../demo/data/generate.js';
import { PLAN, actionInput, freshName, priorityInput, waitUntil } from '../../helpers.js';

// Generous: Firefox and WebKit commit IndexedDB writes more slowly than Chromium.
const until = (condition: () => unknown, message?: string) => waitUntil(condition, message, { timeout: 8000 });
const TODAY = '2024-01-15';
const priorities = [priorityInput({ id: 'p-1', title: 'Domestic abuse', lead: 'Police', order: 1 }), priorityInput({ id: 'p-2', title: 'Hate crime', order: 2 })];
const actions = [
  actionInput({ id: 'a-1', title: 'Sanctuary scheme', rank: 'a0', status: 'in-progress', owner: 'J. Smith', leadAgency: 'Council', startDate: '2023-04-01', targetDate: '2023-12-31' }),
  actionInput({ id: 'a-2', title: 'Taxi marshals', rank: 'a1', status: 'in-progress', owner: 'L. Brown', leadAgency: 'Police', startDate: '2023-04-01', targetDate: '2024-01-20', progress: 50 }),
  actionInput({ id: 'a-3', title: 'Best Bar None', rank: 'a2', status: 'not-started', owner: 'J. Smith', startDate: '2024-02-01', targetDate: '2024-03-31' }),
  actionInput({ id: 'a-4', priorityId: 'p-2', title: 'Hate crime reporting centres', rank: 'a0', status: 'complete', owner: 'A. Khan', targetDate: '2023-10-01' }),
];

async function mount(options: { attrs?: string; siblings?: string; readonly?: boolean; records?: { actions: unknown[]; priorities: unknown[] }; planId?: string } = {}) {
  const store = await ActionPlanStore.open(freshName('board'));
  const records = options.records ?? { actions, priorities };
  await store.applyPulled('priorities', records.priorities);
  await store.applyPulled('actions', records.actions);
  const wrapper = await fixture<HTMLElement>(html`<div>
    <ap-plan .store=${store} plan-id=${options.planId ?? PLAN} today=${TODAY} user="Test Officer" ?readonly=${options.readonly}></ap-plan>
  </div>`);
  const plan = wrapper.querySelector('ap-plan')!;
  plan.innerHTML = `${options.siblings ?? ''}<ap-priority-board ${options.attrs ?? ''}></ap-priority-board>`;
  const board = plan.querySelector('ap-priority-board') as ApPriorityBoard;
  await until(() => board.shadowRoot!.querySelector('li.card, .empty'), 'board rendered');
  return { store, board, plan };
}

const root = (board: ApPriorityBoard) => board.shadowRoot!;
const cardIds = (board: ApPriorityBoard, column?: string) =>
  [...root(board).querySelectorAll<HTMLElement>(`li.card${column ? `[data-column="${column}"]` : ''}`)].map((li) => li.dataset.id);
const card = (board: ApPriorityBoard, id: string) => root(board).querySelector<HTMLElement>(`li[data-id="${id}"]`)!;
const focused = (board: ApPriorityBoard) => (root(board).activeElement as HTMLElement | null)?.dataset?.id;
const announced = (board: ApPriorityBoard) => root(board).querySelector('[role=status]')!.textContent!.trim();
const headings = (board: ApPriorityBoard) => [...root(board).querySelectorAll('section h2')].map((h) => h.textContent!.trim());

async function focusCard(board: ApPriorityBoard, id: string) {
  card(board, id).focus();
  await board.updateComplete;
}

// The board's ResizeObserver on long columns' cards can report this benign loop message; it is not a failure.
window.addEventListener('error', (event) => event.message?.includes('ResizeObserver loop') && event.stopImmediatePropagation(), true);

describe('<ap-priority-board>', function () {
  // Three engines share the machine in a full run; the first test also loads axe.
  this.timeout(30000);

  it('passes axe', async () => {
    const { board } = await mount();
    await expect(board).to.be.accessible();
  });

  it('passes axe in every story state: each grouping, a filter, a move menu open and a card picked up', async () => {
    for (const attrs of ['group-by="status"', 'group-by="rag"', 'group-by="lead"', 'filter-rag="red"']) {
      const { board } = await mount({ attrs });
      await expect(board, attrs).to.be.accessible();
    }
    const { board } = await mount();
    card(board, 'a-1').querySelector<HTMLButtonElement>('.move-button')!.click();
    await board.updateComplete;
    await expect(board).to.be.accessible();
    await focusCard(board, 'a-2');
    await sendKeys({ press: ' ' });
    await until(() => announced(board).startsWith('Picked up'), 'picked up');
    await expect(board).to.be.accessible();
  });

  // The first dialog this page opens: its code loads first, so the dialog shows its status until its form comes.
  it('opens a dialog with its first field focused, the first time as after; Escape closes it and focus goes back', async () => {
    const { board } = await mount();
    const add = [...root(board).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Add priority')!;
    add.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root(board).activeElement?.id === 'd-title', 'the title field focused');
    expect(root(board).querySelector('dialog')!.getAttribute('aria-labelledby')).to.equal('dialog-heading');
    expect(root(board).querySelector('#dialog-heading')!.textContent).to.equal('Add priority');
    await sendKeys({ press: 'Escape' });
    await until(() => !root(board).querySelector('dialog'), 'closed');
    expect(root(board).activeElement).to.equal(add);
    // Loaded now: the dialog opens with its form.
    await sendKeys({ press: 'Enter' });
    await until(() => root(board).querySelector('dialog[open]'), 'open again');
    expect(root(board).activeElement?.id).to.equal('d-title');
  });

  it('shows columns by priority with lead, count and RAG breakdown, cards ordered by rank', async () => {
    const { board } = await mount();
    expect(headings(board)).to.deep.equal(['Domestic abuse', 'Hate crime']);
    const header = root(board).querySelector('section header')!.textContent!.replace(/\s+/g, ' ');
    expect(header).to.contain('Lead: Police').and.contain('3 actions').and.contain('1 Red').and.contain('1 Amber').and.contain('1 Not started');
    expect(cardIds(board, 'p-1')).to.deep.equal(['a-1', 'a-2', 'a-3']);
  });

  it('moves a card to another status column by keyboard, announcing each step, keeping focus and writing one action', async () => {
    const { board, store } = await mount({ attrs: 'group-by="status"' });
    const changes: ActionChangeDetail[] = [];
    board.addEventListener('ap-action-change', (e) => changes.push(e.detail));
    const before = await store.pendingCount();
    await focusCard(board, 'a-3');
    await sendKeys({ press: ' ' });
    await until(() => announced(board).startsWith('Picked up Best Bar None: Not started, position 1 of 1'), announced(board));
    await sendKeys({ press: 'ArrowRight' });
    await until(() => announced(board) === 'In progress, position 1 of 3.', announced(board));
    await sendKeys({ press: 'ArrowDown' });
    await until(() => announced(board) === 'In progress, position 2 of 3.', announced(board));
    await sendKeys({ press: ' ' });
    await until(() => announced(board) === 'Moved Best Bar None to In progress, position 2 of 3.', announced(board));
    const saved = (await store.get('actions', 'a-3'))!;
    expect(saved.status).to.equal('in-progress');
    expect(saved.rank! > 'a0' && saved.rank! < 'a1').to.equal(true);
    expect((await store.get('actions', 'a-1'))!.rank).to.equal('a0');
    // One action record (+ its history entry) in the outbox: neighbours are not rewritten.
    expect((await store.outbox()).slice(before).filter((e) => e.collection === 'actions').map((e) => e.recordId)).to.deep.equal(['a-3']);
    await until(() => cardIds(board, 'in-progress').join() === 'a-1,a-3,a-2', 'order shown');
    expect(focused(board)).to.equal('a-3');
    expect(changes.map((c) => [c.action.id, c.fields.join()])).to.deep.equal([['a-3', 'status,rank']]);
  });

  it('Escape cancels a keyboard move: nothing written, card back where it was', async () => {
    const { board, store } = await mount();
    const before = await store.pendingCount();
    await focusCard(board, 'a-1');
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'ArrowRight' });
    await until(() => cardIds(board, 'p-2').includes('a-1'), 'previewed in the other column');
    await sendKeys({ press: 'Escape' });
    await until(() => announced(board) === 'Move cancelled: Sanctuary scheme is back in Domestic abuse.', announced(board));
    expect(cardIds(board, 'p-1')).to.deep.equal(['a-1', 'a-2', 'a-3']);
    expect(await store.pendingCount()).to.equal(before);
    expect(focused(board)).to.equal('a-1');
  });

  it('moves a card to another priority with the pointer', async () => {
    const { board, store } = await mount();
    root(board).querySelector('.columns')!.scrollIntoView();
    const from = card(board, 'a-1').getBoundingClientRect();
    const to = root(board).querySelectorAll('section.column header')[1]!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(from.left + 10), Math.round(from.top + 10)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(from.left + 30), Math.round(from.top + 30)] });
    // Over the second column, above its first card: lands first.
    await sendMouse({ type: 'move', position: [Math.round(to.left + 20), Math.round(to.bottom - 2)] });
    await sendMouse({ type: 'up' });
    await until(async () => (await store.get('actions', 'a-1'))!.priorityId === 'p-2', 'moved in the store');
    expect((await store.get('actions', 'a-1'))!.rank! < 'a0').to.equal(true);
    await until(() => cardIds(board, 'p-2').join() === 'a-1,a-4', cardIds(board, 'p-2').join());
  });

  it('moves a card with its "Move to…" button', async () => {
    const { board, store } = await mount();
    await focusCard(board, 'a-1');
    const button = card(board, 'a-1').querySelector<HTMLButtonElement>('.move-button')!;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Move to… Sanctuary scheme');
    button.click();
    await board.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const option = [...card(board, 'a-1').querySelectorAll<HTMLButtonElement>('.move-menu button')].find((b) => b.textContent!.trim() === 'Move to Hate crime')!;
    option.click();
    await until(async () => (await store.get('actions', 'a-1'))!.priorityId === 'p-2', 'moved');
    await until(() => focused(board) === 'a-1' && cardIds(board, 'p-2').join() === 'a-4,a-1', 'focus stays on the moved card');
  });

  it('arrow keys, Home and End rove across cards and columns; typing finds a card', async () => {
    const { board } = await mount();
    await focusCard(board, 'a-1');
    expect(card(board, 'a-1').tabIndex).to.equal(0);
    expect(card(board, 'a-2').tabIndex).to.equal(-1);
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused(board) === 'a-2', 'down');
    await sendKeys({ press: 'End' });
    await until(() => focused(board) === 'a-3', 'end');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => focused(board) === 'a-4', 'right to the next column');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => focused(board) === 'a-1', 'left');
    await sendKeys({ type: 'ta' });
    await until(() => focused(board) === 'a-2', 'find-as-you-type: Taxi marshals');
  });

  it('each card is one tab stop: Tab leaves the card for its "Move to…" button, then leaves the column', async () => {
    const { board } = await mount();
    await focusCard(board, 'a-1');
    await sendKeys({ press: 'Tab' });
    const moveButton = root(board).activeElement as HTMLElement;
    expect(moveButton.closest('li')?.dataset.id).to.equal('a-1');
    expect(moveButton.textContent).to.contain('Move to');
    await sendKeys({ press: 'Tab' });
    // Not the title button of a card further down: the board's arrow keys reach those.
    const next = root(board).activeElement as HTMLElement | null;
    expect(next?.closest('li.card')?.getAttribute('data-id') ?? 'outside the cards').to.not.be.oneOf(['a-2', 'a-3']);
    expect(cardIds(board, 'p-1')).to.include('a-2');
  });

  it('group-by="rag" refuses moves with a visible reason', async () => {
    const { board, store } = await mount({ attrs: 'group-by="rag"' });
    expect(headings(board)).to.deep.equal(['Red', 'Amber', 'Green', 'Complete', 'Not started', 'No RAG']);
    expect(root(board).textContent).to.contain('RAG status is worked out from dates and progress');
    expect(root(board).querySelector('.move-button')).to.equal(null);
    const before = await store.pendingCount();
    await focusCard(board, 'a-1');
    await sendKeys({ press: ' ' });
    await until(() => announced(board).startsWith('RAG status is worked out'), announced(board));
    expect(await store.pendingCount()).to.equal(before);
  });

  it('readonly: navigable, but no moves, no add and no priority tools', async () => {
    const { board, store } = await mount({ readonly: true });
    expect(root(board).querySelector('.move-button, .add, .tools')).to.equal(null);
    await focusCard(board, 'a-1');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused(board) === 'a-2', 'still navigable');
    await sendKeys({ press: ' ' });
    await until(() => announced(board) === 'This plan is read-only, so actions cannot be moved.', announced(board));
    expect(await store.pendingCount()).to.equal(0);
    await expect(board).to.be.accessible();
  });

  it('filter attributes narrow the cards', async () => {
    const cases: [string, string[]][] = [
      ['filter-rag="red"', ['a-1']],
      ['filter-status="complete"', ['a-4']],
      ['filter-owner="j. smith"', ['a-1', 'a-3']],
      ['filter-lead="Police"', ['a-2']],
      ['filter-priority="p-2"', ['a-4']],
      ['filter-overdue', ['a-1']],
      ['due-within="7"', ['a-2']],
      ['quarter="2023/24 Q4"', ['a-2', 'a-3']],
      ['search="marshal"', ['a-2']],
    ];
    for (const [attrs, expected] of cases) {
      const { board } = await mount({ attrs });
      expect(cardIds(board), attrs).to.deep.equal(expected);
    }
  });

  it('filter controls narrow the cards and "Clear filters" restores them', async () => {
    const { board } = await mount();
    const search = root(board).querySelector<HTMLInputElement>('#filter-search')!;
    search.focus();
    await sendKeys({ type: 'bar' });
    await until(() => cardIds(board).join() === 'a-3', 'searched');
    expect(root(board).textContent).to.contain('Showing 1 of 4 actions');
    const clear = [...root(board).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Clear filters')!;
    clear.click();
    await until(() => cardIds(board).length === 4, 'cleared');
  });

  it('a bad quarter attribute shows a clear message and filters nothing out', async () => {
    const { board } = await mount({ attrs: 'quarter="Q3"' });
    expect(root(board).querySelector('[role=alert]')!.textContent).to.contain('"Q3" is not a financial quarter');
    expect(cardIds(board).length).to.equal(4);
  });

  it("a click in a sibling <ap-rag-summary> filters the board; the filter's button removes it", async () => {
    const { board, plan } = await mount({ siblings: '<ap-rag-summary></ap-rag-summary>' });
    const summary = plan.querySelector('ap-rag-summary')!;
    await until(() => summary.shadowRoot!.querySelector('.segment.rag-amber'), 'summary rendered');
    summary.shadowRoot!.querySelector<SVGGElement>('.segment.rag-amber')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => cardIds(board).join() === 'a-2', cardIds(board).join());
    const remove = root(board).querySelector<HTMLButtonElement>('.chip')!;
    expect(remove.getAttribute('aria-label')).to.equal('Remove filter: RAG: Amber');
    remove.click();
    await until(() => cardIds(board).length === 4, 'plan filter removed');
  });

  it('adds an action from a column: required title refused, then saved with a rank at the end', async () => {
    const { board, store } = await mount();
    root(board).querySelector<HTMLButtonElement>('section .add')!.click();
    await until(() => root(board).querySelector('dialog[open] form'), 'dialog open');
    const dialog = root(board).querySelector('dialog')!;
    dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => dialog.querySelector('.error-summary'), 'error shown');
    expect(dialog.querySelector('.error-summary')!.textContent).to.contain('Title is required.');
    await expect(board).to.be.accessible();
    dialog.querySelector<HTMLInputElement>('#d-title')!.focus();
    await sendKeys({ type: '<img src=x onerror=alert(1)>' });
    dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => !dialog.open, 'closed');
    const added = (await store.query('actions', { value: PLAN })).find((a) => a.title.startsWith('<img'))!;
    expect(added.priorityId).to.equal('p-1');
    expect(added.rank! > 'a2').to.equal(true);
    await until(() => cardIds(board, 'p-1').at(-1) === added.id, 'shown last');
    expect(root(board).querySelector('img')).to.equal(null);
  });

  it('adds, renames, reorders and retires priorities; retiring asks where open actions go', async () => {
    const { board, store } = await mount();
    const buttons = () => [...root(board).querySelectorAll<HTMLButtonElement>('button')];
    buttons().find((b) => b.textContent!.trim() === 'Add priority')!.click();
    await until(() => root(board).querySelector('dialog[open] form'), 'dialog');
    root(board).querySelector<HTMLInputElement>('#d-title')!.focus();
    await sendKeys({ type: 'Serious violence' });
    root(board).querySelector<HTMLButtonElement>('dialog button[type=submit]')!.click();
    await until(() => headings(board).join() === 'Domestic abuse,Hate crime,Serious violence', headings(board).join());

    buttons().find((b) => b.textContent!.includes('Move Serious violence left'))!.click();
    await until(() => headings(board).join() === 'Domestic abuse,Serious violence,Hate crime', headings(board).join());

    buttons().find((b) => b.textContent!.trim() === 'Retire Domestic abuse')!.click();
    await until(() => root(board).querySelector('dialog[open] form'), 'retire dialog');
    expect(root(board).querySelector('dialog')!.textContent).to.contain('3 open actions are still in this priority');
    const destination = root(board).querySelector<HTMLSelectElement>('#d-destination')!;
    destination.value = 'p-2';
    root(board).querySelector<HTMLButtonElement>('dialog button[type=submit]')!.click();
    await until(() => headings(board).join() === 'Serious violence,Hate crime', headings(board).join());
    expect((await store.get('priorities', 'p-1'))!.retired).to.equal(true);
    expect((await store.get('actions', 'a-1'))!.priorityId).to.equal('p-2');
    expect(cardIds(board, 'p-2')).to.deep.equal(['a-4', 'a-1', 'a-2', 'a-3']);
  });

  it('edits, deletions and new actions from another tab reach the cards and a sibling summary, leaving other cards as they were', async () => {
    const { store, board, plan } = await mount({ siblings: '<ap-rag-summary></ap-rag-summary>' });
    const summary = plan.querySelector('ap-rag-summary')!;
    // Red, Amber, Green, Complete, Not started in the summary's "Total" row.
    const totals = () => [...summary.shadowRoot!.querySelectorAll('tfoot td')].slice(0, 5).map((td) => Number(td.textContent));
    const ragOf = (id: string) => card(board, id)?.querySelector('ap-action-card')!.shadowRoot!.querySelector('[part~=rag-tag]')!.textContent!.trim();
    await until(() => totals().join() === '1,1,0,1,1', 'summary at first');
    expect(ragOf('a-2')).to.match(/^Amber/);
    const untouched = card(board, 'a-1').querySelector('ap-action-card');
    const otherTab = await ActionPlanStore.open(store.name);

    await otherTab.put('actions', { ...(await otherTab.get('actions', 'a-2'))!, status: 'blocked' }, { by: 'Other Tab' });
    await until(() => ragOf('a-2')?.startsWith('Red') && totals().join() === '2,0,0,1,1', 'the edit shows on the card and in the summary');
    expect(root(board).querySelector('section .rag-breakdown')!.textContent).to.contain('2 Red');

    await otherTab.remove('actions', 'a-3', { by: 'Other Tab' });
    await until(() => !cardIds(board).includes('a-3') && totals().join() === '2,0,0,1,0', 'the deleted action is gone from both');

    await otherTab.put('actions', actionInput({ id: 'a-5', priorityId: 'p-2', title: 'Street pastors', rank: 'a1', status: 'in-progress', startDate: '2023-04-01', targetDate: '2024-06-30', progress: 60 }), { by: 'Other Tab' });
    await until(() => cardIds(board, 'p-2').join() === 'a-4,a-5' && totals().join() === '2,0,1,1,0', 'the new action shows in its column and the counts');
    expect(card(board, 'a-1').querySelector('ap-action-card')).to.equal(untouched);
    expect(root(board).querySelector('.summary')!.textContent).to.equal('Showing 4 of 4 actions');
    otherTab.close();
  });

  it('an edit that keeps a card in place updates it there; one that changes its order, its filter match or an owner redraws what depends on it', async () => {
    const { store, board } = await mount({ attrs: 'filter-status="in-progress"' });
    const shown = () => root(board).querySelector('.summary')!.textContent;
    const progress = (id: string) => card(board, id).querySelector('ap-action-card')!.shadowRoot!.querySelector('meter')!.value;
    const owners = () => [...root(board).querySelectorAll<HTMLOptionElement>('#filter-owner option')].map((option) => option.value).filter(Boolean);
    const edit = async (id: string, patch: object) => store.put('actions', { ...(await store.get('actions', id))!, ...patch }, { by: 'Test Officer' });
    expect(cardIds(board)).to.deep.equal(['a-1', 'a-2']);
    const other = card(board, 'a-1').querySelector('ap-action-card');

    await edit('a-2', { progress: 80 });
    await until(() => progress('a-2') === 80, 'the new progress on the card');
    expect(cardIds(board)).to.deep.equal(['a-1', 'a-2']);
    expect(card(board, 'a-1').querySelector('ap-action-card')).to.equal(other);

    await edit('a-1', { rank: 'a9' });
    await until(() => cardIds(board).join() === 'a-2,a-1', 'a-1 after a-2 by its new rank');

    await edit('a-1', { owner: 'Z. Ahmed' });
    await until(() => owners().includes('Z. Ahmed'), 'the new owner in the owner filter');
    expect(owners()).to.deep.equal(['A. Khan', 'J. Smith', 'L. Brown', 'Z. Ahmed']);

    await edit('a-2', { status: 'blocked' });
    await until(() => cardIds(board).join() === 'a-1', 'the blocked action leaves the in-progress filter');
    expect(shown()).to.equal('Showing 1 of 4 actions');
  });

  it('renders titles as text', async () => {
    const records = { priorities, actions: [actionInput({ id: 'x', title: '<script>window.hacked=1</script><b>bold</b>' })] };
    const { board } = await mount({ records });
    expect(root(board).querySelector('b, script')).to.equal(null);
    expect(card(board, 'x').querySelector('ap-action-card')!.shadowRoot!.textContent).to.contain('<b>bold</b>');
  });

  it("with 2,000 actions renders only the cards in view, gives each card's place, and reaches, moves and scrolls to any card", async () => {
    const generated = generatePlan({ actions: 2000, seed: 3 });
    const planId = generated.plans[0]!.id;
    const { board } = await mount({ records: { actions: generated.actions, priorities: generated.priorities }, planId });
    // Long columns show their first cards until the windowing, loaded when the first one is drawn, has come.
    await until(() => root(board).querySelector('ul.virtual'), 'long columns windowed');
    const total = root(board).querySelector('.summary')!.textContent!;
    expect(total).to.contain('Showing 2000 of 2000');
    const bounded = () => expect(root(board).querySelectorAll('li.card').length).to.be.below(200);
    bounded();
    const first = cardIds(board)[0]!;
    const column = card(board, first).dataset.column!;
    const ordered = generated.actions.filter((a) => a.priorityId === column).sort((a, b) => (a.rank < b.rank ? -1 : 1));
    const last = ordered.at(-1)!.id;
    const place = (id: string) => [card(board, id).getAttribute('aria-posinset'), card(board, id).getAttribute('aria-setsize')];
    expect(place(first)).to.deep.equal(['1', String(ordered.length)]);
    await focusCard(board, first);
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused(board) !== first, 'down');
    bounded();
    await sendKeys({ press: 'End' });
    await until(() => focused(board) === last, `last card focused, not ${focused(board)}`);
    expect(place(last)).to.deep.equal([String(ordered.length), String(ordered.length)]);
    bounded();
    // Carried from the end to the top of the column: the card stays rendered and focused on the way.
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Home' });
    await until(() => announced(board).endsWith(`position 1 of ${ordered.length}.`), announced(board));
    await until(() => focused(board) === last && place(last)[0] === '1', `moved card focused, not ${focused(board)}`);
    await sendKeys({ press: 'Escape' });
    await until(() => announced(board).startsWith('Move cancelled'), announced(board));
    await until(() => focused(board) === last && place(last)[0] === String(ordered.length), 'back at the end, focused');
    // Scrolled by hand to the middle: the cards rendered there are the ones in view.
    const list = root(board).querySelector<HTMLElement>(`ul[data-column="${column}"]`)!;
    list.scrollTop = list.scrollHeight / 2;
    const inView = () => {
      const view = list.getBoundingClientRect();
      return [...list.querySelectorAll<HTMLElement>('li.card')].filter((li) => li.getBoundingClientRect().bottom > view.top && li.getBoundingClientRect().top < view.bottom);
    };
    await until(() => inView().length > 0 && inView().every((li) => Math.abs(Number(li.getAttribute('aria-posinset')) - ordered.length / 2) < ordered.length / 4), 'middle cards in view');
    bounded();
  });
});
