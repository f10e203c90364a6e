// Writes demo/data/plan-2023-24.json: the sample Castle Point & Rochford plan through the library's
// own Publish export (public fields only), as a council would publish it on its website.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PLAN_ID = 'castle-point-rochford-2023-24';
const AS_OF = '2024-01-15';

// Node cannot import the TypeScript sources: bundle the export module first.
const bundle = join(root, 'node_modules/.cache/action-plan-widgets/snapshot.mjs');
mkdirSync(dirname(bundle), { recursive: true });
await build({ entryPoints: [join(root, 'src/io/snapshot.ts')], bundle: true, format: 'esm', platform: 'node', outfile: bundle, logLevel: 'warning' });
const { parseSnapshot, publishSnapshot } = await import(pathToFileURL(bundle).href);

const db = JSON.parse(readFileSync(join(root, 'demo/data/db.json'), 'utf8'));
const ofPlan = (collection) => (db[collection] ?? []).filter((record) => record.planId === PLAN_ID);
const full = parseSnapshot({
  format: 'action-plan-snapshot',
  formatVersion: 1,
  exportedAt: `${AS_OF}T09:00:00.000Z`,
  asOf: AS_OF,
  plan: db.plans.find((plan) => plan.id === PLAN_ID),
  priorities: ofPlan('priorities'),
  actions: ofPlan('actions'),
  audits: ofPlan('audits'),
  recommendations: ofPlan('recommendations'),
  history: ofPlan('history'),
});
const published = publishSnapshot(full);
writeFileSync(join(root, 'demo/data/plan-2023-24.json'), `${JSON.stringify(published, null, 2)}\n`);
console.log(`demo/data/plan-2023-24.json: ${published.actions.length} public actions of ${full.actions.length}.`);
