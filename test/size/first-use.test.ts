// The board's moves come when a card is first focused or pointed at (a chunk of the built dist/): on a
// slow network, keys pressed before they have come act when they do. A page of its own (see slow-board.ts).
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { requested, server } from './dropin.js';
import { slowBoard } from './slow-board.js';

describe('the board on a slow network, by keyboard', function () {
  this.timeout(60000);
  let origin: string;

  before(async () => {
    origin = (await server('start')) as string;
  });

  after(() => server('stop'));

  it('picks a card up with a Space pressed before its moves have come, then moves it with the keys pressed meanwhile', async () => {
    const { plan, board, store, card, status } = await slowBoard(origin);
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
