// scripts/check-layers.mjs (run by `npm run typecheck`) fails on an import that goes up a layer,
// however it is written, and passes this repository.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { packageRoot } from '../../server/root.js';

const check = (...args: string[]) => spawnSync(process.execPath, [join(packageRoot(), 'scripts/check-layers.mjs'), ...args], { encoding: 'utf8' });

describe('layer check', () => {
  const root = mkdtempSync(join(tmpdir(), 'ap-layers-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const tree = (files: Record<string, string>) => {
    rmSync(join(root, 'src'), { recursive: true, force: true });
    rmSync(join(root, 'server'), { recursive: true, force: true });
    for (const [path, text] of Object.entries({ 'server/main.ts': "import '../src/model/dates.js';\n", ...files })) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  };

  test('passes this repository', () => {
    const result = check();
    assert.equal(result.status, 0, result.stderr);
  });

  test('passes imports that go down', () => {
    tree({ 'src/model/dates.ts': '', 'src/i18n/index.ts': "import { isIsoDate } from '../model/dates.js';\n", 'src/events.ts': "import type { Action } from './model/schemas.js';\n" });
    const result = check('--root', root);
    assert.equal(result.status, 0, result.stderr);
  });

  for (const [name, files, expected] of [
    ['the model importing i18n', { 'src/model/errors.ts': "import { describeIssue } from '../i18n/index.js';\n" }, "src/model/errors.ts: '../i18n/index.js': model imports i18n, a layer above it"],
    ['a type-only import', { 'src/model/filter.ts': "import type { PlanFilter } from '../events.js';\n" }, "src/model/filter.ts: '../events.js': model imports events, a layer above it"],
    ['a dynamic import', { 'src/store/store.ts': "const sync = () => import('../sync/engine.js');\n" }, "src/store/store.ts: '../sync/engine.js': store imports sync, a layer above it"],
    ['a re-export', { 'src/i18n/index.ts': "export { apEvent } from '../events.js';\n" }, "src/i18n/index.ts: '../events.js': i18n imports events, a layer beside it"],
    ['the endpoint importing the store', { 'server/db.ts': "import type { ActionPlanStore } from '../src/store/index.js';\n" }, "server/db.ts: '../src/store/index.js': the endpoint imports src/store"],
  ] as const) {
    test(`fails ${name}`, () => {
      tree(files);
      const result = check('--root', root);
      assert.equal(result.status, 1);
      assert.match(result.stderr, new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    });
  }
});
