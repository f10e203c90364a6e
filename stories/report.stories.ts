import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleLoader } from './seed.js';

interface ReportArgs {
  quarter: string;
  'plan-id': string;
  today: string;
  lang: string;
}

const meta: Meta<ReportArgs> = {
  title: 'Elements/ap-report',
  component: 'ap-report',
  args: { quarter: '2023/24 Q3', 'plan-id': 'castle-point-rochford-2023-24', today: '2024-01-15', lang: 'en-GB' },
  argTypes: {
    'plan-id': { control: 'select', options: ['castle-point-rochford-2023-24', 'rochdale-2023-24'] },
    lang: { control: 'select', options: ['en-GB', 'cy'] },
  },
  loaders: [sampleLoader],
  render: (args, { loaded }) => html`<ap-plan name=${loaded.name as string} plan-id=${args['plan-id']} today=${args.today} lang=${args.lang}>
    <ap-report quarter=${args.quarter}></ap-report>
  </ap-plan>`,
};
export default meta;

type Story = StoryObj<ReportArgs>;

/** The January 2024 Joint Steering Group's report on 2023/24 Q3, as at the quarter end. */
export const Playground: Story = {};
/** The quarter still running: status as of the plan's date, 15 January 2024. */
export const QuarterSoFar: Story = { args: { quarter: '' } };
/** 2023/24 Q4 so far: the extension requests made and decided this quarter, with reasons and references. */
export const Extensions: Story = { args: { quarter: '2023/24 Q4' } };
export const Rochdale: Story = { args: { 'plan-id': 'rochdale-2023-24' } };
export const Welsh: Story = { args: { lang: 'cy' } };
/** A quarter label the report cannot read names the format it needs. */
export const BadQuarter: Story = { args: { quarter: 'Q3 2023' } };
