// Imports flow one way: each layer of src/ imports only the layers below it (and itself), and the
// endpoint in server/ only src/model and src/i18n. Run by `npm run typecheck`; exits 1 and names
// every import that goes up. `--graph` prints who imports whom; `--root DIR` checks another tree
// (test/server/layers.test.ts gives it one that breaks the rule).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/** Bottom first. A layer may import those before it; layers in one entry are side by side and import each other not at all. */
const LAYERS = [
  // load-once: a helper for code fetched on first use, which the layers above share.
  ['model', 'load-once'],
  ['i18n', 'events'],
  ['store'],
  ['sync', 'io'],
  ['context'],
  ['controllers'],
  ['components'],
  // The package's entry points; the drop-in file is both.
  ['index', 'define'],
  ['action-plan-widgets'],
];
/** What the endpoint may use of src/. */
const SERVER_MAY_IMPORT = ['model', 'i18n'];

const rank = new Map(LAYERS.flatMap((names, i) => names.map((name) => [name, i])));

// The layer of a file: its folder under src/ (src/model/...), or its name for a file directly in src/ (src/events.ts).
function layerOf(root, file) {
  const path = relative(root, file).split(/[\\/]/);
  if (path[0] === 'server') return 'server';
  if (path[0] !== 'src') return undefined;
  return path.length > 2 ? path[1] : path[1].replace(/\.[jt]s$/, '');
}

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** Every import (static, dynamic, type-only or re-export) of ours in src/ and server/ under `root`, with the layers it joins. */
function imports(root) {
  const found = [];
  for (const top of ['src', 'server'].filter((top) => existsSync(join(root, top)))) {
    for (const file of sources(join(root, top))) {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName } of importedFiles) {
        if (!fileName.startsWith('.')) continue;
        const target = resolve(dirname(file), fileName);
        found.push({ file: relative(root, file), specifier: fileName, from: layerOf(root, file), to: layerOf(root, target) });
      }
    }
  }
  return found;
}

/** Why the import breaks the layering, or undefined when it does not. */
function upward({ from, to }) {
  if (from === to || to === undefined) return undefined;
  if (from === 'server') return SERVER_MAY_IMPORT.includes(to) ? undefined : `the endpoint imports src/${to} (it may import only ${SERVER_MAY_IMPORT.map((l) => `src/${l}`).join(' and ')})`;
  if (to === 'server') return `src/${from} imports the endpoint`;
  if (!rank.has(from) || !rank.has(to)) return `${from} or ${to} is in no layer: add it to LAYERS in scripts/check-layers.mjs`;
  if (rank.get(to) > rank.get(from)) return `${from} imports ${to}, a layer above it`;
  if (rank.get(to) === rank.get(from)) return `${from} imports ${to}, a layer beside it`;
  return undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--root');
  const root = at > 0 ? resolve(process.argv[at + 1]) : join(dirname(fileURLToPath(import.meta.url)), '..');
  const all = imports(root);
  if (process.argv.includes('--graph')) {
    const edges = new Set(all.filter(({ from, to }) => from !== to && to).map(({ from, to }) => `${from} -> ${to}`));
    console.log([...edges].sort().join('\n'));
  }
  const broken = all.flatMap((edge) => {
    const why = upward(edge);
    return why ? [`${edge.file}: '${edge.specifier}': ${why}`] : [];
  });
  if (broken.length) {
    console.error(`Imports that go up a layer (order in scripts/check-layers.mjs):\n${broken.join('\n')}`);
    process.exit(1);
  }
}
