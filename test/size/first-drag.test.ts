// The board's moves come when a card is first pointed at (a chunk of the built dist/): on a slow network,
// a press made before they have come starts a drag when they do, if the button is still down. A page
// of its own (see slow-board.ts).
import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { requested, server } from './dropin.js';
import { slowBoard } from './slow-board.js';

describe('the board on a slow network, by pointer', function () {
  this.timeout(60000);
  let origin: string;

  before(async () => {
    origin = (await server('start')) as string;
  });

  after(async () => {
    await sendMouse({ type: 'up' }).catch(() => undefined);
    await server('stop');
  });

  it('drags a card pressed before its moves have come, once they have', async () => {
    const { plan, board, store, card } = await slowBoard(origin);
    board.shadowRoot!.querySelector('.columns')!.scrollIntoView();
    const from = card('a-1')!.getBoundingClientRect();
    const to = board.shadowRoot!.querySelectorAll('section.column header')[1]!.getBoundingClientRect();
    const x = Math.round(from.left + 10);
    const y = Math.round(from.top + 10);
    await sendMouse({ type: 'move', position: [x, y] });
    await waitUntil(() => requested('board-moves'), 'pointing at a card asks for the moves', { timeout: 10000 });
    // The server holds them: the press and a move come first.
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 20, y + 20] });
    expect(board.shadowRoot!.querySelector('li.grabbed')).to.equal(null);
    await server('release');
    // The drag begins when they come: the next move past the threshold picks the card up.
    let step = 0;
    await waitUntil(
      async () => {
        await sendMouse({ type: 'move', position: [x + 20 + (step++ % 2), y + 20] });
        return card('a-1')?.classList.contains('grabbed');
      },
      'picked up by the pointer',
      { timeout: 10000 },
    );
    await sendMouse({ type: 'move', position: [Math.round(to.left + 20), Math.round(to.bottom - 2)] });
    await sendMouse({ type: 'up' });
    await waitUntil(async () => (await store.get('actions', 'a-1'))?.priorityId === 'p-2', 'moved in the store', { timeout: 10000 });
    plan.remove();
  });
});
