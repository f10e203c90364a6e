// A throwaway PostgreSQL 15+ for tests and benches: initdb into a temp folder, started on a free port,
// always stopped and removed (exit hooks). As root it runs as the `postgres` user (PostgreSQL refuses
// root) and, on Debian/Ubuntu, installs `postgresql` when it is missing; elsewhere it says how.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const isRoot = process.getuid?.() === 0;

function binDirs() {
  const dirs = [];
  if (existsSync('/usr/lib/postgresql')) {
    for (const version of readdirSync('/usr/lib/postgresql').filter((name) => Number(name) >= 15).sort((a, b) => Number(b) - Number(a))) dirs.push(`/usr/lib/postgresql/${version}/bin`);
  }
  const fromPath = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromPath.status === 0) dirs.push(fromPath.stdout.trim());
  return dirs.filter((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

function version(dir) {
  const match = /(\d+)/.exec(execFileSync(join(dir, 'pg_ctl'), ['--version'], { encoding: 'utf8' }));
  return Number(match?.[1] ?? 0);
}

/** The bin folder of PostgreSQL 15 or later, installing it as root on Debian when there is none. */
export function findPostgres() {
  let found = binDirs().find((dir) => version(dir) >= 15);
  if (!found && isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('PostgreSQL 15+ not found: installing postgresql with apt-get.');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    found = binDirs().find((dir) => version(dir) >= 15);
  }
  if (!found) throw new Error('The tests need PostgreSQL 15 or later (initdb and pg_ctl). Install it (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql@16) and put its bin folder on PATH.');
  return found;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

// As root, run PostgreSQL's programs as `postgres`; otherwise as ourselves.
const run = (bin, args) => (isRoot ? execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' }) : execFileSync(bin, args, { stdio: 'pipe' }));

/**
 * Starts a fresh cluster. Resolves to { url (of database `postgres`), port, dir, stop() }.
 * `settings`: extra `-c name=value` server settings (tests turn fsync off; the bench keeps defaults).
 */
export async function startPostgres({ settings = {} } = {}) {
  const bin = findPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'ap-postgres-'));
  if (isRoot) chownSync(dir, ...postgresIds());
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c max_connections=200', ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)].join(' ');
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    spawnSync(...(isRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop']] : [join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']]), { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  exitOnSignals();
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
}

let signalsHooked = false;
// A signal ends the process through 'exit', so the clusters' exit hooks stop them.
function exitOnSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => process.exit(130));
}

function postgresIds() {
  const ids = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return [ids('-u'), ids('-g')];
}

// `node scripts/postgres.mjs --require` (.ci/run): find PostgreSQL 15+, installing it when it can, or fail.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--require')) console.log(`PostgreSQL: ${findPostgres()}`);
