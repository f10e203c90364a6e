// Finds the browsers the tests need; as root on Debian/Ubuntu installs what is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const which = (bin) => {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
};

export function findChromium() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  for (const bin of ['chromium', 'chromium-browser', 'google-chrome']) {
    const path = which(bin);
    if (path) return path;
  }
  return undefined;
}

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
  if (!findChromium()) {
    if (canApt()) aptInstall(['chromium']);
    if (!findChromium()) {
      console.error('No Chromium found: install Debian/Ubuntu\'s "chromium" package (sudo apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary.');
      process.exit(1);
    }
  }
  console.log(`Chromium: ${findChromium()}`);
}
