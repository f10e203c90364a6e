import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readTimescale, type Timescale } from '../../src/io/timescale.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dateOf = (reading: Timescale) => (reading.kind === 'date' ? reading.date : reading.kind);
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

describe('readTimescale', () => {
  it('reads the forms the issue lists, as targets (last day) and starts (first day)', () => {
    const cases: [string, string, string][] = [
      ['March 2024', '2024-03-31', '2024-03-01'],
      ['Mar-24', '2024-03-31', '2024-03-01'],
      ['03/2024', '2024-03-31', '2024-03-01'],
      ['February 2024', '2024-02-29', '2024-02-01'],
      ['end of June 2025', '2025-06-30', '2025-06-01'],
      ['Mawrth 2024', '2024-03-31', '2024-03-01'],
      ['Q4 2023/24', '2024-03-31', '2024-01-01'],
      ['2023/24 Q4', '2024-03-31', '2024-01-01'],
      ['Quarter 4 23/24', '2024-03-31', '2024-01-01'],
      ['Q1 2024/25', '2024-06-30', '2024-04-01'],
      ['Q3 2023-24', '2023-12-31', '2023-10-01'],
      ['2023/24', '2024-03-31', '2023-04-01'],
      ['2023-24', '2024-03-31', '2023-04-01'],
      ['FY 2023/24', '2024-03-31', '2023-04-01'],
      ['2099/00', '2100-03-31', '2099-04-01'],
      ['31/03/2024', '2024-03-31', '2024-03-31'],
      ['31.03.24', '2024-03-31', '2024-03-31'],
      ['31 March 2024', '2024-03-31', '2024-03-31'],
      ['31st March 2024', '2024-03-31', '2024-03-31'],
      ['1st Sept 2024', '2024-09-01', '2024-09-01'],
      ['2024-03-31', '2024-03-31', '2024-03-31'],
    ];
    for (const [text, end, start] of cases) {
      expect(dateOf(readTimescale(text, 'end')), text).to.equal(end);
      expect(dateOf(readTimescale(text, 'start')), text).to.equal(start);
    }
    expect(readTimescale('Q4 2023/24')).to.deep.equal({ kind: 'date', date: '2024-03-31', form: 'quarter' });
    expect(readTimescale('2023/24')).to.deep.include({ form: 'year' });
    expect(readTimescale('March 2024')).to.deep.include({ form: 'month' });
  });

  it('reads Ongoing, On-going and Continuous as ongoing', () => {
    for (const text of ['Ongoing', 'On-going', 'on going', 'Continuous', 'ONGOING - reviewed quarterly', 'Parhaus']) {
      expect(readTimescale(text).kind, text).to.equal('ongoing');
    }
  });

  it('keeps anything else as text, trimmed: never a wrong date', () => {
    for (const text of ['TBC', 'Spring', 'Spring 2024', '31/02/2024', '2023/25', 'Q5 2023/24', 'Marching 2024', '13/2024', 'asap']) {
      expect(readTimescale(`  ${text} `), text).to.deep.equal({ kind: 'text', text });
    }
  });

  it('reads a date cell as its day, or as its month when the column holds months', () => {
    const cell = new Date(Date.UTC(2024, 2, 1));
    expect(readTimescale(cell)).to.deep.equal({ kind: 'date', date: '2024-03-01', form: 'date' });
    expect(readTimescale(cell, 'end', true)).to.deep.equal({ kind: 'date', date: '2024-03-31', form: 'month' });
    expect(readTimescale(cell, 'start', true)).to.deep.include({ date: '2024-03-01' });
  });

  it('reads every real day written d/m/yyyy, dd.mm.yy and "d Month yyyy" as that day', () => {
    const day = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(day, (d) => {
        const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = `${y}-${pad(m)}-${pad(dd)}`;
        for (const text of [`${dd}/${m}/${y}`, `${pad(dd)}.${pad(m)}.${pad(y % 100)}`, `${dd} ${MONTH_NAMES[m - 1]} ${y}`, `${dd}-${MONTH_NAMES[m - 1].slice(0, 3)}-${pad(y % 100)}`]) {
          expect(dateOf(readTimescale(text)), text).to.equal(iso);
          expect(dateOf(readTimescale(text, 'start')), text).to.equal(iso);
        }
      }),
    );
  });

  it('reads every month as its last day, or first as a start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        for (const text of [`${MONTH_NAMES[m - 1]} ${y}`, `${MONTH_NAMES[m - 1].slice(0, 3)}-${pad(y % 100)}`, `${pad(m)}/${y}`]) {
          expect(dateOf(readTimescale(text)), text).to.equal(`${y}-${pad(m)}-${lastDay(y, m)}`);
          expect(dateOf(readTimescale(text, 'start')), text).to.equal(`${y}-${pad(m)}-01`);
        }
      }),
    );
  });

  it('puts every quarter of a financial year inside it, in order, each three months long', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2098 }), (y) => {
        const fy = `${y}/${pad((y + 1) % 100)}`;
        const quarters = [1, 2, 3, 4].map((q) => [dateOf(readTimescale(`Q${q} ${fy}`, 'start')), dateOf(readTimescale(`${fy} Q${q}`, 'end'))]);
        expect([quarters[0][0], dateOf(readTimescale(fy, 'start'))]).to.deep.equal([`${y}-04-01`, `${y}-04-01`]);
        expect([quarters[3][1], dateOf(readTimescale(fy, 'end'))]).to.deep.equal([`${y + 1}-03-31`, `${y + 1}-03-31`]);
        for (let q = 1; q < 4; q++) expect(quarters[q][0] > quarters[q - 1][1]).to.equal(true);
      }),
    );
  });

  it('never throws, and any text it cannot read comes back unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const reading = readTimescale(text);
        if (reading.kind === 'text') expect(reading.text).to.equal(text.trim().replace(/\s+/g, ' '));
      }),
    );
  });
});
