// Opens a test or demo page in an iframe of the test page, so its own scripts and headers apply.
export type PageWindow = Window &
  typeof globalThis & {
    cspViolations?: string[];
    axe?: { run(context: Document | Element, options?: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[]; passes: { id: string }[] }> };
  };

export async function open(url: string): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.width = '1024';
  frame.height = '768';
  frame.src = url;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as PageWindow;
}

/** Loads axe-core into the page (once per page). */
export async function loadAxe(page: PageWindow): Promise<void> {
  const script = page.document.createElement('script');
  script.src = '/node_modules/axe-core/axe.min.js';
  const loaded = new Promise((resolve) => script.addEventListener('load', resolve));
  page.document.head.append(script);
  await loaded;
}
