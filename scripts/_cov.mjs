import puppeteer from 'puppeteer-core';
import { dropinServerPlugin } from '../test/plugins/dropin-server.mjs';
import { SourceMapConsumer } from 'source-map-js';
import { readFileSync } from 'node:fs';
const root = '/work/lazy';
const plugin = dropinServerPlugin(root);
const origin = await plugin.executeCommand({ command: 'dropin-server', payload: { action: 'start' }, session: { id: 'cov' } });
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.coverage.startJSCoverage({ includeRawScriptCoverage: true });
await page.setRequestInterception(true);
page.on('request', (req) => req.url().endsWith('/cov.html') ? req.respond({ status: 200, contentType: 'text/html', body: `<main><ap-plan name="cov" plan-id="castle-point-rochford-2023-24" endpoint="${origin}/api" today="2024-01-15" user="Officer">
<ap-rag-summary></ap-rag-summary><ap-priority-board></ap-priority-board><ap-action-card action-id="cpr-a-crucial-crew"></ap-action-card>
<ap-audit-tracker audit-id="light-touch-2023"></ap-audit-tracker><ap-sync-status></ap-sync-status></ap-plan></main>
<script type="module" src="${origin}/dist/action-plan-widgets.js"></script>` }) : req.continue());
await page.goto(`${origin}/cov.html`);
page.on('console', (m) => console.log('console', m.text())); page.on('pageerror', (e) => console.log('pageerror', e.message));
await new Promise((r) => setTimeout(r, 8000)); console.log(await page.evaluate(() => [...document.querySelectorAll('*')].map((e) => e.localName + ':' + (e.shadowRoot ? e.shadowRoot.textContent.slice(0, 80) : '-')).join('\n')));
await page.waitForFunction(() => document.querySelector('ap-sync-status')?.shadowRoot?.textContent.includes('Last synced'), { timeout: 30000 });
await new Promise((r) => setTimeout(r, 2000));
const cov = await page.coverage.stopJSCoverage();
for (const entry of cov) {
  if (!/action-plan-widgets(-sync-[\w-]+)?\.js$/.test(entry.url)) continue;
  const text = entry.text;
  const used = new Array(text.length).fill(false);
  for (const r of entry.ranges) for (let i = r.start; i < r.end; i++) used[i] = true;
  const file = entry.url.split('/').pop();
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${root}/dist/${file}.map`, 'utf8')));
  // unused bytes per source file
  const lines = text.split('\n');
  const lineStart = []; let o = 0; for (const l of lines) { lineStart.push(o); o += l.length + 1; }
  const bySource = {};
  let li = 0;
  for (let i = 0; i < text.length; i++) {
    while (li + 1 < lineStart.length && lineStart[li + 1] <= i) li++;
    if (used[i]) continue;
    if (i % 8) continue; // sample every 8th char for speed
    const pos = map.originalPositionFor({ line: li + 1, column: i - lineStart[li] });
    const src = (pos.source ?? '?').replace(/.*\/(src|node_modules)\//, '$1/');
    bySource[src] = (bySource[src] ?? 0) + 8;
  }
  const fns = [];
  for (const fn of entry.rawScriptCoverage.functions) {
    const r = fn.ranges[0];
    if (r.count !== 0) continue;
    const size = r.endOffset - r.startOffset;
    if (size < 150) continue;
    let l = 0; while (l + 1 < lineStart.length && lineStart[l + 1] <= r.startOffset) l++;
    const pos = map.originalPositionFor({ line: l + 1, column: r.startOffset - lineStart[l] });
    fns.push([size, `${(pos.source ?? '?').replace(/.*\/(src|node_modules)\//, '$1/')}:${pos.line} ${pos.name ?? ''}`]);
  }
  fns.sort((a, b) => b[0] - a[0]);
  for (const [size, where] of fns.slice(0, 70)) console.log('   fn', String(size).padStart(6), where);
  const total = used.length, unused = used.filter((u) => !u).length;
  console.log(file, 'bytes', total, 'unused', unused);
  for (const [s, n] of Object.entries(bySource).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log('  ', String(n).padStart(6), s);
}
await browser.close();
await plugin.executeCommand({ command: 'dropin-server', payload: { action: 'stop' }, session: { id: 'cov' } });
