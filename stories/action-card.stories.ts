import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleLoader, samplePerson } from './seed.js';
import type { Person } from '../src/model/index.js';

interface CardArgs {
  'action-id': string;
  compact: boolean;
  readonly: boolean;
  conflict: boolean;
  /** Who is signed in (none: no sign-in, everyone may edit); a partner asks for a new target date. */
  person?: Person;
}

const meta: Meta<CardArgs> = {
  title: 'Elements/ap-action-card',
  component: 'ap-action-card',
  args: { 'action-id': 'cpr-a-crucial-crew', compact: false, readonly: false, conflict: false },
  loaders: [sampleLoader],
  render: (args, { loaded }) => html`<ap-plan name=${loaded.name as string} plan-id="castle-point-rochford-2023-24" today="2024-01-15" user="J. Smith" ?readonly=${args.readonly} .person=${args.person}>
    <ap-action-card action-id=${args['action-id']} ?compact=${args.compact} ?conflict=${args.conflict}></ap-action-card>
  </ap-plan>`,
};
export default meta;

type Story = StoryObj<CardArgs>;

/** Revised target (original struck through), milestones on the timeline, funding, updates and history. */
export const Read: Story = {};

/** Red: blocked, with its reason. */
export const Red: Story = { args: { 'action-id': 'cpr-a-taxi-hidden-harms' } };

/** A RAG set by a lead, shown as an override with who, when and why. */
export const Override: Story = { args: { 'action-id': 'cpr-a-asb-powers' } };

/** Cancelled: no RAG. */
export const Cancelled: Story = { args: { 'action-id': 'cpr-a-speedwatch' } };

/** For board columns: title, owner, target, RAG and progress; opens the full card. */
export const Compact: Story = { args: { compact: true } };

export const Readonly: Story = { args: { readonly: true } };

export const Conflict: Story = { args: { conflict: true } };

async function editButton(canvasElement: HTMLElement) {
  const card = canvasElement.querySelector('ap-action-card')!;
  for (let i = 0; i < 100 && !card.shadowRoot?.querySelector('#edit'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return card;
}

/** The editor open. */
export const Editing: Story = {
  play: async ({ canvasElement }) => {
    const card = await editButton(canvasElement);
    card.shadowRoot!.querySelector<HTMLButtonElement>('#edit')!.click();
  },
};

/** A save refused: error summary (focused) and inline messages. */
export const Errors: Story = {
  play: async ({ canvasElement }) => {
    const card = await editButton(canvasElement);
    card.shadowRoot!.querySelector<HTMLButtonElement>('#edit')!.click();
    await card.updateComplete;
    const title = card.shadowRoot!.querySelector<HTMLInputElement>('#title-input')!;
    title.value = '';
    title.dispatchEvent(new Event('input'));
    const progress = card.shadowRoot!.querySelector<HTMLInputElement>('#progress-input')!;
    progress.value = '150';
    progress.dispatchEvent(new Event('input'));
    card.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};

/** Signed in as a partner of another agency: no Edit, a line says who can update it. */
export const PartnerOfAnotherAgency: Story = { args: { person: samplePerson('partner', ['Essex Police']) } };

/** A partner of the lead agency editing: status, progress and the update first; the lead agency as text. */
export const PartnerEditing: Story = {
  args: { person: samplePerson('partner', ['Castle Point Borough Council']) },
  play: Editing.play,
};

/** A partner's view where approvals are required: a request waiting for a decision, and the button to ask. */
export const ExtensionRequested: Story = { args: { 'action-id': 'cpr-a-sanctuary', person: samplePerson('partner', ['Safe Partnership']) } };

/** A refused extension: the decision with its reason and minute reference; no revision counted. */
export const ExtensionRefused: Story = { args: { 'action-id': 'cpr-a-strategic-assessment', person: samplePerson('partner', ['Rochford District Council']) } };

async function requestForm(canvasElement: HTMLElement) {
  const card = canvasElement.querySelector('ap-action-card')!;
  const button = () => card.shadowRoot?.querySelector<HTMLButtonElement>('[data-request-for]');
  for (let i = 0; i < 100 && !button(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  button()!.click();
  await card.updateComplete;
  return card;
}

/** "Request a new target date": new date and reason. */
export const RequestForm: Story = {
  args: { 'action-id': 'cpr-a-bar-n-bus', person: samplePerson('partner', ["Bar 'N' Bus"]) },
  play: async ({ canvasElement }) => void (await requestForm(canvasElement)),
};

/** A request refused by the rules: error summary (focused) and inline messages. */
export const RequestErrors: Story = {
  args: { 'action-id': 'cpr-a-bar-n-bus', person: samplePerson('partner', ["Bar 'N' Bus"]) },
  play: async ({ canvasElement }) => {
    const card = await requestForm(canvasElement);
    const date = card.shadowRoot!.querySelector<HTMLInputElement>('#requested-date-input')!;
    date.value = '2024-01-01';
    date.dispatchEvent(new Event('input'));
    card.shadowRoot!.querySelector<HTMLFormElement>('form.extension-request')!.requestSubmit();
  },
};

/** Every attribute as a control, to try the element out. */
export const Playground: Story = {};
