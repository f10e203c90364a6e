import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleLoader, samplePerson } from './seed.js';
import { ActionPlanStore } from '../src/store/index.js';
import type { Person } from '../src/model/index.js';
import type { AdminView } from '../src/components/plan-admin/plan-admin.js';

interface PlanAdminArgs {
  view: AdminView;
  'due-within': number;
  'plan-id': string;
  today: string;
  /** Who is signed in (none: no sign-in, no People tab). */
  person?: Person;
}

const meta: Meta<PlanAdminArgs> = {
  title: 'Elements/ap-plan-admin',
  component: 'ap-plan-admin',
  args: { view: 'plans', 'due-within': 14, 'plan-id': 'castle-point-rochford-2023-24', today: '2024-01-15' },
  argTypes: { view: { control: 'select', options: ['plans', 'requests', 'rollover', 'updates', 'people', 'due', 'clear'] } },
  loaders: [sampleLoader],
  render: (args, { loaded }) => html`<ap-plan name=${loaded.name as string} plan-id=${args['plan-id']} today=${args.today} user="Community Safety Officer" .person=${args.person}>
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

const PLAN = 'castle-point-rochford-2023-24';
const member = (id: string, user: string, role: string, agencies: string[]) => ({ id, planId: PLAN, user, role, agencies, version: 1, updatedAt: '2024-01-10T09:00:00.000Z' });

/** Officers manage who may do what: partners by agency, priority leads, viewers. */
export const People: Story = {
  args: { view: 'people', person: samplePerson('officer') },
  loaders: [
    async (context) => {
      const { name } = await sampleLoader(context);
      const store = await ActionPlanStore.open(name);
      await store.applyPulled('members', [
        member('m-1', 'sam.officer@castlepoint.gov.uk', 'officer', []),
        member('m-2', 'pat.smith@essex.police.uk', 'partner', ['Essex Police']),
        member('m-3', 'cllr.jones@rochford.gov.uk', 'viewer', []),
      ]);
      store.close();
      return { name };
    },
  ],
};

/** A partner sees only Plans, Due soon and Clear. */
export const AsPartner: Story = { args: { person: samplePerson('partner', ['Essex Police']) } };

/** Every attribute as a control, to try the element out. */
export const Playground: Story = {};
