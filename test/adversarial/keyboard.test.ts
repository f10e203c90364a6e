// Keyboard-only walkthrough: mark a recommendation implemented with evidence. (Moving a card and
// editing an action by keyboard have their own keyboard tests in test/components.) Only Tab, arrows, typing and Enter: no clicks, no focus().
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ApPlan } from '../../src/components/plan/plan.js';
import { ActionPlanStore } from '../../src/store/index.js';
import { freshName } from '../helpers.js';
import { COLLECTIONS, SAMPLE_AUDIT, SAMPLE_PLAN, deepText, sample, until } from './dom.js';

/** The focused element, through shadow roots. */
function focused(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until `matches` holds for the focused element. */
async function tabTo(matches: (el: Element) => boolean, what: string, limit = 120) {
  for (let i = 0; i < limit; i++) {
    const el = focused();
    if (el && matches(el)) return el;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}
const named = (name: string) => (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim() === name;

describe('keyboard-only walkthrough', function () {
  this.timeout(60000);

  it('mark recommendation 1 implemented with an evidence link, keyboard only', async () => {
    const store = await ActionPlanStore.open(freshName('keyboard-audit'));
    for (const collection of COLLECTIONS) await store.applyPulled(collection, sample[collection]);
    const plan = await fixture<ApPlan>(html`<ap-plan .store=${store} plan-id=${SAMPLE_PLAN} today="2024-01-15" user="J. Smith"><ap-audit-tracker audit-id=${SAMPLE_AUDIT}></ap-audit-tracker></ap-plan>`);
    await until(() => deepText(plan).includes('Terms of reference'), 'tracker rendered');
    await tabTo(named('Edit recommendation 1'), 'Edit recommendation 1');
    await sendKeys({ press: 'Enter' });
    // The dialog's form is loaded on first use: a Tab before it has come would leave the page (nothing in the dialog takes focus yet).
    const tracker = plan.querySelector('ap-audit-tracker')!.shadowRoot!;
    await until(() => tracker.querySelector('dialog[open] form'), 'the form');
    await tabTo((el) => el.id === 'd-status', 'Status');
    await sendKeys({ type: 'Implemented' }); // type-ahead picks the option
    await tabTo((el) => el.id === 'd-evidenceLabel', 'the evidence label');
    await sendKeys({ type: 'Revised terms of reference' });
    await tabTo((el) => el.id === 'd-evidenceUrl', 'the evidence address');
    await sendKeys({ type: 'https://example.gov.uk/tor.pdf' });
    await tabTo(named('Add evidence link'), 'Add evidence link');
    await sendKeys({ press: 'Enter' });
    await tabTo((el) => el.localName === 'button' && el.getAttribute('type') === 'submit', 'Save');
    await sendKeys({ press: 'Enter' });
    await until(async () => (await store.get('recommendations', 'cpr-rec-1'))!.status === 'implemented', `saved as implemented: ${tracker.querySelector<HTMLSelectElement>('#d-status')?.value} ${tracker.querySelector('.error-summary')?.textContent} ${tracker.querySelector('dialog .evidence')?.textContent}`);
    expect((await store.get('recommendations', 'cpr-rec-1'))!.evidence).to.deep.equal([{ label: 'Revised terms of reference', url: 'https://example.gov.uk/tor.pdf' }]);
  });
});
