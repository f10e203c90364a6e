// Test runner commands that make storage faults real (DevTools protocol), not mocked.
// Engines without such a hook answer { supported: false } and the tests say so.
const COMMANDS = new Set(['set-storage-quota', 'clear-site-data']);
// The quota override lasts only while its DevTools session stays attached: keep one per page.
const sessions = new WeakMap();

async function cdpSession(page) {
  if (!sessions.has(page)) sessions.set(page, page.createCDPSession().catch(() => undefined));
  return sessions.get(page);
}

export function storagePlugin() {
  return {
    name: 'ap-storage-commands',
    async executeCommand({ command, payload, session }) {
      if (!COMMANDS.has(command)) return undefined;
      if (typeof session.browser.getPage !== 'function' || session.browser.type !== 'puppeteer') return { supported: false };
      const page = session.browser.getPage(session.id);
      // Firefox under puppeteer speaks WebDriver BiDi, which has no such command.
      const cdp = await cdpSession(page);
      if (!cdp) return { supported: false };
      const origin = new URL(page.url()).origin;
      if (command === 'set-storage-quota') {
        // No quotaSize resets the origin to the browser's real quota.
        await cdp.send('Storage.overrideQuotaForOrigin', payload?.bytes === undefined ? { origin } : { origin, quotaSize: payload.bytes });
      } else {
        await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
      }
      return { supported: true };
    },
  };
}
