import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleLoader } from './seed.js';

interface PlanArgs {
  'plan-id': string;
  today: string;
  user: string;
  readonly: boolean;
  /** Level of the widgets' top headings, 2 to 6 (sub-headings one below). */
  'heading-level': number;
}

const meta: Meta<PlanArgs> = {
  title: 'Elements/ap-plan',
  component: 'ap-plan',
  args: { 'plan-id': 'castle-point-rochford-2023-24', today: '2024-01-15', user: 'Community Safety Officer', readonly: false, 'heading-level': 2 },
  loaders: [sampleLoader],
  render: (args, { loaded }) => html`<ap-plan name=${loaded.name as string} plan-id=${args['plan-id']} today=${args.today} user=${args.user} ?readonly=${args.readonly} heading-level=${args['heading-level']}>
    <p>Widgets placed inside the plan share its store, date, user and filter.</p>
  </ap-plan>`,
};
export default meta;

export const Playground: StoryObj<PlanArgs> = {};

export const Readonly: StoryObj<PlanArgs> = { args: { readonly: true } };

/**
 * In a page section headed `<h2>`: `heading-level="3"` puts every widget's headings one below it
 * (the card's title `<h3>`, its "Latest update" `<h4>`, the audit's title `<h3>`).
 */
export const InAPageSection: StoryObj<PlanArgs> = {
  args: { 'heading-level': 3 },
  render: (args, { loaded }) => html`<h2>Our plan for 2023/24</h2>
    <ap-plan name=${loaded.name as string} plan-id=${args['plan-id']} today=${args.today} user=${args.user} ?readonly=${args.readonly} heading-level=${args['heading-level']}>
      <ap-action-card action-id="cpr-a-crucial-crew"></ap-action-card>
      <ap-audit-tracker audit-id="light-touch-2023"></ap-audit-tracker>
    </ap-plan>`,
};
