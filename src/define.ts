// Registers every element. Guarded, so a page that loads the bundle twice does not throw.
import { ApPlan } from './components/plan/plan.js';

const elements = {
  'ap-plan': ApPlan,
} as const;

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-plan': ApPlan;
  }
}
