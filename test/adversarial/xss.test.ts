// Script injection: every payload in every text field of every element, in CSV import and as
// evidence links. The test page has no CSP, so only the rendering itself can stop a payload.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ApPlan } from '../../src/components/plan/plan.js';
import { ActionPlanStore } from '../../src/store/index.js';
import { WorkflowError, evidenceLink, isSafeUrl, safeParseRecord } from '../../src/model/index.js';
import { describeError } from '../../src/i18n/issues.js';
import { useAdminMessages } from '../../src/i18n/admin-messages.js';
import { freshName } from '../helpers.js';
import { ALL_ELEMENTS, COLLECTIONS, SAMPLE_AUDIT, SAMPLE_PLAN, deepElements, deepText, sample, until } from './dom.js';
import { TEXT_PAYLOADS, URL_PAYLOADS } from './payloads.js';

declare global {
  interface Window {
    apXss(n: number): void;
  }
}
let ran = 0;
window.apXss = () => void ran++;

// Strings that are identities, dates or choices: a payload there is refused by the schema, not shown.
const NOT_TEXT = /^(id|planId|priorityId|auditId|recordId|collection|supersededBy|previousPlanId|carriedFrom|carriedForwardTo|status|rating|rag|url|version|updatedAt|at|date|dueDate|doneDate|startDate|targetDate|revisedTargetDate|previousDate|field|period)$/;

let next = 0;
/** The record with every free-text string replaced by the next payload, where the schema still accepts it. */
function poison(collection: string, record: Record<string, unknown>): Record<string, unknown> {
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return NOT_TEXT.test(key) ? value : TEXT_PAYLOADS[next++ % TEXT_PAYLOADS.length];
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const poisoned = walk(record, '') as Record<string, unknown>;
  return safeParseRecord(collection as never, poisoned).ok ? poisoned : record;
}

/** Elements that a payload would create or attributes it would set, if it were parsed as markup. */
function injected(root: ParentNode): string[] {
  return deepElements(root).flatMap((el) => {
    const found: string[] = [];
    if (/^(script|iframe|object|embed|base|meta|link|marquee|video|audio|img)$/i.test(el.localName)) found.push(`<${el.localName}>`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.localName}[${attr.name}]`);
      if (/^(href|src|action|formaction|xlink:href|data)$/i.test(attr.name) && /^\s*(javascript|data|vbscript):/i.test(attr.value)) found.push(`${el.localName}[${attr.name}=${attr.value}]`);
    }
    return found;
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('XSS: payloads as data', function () {
  this.timeout(60000);
  beforeEach(() => (ran = 0));

  it('the detector sees a payload that is parsed as markup (so the tests below can fail)', async () => {
    const host = document.createElement('div');
    host.innerHTML = TEXT_PAYLOADS[2];
    document.body.append(host);
    await until(() => ran > 0, 'the control payload ran');
    expect(injected(host)).to.deep.equal(['<img>', 'img[onerror]']);
    host.remove();
  });

  it(`renders ${TEXT_PAYLOADS.length} payloads in every text field of every element as text, running none`, async () => {
    expect(TEXT_PAYLOADS.length).to.be.at.least(50);
    const store = await ActionPlanStore.open(freshName('xss'));
    const shown: string[] = [];
    for (const collection of COLLECTIONS) {
      const records = sample[collection].map((record) => poison(collection, record));
      const result = await store.applyPulled(collection, records);
      expect(result.quarantined, collection).to.deep.equal([]);
      if (collection === 'actions') shown.push(...records.filter((a) => a.planId === SAMPLE_PLAN).map((a) => a.title as string));
    }
    expect(next, 'payloads placed').to.be.at.least(TEXT_PAYLOADS.length * 5);
    const plan = await fixture<ApPlan>(html`<ap-plan .store=${store} plan-id=${SAMPLE_PLAN} today="2024-01-15" user=${TEXT_PAYLOADS[0]}></ap-plan>`);
    plan.innerHTML = ALL_ELEMENTS;
    await until(() => deepText(plan).includes(shown[0]), 'the board shows the first payload title as text');
    // Open the card's editor and each recommendation dialog too: values land in inputs there.
    const card = plan.querySelector('ap-action-card')!;
    card.shadowRoot!.querySelector<HTMLButtonElement>('#edit')?.click();
    await card.updateComplete;
    const tracker = plan.querySelector('ap-audit-tracker')!;
    tracker.shadowRoot!.querySelector<HTMLButtonElement>('tbody button.link')?.click();
    await settle();
    const text = deepText(plan);
    const missing = shown.filter((title) => !text.includes(title));
    expect(missing, 'action titles not shown verbatim').to.deep.equal([]);
    expect(injected(plan)).to.deep.equal([]);
    expect(ran, 'payloads that ran').to.equal(0);
  });

  it('imports a CSV whose every cell is a payload, and shows each as text', async () => {
    const plan = await fixture<ApPlan>(html`<ap-plan name=${freshName('xss-csv')} plan-id=${SAMPLE_PLAN} today="2024-01-15" user="Officer">${''}</ap-plan>`);
    await until(() => plan.store, 'store opened');
    await plan.store!.applyPulled('priorities', [{ id: 'p-1', planId: SAMPLE_PLAN, title: 'Domestic Abuse' }]);
    plan.innerHTML = '<ap-import-export></ap-import-export><ap-priority-board></ap-priority-board>';
    const io = plan.querySelector('ap-import-export')!;
    await until(() => io.shadowRoot!.querySelector('input[type=file]:not([disabled])'), 'import ready');
    const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const rows = TEXT_PAYLOADS.map((payload, i) => ['Domestic Abuse', payload, TEXT_PAYLOADS[(i + 1) % TEXT_PAYLOADS.length], payload].map(cell).join(','));
    const csv = ['Priority,Action,Description,Owner', ...rows].join('\r\n');
    const input = io.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([csv], 'payloads.csv', { type: 'text/csv' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const button = (label: RegExp) => [...io.shadowRoot!.querySelectorAll('button')].find((b) => label.test(b.textContent!));
    await until(() => button(/^\s*Check \d+ rows/), 'mapping step');
    expect(injected(plan), 'preview').to.deep.equal([]);
    button(/^\s*Check \d+ rows/)!.click();
    await until(() => button(/^\s*Import \d+ actions/), 'rows checked');
    button(/^\s*Import \d+ actions/)!.click();
    await until(async () => (await plan.store!.query('actions', { value: SAMPLE_PLAN })).length === TEXT_PAYLOADS.length, 'imported');
    const titles = (await plan.store!.query('actions', { value: SAMPLE_PLAN })).map((a) => a.title);
    // Leading "=" is a spreadsheet formula guard on export; on import the cell text is kept as typed.
    expect(new Set(titles)).to.deep.equal(new Set(TEXT_PAYLOADS.map((p) => p.trim())));
    await until(() => deepText(plan).includes(TEXT_PAYLOADS[2]), 'board shows the imported titles');
    await settle();
    expect(injected(plan)).to.deep.equal([]);
    expect(ran).to.equal(0);
  });
});

describe('XSS: evidence links', function () {
  this.timeout(30000);

  it(`refuses ${URL_PAYLOADS.length} script and non-web addresses in the model, from the endpoint and in the tracker`, async () => {
    // The person is told what to write instead (in words that come with the tracker's dialogs).
    useAdminMessages();
    expect(describeError(new WorkflowError('evidence-url'), 'en-GB')).to.match(/http/);
    for (const url of URL_PAYLOADS) {
      expect(isSafeUrl(url), url).to.equal(false);
      expect(() => evidenceLink('Minutes', url), url).to.throw(WorkflowError).with.property('code', 'evidence-url');
    }
    const store = await ActionPlanStore.open(freshName('xss-url'));
    const rec = sample.recommendations[0];
    const pulled = URL_PAYLOADS.map((url, i) => ({ ...rec, id: `bad-url-${i}`, evidence: [{ label: 'Minutes', url }] }));
    const result = await store.applyPulled('recommendations', pulled);
    expect(result.applied).to.have.length(0);
    expect(result.quarantined.map((q) => q.issues[0].code)).to.deep.equal(URL_PAYLOADS.map(() => 'invalid-url'));
    // Through the tracker's own form, as a user pasting each address.
    await store.applyPulled('audits', sample.audits);
    await store.applyPulled('recommendations', sample.recommendations);
    const plan = await fixture<ApPlan>(html`<ap-plan .store=${store} plan-id=${SAMPLE_PLAN} today="2024-01-15" user="J. Smith"><ap-audit-tracker audit-id=${SAMPLE_AUDIT}></ap-audit-tracker></ap-plan>`);
    const tracker = plan.querySelector('ap-audit-tracker')!;
    const root = tracker.shadowRoot!;
    await until(() => root.querySelector('tbody button.link'), 'tracker rendered');
    root.querySelector<HTMLButtonElement>('tbody button.link')!.click();
    await until(() => root.querySelector('dialog[open] form'), 'dialog open');
    const add = [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Add evidence link')!;
    for (const url of URL_PAYLOADS) {
      for (const [id, value] of [['d-evidenceLabel', 'Minutes'], ['d-evidenceUrl', url]]) {
        const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }
      add.click();
      await tracker.updateComplete;
      expect(root.querySelector('.error-summary')?.textContent, url).to.contain('must be web addresses starting http:// or https://');
    }
    expect(root.querySelectorAll('dialog .evidence li')).to.have.length(0);
  });
});
