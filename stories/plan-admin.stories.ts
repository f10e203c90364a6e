import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleLoader } from './seed.js';
import type { AdminView } from '../src/components/plan-admin/plan-admin.js';

interface PlanAdminArgs {
  view: AdminView;
  'due-within': number;
  'plan-id': string;
  today: string;
}

const meta: Meta<PlanAdminArgs> = {
  title: 'Elements/ap-plan-admin',
  component: 'ap-plan-admin',
  args: { view: 'plans', 'due-within': 14, 'plan-id': 'castle-point-rochford-2023-24', today: '2024-01-15' },
  argTypes: { view: { control: 'select', options: ['plans', 'requests', 'rollover', 'updates', 'due', 'clear'] } },
  loaders: [sampleLoader],
  render: (args, { loaded }) => html`<ap-plan name=${loaded.name as string} plan-id=${args['plan-id']} today=${args.today} user="Community Safety Officer">
    <ap-plan-admin view=${args.view} due-within=${args['due-within']}></ap-plan-admin>
  </ap-plan>`,
};
export default meta;

type Story = StoryObj<PlanAdminArgs>;

export const Plans: Story = {};
/** Extension requests waiting for the officer: Approve or Refuse, with a reason and the minute reference. */
export const Requests: Story = { args: { view: 'requests' } };
export const YearEndRollover: Story = { args: { view: 'rollover' } };
export const PartnersUpdates: Story = { args: { view: 'updates' } };
export const DueSoon: Story = { args: { view: 'due', 'due-within': 30 } };
export const ClearData: Story = { args: { view: 'clear' } };

/** Every attribute as a control, to try the element out. */
export const Playground: Story = {};
