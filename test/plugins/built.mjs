// Builds what the tests load, before any browser starts, when it is missing or older than its
// sources: the drop-in dist/ (test/dropin, the misuse tests) and Storybook's index (the story sweep).
// So `npm install && npm test` works from a fresh clone, and a stale build is never tested.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (path) => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};

const builds = [
  {
    output: 'dist/action-plan-widgets.js',
    sources: ['src', 'vite.config.ts', 'scripts/compact-catalogue.mjs', 'scripts/minify-literals.mjs', 'package-lock.json'],
    testedBy: ['test/dropin/dropin.test.ts', 'test/dropin/pages.test.ts', 'test/adversarial/misuse.test.ts', 'test/size/load.test.ts'],
    command: ['npx', ['vite', 'build', '--mode', 'dropin', '--logLevel', 'warn']],
  },
  {
    output: 'storybook-static/index.json',
    sources: ['src', 'stories', '.storybook', 'package-lock.json'],
    testedBy: ['test/adversarial/stories-1.test.ts', 'test/adversarial/stories-2.test.ts', 'test/adversarial/stories-3.test.ts'],
    command: ['npm', ['run', 'build-storybook']],
  },
];

// The test files named on the command line (globs or paths), or every test file when none is.
const named = process.argv.slice(2).filter((arg, i, args) => !arg.startsWith('-') && !/^--(group|config|port|files)$/.test(args[i - 1] ?? '') && /\.ts$|\*/.test(arg));
// A glob counts for every file under its fixed prefix ('test/**/*.test.ts' for all of test/).
const runs = (file) => named.length === 0 || named.some((pattern) => file.startsWith(pattern.replace(/^\.\//, '').split('*')[0]));

export function builtPlugin(root) {
  return {
    name: 'ap-built',
    serverStart() {
      for (const { output, sources, testedBy, command } of builds) {
        if (!testedBy.some(runs)) continue;
        const built = newest(join(root, output));
        if (built > 0 && built >= Math.max(...sources.map((source) => newest(join(root, source))))) continue;
        console.log(`Building ${output} for the tests (missing or older than its sources)...`);
        const [bin, args] = command;
        const result = spawnSync(bin, args, { cwd: root, stdio: 'inherit' });
        if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: the tests that load ${output} cannot run.`);
      }
    },
  };
}
