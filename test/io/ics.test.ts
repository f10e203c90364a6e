import { expect } from '@open-wc/testing';
import { foldLine, toIcs } from '../../src/io/ics.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

/** A small RFC 5545 reader: unfolds lines, checks nesting, returns each VEVENT's properties. */
function parseIcs(text: string): Record<string, string>[] {
  expect(text.endsWith('\r\n')).to.equal(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line).not.to.match(/[\r\n]/);
    expect(octets(line), line).to.be.at.most(75);
  }
  const lines = physical.reduce<string[]>((all, line) => (line.startsWith(' ') ? [...all.slice(0, -1), all.at(-1)! + line.slice(1)] : [...all, line]), []);
  expect(lines[0]).to.equal('BEGIN:VCALENDAR');
  expect(lines.at(-1)).to.equal('END:VCALENDAR');
  expect(lines).to.include.members(['VERSION:2.0']);
  expect(lines.some((l) => l.startsWith('PRODID:'))).to.equal(true);
  const events: Record<string, string>[] = [];
  let event: Record<string, string> | undefined;
  for (const line of lines.slice(1, -1)) {
    if (line === 'BEGIN:VEVENT') {
      expect(event, 'nested VEVENT').to.equal(undefined);
      event = {};
    } else if (line === 'END:VEVENT') {
      events.push(event!);
      event = undefined;
    } else if (event) {
      const colon = line.indexOf(':');
      event[line.slice(0, colon)] = line.slice(colon + 1).replace(/\\([\\;,])/g, '$1').replace(/\\n/gi, '\n');
    }
  }
  expect(event, 'unclosed VEVENT').to.equal(undefined);
  for (const e of events) {
    expect(e.UID).to.be.a('string').and.not.equal('');
    expect(e.DTSTAMP).to.match(/^\d{8}T\d{6}Z$/);
    expect(e['DTSTART;VALUE=DATE']).to.match(/^\d{8}$/);
  }
  return events;
}

describe('iCalendar export', () => {
  it('writes valid all-day events with escaped text', () => {
    const text = toIcs(
      [
        { uid: 'a-1-action@x', date: '2024-01-31', summary: 'Target: Walk online; e-safety, Year 5\\6', description: 'Line one\nLine two' },
        { uid: 'a-1/m-2-milestone@x', date: '2024-02-29', summary: 'Milestone: Sessions hosted' },
      ],
      { name: 'Castle Point & Rochford', now: new Date('2024-01-15T09:30:00.123Z') },
    );
    const events = parseIcs(text);
    expect(events).to.have.length(2);
    expect(events[0]).to.include({
      UID: 'a-1-action@x',
      DTSTAMP: '20240115T093000Z',
      'DTSTART;VALUE=DATE': '20240131',
      'DTEND;VALUE=DATE': '20240201',
      SUMMARY: 'Target: Walk online; e-safety, Year 5\\6',
      DESCRIPTION: 'Line one\nLine two',
    });
    expect(events[1]['DTEND;VALUE=DATE']).to.equal('20240301');
    expect(text).to.contain('SUMMARY:Target: Walk online\\; e-safety\\, Year 5\\\\6\r\n');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const summary = `Cymorth i ddioddefwyr – ${'ŵŷ€'.repeat(40)}`;
    const events = parseIcs(toIcs([{ uid: 'u', date: '2024-03-31', summary }], { name: 'n' }));
    expect(events[0].SUMMARY).to.equal(summary);
    expect(foldLine('x'.repeat(75))).to.equal('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).to.equal(`${'x'.repeat(75)}\r\n x`);
  });
});
