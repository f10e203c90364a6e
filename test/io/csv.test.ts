import { expect } from '@open-wc/testing';
import { CsvSyntaxError, fromCsvCell, parseCsv, toCsv } from '../../src/io/index.js';

describe('CSV (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes and newlines inside fields, with CRLF and a BOM', () => {
    const text = '\ufeffTitle,Notes\r\n"Taxi marshals, Rayleigh","Said ""yes""\r\nsecond line"\r\nBest Bar None,\r\n';
    expect(parseCsv(text)).to.deep.equal([
      ['Title', 'Notes'],
      ['Taxi marshals, Rayleigh', 'Said "yes"\r\nsecond line'],
      ['Best Bar None', ''],
    ]);
  });

  it('reads LF files, skips blank lines and keeps a last row with no newline', () => {
    expect(parseCsv('a,b\n\n1,2\n3,4')).to.deep.equal([['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('a,b\n1,2\n"open,3\n4')).to.throw(CsvSyntaxError).with.property('line', 3);
  });

  it('writes what it reads back, and makes formula-like cells inert for spreadsheets', () => {
    const rows = [['Title', 'Notes'], ['Say "hi", then go', 'two\nlines'], ['=HYPERLINK("http://x")', '-1']];
    const text = toCsv(rows);
    expect(text.startsWith('\ufeff')).to.equal(true);
    expect(text).to.include(`"'=HYPERLINK(""http://x"")"`);
    expect(parseCsv(text).map((row) => row.map(fromCsvCell))).to.deep.equal(rows);
  });
});
