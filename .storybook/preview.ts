import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/define.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  // Each story on a page under its <h1>, as a site puts the widgets: the a11y panel and the story
  // sweep (heading-order) check the widgets' headings continue from it. Docs pages have their own.
  decorators: [(story, { title, viewMode }) => (viewMode === 'docs' ? story() : html`<h1 class="story-page">${title.split('/').pop()}</h1>${story()}`)],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
