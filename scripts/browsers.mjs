// Finds the three engines the tests run in (Chromium, Firefox, WebKit); as root on Debian/Ubuntu
// installs what is missing. `node scripts/browsers.mjs [engine...]` checks (default: all, skipping
// with a note what it cannot find); `--require` makes a missing engine an error (CI).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { pathToFileURL } from 'node:url';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

const which = (bin) => {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
};
const fromEnv = (name) => (process.env[name] && existsSync(process.env[name]) ? process.env[name] : undefined);
const firstOnPath = (bins) => bins.map(which).find(Boolean);

export function findChromium() {
  return fromEnv('CHROME_PATH') ?? firstOnPath(['chromium', 'chromium-browser', 'google-chrome']);
}

export function findFirefox() {
  return fromEnv('FIREFOX_PATH') ?? firstOnPath(['firefox-esr', 'firefox']);
}

function findMiniBrowser() {
  const env = fromEnv('MINIBROWSER_PATH');
  if (env) return env;
  for (const pkg of ['libwebkit2gtk-4.1-0', 'libwebkit2gtk-4.0-37']) {
    const r = spawnSync('dpkg', ['-L', pkg], { encoding: 'utf8' });
    const path = r.status === 0 ? r.stdout.split('\n').find((line) => line.endsWith('/MiniBrowser')) : undefined;
    if (path) return path;
  }
  return undefined;
}

/** WebKitGTK's WebDriver and MiniBrowser, and Xvfb when there is no display (MiniBrowser's --headless hangs). */
export function findWebKit() {
  const driver = fromEnv('WEBKIT_WEBDRIVER') ?? which('WebKitWebDriver');
  const miniBrowser = findMiniBrowser();
  const xvfbRun = which('xvfb-run');
  if (!driver || !miniBrowser || (!xvfbRun && !process.env.DISPLAY)) return undefined;
  return { driver, miniBrowser, xvfbRun: process.env.DISPLAY ? undefined : xvfbRun };
}

export const ENGINES = {
  chromium: { find: findChromium, packages: ['chromium'], hint: 'set CHROME_PATH to a Chrome or Chromium binary' },
  firefox: { find: findFirefox, packages: ['firefox-esr'], hint: 'set FIREFOX_PATH to a Firefox binary' },
  webkit: {
    find: findWebKit,
    packages: ['webkit2gtk-driver', 'xvfb', 'xauth'],
    hint: 'set WEBKIT_WEBDRIVER and MINIBROWSER_PATH (WebKitGTK runs on Linux only)',
  },
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

async function waitForPort(port, child, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${child.exitCode}`);
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(() => resolve(true))).on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not listen on port ${port} within ${ms} ms`);
}

/** Starts WebKitWebDriver (under Xvfb) on a free port when the run starts and always stops it. */
class WebKitLauncher extends WebdriverLauncher {
  constructor(webkit) {
    super({
      hostname: '127.0.0.1',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver refuses a WebDriver BiDi session.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: webkit.miniBrowser, args: ['--automation'] },
        // The runner needs no load event (a test page reports over its web socket): a navigation waits for the DOM only.
        pageLoadStrategy: 'eager',
      },
    });
    this.webkit = webkit;
  }

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    const port = await freePort();
    const { driver, xvfbRun } = this.webkit;
    const [command, args] = xvfbRun ? [xvfbRun, ['-a', driver, `--port=${port}`]] : [driver, [`--port=${port}`]];
    // Its own process group, so stopping it also stops Xvfb and every MiniBrowser it started.
    // MiniBrowser takes navigator.language from LANG, and a CI shell's "C" is no language tag (Intl throws).
    const env = { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' };
    this.driverProcess = spawn(command, args, { detached: true, stdio: 'ignore', env });
    // The runner stops browsers on Ctrl+C; 'exit' and the signals it does not handle cover the rest.
    process.once('exit', () => this.stopDriver());
    for (const signal of ['SIGTERM', 'SIGHUP']) {
      process.once(signal, () => {
        this.stopDriver();
        process.kill(process.pid, signal);
      });
    }
    this.options.port = port;
    await waitForPort(port, this.driverProcess);
  }

  // The base class starts a session without awaiting its navigation, so a navigation that failed (once
  // in a full CI run, after 300 s without an answer from WebKitWebDriver) was an uncaught exception that
  // stopped the whole run. Caught, it fails that one file: the runner's testsStartTimeout reports it.
  async startSession(id, url) {
    await this.ensureManagerInitialized();
    this.driverManager.startSession(id, url).catch((error) => console.error(`WebKit could not open ${url}: ${error.message}`));
  }

  // webdriverio's keys() holds every key of a text down before releasing any, and WebKitWebDriver then
  // drops a repeated space ("a b c" typed "a bc"): type one key at a time, as a person does.
  async sendKeys(sessionId, keys) {
    for (const key of keys) await super.sendKeys(sessionId, [key]);
  }

  async stop() {
    await super.stop();
    this.stopDriver();
  }

  stopDriver() {
    if (!this.driverProcess || this.driverProcess.exitCode !== null) return;
    try {
      process.kill(-this.driverProcess.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

export const webkitLauncher = (webkit) => new WebKitLauncher(webkit);

const canApt = () => process.getuid?.() === 0 && !!which('apt-get');

function aptInstall(packages) {
  console.log(`Installing ${packages.join(' ')} with apt-get (this happens once)...`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const required = process.argv.includes('--require');
  const asked = process.argv.slice(2).filter((arg) => arg in ENGINES);
  const wanted = asked.length ? asked : Object.keys(ENGINES);
  const missing = wanted.filter((name) => !ENGINES[name].find());
  if (missing.length && canApt()) aptInstall(missing.flatMap((name) => ENGINES[name].packages));
  let failed = false;
  for (const name of wanted) {
    const found = ENGINES[name].find();
    if (found) {
      console.log(`${name}: ${typeof found === 'string' ? found : `${found.driver} with ${found.miniBrowser}`}`);
      continue;
    }
    // Engines asked for by name (npm run test:webkit) or in CI must be there; otherwise the run goes on without it.
    const fatal = required || asked.length > 0;
    failed ||= fatal;
    const how = `install Debian/Ubuntu's ${ENGINES[name].packages.join(' ')} (sudo apt-get install ${ENGINES[name].packages.join(' ')}) or ${ENGINES[name].hint}`;
    console[fatal ? 'error' : 'warn'](`${name}: not found, ${fatal ? 'cannot run its tests' : 'SKIPPED'}: ${how}.`);
  }
  if (failed || wanted.every((name) => !ENGINES[name].find())) process.exit(1);
}
