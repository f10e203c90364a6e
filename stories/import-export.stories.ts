import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleLoader } from './seed.js';

interface ImportExportArgs {
  readonly: boolean;
  lang: string;
}

const meta: Meta<ImportExportArgs> = {
  title: 'Elements/ap-import-export',
  component: 'ap-import-export',
  args: { readonly: false, lang: 'en-GB' },
  argTypes: { lang: { control: 'select', options: ['en-GB', 'cy'] } },
  loaders: [sampleLoader],
  render: (args, { loaded }) => html`<ap-plan name=${loaded.name as string} plan-id="castle-point-rochford-2023-24" today="2024-01-15" user="Community Safety Officer" ?readonly=${args.readonly} lang=${args.lang}>
    <ap-import-export></ap-import-export>
  </ap-plan>`,
};
export default meta;

/** Chooses a CSV file in the element's file picker, as a user would. */
async function chooseCsv(canvas: HTMLElement, csv: string) {
  const el = canvas.querySelector('ap-import-export')!;
  await new Promise((resolve) => setTimeout(resolve, 300));
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File([csv], 'actions.csv', { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

const COUNCIL_SHEET = [
  'Priority,Action,Lead agency,Owner,Estimated timescale,Status,% complete',
  'Domestic Abuse,Sanctuary scheme phase 2,Safe Partnership,A. Patel,31/03/2024,In progress,40%',
  'Hate Crime,Third-party reporting centre training,Castle Point Borough Council,B. Jones,29/02/2024,Not started,0',
].join('\r\n');

type Story = StoryObj<ImportExportArgs>;

export const Playground: Story = {};
/** A read-only plan: exports only. */
export const Readonly: Story = { args: { readonly: true } };
export const Welsh: Story = { args: { lang: 'cy' } };
/** A council spreadsheet chosen: columns matched from its headings, with a preview. */
export const MatchColumns: Story = { play: ({ canvasElement }) => chooseCsv(canvasElement, COUNCIL_SHEET) };
/** A file with an unknown priority and an impossible date: problems listed by row and column. */
export const Problems: Story = {
  play: async ({ canvasElement }) => {
    await chooseCsv(canvasElement, 'Priority,Action,Target date\nKnife crime,Unknown priority,\nDomestic Abuse,Bad date,31/02/2024\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const el = canvasElement.querySelector('ap-import-export')!;
    [...el.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.startsWith('Check'))?.click();
  },
};
