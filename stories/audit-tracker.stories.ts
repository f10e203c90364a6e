import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { SAMPLE_AGENCY, sampleLoader, samplePerson } from './seed.js';

interface TrackerArgs {
  'audit-id': string;
  'rating-labels': 'high-medium-low' | 'priority' | 'fundamental';
  readonly: boolean;
  lang: string;
}

const meta: Meta<TrackerArgs> = {
  title: 'Elements/ap-audit-tracker',
  component: 'ap-audit-tracker',
  args: { 'audit-id': 'light-touch-2023', 'rating-labels': 'high-medium-low', readonly: false, lang: 'en-GB' },
  argTypes: { 'rating-labels': { control: 'select', options: ['high-medium-low', 'priority', 'fundamental'] } },
  loaders: [sampleLoader],
  render: (args, { loaded }) => html`<ap-plan name=${loaded.name as string} plan-id="castle-point-rochford-2023-24" today="2024-01-15" user="Community Safety Officer" ?readonly=${args.readonly} lang=${args.lang}>
    <ap-audit-tracker audit-id=${args['audit-id']} rating-labels=${args['rating-labels']}></ap-audit-tracker>
  </ap-plan>`,
};
export default meta;

type Story = StoryObj<TrackerArgs>;

/** The Castle Point & Rochford light-touch audit (August 2023): seven recommendations. */
export const LightTouchAudit: Story = {};
export const PriorityLabels: Story = { args: { 'rating-labels': 'priority' } };
export const FundamentalLabels: Story = { args: { 'rating-labels': 'fundamental' } };
export const Readonly: Story = { args: { readonly: true } };
export const Welsh: Story = { args: { lang: 'cy' } };
/** An audit id with no audit yet: the tracker offers to create it. */
export const NoAuditYet: Story = { args: { 'audit-id': 'annual-2024' } };

/** A partner of the owning agency where approvals are required: a request waiting on R5, and a "Request a new target date" button on each open row. */
export const ExtensionRequested: Story = {
  render: (args, { loaded }) => html`<ap-plan name=${loaded.name as string} plan-id="castle-point-rochford-2023-24" today="2024-01-15" user="S. Khan" .person=${samplePerson('partner', [SAMPLE_AGENCY])}>
    <ap-audit-tracker audit-id=${args['audit-id']}></ap-audit-tracker>
  </ap-plan>`,
};

/** A partner of another agency: each row says who can update it. */
export const PartnerOfAnotherAgency: Story = {
  render: (args, { loaded }) => html`<ap-plan name=${loaded.name as string} plan-id="castle-point-rochford-2023-24" today="2024-01-15" user="PC Jones" .person=${samplePerson('partner', ['Essex Police'])}>
    <ap-audit-tracker audit-id=${args['audit-id']}></ap-audit-tracker>
  </ap-plan>`,
};

/** The request dialog open on a recommendation. */
export const RequestDialog: Story = {
  ...ExtensionRequested,
  play: async ({ canvasElement }) => {
    const tracker = canvasElement.querySelector('ap-audit-tracker')!;
    const button = () => tracker.shadowRoot?.querySelector<HTMLButtonElement>('[data-request-for="cpr-rec-1"]');
    for (let i = 0; i < 100 && !button(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    button()!.click();
  },
};

/** Every attribute as a control, to try the element out. */
export const Playground: Story = {};
