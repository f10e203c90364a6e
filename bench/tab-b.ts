// Page B of row 7: shows one action card and says when a title page A committed is on screen.
import { html, render } from 'lit';
import '../src/define.js';
import { TABS_CHANNEL, type TabMessage } from './tabs.js';

const { name, planId, actionId } = Object.fromEntries(new URLSearchParams(location.search)) as Record<string, string>;
const channel = new BroadcastChannel(TABS_CHANNEL);
render(html`<ap-plan name=${name} plan-id=${planId} today="2024-01-15"><ap-action-card action-id=${actionId}></ap-action-card></ap-plan>`, document.body);
const card = document.querySelector('ap-action-card')!;
let expected: string | undefined;

function check(): void {
  if (expected && card.shadowRoot?.textContent?.includes(expected)) {
    channel.postMessage({ kind: 'seen', title: expected, at: performance.timeOrigin + performance.now() } satisfies TabMessage);
    expected = undefined;
  }
}

await card.updateComplete;
new MutationObserver(check).observe(card.shadowRoot!, { subtree: true, childList: true, characterData: true });
channel.onmessage = ({ data }: MessageEvent<TabMessage>) => {
  if (data.kind === 'close') window.close();
  if (data.kind !== 'expect') return;
  expected = data.title;
  channel.postMessage({ kind: 'ready' } satisfies TabMessage);
  check();
};
channel.postMessage({ kind: 'ready' } satisfies TabMessage);
