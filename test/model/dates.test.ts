import { expect } from '@open-wc/testing';
import {
  addDays,
  daysBetween,
  financialQuarter,
  financialYear,
  isIsoDate,
  QuarterLabelError,
  quarterBounds,
  quarterStart,
  todayInLondon,
} from '../../src/model/index.js';

describe('dates', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).to.equal(true);
    expect(isIsoDate('2023-02-29')).to.equal(false);
    expect(isIsoDate('2024-02-30')).to.equal(false);
    expect(isIsoDate('2000-02-29')).to.equal(true);
    expect(isIsoDate('1900-02-29')).to.equal(false);
    expect(isIsoDate('2024-13-01')).to.equal(false);
    expect(isIsoDate('2024-04-31')).to.equal(false);
    expect(isIsoDate('2024-1-5')).to.equal(false);
    expect(isIsoDate('2024-01-05T00:00:00Z')).to.equal(false);
    expect(isIsoDate(20240105)).to.equal(false);
  });

  it('gives the London date either side of BST and GMT midnight', () => {
    expect(todayInLondon(new Date('2024-06-30T22:59:00Z'))).to.equal('2024-06-30');
    expect(todayInLondon(new Date('2024-06-30T23:30:00Z'))).to.equal('2024-07-01');
    expect(todayInLondon(new Date('2024-01-31T23:30:00Z'))).to.equal('2024-01-31');
    expect(todayInLondon(new Date('2024-03-31T00:30:00Z'))).to.equal('2024-03-31');
    expect(todayInLondon(new Date('2024-10-26T23:30:00Z'))).to.equal('2024-10-27');
  });

  it('adds days and counts whole days across month, year and leap boundaries', () => {
    expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
    expect(addDays('2024-03-01', -1)).to.equal('2024-02-29');
    expect(addDays('2023-12-31', 1)).to.equal('2024-01-01');
    expect(addDays('2024-03-30', 2)).to.equal('2024-04-01');
    expect(daysBetween('2024-01-01', '2024-12-31')).to.equal(365);
    expect(daysBetween('2024-03-31', '2024-03-01')).to.equal(-30);
    expect(daysBetween('2024-03-30', '2024-04-01')).to.equal(2);
  });

  it('places dates in the UK financial year and quarter', () => {
    expect(financialYear('2024-03-31')).to.equal('2023/24');
    expect(financialYear('2024-04-01')).to.equal('2024/25');
    expect(financialYear('1999-06-01')).to.equal('1999/00');
    expect(financialQuarter('2024-03-31')).to.deep.equal({ year: '2023/24', quarter: 4, label: '2023/24 Q4' });
    expect(financialQuarter('2024-04-01')).to.deep.equal({ year: '2024/25', quarter: 1, label: '2024/25 Q1' });
    expect(financialQuarter('2023-12-31').label).to.equal('2023/24 Q3');
    expect(financialQuarter('2024-01-01').label).to.equal('2023/24 Q4');
    expect(financialQuarter('2023-06-30').label).to.equal('2023/24 Q1');
    expect(financialQuarter('2023-07-01').label).to.equal('2023/24 Q2');
    expect(quarterStart('2024-02-14')).to.equal('2024-01-01');
    expect(quarterStart('2023-11-30')).to.equal('2023-10-01');
    expect(quarterStart('2024-04-01')).to.equal('2024-04-01');
  });

  it('gives the first and last day of a quarter label', () => {
    expect(quarterBounds('2023/24 Q1')).to.deep.equal({ start: '2023-04-01', end: '2023-06-30' });
    expect(quarterBounds('2023/24 Q3')).to.deep.equal({ start: '2023-10-01', end: '2023-12-31' });
    expect(quarterBounds('2023/24 Q4')).to.deep.equal({ start: '2024-01-01', end: '2024-03-31' });
    expect(quarterBounds('1999/00 Q4')).to.deep.equal({ start: '2000-01-01', end: '2000-03-31' });
  });

  it('throws a QuarterLabelError for a bad label', () => {
    for (const label of ['2023/25 Q1', '2023/24 Q5', '2023-24 Q1', '', 'Q1']) {
      expect(() => quarterBounds(label), label).to.throw(QuarterLabelError, /2023\/24 Q3/);
    }
    try {
      quarterBounds('nonsense');
    } catch (error) {
      expect(error).to.be.instanceOf(RangeError);
      expect((error as Error).name).to.equal('QuarterLabelError');
    }
  });
});
