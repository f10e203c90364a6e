// The drop-in as a council web editor uses it: dist/ copied to the site, its entry file and plain tags.
// Needs `npm run build` (and `npm run analyze` for the manifest check) first.
import { expect } from '@open-wc/testing';
import { open, type PageWindow } from './page.js';
import type { ActionPlanStore } from '../../src/store/index.js';
import { waitUntil } from '../helpers.js';

/** Every element of the library: add a tag here when it lands, so these pages keep covering all of them. */
const TAGS = ['ap-plan', 'ap-rag-summary', 'ap-priority-board', 'ap-action-card', 'ap-audit-tracker', 'ap-sync-status', 'ap-report', 'ap-import-export', 'ap-plan-admin'];
const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

/** A registered element has rendered once its shadow root holds elements and, below <ap-plan>, text. */
const rendered = (el: Element) => !!el.shadowRoot?.firstElementChild && (el.localName === 'ap-plan' || el.shadowRoot.textContent!.trim().length > 0);

async function expectEveryElementRendered(page: PageWindow) {
  const registered = TAGS.filter((tag) => page.customElements.get(tag));
  expect(registered).to.include.members(['ap-plan', 'ap-report', 'ap-import-export']);
  for (const tag of registered) {
    const el = page.document.querySelector(tag)!;
    await waitUntil(() => rendered(el), `<${tag}> rendered`, { timeout: 5000 });
  }
}

before(async () => {
  const response = await fetch('/dist/action-plan-widgets.js', { method: 'HEAD' });
  if (!response.ok) throw new Error('dist/action-plan-widgets.js is missing: run `npm run build` before these tests.');
});

describe('drop-in: plain HTML page', () => {
  it('lists every element the manifest declares', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const declared = manifest.modules.flatMap((m: { declarations?: { tagName?: string }[] }) => m.declarations ?? []).flatMap((d: { tagName?: string }) => (d.tagName ? [d.tagName] : []));
    expect(declared.length).to.be.greaterThan(0);
    expect(TAGS).to.include.members(declared);
  });

  it('renders every registered element from the entry file and the chunks beside it, fetching no sync code without an endpoint', async () => {
    const page = await open('/test/dropin/plain.html');
    await expectEveryElementRendered(page);
    // The report, the admin and import/export come as chunks from dist/, the same origin.
    for (const tag of ['ap-report', 'ap-plan-admin', 'ap-import-export']) {
      await waitUntil(() => !page.document.querySelector(tag)!.shadowRoot!.querySelector('[role=status]')?.textContent!.includes('Loading'), `<${tag}> loaded`, { timeout: 10000 });
    }
    expect(page.document.querySelector('ap-import-export')!.shadowRoot!.textContent).to.include('Import actions');
    expect(page.document.querySelector('ap-plan-admin')!.shadowRoot!.querySelector('[role=tablist]')).to.exist;
    const loaded = page.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/dist/'));
    expect(loaded).to.include('/dist/action-plan-widgets.js');
    expect(loaded.some((path) => /report-view/.test(path)), 'the report came as a chunk').to.equal(true);
    expect(loaded.filter((path) => /-sync-/.test(path)), 'no sync code without an endpoint').to.deep.equal([]);
    const report = page.document.querySelector('ap-report')!;
    await waitUntil(() => report.shadowRoot!.textContent!.includes('quarterly report, 2023/24 Q3'), 'report of the published plan', { timeout: 5000 });
  });
});

describe('drop-in: page sent with the strict Content-Security-Policy', () => {
  it('is really sent with the header, and a blocked inline style is seen', async () => {
    const response = await fetch('/test/dropin/plain.html?csp');
    expect(response.headers.get('Content-Security-Policy')).to.equal(STRICT_CSP);
    const page = await open('/test/dropin/plain.html?csp');
    page.document.body.setAttribute('style', 'color: red');
    await waitUntil(() => page.cspViolations!.length > 0, 'the watcher hears a violation');
  });

  it('renders every registered element with no violation at all', async () => {
    const page = await open('/test/dropin/plain.html?csp');
    await expectEveryElementRendered(page);
    // Let any late work (store loads, re-renders) happen before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(page.cspViolations).to.deep.equal([]);
  });
});

describe('drop-in: editing under the strict Content-Security-Policy', () => {
  it('fetches the card\'s editor when Edit is first pressed, and saves, with no violation', async function () {
    this.timeout(30000);
    const page = await open('/test/dropin/edit.html?csp');
    const plan = page.document.querySelector('ap-plan') as HTMLElement & { store?: ActionPlanStore };
    const card = page.document.querySelector('ap-action-card')!;
    const planId = `edit-${crypto.randomUUID()}`;
    plan.setAttribute('plan-id', planId);
    await waitUntil(() => plan.store, 'store opened', { timeout: 10000 });
    await plan.store!.applyPulled('plans', [{ id: planId, planId, name: 'CSP plan 2023/24' }]);
    await plan.store!.applyPulled('priorities', [{ id: `${planId}-da`, planId, title: 'Domestic Abuse' }]);
    await plan.store!.applyPulled('actions', [{ id: `${planId}-a1`, planId, priorityId: `${planId}-da`, title: 'Sanctuary Scheme visits', targetDate: '2024-03-31', version: 1 }]);
    card.setAttribute('action-id', `${planId}-a1`);
    const shadow = card.shadowRoot!;
    await waitUntil(() => shadow.querySelector<HTMLButtonElement>('#edit'), 'the card shows its Edit button', { timeout: 10000 });
    const editors = () => page.performance.getEntriesByType('resource').filter((entry) => /\/dist\/action-plan-widgets-editor-/.test(new URL(entry.name).pathname));
    expect(editors(), 'no editor before Edit is pressed').to.have.length(0);

    shadow.querySelector<HTMLButtonElement>('#edit')!.click();
    await waitUntil(() => shadow.querySelector('#title-input'), 'the editor opened', { timeout: 10000 });
    const title = shadow.querySelector<HTMLInputElement>('#title-input')!;
    expect(editors(), 'the editor came as a chunk').to.have.length(1);
    await waitUntil(() => shadow.activeElement === title, 'focus in the title field');
    title.value = 'Sanctuary Scheme visits, all districts';
    title.dispatchEvent(new page.Event('input'));
    shadow.querySelector<HTMLButtonElement>('form [type=submit]')!.click();
    await waitUntil(() => !shadow.querySelector('form') && shadow.textContent!.includes('Action saved'), 'saved and announced', { timeout: 10000 });
    expect((await plan.store!.get('actions', `${planId}-a1`))!.title).to.equal('Sanctuary Scheme visits, all districts');
    expect(shadow.querySelector('[part~=title]')!.textContent).to.equal('Sanctuary Scheme visits, all districts');
    expect(page.cspViolations).to.deep.equal([]);
  });
});

describe('drop-in: Excel under the strict Content-Security-Policy', () => {
  it('downloads 3,000 actions as Excel and imports the workbook back, loading each library on first use, with no violation', async function () {
    this.timeout(120000);
    const page = await open('/test/dropin/excel.html?csp');
    const plan = page.document.querySelector('ap-plan') as HTMLElement & { store?: ActionPlanStore };
    const planId = `excel-${crypto.randomUUID()}`;
    plan.setAttribute('plan-id', planId);
    await waitUntil(() => plan.store, 'store opened', { timeout: 10000 });
    const store = plan.store!;
    await store.applyPulled('plans', [{ id: planId, planId, name: 'CSP plan 2023/24' }]);
    await store.applyPulled('priorities', [{ id: `${planId}-da`, planId, title: 'Domestic Abuse' }]);
    const actions = Array.from({ length: 3000 }, (_, i) => ({ id: `${planId}-a${i}`, planId, priorityId: `${planId}-da`, title: `Sanctuary Scheme visit ${i}`, partners: ['Essex Police'], targetDate: '2024-03-31', progress: i % 101 }));
    await store.importLocal('actions', actions, { by: 'Officer' });
    const el = page.document.querySelector('ap-import-export')!;
    const shadow = el.shadowRoot!;
    const dist = () => page.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/dist/'));
    const before = dist().length;

    // Over 160 KB of sheet: fflate's own zip would start a blob: Worker here, which the CSP blocks.
    let workbook: Blob | undefined;
    page.HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      // The test page fetches it: the CSP page itself may not (connect-src).
      void fetch(this.href).then(async (response) => (workbook = await response.blob()));
    };
    await waitUntil(() => [...shadow.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Download actions (Excel)' && !b.disabled), 'export ready');
    [...shadow.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Download actions (Excel)')!.click();
    await waitUntil(() => workbook, 'workbook downloaded', { timeout: 60000 }).catch((error) => {
      throw new Error(`${error.message}: ${shadow.textContent!.replace(/\s+/g, ' ').slice(-300)} ${page.cspViolations!.join(' | ')}`);
    });
    expect(workbook!.size).to.be.greaterThan(20000);

    await store.applyPulled('actions', actions.map((action) => ({ ...action, version: 1, deleted: true })));
    await store.purge('actions', actions.map((action) => action.id));
    // Over 512 KB of sheet unzipped: fflate's own unzip would start a Worker too.
    const input = shadow.querySelector<HTMLInputElement>('input[type=file]')!;
    const transfer = new page.DataTransfer();
    transfer.items.add(new page.File([workbook!], 'actions.xlsx'));
    input.files = transfer.files;
    input.dispatchEvent(new page.Event('change', { bubbles: true }));
    await waitUntil(() => shadow.querySelector('#map-title'), 'workbook read', { timeout: 60000 });
    [...shadow.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Check 3000 rows')!.click();
    await waitUntil(() => shadow.textContent!.includes('3000 actions are ready to import.'), 'checked', { timeout: 60000 });
    [...shadow.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Import 3000 actions')!.click();
    await waitUntil(() => shadow.textContent!.includes('3000 actions imported.'), 'imported', { timeout: 30000 });
    const back = await store.query('actions', { value: planId });
    expect(back.map((action) => [action.title, action.partners, action.targetDate, action.progress]).sort().slice(0, 2)).to.deep.equal(
      actions.map((action) => [action.title, action.partners, action.targetDate, action.progress]).sort().slice(0, 2),
    );
    expect(back).to.have.length(3000);
    expect(dist().length, 'the Excel parts came as chunks beside the file').to.be.greaterThan(before);
    expect(page.cspViolations).to.deep.equal([]);
  });
});

describe('drop-in: Vue 3 host page', () => {
  it('renders the tags, updates a bound property and receives events', async () => {
    const page = await open('/test/dropin/vue.html');
    await waitUntil(() => page.document.querySelector('ap-report')?.shadowRoot?.textContent!.includes('2023/24 Q3'), 'report rendered by Vue', { timeout: 5000 });
    (page as unknown as { vueHost: { quarter: string } }).vueHost.quarter = '2023/24 Q2';
    await waitUntil(() => page.document.querySelector('ap-report')!.shadowRoot!.textContent!.includes('quarterly report, 2023/24 Q2'), 'Vue set the quarter');
    await waitUntil(() => page.document.querySelector('#vue-errors li'), 'Vue heard ap-error', { timeout: 5000 });
    expect(page.document.querySelector('#vue-errors li')!.textContent).to.include('could not be loaded (HTTP 404)');
  });
});
