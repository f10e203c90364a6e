// Bundle sizes, minified + gzipped, from real Vite builds kept in memory: the drop-in build (every
// file, the entry split by module) and each per-module entry with its dependencies. Used by `npm run
// bench` and, through the Web Test Runner plugin below, by the size ceiling test in `npm test`.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, loadConfigFromFile, transformWithEsbuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The everyday page (plan with endpoint, RAG summary, board, card, audit tracker, sync status): test/size/load.test.ts measures what it fetches. */
export const PAGE_BUDGET_BYTES = 55_000;

/**
 * Every file of the drop-in build together (the entry and every chunk loaded on first use, the
 * Excel readers and writers among them), gzipped. It rises only with a new feature (say so in the
 * commit). Set at 142.5 KB on 7 Dec 2026, when load on first use was finished: 142.1 KB in 26 files
 * against 126.5 KB as one file and its Excel chunks (each chunk gzips alone, and the Welsh chunk
 * spells out the keys of the messages that moved out of the entry).
 */
export const DROPIN_CEILING_BYTES = 142_500;

const gzipBytes = (code) => gzipSync(code, { level: 9 }).length;

// A bundled module's part of the library (src/store, src/components/plan...) or its npm package.
function partOf(id) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (pkg) return pkg[1];
  const path = relative(root, id.replace(/^\0/, '').replace(/\?.*$/, ''));
  const src = /^src\/(components\/[^/]+|i18n\/[^/]+?(?=\.ts$)|[^/]+?(?=\.ts$|\/))/.exec(path);
  return src ? `src/${src[1]}` : path;
}

const chunks = (result) => [result].flat().flatMap((output) => output.output).filter((file) => file.type === 'chunk');

// The part of the library a chunk holds: action-plan-widgets-sync-AbC123.js -> sync.
const chunkPart = (file) => /^action-plan-widgets(?:-(.+)-[\w-]{8})?\.js$/.exec(file)?.[1] ?? 'entry';

/** The drop-in build exactly as `npm run build` makes it: every file, and the entry split by module. */
export async function measureDropin() {
  const files = chunks(await build({ root, mode: 'dropin', logLevel: 'silent', build: { write: false, sourcemap: false } }));
  const entry = files.find((file) => file.isEntry);
  const parts = new Map();
  for (const [id, module] of Object.entries(entry.modules)) parts.set(partOf(id), (parts.get(partOf(id)) ?? '') + (module.code ?? '') + '\n');
  const modules = [];
  for (const [name, code] of parts) {
    // Each part minified and gzipped on its own: a little more than its share of the whole file.
    const { code: minified } = await transformWithEsbuild(code, `${name}.js`, { minify: true, format: 'esm', treeShaking: false });
    if (minified.trim()) modules.push({ name, minified: minified.length, gzip: gzipBytes(minified) });
  }
  modules.sort((a, b) => b.gzip - a.gzip);
  const all = files.map((file) => ({ file: file.fileName, part: chunkPart(file.fileName), gzip: gzipBytes(file.code) })).sort((a, b) => b.gzip - a.gzip);
  // What the everyday page loads by the build's graph (the entry and sync); the load test measures it for real.
  const page = all.filter((file) => file.part === 'entry' || file.part === 'sync');
  const sum = (list) => list.reduce((total, file) => total + file.gzip, 0);
  return { file: entry.fileName, gzip: sum(all), page: sum(page), budget: PAGE_BUDGET_BYTES, ceiling: DROPIN_CEILING_BYTES, files: all, modules };
}

/** Each entry of vite.config.ts on its own (minified, dependencies bundled): what importing only it costs. */
export async function measureEntries() {
  const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(root, 'vite.config.ts'), root, 'silent');
  const entries = config.build.lib.entry;
  const output = chunks(
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      resolve: { conditions: ['production'] },
      build: { write: false, target: 'es2022', minify: 'esbuild', lib: { entry: entries, formats: ['es'] } },
    }),
  );
  const byFile = new Map(output.map((chunk) => [chunk.fileName, chunk]));
  // An entry's cost: its own chunk plus every chunk it imports, transitively.
  const closure = (chunk, seen = new Set()) => {
    if (seen.has(chunk.fileName)) return seen;
    seen.add(chunk.fileName);
    for (const file of chunk.imports) closure(byFile.get(file), seen);
    return seen;
  };
  return output
    .filter((chunk) => chunk.isEntry)
    .map((chunk) => {
      const files = [...closure(chunk)].map((file) => byFile.get(file).code);
      return { name: chunk.name, minified: files.reduce((sum, code) => sum + code.length, 0), gzip: files.reduce((sum, code) => sum + gzipBytes(code), 0) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Web Test Runner plugin: the `bundle-size` command starts the drop-in build once per run and
 * answers false until its sizes are ready (a build outlasts a command's 20 s on a busy machine).
 */
export function bundleSizePlugin() {
  let measuring;
  let measured;
  return {
    name: 'ap-bundle-size',
    executeCommand({ command }) {
      if (command !== 'bundle-size') return undefined;
      measuring ??= measureDropin().then((size) => (measured = size));
      return measured ?? false;
    },
  };
}
