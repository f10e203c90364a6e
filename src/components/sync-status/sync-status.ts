import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { PlanController } from '../../controllers/plan.js';
import { apEvent } from '../../events.js';
import { t, type Locale } from '../../i18n/index.js';
import { HeadingLevel } from '../../context/heading.js';
import { Lazy, addStyles, lazyStatus } from '../shared/lazy.js';
import { styles } from './sync-status.styles.js';

function relativeTime(iso: string, now: Date, locale: Locale): string {
  const minutes = Math.round((Date.parse(iso) - now.getTime()) / 60_000);
  const format = new Intl.RelativeTimeFormat(Intl.RelativeTimeFormat.supportedLocalesOf(locale).length ? locale : 'en-GB', { numeric: 'auto' });
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  if (Math.abs(minutes) < 48 * 60) return format.format(Math.round(minutes / 60), 'hour');
  return format.format(Math.round(minutes / 1440), 'day');
}

/**
 * Shows how the plan's sync with its endpoint stands: online or offline, changes waiting, when it
 * last synced, errors with a Retry button, changes that clash (each field's two values side by
 * side, Keep mine / Keep theirs, or an edited merge for text) and changes the server refused
 * (Retry / Discard). Changes are announced politely; it never moves focus on its own.
 *
 * @summary Sync status: pending changes, last synced, errors, conflicts and refused changes.
 * @csspart status - The status line (a polite live region).
 * @csspart conflicts - The list of changes that clash.
 * @csspart dead-letters - The list of changes the server refused.
 * @csspart refused - The list of changes the signed-in person may not make (403).
 * @csspart button - Every button.
 * @cssproperty --ap-color-border - Borders; the status line's left rule.
 * @cssproperty --ap-color-error - The status line's rule when offline or failing.
 * @cssproperty --ap-color-button - Primary buttons.
 * @cssproperty --ap-color-focus - Focus ring.
 */
export class ApSyncStatus extends HeadingLevel(LitElement) {
  static override styles = styles;

  readonly #plan = new PlanController(this, { collections: [] });
  @state() private done = '';
  /** The lists of conflicts and refused changes: their code is fetched when there is first one to show. */
  #problems = new Lazy(this, async () => {
    const { SyncProblems, styles } = await import('./sync-problems.js');
    addStyles(this.renderRoot as ShadowRoot, styles);
    return new SyncProblems({
      host: this,
      plan: () => this.#plan.plan!,
      level: () => this.level,
      settled: (work) => void this.#settled(work),
      say: (text) => (this.done = text),
    });
  });
  #tick?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    // "Last synced 2 minutes ago" moves on by itself.
    this.#tick = setInterval(() => this.requestUpdate(), 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#tick);
  }

  get #locale(): Locale {
    return this.#plan.plan?.locale ?? 'en-GB';
  }

  /** After a choice removes its buttons, focus goes to the status line instead of being lost. */
  async #settled(work: Promise<void>): Promise<void> {
    await work;
    this.done = t(this.#locale, 'sync.resolved');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.status')?.focus();
  }

  /** Scrolls to the conflict on a record and focuses its first choice (a card's Conflict badge asks for this). */
  showConflict(recordId: string): void {
    const item = [...this.renderRoot.querySelectorAll<HTMLElement>('li[data-record-id]')].find((li) => li.dataset.recordId === recordId);
    item?.scrollIntoView({ block: 'center' });
    item?.querySelector('button')?.focus();
  }

  #summary(): string[] {
    const locale = this.#locale;
    const sync = this.#plan.plan?.syncState;
    if (!sync) return [];
    // Retrying after an error keeps saying so, rather than flickering between two messages.
    const shown = sync.state === 'syncing' && sync.error ? 'error' : sync.state;
    const lines = [t(locale, `sync.${shown}`, { error: sync.error ?? '' })];
    if (sync.missing?.length) lines.push(t(locale, 'sync.missing', { collections: sync.missing.join(', '), json: sync.missing.map((name) => `"${name}": []`).join(', ') }));
    if (sync.pending > 0) lines.push(sync.pending === 1 ? t(locale, 'sync.pending-one') : t(locale, 'sync.pending', { count: sync.pending }));
    if (sync.quarantined > 0) lines.push(t(locale, 'sync.quarantined', { count: sync.quarantined }));
    if (sync.lastSynced) lines.push(t(locale, 'sync.last-synced', { when: relativeTime(sync.lastSynced, new Date(), locale) }));
    if (this.done) lines.push(this.done);
    return lines;
  }

  #signIn(): void {
    this.dispatchEvent(apEvent('ap-sign-in', {}));
    void this.#plan.plan?.sync?.syncNow();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A failure is shown where the lists would be.
    if (this.#hasProblems) this.#problems.get().catch(() => undefined);
  }

  get #hasProblems(): boolean {
    const sync = this.#plan.plan?.syncState;
    return !!(sync?.conflicts.length || sync?.deadLetters.length);
  }

  protected override render() {
    const locale = this.#locale;
    const sync = this.#plan.plan?.syncState;
    const signedOut = sync?.state === 'signed-out';
    return html`<section aria-label=${t(locale, 'sync.label')}>
      <p part="status" class="status state-${sync?.state ?? 'idle'}" role="status" tabindex="-1">${this.#summary().join(' ')}</p>
      <button part="button" class="primary" ?hidden=${!signedOut} @click=${this.#signIn}>${t(locale, 'sync.sign-in')}</button>
      <button part="button" class=${signedOut ? 'secondary' : 'primary'} ?hidden=${!sync?.error} @click=${() => void this.#plan.plan?.sync?.syncNow()}>${t(locale, 'sync.retry')}</button>
      ${sync && this.#hasProblems ? (this.#problems.value?.render(sync) ?? lazyStatus(this, this.#problems)) : nothing}
    </section>`;
  }
}
