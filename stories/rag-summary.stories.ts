import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleLoader } from './seed.js';

interface SummaryArgs {
  'plan-id': string;
  'group-by': 'priority' | 'lead';
}

const meta: Meta<SummaryArgs> = {
  title: 'Elements/ap-rag-summary',
  component: 'ap-rag-summary',
  args: { 'plan-id': 'castle-point-rochford-2023-24', 'group-by': 'priority' },
  argTypes: { 'group-by': { control: 'inline-radio', options: ['priority', 'lead'] } },
  loaders: [sampleLoader],
  render: (args, { loaded }) => html`<ap-plan name=${loaded.name as string} plan-id=${args['plan-id']} today="2024-01-15">
    <ap-rag-summary group-by=${args['group-by']}></ap-rag-summary>
  </ap-plan>`,
};
export default meta;

type Story = StoryObj<SummaryArgs>;

export const ByPriority: Story = {};

export const ByLeadAgency: Story = { args: { 'group-by': 'lead' } };

export const Rochdale: Story = { args: { 'plan-id': 'rochdale-2023-24' } };

/** The table shown (it is always in the page for screen readers). */
export const TableShown: Story = {
  play: async ({ canvasElement }) => {
    const summary = canvasElement.querySelector('ap-rag-summary')!;
    for (let i = 0; i < 100 && !summary.shadowRoot?.querySelector('[part=toggle]'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    summary.shadowRoot!.querySelector<HTMLButtonElement>('[part=toggle]')!.click();
  },
};

export const EmptyPlan: Story = { args: { 'plan-id': 'no-such-plan' } };

/** Every attribute as a control, to try the element out. */
export const Playground: Story = {};
