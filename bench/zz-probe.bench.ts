import { html, render } from 'lit';
import '../src/define.js';
import { generatePlan } from '../demo/data/generate.js';
import { computeRag, type Action } from '../src/model/index.js';
import { ActionPlanStore } from '../src/store/index.js';
import { freshName } from './harness.js';
const TODAY = '2024-01-15';
const yieldTask = () => new Promise<void>((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(undefined); });
describe('probe', () => {
  it('probe 5', async () => {
    const plan = generatePlan({ actions: 2000, seed: 6 });
    const store = await ActionPlanStore.open(freshName('probe'));
    for (const c of ['plans', 'priorities', 'actions'] as const) await store.applyPulled(c, plan[c]);
    const page = document.body.appendChild(document.createElement('div'));
    page.style.cssText = 'position: fixed; inset: 0; overflow: auto; background: #fff';
    render(html`<ap-plan .store=${store} plan-id=${plan.plans[0]!.id} today=${TODAY}><ap-priority-board></ap-priority-board><ap-action-card></ap-action-card><ap-rag-summary></ap-rag-summary></ap-plan>`, page);
    const [board, card, summary] = ['ap-priority-board', 'ap-action-card', 'ap-rag-summary'].map((t) => page.querySelector(t)!) as any[];
    while (!(board.shadowRoot?.querySelectorAll('li[data-id]').length > 5 && summary.shadowRoot?.querySelector('table'))) await new Promise((r) => setTimeout(r, 50));
    const shownIds = new Set([...board.shadowRoot!.querySelectorAll('li[data-id]')].map((li: Element) => li.getAttribute('data-id')));
    const action = (plan.actions as unknown as Action[]).find((a) => shownIds.has(a.id) && a.status === 'in-progress' && computeRag(a, TODAY).rag === 'green')!;
    card.actionId = action.id;
    const ragTag = (el: any) => el?.shadowRoot?.querySelector('[part~="rag-tag"]')?.textContent ?? '';
    const boardCard = () => board.shadowRoot!.querySelector(`li[data-id="${action.id}"] ap-action-card`);
    while (!ragTag(card).startsWith('Green')) await new Promise((r) => setTimeout(r, 50));
    let status = 'in-progress';
    for (let round = 0; round < 6; round++) {
      await new Promise((r) => setTimeout(r, 300));
      const before = summary.shadowRoot!.textContent;
      status = status === 'blocked' ? 'in-progress' : 'blocked';
      const want = status === 'blocked' ? 'Red' : 'Green';
      const t0 = performance.now();
      await store.put('actions', { ...action, status: status as any }, { by: 'x' });
      const t1 = performance.now();
      const seen: Record<string, number> = {};
      while (Object.keys(seen).length < 3) {
        if (!seen.card && ragTag(card).startsWith(want)) seen.card = performance.now() - t1;
        if (!seen.board && ragTag(boardCard()).startsWith(want)) seen.board = performance.now() - t1;
        if (!seen.summary && summary.shadowRoot!.textContent !== before) seen.summary = performance.now() - t1;
        if (performance.now() - t1 > 5000) break;
        await yieldTask();
      }
      console.log(`put ${(t1 - t0).toFixed(1)} ms; after: ${JSON.stringify(Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, +v.toFixed(1)])))}`);
    }
  });
});
