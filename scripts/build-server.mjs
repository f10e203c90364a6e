// Builds the endpoint (server/, sharing src/model) with esbuild into build/server/, with its
// migrations beside it; node_modules stay external. Skipped when the build is newer than the sources.
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build/server');
const ENTRIES = ['main', 'import'];

const newest = (dir) =>
  Math.max(0, ...readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs));

export async function buildServer({ force = false } = {}) {
  const built = ENTRIES.map((name) => join(out, `${name}.js`));
  const sources = Math.max(newest(join(root, 'server')), newest(join(root, 'src/model')), newest(join(root, 'src/i18n')));
  if (!force && built.every((file) => existsSync(file) && statSync(file).mtimeMs > sources)) return out;
  await build({
    entryPoints: ENTRIES.map((name) => join(root, `server/${name}.ts`)),
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  cpSync(join(root, 'server/db/migrations'), join(out, 'migrations'), { recursive: true });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer({ force: process.argv.includes('--force') });
