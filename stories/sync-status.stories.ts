import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ActionPlanStore } from '../src/store/index.js';
import { SyncEngine, SyncHttpError, type PushChange, type SyncAdapter } from '../src/sync/index.js';
import { seedSample } from './seed.js';

const PLAN = 'castle-point-rochford-2023-24';
const ACTION = 'cpr-a-best-bar-none';

/** Stands in for an endpoint in Storybook (no server there): accepts pushes, or fails them one way. */
class StoryEndpoint implements SyncAdapter {
  constructor(private readonly failure?: (change: PushChange) => SyncHttpError) {}
  async pull(): Promise<unknown[]> {
    return [];
  }
  async push(change: PushChange): Promise<unknown> {
    if (this.failure) throw this.failure(change);
    return { ...change.record, version: change.baseVersion + 1 };
  }
}

interface StatusArgs {
  endpoint: StoryEndpoint;
  online: boolean;
  edit: boolean;
}

const meta: Meta<StatusArgs> = {
  title: 'Elements/ap-sync-status',
  component: 'ap-sync-status',
  args: { endpoint: new StoryEndpoint(), online: true, edit: false },
  loaders: [
    async ({ id, args }) => {
      const name = `story-${id}`;
      await seedSample(name);
      const store = await ActionPlanStore.open(name);
      if (args.edit) await store.put('actions', { ...(await store.get('actions', ACTION))!, progress: 50 }, { by: 'Community Safety Officer' });
      const sync = new SyncEngine({ store, adapter: args.endpoint, planId: PLAN, intervalMs: 600_000, fullPullEvery: 1_000_000, isOnline: () => args.online });
      return { store, sync };
    },
  ],
  render: (_args, { loaded }) => html`<ap-plan plan-id=${PLAN} today="2024-01-15" user="Community Safety Officer" .store=${loaded.store} .sync=${loaded.sync}>
    <ap-sync-status></ap-sync-status>
  </ap-plan>`,
};
export default meta;

type Story = StoryObj<StatusArgs>;

export const Online: Story = {};

export const OfflineWithChangesWaiting: Story = { args: { online: false, edit: true } };

export const Failing: Story = {
  args: { edit: true, endpoint: new StoryEndpoint(() => new SyncHttpError('retry', 'The endpoint answered 503 Service Unavailable.', 503)) },
};

export const SignedOut: Story = {
  args: { edit: true, endpoint: new StoryEndpoint(() => new SyncHttpError('auth', 'Your session has ended.', 401)) },
};

export const Conflict: Story = {
  args: {
    edit: true,
    endpoint: new StoryEndpoint(({ record, baseVersion }) => new SyncHttpError('conflict', 'Changed on the server.', 412, null, { ...record, progress: 70, version: baseVersion + 1 })),
  },
};

export const DeadLetter: Story = {
  args: { edit: true, endpoint: new StoryEndpoint(() => new SyncHttpError('invalid', 'Progress is not allowed to go down.', 422)) },
};

/** A change the signed-in person may not make (403): the server's reason, the change, Copy and Discard. */
export const Refused: Story = {
  args: { edit: true, endpoint: new StoryEndpoint(() => new SyncHttpError('invalid', 'Only Castle Point Borough Council and the CSP officers can update this action', 403)) },
};

/** Every attribute as a control, to try the element out. */
export const Playground: Story = {};
