import { expect } from '@open-wc/testing';
import { cy } from '../../src/i18n/cy.js';
import { enGB } from '../../src/i18n/en-GB.js';
import { enGBAdmin } from '../../src/i18n/en-GB-admin.js';
import { resolveLocale } from '../../src/i18n/page-locale.js';
import { describeReason, formatDate, formatDateTime, formatMoney, formatRelativeDays, ragDescription, ragLabel, statusLabel, t, loadCatalogue } from '../../src/i18n/index.js';
import { describeIssue } from '../../src/i18n/issues.js';
import { safeParseRecord, type RagReason } from '../../src/model/index.js';

// The Welsh messages load on first use (a chunk of their own in the drop-in).
before(() => loadCatalogue('cy'));

/** Run `fn` as if the browser had no Welsh locale data. */
function withoutWelshIntl<T>(fn: () => T): T {
  const original = Intl.DateTimeFormat.supportedLocalesOf;
  Intl.DateTimeFormat.supportedLocalesOf = (locales) => (String(locales).startsWith('cy') ? [] : original(locales));
  try {
    return fn();
  } finally {
    Intl.DateTimeFormat.supportedLocalesOf = original;
  }
}

describe('i18n catalogues', () => {
  it('has a Welsh message for every en-GB key, the first-use parts\' among them', () => {
    expect(Object.keys(cy).sort()).to.deep.equal([...Object.keys(enGB), ...Object.keys(enGBAdmin)].sort());
    expect(Object.values(cy).every((message) => message.trim() !== '')).to.equal(true);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en-GB', 'relative.in-days', { days: 5 })).to.equal('due in 5 days');
    expect(t('cy', 'relative.in-days', { days: 5 })).to.equal('yn ddyledus mewn 5 diwrnod');
    expect(t('en-GB', 'relative.in-days')).to.equal('due in {days} days');
  });
});

describe('resolveLocale', () => {
  it('walks up through shadow roots to the closest lang', () => {
    const outer = document.createElement('div');
    outer.setAttribute('lang', 'cy-GB');
    const host = document.createElement('div');
    outer.append(host);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(outer);
    try {
      expect(resolveLocale(inner)).to.equal('cy');
      expect(resolveLocale(inner, 'en')).to.equal('en-GB');
      inner.setAttribute('lang', 'en-GB');
      expect(resolveLocale(inner)).to.equal('en-GB');
      expect(resolveLocale(host, 'CY')).to.equal('cy');
    } finally {
      outer.remove();
    }
  });

  it('falls back to the page language, then en-GB', () => {
    const lang = document.documentElement.lang;
    try {
      document.documentElement.lang = 'cy';
      expect(resolveLocale(null)).to.equal('cy');
      expect(resolveLocale(document.createElement('p'))).to.equal('cy');
      document.documentElement.lang = 'fr';
      expect(resolveLocale(null)).to.equal('en-GB');
      document.documentElement.removeAttribute('lang');
      expect(resolveLocale(null)).to.equal('en-GB');
    } finally {
      document.documentElement.lang = lang;
    }
  });
});

describe('formatters', () => {
  it('formats dates long and short', () => {
    expect(formatDate('2024-01-31', 'en-GB')).to.equal('31 January 2024');
    expect(formatDate('2024-01-31', 'en-GB', 'short')).to.equal('31 Jan 2024');
    expect(formatDate('2024-01-31', 'cy')).to.equal('31 Ionawr 2024');
    expect(formatDate('not a date', 'en-GB')).to.equal('not a date');
  });

  it('uses the catalogue’s Welsh month names when the browser has no Welsh data', () => {
    withoutWelshIntl(() => {
      expect(formatDate('2024-01-31', 'cy')).to.equal('31 Ionawr 2024');
      expect(formatDate('2024-07-01', 'cy', 'short')).to.equal('1 Gorff 2024');
      expect(formatDate('2023-12-25', 'cy')).to.equal('25 Rhagfyr 2023');
      expect(formatMoney(1233700, 'cy')).to.equal('£12,337.00');
    });
  });

  it('formats date-times in London time', () => {
    expect(formatDateTime('2024-06-30T23:30:00Z', 'en-GB')).to.equal('1 July 2024 at 00:30');
    expect(formatDateTime('2024-01-15T14:05:00Z', 'en-GB')).to.equal('15 January 2024 at 14:05');
    withoutWelshIntl(() => expect(formatDateTime('2024-06-30T23:30:00Z', 'cy')).to.equal('1 Gorffennaf 2024 am 00:30'));
  });

  it('words days to and past a due date', () => {
    expect([0, 1, 5, -1, -12].map((days) => formatRelativeDays(days, 'en-GB'))).to.deep.equal([
      'due today', 'due tomorrow', 'due in 5 days', '1 day overdue', '12 days overdue',
    ]);
    expect([0, 5, -12].map((days) => formatRelativeDays(days, 'cy'))).to.deep.equal(['yn ddyledus heddiw', 'yn ddyledus mewn 5 diwrnod', '12 diwrnod yn hwyr']);
  });

  it('formats pence as pounds', () => {
    expect(formatMoney(1233700, 'en-GB')).to.equal('£12,337.00');
    expect(formatMoney(5, 'en-GB')).to.equal('£0.05');
  });
});

describe('labels', () => {
  it('labels every RAG state in both languages', () => {
    const states = ['red', 'amber', 'green', 'blue', 'grey', 'cancelled', 'carried-forward'] as const;
    expect(states.map((s) => ragLabel(s, 'en-GB'))).to.deep.equal(['Red', 'Amber', 'Green', 'Complete', 'Not started', 'Cancelled', 'Carried forward']);
    expect(states.map((s) => ragLabel(s, 'cy'))).to.deep.equal(['Coch', 'Ambr', 'Gwyrdd', "Wedi'i gwblhau", 'Heb ddechrau', "Wedi'i ganslo", "Wedi'i drosglwyddo"]);
    expect(['red', 'amber', 'green', 'blue'].map((r) => ragDescription(r as 'red', 'en-GB'))).to.deep.equal(['off track', 'at risk', 'on track', '']);
  });

  it('labels statuses', () => {
    expect(statusLabel('not-started', 'en-GB')).to.equal('Not started');
    expect(statusLabel('not-accepted', 'en-GB')).to.equal('Not accepted');
    expect(statusLabel('in-progress', 'cy')).to.equal('Ar waith');
  });
});

describe('describeReason', () => {
  const cases: [RagReason, string, string][] = [
    [{ code: 'target-passed', date: '2024-01-31', days: 44 }, 'Target date 31 January 2024 has passed', "Mae'r dyddiad targed 31 Ionawr 2024 wedi mynd heibio"],
    [{ code: 'milestone-overdue', title: 'Needs assessment', date: '2024-02-14', days: 12 }, 'Milestone "Needs assessment" is 12 days overdue', 'Mae carreg filltir "Needs assessment" 12 diwrnod yn hwyr'],
    [{ code: 'milestone-overdue-long', title: 'Strategy', date: '2024-01-01', days: 31 }, 'Milestone "Strategy" is 31 days overdue', 'Mae carreg filltir "Strategy" 31 diwrnod yn hwyr'],
    [{ code: 'behind-schedule', expected: 70, actual: 30 }, 'Progress 30% is behind the expected 70%', "Mae'r cynnydd o 30% y tu ôl i'r 70% a ddisgwylir"],
    [{ code: 'due-soon', date: '2024-03-20', days: 5, expected: 90, actual: 40 }, 'Due in 5 days and under 90% complete', "Yn ddyledus mewn 5 diwrnod ac o dan 90% wedi'i gwblhau"],
    [{ code: 'due-soon', date: '2024-03-15', days: 0, expected: 90, actual: 40 }, 'Due today and under 90% complete', "Yn ddyledus heddiw ac o dan 90% wedi'i gwblhau"],
    [{ code: 'target-revised', from: '2024-03-01', date: '2024-06-30' }, 'Target date revised from 1 March 2024 to 30 June 2024', "Dyddiad targed wedi'i ddiwygio o 1 Mawrth 2024 i 30 Mehefin 2024"],
    [{ code: 'blocked' }, 'Status is blocked', "Mae'r statws wedi'i rwystro"],
    [{ code: 'not-started-yet', date: '2024-04-01' }, 'Not started: due to start 1 April 2024', 'Heb ddechrau: i fod i ddechrau ar 1 Ebrill 2024'],
    [{ code: 'not-started-yet' }, 'Not started and no start date set', "Heb ddechrau a dim dyddiad dechrau wedi'i osod"],
    [{ code: 'on-track' }, 'Dates and progress are on track', "Mae'r dyddiadau a'r cynnydd ar y trywydd iawn"],
    [{ code: 'complete' }, 'Marked complete', "Wedi'i nodi'n gyflawn"],
    [
      { code: 'override', rag: 'green', by: 'Sam Patel', date: '2024-03-31', text: 'Funding confirmed' },
      'Overridden to Green by Sam Patel on 31 March 2024: Funding confirmed',
      "RAG wedi'i osod â llaw (Gwyrdd) gan Sam Patel ar 31 Mawrth 2024: Funding confirmed",
    ],
  ];

  it('words each reason in en-GB and Welsh', () => {
    withoutWelshIntl(() => {
      for (const [reason, english, welsh] of cases) {
        expect(describeReason(reason, 'en-GB')).to.equal(english);
        expect(describeReason(reason, 'cy')).to.equal(welsh);
      }
    });
  });
});

describe('describeIssue', () => {
  it('re-words a validation issue in Welsh from its code, path and params', () => {
    const result = safeParseRecord('actions', { id: 'a', planId: 'p', priorityId: 'pr', title: '', progress: 150, status: 'done', milestones: [{ id: 'm', title: 'x', dueDate: '2024-02-30' }] });
    if (result.ok) throw new Error('expected invalid');
    expect(result.error.issues.map((issue) => describeIssue(issue, 'cy'))).to.deep.equal([
      'Mae angen teitl.',
      "Rhaid i'r statws fod yn un o'r rhain: heb ddechrau, ar waith, wedi'i rwystro, wedi'i gwblhau, wedi'i ganslo.",
      "Rhaid i'r cynnydd fod yn rhif cyfan o 0 i 100.",
      "Carreg filltir 1: Rhaid i'r dyddiad dyledus fod yn ddyddiad go iawn ar ffurf BBBB-MM-DD.",
    ]);
  });

  it('keeps acronyms in field names', () => {
    expect(describeIssue({ code: 'invalid-option', path: 'ragOverride.rag', params: { options: ['red', 'amber', 'green'] } }, 'cy')).to.equal(
      "Gwrthwneud RAG: Rhaid i'r RAG fod yn un o'r rhain: coch, ambr, gwyrdd.",
    );
    expect(describeIssue({ code: 'required', path: 'linkedActionIds.1' }, 'en-GB')).to.equal('Linked action 2 is required.');
  });
});
