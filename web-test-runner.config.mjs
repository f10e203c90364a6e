// Web Test Runner: every test runs in real Chromium, Firefox and WebKit with real IndexedDB.
// One group per engine (npm run test:chromium runs --group chromium); engines not installed are
// left out here and named by scripts/browsers.mjs, which .ci/run makes require all three.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { countReporter } from './scripts/count-reporter.mjs';
import { findChromium, findFirefox, findWebKit, webkitLauncher } from './scripts/browsers.mjs';
import { storagePlugin } from './test/plugins/storage.mjs';
import { forcedColorsPlugin } from './test/plugins/media.mjs';
import { cspHeader } from './test/plugins/csp.mjs';
import { rawFixtures } from './test/plugins/fixtures.mjs';
import { endpointPlugin } from './test/plugins/endpoint.mjs';
import { bundleSizePlugin } from './scripts/bundle-size.mjs';
import { fflateInThread } from './scripts/fflate-in-thread.mjs';
import { builtPlugin } from './test/plugins/built.mjs';
import { dropinServerPlugin } from './test/plugins/dropin-server.mjs';

// Loading a test page (its modules transformed on demand) on a busy 2-core machine can take longer than
// Puppeteer's 30 s navigation default; the runner's own limits below allow 60 s.
const patient = (page) => (page.setDefaultNavigationTimeout(60 * 1000), page);

const launchers = {
  chromium: (executablePath) =>
    chromeLauncher({
      concurrency: 2,
      // Each page its own profile (storage, quota, BroadcastChannel): a quota override on one page must not hit the other.
      createPage: async ({ browser }) => patient(await (await browser.createBrowserContext()).newPage()),
      launchOptions: {
        executablePath,
        headless: true,
        // No throttling of the page that is not in front: two pages run at once.
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'],
      },
    }),
  // One page: headless Firefox throttles timers and stops animation frames in background tabs.
  firefox: (executablePath) => puppeteerLauncher({ concurrency: 1, createPage: async ({ context }) => patient(await context.newPage()), launchOptions: { browser: 'firefox', executablePath, headless: true } }),
  webkit: (webkit) => webkitLauncher(webkit),
};
// WebKit first: it is the slowest, so it starts at once, and two engines run side by side (concurrentBrowsers).
const found = Object.entries({ webkit: findWebKit(), chromium: findChromium(), firefox: findFirefox() }).filter(([, engine]) => engine);
const browsers = Object.fromEntries(found.map(([name, engine]) => [name, launchers[name](engine)]));

export default {
  // test/server runs in Node (npm run test:server).
  files: ['test/**/*.test.ts', '!test/server/**'],
  nodeResolve: true,
  reporters: [defaultReporter(), countReporter()],
  // WebKit's WebDriver runs one page at a time (with more it would run tests in iframes); the others set their own.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // The default page, with test/printable-failures.ts first: a failure must be reported, not hang the file.
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head></head><body><script type="module" src="/test/printable-failures.ts"></script><script type="module" src="${testFramework}"></script></body></html>`,
  testsFinishTimeout: 5 * 60 * 1000,
  // A busy 2-core machine can take longer than the defaults (30 s, 20 s) to open and load a test page in WebKit.
  browserStartTimeout: 60 * 1000,
  testsStartTimeout: 60 * 1000,
  // The drop-in test pages requested with ?csp get the strict Content-Security-Policy header.
  middleware: [cspHeader, rawFixtures],
  plugins: [builtPlugin(dirname(fileURLToPath(import.meta.url))), fflateInThread(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), storagePlugin(), forcedColorsPlugin(), endpointPlugin(), bundleSizePlugin(), dropinServerPlugin(dirname(fileURLToPath(import.meta.url)))],
  browsers: Object.values(browsers),
  // Without --group the root runs every file in every engine; a group picks one engine.
  groups: process.argv.includes('--group') ? Object.entries(browsers).map(([name, browser]) => ({ name, browsers: [browser] })) : [],
};
