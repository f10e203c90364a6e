// Row 7: a write in page A (this page) until page B (another page of the same browser) shows it.
import { ActionPlanStore } from '../src/store/index.js';
import { config, deleteDatabase, freshName, report, spread } from './harness.js';
import { TABS_CHANNEL, type TabMessage } from './tabs.js';

const PLAN = 'bench-plan';
const FRAME_MS = 1000 / 60;

function next<K extends TabMessage['kind']>(channel: BroadcastChannel, kind: K): Promise<Extract<TabMessage, { kind: K }>> {
  return new Promise((resolve) => {
    const listener = ({ data }: MessageEvent<TabMessage>) => {
      if (data.kind !== kind) return;
      channel.removeEventListener('message', listener);
      resolve(data as Extract<TabMessage, { kind: K }>);
    };
    channel.addEventListener('message', listener);
  });
}

describe('tabs', () => {
  it('7 shows a commit of page A in page B', async () => {
    const name = freshName('tabs');
    const store = await ActionPlanStore.open(name);
    const action = await store.put('actions', { id: 'a-1', planId: PLAN, priorityId: 'p-1', title: 'Edit 0' }, { by: 'Bench' });
    const channel = new BroadcastChannel(TABS_CHANNEL);
    const opened = next(channel, 'ready');
    window.open(`/bench/tab-b.html?${new URLSearchParams({ name, planId: PLAN, actionId: action.id })}`, '_blank', 'noopener');
    await opened;

    // Resolves once page B is watching for `title`, with the promise of when it shows it.
    const expect = async (title: string) => {
      const ready = next(channel, 'ready');
      channel.postMessage({ kind: 'expect', title } satisfies TabMessage);
      await ready;
      return { seen: next(channel, 'seen') };
    };
    await (await expect('Edit 0')).seen;
    const delays: number[] = [];
    for (let edit = 1; edit <= config.iterations * 4; edit++) {
      const { seen } = await expect(`Edit ${edit}`);
      // From the write's start: page B may read the committed record before this page hears the commit.
      const committedAt = performance.timeOrigin + performance.now();
      await store.put('actions', { ...action, title: `Edit ${edit}` }, { by: 'Bench' });
      delays.push((await seen).at - committedAt);
    }
    channel.postMessage({ kind: 'close' } satisfies TabMessage);
    channel.close();
    store.close();
    await deleteDatabase(name);
    const ours = spread(delays);
    await report({ row: '7', name: `cross-tab: write in page A to card rendered in page B (${delays.length} edits)`, unit: 'ms', ours, target: Math.round(FRAME_MS * 10) / 10, met: ours.median <= FRAME_MS });
  });
});
