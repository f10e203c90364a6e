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

/** Chooses a file in the element's file picker, as a user would. */
async function chooseFile(canvas: HTMLElement, file: File) {
  const el = canvas.querySelector('ap-import-export')!;
  await new Promise((resolve) => setTimeout(resolve, 300));
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

const chooseCsv = (canvas: HTMLElement, csv: string) => chooseFile(canvas, new File([csv], 'actions.csv', { type: 'text/csv' }));

/** Presses the Check button once the columns are matched. */
async function check(canvas: HTMLElement) {
  const el = canvas.querySelector('ap-import-export')!;
  for (let tries = 0; tries < 50 && !el.shadowRoot!.querySelector('#map-title'); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
  [...el.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.startsWith('Check'))?.click();
}

// The spreadsheet councils keep, as in issue 20: timescales as words, RAG, update, partners, a priority the plan lacks.
const ISSUE_SHEET = [
  'Priority,Action,Lead agency,Partners,Estimated timescale,% complete,Progress update,RAG',
  'Domestic Abuse,Increase trained J9 ambassadors,Rochford DC,Essex Police; Safe Partnership,Ongoing,0.5,Two sessions held,Amber/Green',
  'Domestic Abuse,Sanctuary Scheme for high-risk victims,Rochford DC,Safe Partnership,March 2024,60,All referrals processed,G',
  'Town centres,Taxi marshals for Rayleigh at peak times,Rochford DC,Licensing,Q4 2023/24,20,,Red',
  'Town centres,Best Bar None accreditation,Licensing,,TBC,0,,Not started',
  'Hate Crime,Hate Crime Awareness Campaign,Community Safety Team,,2023/24,75,,A',
].join('\r\n');

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
/** A file with progress over 100 and an impossible date: problems listed by row and column. */
export const Problems: Story = {
  play: async ({ canvasElement }) => {
    await chooseCsv(canvasElement, 'Priority,Action,Target date,% complete\nDomestic Abuse,Too far,,150\nDomestic Abuse,Bad date,31/02/2024,\n');
    await check(canvasElement);
  },
};
/**
 * Checked and ready: the priority to create, how each timescale was read ("March 2024" as 31 March
 * 2024, "Ongoing", "TBC" needing a date), and progress 0.5 among whole percentages read as 50%.
 */
export const Preview: Story = {
  play: async ({ canvasElement }) => {
    await chooseCsv(canvasElement, ISSUE_SHEET);
    await check(canvasElement);
  },
};
export const PreviewWelsh: Story = { ...Preview, args: { lang: 'cy' } };
/** A workbook with two sheets: pick the sheet; the heading row is found under its title row. */
export const Workbook: Story = {
  play: async ({ canvasElement }) => {
    const { default: writeXlsxFile } = await import('write-excel-file/browser');
    const text = (value: string) => ({ value, type: String });
    const plan = [[text('Rochford CSP action plan 2023/24')], ...ISSUE_SHEET.split('\r\n').map((line) => line.split(',').map(text))];
    const blob = await writeXlsxFile([{ data: plan, sheet: 'Action plan' }, { data: [[text('Notes')]], sheet: 'Notes' }]).toBlob();
    await chooseFile(canvasElement, new File([blob], 'rochford-plan.xlsx'));
  },
};
/** An old .xls workbook: the message says to save it as .xlsx or CSV. */
export const OldExcelFile: Story = {
  play: ({ canvasElement }) => chooseFile(canvasElement, new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])], 'plan-2019.xls')),
};
