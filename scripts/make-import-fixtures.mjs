// Writes the import fixtures in test/fixtures/import/ from Rochford CSP's 2023/24 priorities and
// actions (shared/seeds): a workbook as a council keeps one, and the CSVs UK Excel saves.
// Run: node scripts/make-import-fixtures.mjs (the files are committed; re-run after changing this).
import { writeFile } from 'node:fs/promises';
import writeXlsxFile from 'write-excel-file/node';

const dir = new URL('../test/fixtures/import/', import.meta.url);
const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const date = (value) => ({ value, type: Date, format: 'dd/mm/yyyy' });
const month = (value) => ({ value, type: Date, format: 'mmm-yy' });
const percent = (value) => ({ value, type: Number, format: '0%' });
const text = (value) => (value === null ? null : { value, type: String });
const HEADINGS = ['Priority', 'Action', 'Lead agency', 'Partners', 'Start date', 'Estimated timescale', '% complete', 'Progress update', 'RAG'];

// Sheet 1: two title rows (the first merged across), a blank row, headings, a section row per
// priority, a priority merged down three rows, date, month and percent cells, and the timescales
// councils write as words.
const plan = [
  [{ value: 'Castle Point & Rochford CSP action plan 2023/24', type: String, columnSpan: HEADINGS.length, fontWeight: 'bold' }, ...Array(HEADINGS.length - 1).fill(null)],
  [text('Updated for the Overview and Scrutiny Committee'), ...Array(HEADINGS.length - 1).fill(null)],
  Array(HEADINGS.length).fill(null),
  HEADINGS.map((heading) => ({ value: heading, type: String, fontWeight: 'bold' })),
  [text('Domestic Abuse'), ...Array(HEADINGS.length - 1).fill(null)],
  [null, text('Provide a Sanctuary Scheme for high-risk victims'), text('Rochford DC'), text('Safe Partnership; Community Policing Team'), date(day(2023, 4, 1)), month(day(2024, 3, 1)), percent(0.6), text('All referrals processed by the Community Policing Team.'), text('Green')],
  [null, text('Increase trained J9 (Domestic Abuse) ambassadors'), text('Rochford DC'), text('Essex Police'), null, text('Ongoing'), percent(0.5), text('Two training sessions held.'), text('Amber/Green')],
  [null, text('Greater public awareness of domestic abuse and the support available'), text('Essex Police'), text('Rochford DC | Castle Point BC'), null, text('Q4 2023/24'), percent(0.25), null, text('A')],
  Array(HEADINGS.length).fill(null),
  [{ value: 'Hate Crime', type: String, rowSpan: 2 }, text('Deliver at least one Hate Crime Awareness Campaign'), text('Community Safety Team'), text('Essex Police, Fire and Crime Commissioner'), null, text('29/02/2024'), percent(0.2), null, text('R')],
  [null, text('Refresher training for existing HIRC ambassadors'), text('Community Safety Team'), null, null, text('TBC'), percent(0), null, text('Not started')],
  [text('Anti-Social Behaviour'), text('Taxi Marshalls for the Rayleigh night-time economy at peak times'), text('Rochford DC'), text('Licensing'), null, text('2023/24'), percent(1), text('Marshals in place for Christmas.'), text('Complete')],
];
// Sheet 2: another sheet the user can pick, with a plain 0-100 progress column.
const second = [
  ['Priority', 'Action', 'Target date', '% complete'].map((heading) => ({ value: heading, type: String })),
  [text('Violence (including knife crime)'), text('Anti bleed kits in every licensed premises in Rochford'), text('Spring'), { value: 40, type: Number }],
  [text('Violence (including knife crime)'), text('Best Bar None accreditation for licensed premises'), text('Mar-24'), { value: 0.5, type: Number }],
];
await writeFile(
  new URL('rochford-plan.xlsx', dir),
  await writeXlsxFile([{ data: plan, sheet: 'Action plan' }, { data: second, sheet: 'Safer Streets' }]).toBuffer(),
);

// The issue's five-row CSV, as "CSV UTF-8" (BOM) and as "CSV (Comma delimited)" (Windows-1252).
const rows = [
  HEADINGS.filter((heading) => heading !== 'Start date'),
  ['Domestic Abuse', 'Walk Online e-safety training for Year 5 and Year 6 pupils', 'Rochford DC', 'Schools; Essex Police', 'March 2024', '60', 'Programme hosted in January at secondary schools.', 'Green'],
  ['Violence against Women and Girls', "Women's Safety Charter for Rochford: café and bar pledge", 'Rochford DC', 'Licensed premises | Schools', 'Q4 2023/24', '20%', '', 'Amber'],
  ['Hate Crime', 'Support the County Hate Crime Strategy', 'Community Safety Team', 'Essex Police', 'Ongoing', '50', '£1,000 of Community Safety material bought.', 'A/G'],
  ['Anti-Social Behaviour', 'Promote the Rochford Local Delivery Group problem-solving forum', 'Rochford DC', 'Registered social landlords', '2023/24', '75', 'Meetings held with partner participation.', 'G'],
  ['Anti-Social Behaviour', 'Bar N Bus youth outreach across the District', 'Youth service', '', 'TBC', '0', '', 'Not started'],
];
const csv = (extra) => `${[...rows, ...extra].map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')).join('\r\n')}\r\n`;
// ŵ has no Windows-1252 byte: only the UTF-8 file has the Welsh row.
await writeFile(new URL('rochford-utf8-bom.csv', dir), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv([['Domestic Abuse', 'Gŵyl ddiogelwch: stondin White Ribbon', 'Rochford DC', '', '31/03/2024', '10', '', 'G']]), 'utf8')]));
await writeFile(new URL('rochford-windows-1252.csv', dir), Buffer.from(csv([]), 'latin1'));
// A .xls (an OLE compound file, as is a password-protected .xlsx): only its signature matters.
await writeFile(new URL('old-format.xls', dir), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
