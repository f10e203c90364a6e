import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { samplePerson, seedSample } from './seed.js';
import type { Person } from '../src/model/index.js';
import { ActionPlanStore } from '../src/store/index.js';
import { generatePlan } from '../demo/data/generate.js';

interface BoardArgs {
  'plan-id': string;
  'group-by': 'priority' | 'status' | 'rag' | 'lead';
  'filter-rag': string;
  'filter-owner': string;
  search: string;
  readonly: boolean;
  lang: string;
  /** Who is signed in (none: no sign-in, everyone may move actions). */
  person?: Person;
}

const LARGE_PLAN = 'generated-1';

const meta: Meta<BoardArgs> = {
  title: 'Elements/ap-priority-board',
  component: 'ap-priority-board',
  args: { 'plan-id': 'castle-point-rochford-2023-24', 'group-by': 'priority', 'filter-rag': '', 'filter-owner': '', search: '', readonly: false, lang: 'en-GB' },
  argTypes: {
    'group-by': { control: 'select', options: ['priority', 'status', 'rag', 'lead'] },
    'filter-rag': { control: 'select', options: ['', 'red', 'amber', 'green', 'blue', 'grey'] },
  },
  loaders: [async (context) => ({ name: await seed(`story-${context.id}`, context.args['plan-id'] === LARGE_PLAN) })],
  render: (args, { loaded }) => html`<ap-plan name=${loaded.name as string} plan-id=${args['plan-id']} today="2024-01-15" user="Community Safety Officer" ?readonly=${args.readonly} lang=${args.lang} .person=${args.person}>
    <ap-priority-board group-by=${args['group-by']} filter-rag=${args['filter-rag']} filter-owner=${args['filter-owner']} search=${args.search}></ap-priority-board>
  </ap-plan>`,
};
export default meta;

async function seed(name: string, large: boolean) {
  await seedSample(name);
  if (large) {
    const plan = generatePlan({ actions: 2000 });
    const store = await ActionPlanStore.open(name);
    for (const collection of ['plans', 'priorities', 'actions'] as const) await store.applyPulled(collection, plan[collection]);
    store.close();
  }
  return name;
}

type Story = StoryObj<BoardArgs>;

export const ByPriority: Story = {};
export const ByStatus: Story = { args: { 'group-by': 'status' } };
/** RAG is computed, so cards cannot be moved here: the board says why. */
export const ByRag: Story = { args: { 'group-by': 'rag' } };
export const ByLeadAgency: Story = { args: { 'group-by': 'lead' } };
/** "Red only", as a web editor might embed it. */
export const RedOnly: Story = { args: { 'filter-rag': 'red' } };
export const Search: Story = { args: { search: 'domestic' } };
export const Readonly: Story = { args: { readonly: true } };
export const Welsh: Story = { args: { lang: 'cy', 'group-by': 'status' } };
/** 2,000 generated actions: long columns are virtualised. */
export const TwoThousandActions: Story = { args: { 'plan-id': LARGE_PLAN } };

/** Signed in as a partner, by status: Move only on their agency's actions; no priority tools. */
export const AsPartner: Story = { args: { 'group-by': 'status', person: samplePerson('partner', ['Essex Police']) } };

/** Every attribute as a control, to try the element out. */
export const Playground: Story = {};
