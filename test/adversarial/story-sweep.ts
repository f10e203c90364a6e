// Accessibility sweep: axe (best practices too) over every story in Storybook's index (npm run
// build-storybook writes it), each story loaded as Storybook shows it, in a same-origin iframe of the
// test page, under the page <h1> the preview gives every story (heading-order checks the levels).
// The stories-N.test.ts files each take a share, so a busy CI finishes each file within the runner's
// per-file limit and Chromium's two pages sweep side by side.
import { expect } from '@open-wc/testing';
import { deepText, until } from './dom.js';
import { loadAxe, open, type PageWindow } from '../dropin/page.js';
import { AXE_OPTIONS } from '../helpers.js';

const index = (await (await fetch('/storybook-static/index.json')).json()) as { entries: Record<string, { id: string; type: string }> };
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story').map((entry) => entry.id);

async function story(id: string): Promise<PageWindow> {
  const page = await open(`/storybook-static/iframe.html?id=${id}&viewMode=story`);
  // Rendered (and its play function run) once Storybook shows it and its text has stopped changing.
  let last = '';
  await until(async () => {
    if (page.document.body.classList.contains('sb-show-errordisplay')) throw new Error(`${id}: ${page.document.body.textContent}`);
    const text = page.document.body.classList.contains('sb-show-main') ? deepText(page.document.querySelector('#storybook-root')!) : '';
    const stable = text.trim() !== '' && text === last;
    last = text;
    await new Promise((resolve) => setTimeout(resolve, 150));
    return stable;
  }, `${id} rendered`, 20000);
  return page;
}

async function axe(page: PageWindow) {
  await loadAxe(page);
  const { violations } = await page.axe!.run(page.document.querySelector('#storybook-root')!, AXE_OPTIONS);
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

// Chromium only: axe reads the rendered DOM, which is the same markup in every engine, and each
// element's own test file already runs axe in all three; 50-odd stories three times would cost CI minutes.
const chromium = /Chrome\//.test(navigator.userAgent);

/** Sweeps share `part` (1 to `parts`) of the stories: every `parts`-th one, so each share mixes the elements. */
export function sweep(part: number, parts: number): void {
  describe(`accessibility sweep: stories in Storybook, share ${part} of ${parts}`, function () {
    // Rendering waits up to 20 s; axe over a full plan's markup can take as long again on a busy CI.
    this.timeout(90000);
    afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

    if (part === 1) it('the index lists the stories', () => expect(stories.length).to.be.at.least(40));

    for (const id of stories.filter((_, i) => i % parts === part - 1)) {
      (chromium ? it : it.skip)(`${id} passes axe`, async () => {
        expect(await axe(await story(id))).to.deep.equal([]);
      });
    }
  });
}
