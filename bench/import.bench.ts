// Row 11: reading 10,000 actions from an .xlsx, as the import does (workbook, heading row, every row
// checked in slices with progress), against read-excel-file's own parse of the same workbook.
import readXlsxFile from 'read-excel-file/browser';
import writeXlsxFile from 'write-excel-file/browser';
import { parseRecord, type Priority } from '../src/model/index.js';
import { recognisedHeadings, suggestMapping } from '../src/io/index.js';
import { cellText, findHeadingRow, readActions, readSpreadsheet } from '../src/io/read-actions.js';
import { compare } from './harness.js';

const COUNT = 10_000;
const PLAN = 'bench-plan';
const TIMESCALES = ['March 2024', 'Q4 2023/24', '2023/24', 'Ongoing', '31/03/2024', 'TBC'];
const priorities: Priority[] = ['Domestic Abuse', 'Anti-Social Behaviour', 'Hate Crime'].map((title, i) => parseRecord('priorities', { id: `p-${i}`, planId: PLAN, title }));
const text = (value: string) => ({ value, type: String });
const sheet = [
  [text('Rochford CSP action plan 2023/24')],
  ['Priority', 'Action', 'Lead agency', 'Partners', 'Estimated timescale', '% complete', 'Progress update', 'RAG'].map(text),
  ...Array.from({ length: COUNT }, (_, i) => [
    text(priorities[i % 3].title),
    text(`Action ${i}: Sanctuary Scheme visits for high-risk victims`),
    text('Rochford DC'),
    text('Essex Police; Safe Partnership'),
    text(TIMESCALES[i % TIMESCALES.length]),
    { value: (i % 101) / 100, type: Number, format: '0%' },
    text('Referrals processed by the Community Policing Team.'),
    text(['Red', 'Amber', 'Green', 'A/G'][i % 4]),
  ]),
];
const workbook = new File([await writeXlsxFile(sheet as never).toBlob()], 'plan.xlsx');

async function importRows() {
  const [{ rows }] = await readSpreadsheet(workbook);
  const at = findHeadingRow(rows, recognisedHeadings);
  const headers = rows[at].map(cellText);
  const result = await readActions(headers, rows.slice(at + 1), suggestMapping(headers), { planId: PLAN, priorities, firstRow: at + 2, by: 'Officer', onProgress: () => undefined });
  if (result.actions.length !== COUNT || result.errors.length) throw new Error(`read ${result.actions.length} actions, ${result.errors.length} errors`);
}

describe('import', () => {
  it('11 reads and checks 10,000 rows from an .xlsx', async () => {
    await compare({
      row: '11',
      name: `read and check ${COUNT.toLocaleString('en-GB')} actions from .xlsx (sliced, with progress)`,
      target: 2,
      ours: { name: 'readSpreadsheet + readActions', setup: async () => undefined, run: importRows },
      baseline: { name: "read-excel-file's own parse of the workbook", setup: async () => undefined, run: () => readXlsxFile(workbook) },
    });
  });
});
