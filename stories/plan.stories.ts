import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleLoader } from './seed.js';

interface PlanArgs {
  'plan-id': string;
  today: string;
  user: string;
  readonly: boolean;
}

const meta: Meta<PlanArgs> = {
  title: 'Elements/ap-plan',
  component: 'ap-plan',
  args: { 'plan-id': 'castle-point-rochford-2023-24', today: '2024-01-15', user: 'Community Safety Officer', readonly: false },
  loaders: [sampleLoader],
  render: (args, { loaded }) => html`<ap-plan name=${loaded.name as string} plan-id=${args['plan-id']} today=${args.today} user=${args.user} ?readonly=${args.readonly}>
    <p>Widgets placed inside the plan share its store, date, user and filter.</p>
  </ap-plan>`,
};
export default meta;

export const Playground: StoryObj<PlanArgs> = {};

export const Readonly: StoryObj<PlanArgs> = { args: { readonly: true } };
