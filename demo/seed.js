// Until sync is wired into <ap-plan endpoint>, load the sample plans from the demo endpoint into IndexedDB.
import { ActionPlanStore } from '/dist/action-plan-widgets.js';

const plan = document.querySelector('ap-plan');
const store = await ActionPlanStore.open(plan.name);
const db = await (await fetch('/api/db')).json();
for (const collection of ['plans', 'priorities', 'actions', 'audits', 'recommendations', 'history']) {
  await store.applyPulled(collection, db[collection] ?? []);
}
const actions = await store.query('actions', { value: plan.planId });
document.getElementById('plan-status').textContent = `${actions.length} actions loaded into this browser's storage.`;
store.close();
