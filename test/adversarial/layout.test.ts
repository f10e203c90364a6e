// Every element on one page at 320 CSS px (400% zoom of 1280) and in forced-colours mode: no
// sideways scrolling of the page, targets at least 24 px, tags keep a border and focus stays visible.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ApPlan } from '../../src/components/plan/plan.js';
import { ActionPlanStore } from '../../src/store/index.js';
import { freshName } from '../helpers.js';
import { ALL_ELEMENTS, COLLECTIONS, SAMPLE_PLAN, deepElements, deepText, sample, until } from './dom.js';

async function everything() {
  const store = await ActionPlanStore.open(freshName('layout'));
  for (const collection of COLLECTIONS) await store.applyPulled(collection, sample[collection]);
  const plan = await fixture<ApPlan>(html`<ap-plan .store=${store} plan-id=${SAMPLE_PLAN} today="2024-01-15" user="J. Smith"></ap-plan>`);
  plan.innerHTML = ALL_ELEMENTS;
  await until(() => deepText(plan).includes('Crucial Crew') && deepText(plan).includes('Terms of reference'), 'all elements rendered');
  await new Promise((resolve) => setTimeout(resolve, 300));
  return plan;
}

const visible = (el: Element) => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.ap-visually-hidden');
};
/** Inside a box that scrolls (or clips) sideways within the page, shadow roots crossed. */
function inScrollingBox(el: Element): boolean {
  for (let box: Element | null = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null); box; box = box.parentElement ?? ((box.getRootNode() as ShadowRoot).host ?? null)) {
    if (/auto|scroll|hidden/.test(getComputedStyle(box).overflowX) && box.getBoundingClientRect().right <= 321) return true;
  }
  return false;
}
const label = (el: Element) => `${el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).host.localName : ''} ${el.localName}#${el.id}.${el.getAttribute('class')} "${el.textContent?.trim().slice(0, 30)}"`;

describe('320 px wide and forced colours', function () {
  this.timeout(60000);
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 }).catch(() => undefined);
    await executeServerCommand('forced-colors', { active: false });
  });

  it('at 320 px the page does not scroll sideways (regression: board filter select and admin plans table in Firefox) and every button and field is at least 24 x 24 px', async function () {
    // WebKit's WebDriver cannot resize the viewport from the test runner: Chromium and Firefox check this.
    if (!(await setViewport({ width: 320, height: 640 }).then(() => true, () => false))) this.skip();
    const plan = await everything();
    const small = deepElements(plan)
      .filter((el) => el.matches('button, select, input:not([type=checkbox]):not([type=radio]), [role=button], [role=tab]') && visible(el))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width < 24 || box.height < 24;
      })
      .map(label);
    expect(small).to.deep.equal([]);
    // Nothing cut off: no element wider than the page, except data tables in their own scrolling box.
    const wide = deepElements(plan)
      .filter((el) => visible(el) && el.getBoundingClientRect().right > 321 && !inScrollingBox(el))
      .map(label);
    expect(wide).to.deep.equal([]);
    expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
  });

  it('on a phone (320 and 375 px) the People tab lists each person as a block, so nothing scrolls sideways, not even the list; on a desktop it is a table', async function () {
    if (!(await setViewport({ width: 320, height: 640 }).then(() => true, () => false))) this.skip();
    const store = await ActionPlanStore.open(freshName('layout-people'));
    for (const collection of COLLECTIONS) await store.applyPulled(collection, sample[collection]);
    const member = (id: string, fields: Record<string, unknown>) => ({ id, planId: SAMPLE_PLAN, version: 1, updatedAt: '2024-01-10T09:00:00.000Z', deleted: false, agencies: [], ...fields });
    await store.applyPulled('members', [
      member('m-1', { user: 'council-tenant:0f8fa9b2-6c1d-4e3a-9b7f-2d5c8e1a4b6f', role: 'officer', email: 'community.safety.officer@castlepoint.gov.uk' }),
      member('m-2', { user: 'pat.police@essex.police.uk', role: 'partner', agencies: ['Essex Police', 'Essex County Fire and Rescue Service'], email: 'pat.police@essex.police.uk' }),
      member('m-3', { user: 'cllr.viewer@rochford.gov.uk', role: 'viewer' }),
    ]);
    const officer = { id: 'council-tenant:officer', name: 'Officer', writesHistory: true, plans: { [SAMPLE_PLAN]: { role: 'officer' as const, agencies: [] } } };
    const plan = await fixture<ApPlan>(html`<ap-plan .store=${store} plan-id=${SAMPLE_PLAN} today="2024-01-15" .person=${officer}><ap-plan-admin view="people"></ap-plan-admin></ap-plan>`);
    await until(() => deepText(plan).includes('cllr.viewer@rochford.gov.uk'), 'people listed');
    const table = () => deepElements(plan).find((el) => el.matches('table'))!;
    for (const width of [320, 375]) {
      await setViewport({ width, height: 640 });
      await until(() => table().getBoundingClientRect().right <= width + 1, `the list fits ${width} px`);
      const wide = deepElements(plan).filter((el) => visible(el) && el.getBoundingClientRect().right > width + 1).map(label);
      expect(wide, `${width} px`).to.deep.equal([]);
      const agencies = deepElements(plan).find((el) => el.matches('td[data-label]') && el.textContent === 'Essex Police, Essex County Fire and Rescue Service')!;
      // Each cell says what it is: its column's name before it (Firefox gives the content unresolved).
      expect([agencies.getAttribute('data-label'), getComputedStyle(agencies, '::before').content]).to.satisfy(([name, before]: [string, string]) => name === 'Agencies' && /Agencies|attr\(data-label\)/.test(before));
    }
    await setViewport({ width: 1280, height: 800 });
    await until(() => getComputedStyle(table()).display === 'table', 'a table again on a desktop');
    expect([...table().querySelectorAll('th[scope=col]')].map((th) => visible(th))).to.deep.equal([true, true, true, true]);
    await expect(plan.querySelector('ap-plan-admin')).to.be.accessible();
  });

  it('in forced colours every tag keeps a visible border and every focused control an outline', async function () {
    const { supported } = (await executeServerCommand('forced-colors', { active: true })) as { supported: boolean };
    // Forced-colours emulation exists in Chromium's DevTools protocol only; Firefox and WebKit have no such hook here.
    if (!supported) this.skip();
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const plan = await everything();
    const all = deepElements(plan).filter(visible);
    const borderless = all.filter((el) => el.matches('.tag')).filter((el) => getComputedStyle(el).borderStyle === 'none' || parseFloat(getComputedStyle(el).borderWidth) === 0);
    expect(borderless.map(label), 'tags without a border').to.deep.equal([]);
    const noOutline: string[] = [];
    for (const control of all.filter((el) => el.matches('button, a[href], select, input, textarea, [tabindex="0"]')).slice(0, 120) as HTMLElement[]) {
      control.focus();
      if ((control.getRootNode() as Document | ShadowRoot).activeElement !== control) continue;
      const style = getComputedStyle(control);
      // A chart segment (SVG) shows focus as a thick Highlight stroke round its bar instead.
      const shown = control instanceof SVGElement ? parseFloat(getComputedStyle(control.querySelector('rect')!).strokeWidth) >= 3 : style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      if (!shown) noOutline.push(label(control));
    }
    expect(noOutline, 'focused controls with no outline').to.deep.equal([]);
  });
});
