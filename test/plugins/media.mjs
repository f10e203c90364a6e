// `forced-colors` emulation for the accessibility sweep: @web/test-runner-commands' emulateMedia
// drops that feature under Puppeteer, and Puppeteer refuses it, so it goes straight to the DevTools
// protocol. Chromium only; other engines answer { supported: false }.
const sessions = new WeakMap();

export function forcedColorsPlugin() {
  return {
    name: 'ap-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      if (typeof session.browser.getPage !== 'function' || session.browser.type !== 'puppeteer' || !/chrom/i.test(session.browser.name ?? '')) return { supported: false };
      const page = session.browser.getPage(session.id);
      // The emulation lasts while its DevTools session stays attached: keep one per page.
      if (!sessions.has(page)) sessions.set(page, page.createCDPSession());
      const cdp = await sessions.get(page);
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
      return { supported: true };
    },
  };
}
