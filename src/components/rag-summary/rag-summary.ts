import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PlanActionsController } from '../../controllers/actions.js';
import { AnnounceController } from '../../controllers/announce.js';
import { apEvent } from '../../events.js';
import { RAGS, emptyCounts, type PlanFilter, type Rag, type RagCounts } from '../../model/index.js';
import { formatDate, ragLabel, t, type Locale } from '../../i18n/index.js';
import { styles } from './rag-summary.styles.js';

interface Row {
  /** Priority id or lead agency; undefined for the whole plan. */
  key?: string;
  label: string;
  counts: RagCounts;
}

// A segment never narrower than this share of the bar, so its count fits and it stays a 24 px target.
const MIN_SEGMENT = 9;

// The plan's counts as the sum of its groups': counting every action again would double the work of an edit.
function total(groups: RagCounts[]): RagCounts {
  const sum = emptyCounts();
  for (const counts of groups) for (const key in sum) sum[key as keyof RagCounts] += counts[key as keyof RagCounts];
  return sum;
}

/** Segment widths in % of the bar: each non-empty RAG gets the minimum, the rest shared by count. */
function segments(counts: RagCounts): { rag: Rag; count: number; x: number; width: number }[] {
  const shown = RAGS.filter((rag) => counts[rag] > 0);
  const spare = 100 - shown.length * MIN_SEGMENT;
  let x = 0;
  return shown.map((rag) => {
    const width = MIN_SEGMENT + (spare * counts[rag]) / counts.total;
    const segment = { rag, count: counts[rag], x, width };
    x += width;
    return segment;
  });
}

/**
 * RAG counts of the plan's actions as of `<ap-plan today>`: overall and by priority or lead
 * agency, as a stacked bar chart and the same numbers in a table (always in the page for screen
 * readers; shown on request). A segment filters the plan's board: click or Enter fires
 * `ap-filter-change`, which `<ap-plan>` keeps as the shared filter.
 *
 * @summary RAG status counts of the plan, as a chart and a table; a segment filters the board.
 * @event ap-filter-change - A segment was chosen; `detail`: `{ rag, priorityId }` or `{ rag, lead }` (just `{ rag }` for the plan as a whole).
 * @csspart chart - The chart.
 * @csspart segment - One bar segment (a button).
 * @csspart table - The table of counts.
 * @csspart toggle - The "Show table" button.
 * @cssproperty --ap-rag-red-background - Red segment fill (also -amber-, -green-, -blue-, -grey-).
 * @cssproperty --ap-rag-red-text - Red segment text (also -amber-, -green-, -blue-, -grey-).
 * @cssproperty --ap-color-focus - Focus ring.
 * @cssproperty --ap-color-border - Table lines.
 */
export class ApRagSummary extends LitElement {
  static override styles = styles;

  /** Groups the counts by `priority` (default) or `lead` (lead agency). */
  @property({ attribute: 'group-by' }) groupBy: 'priority' | 'lead' = 'priority';

  @state() private tableShown = false;

  readonly #data = new PlanActionsController(this);
  readonly #plan = this.#data.plan;
  readonly #announcer = new AnnounceController(this);

  // Shows a segment's RAG name beside its count only where it fits (re-checked when the width changes).
  readonly #resize = new ResizeObserver(([entry]) => {
    // Only the width moves names in or out; the legend that shows for narrow segments changes the height.
    if (entry!.contentRect.width === this.#width) return;
    this.#width = entry!.contentRect.width;
    this.#scheduleFit();
  });
  #width = -1;
  #fitFrame = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    cancelAnimationFrame(this.#fitFrame);
  }

  protected override updated(): void {
    this.#scheduleFit();
  }

  // Measured with the frame's own layout (before it paints), not by forcing one in the middle of an update.
  #scheduleFit(): void {
    cancelAnimationFrame(this.#fitFrame);
    this.#fitFrame = requestAnimationFrame(() => this.#fitLabels());
  }

  #fitLabels(): void {
    const segments = [...this.renderRoot.querySelectorAll<SVGGElement>('.segment')];
    // Every name shown, then all measured, then the narrow ones hidden: one layout, not one per segment.
    for (const segment of segments) segment.classList.remove('narrow');
    const narrow = segments.map((segment) => segment.querySelector('text')!.getComputedTextLength() + 8 > segment.querySelector('rect')!.getBBox().width);
    segments.forEach((segment, i) => segment.classList.toggle('narrow', narrow[i]));
    // Where a segment has no room for its name, the row's legend says it in words, so colour is never the only clue.
    for (const row of this.renderRoot.querySelectorAll('.row')) row.classList.toggle('has-narrow', !!row.querySelector('.narrow'));
  }

  get #locale(): Locale {
    return this.#plan.plan?.locale ?? 'en-GB';
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('groupBy') && !['priority', 'lead'].includes(this.groupBy)) {
      console.warn(`<ap-rag-summary group-by="${this.groupBy}"> is not priority or lead; grouping by priority.`);
    }
  }

  #rows(): { overall: Row; groups: Row[] } {
    const { actions, priorities } = this.#data;
    const locale = this.#locale;
    const byPriority = this.groupBy !== 'lead';
    const counts = this.#data.count(actions, byPriority ? (a) => a.priorityId : (a) => a.leadAgency ?? '');
    const keys = byPriority
      ? [...priorities].filter((p) => !p.retired || counts.has(p.id)).sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map((p) => p.id)
      : [...counts.keys()].sort((a, b) => a.localeCompare(b));
    for (const key of counts.keys()) if (!keys.includes(key)) keys.push(key);
    const title = new Map(priorities.map((p) => [p.id, p.title]));
    return {
      overall: { label: t(locale, 'summary.overall'), counts: total([...counts.values()]) },
      groups: keys.map((key) => ({ key, label: (byPriority ? title.get(key) : key) || t(locale, 'summary.no-lead'), counts: counts.get(key) ?? emptyCounts() })),
    };
  }

  #filterFor(row: Row, rag: Rag): PlanFilter {
    if (row.key === undefined) return { rag };
    return this.groupBy === 'lead' ? { rag, lead: row.key } : { rag, priorityId: row.key };
  }

  #choose(row: Row, rag: Rag): void {
    this.dispatchEvent(apEvent('ap-filter-change', this.#filterFor(row, rag)));
    this.#announcer.announce(t(this.#locale, 'summary.filtered', { rag: ragLabel(rag, this.#locale), group: row.label }));
  }

  #onKey(event: KeyboardEvent, row: Row, rag: Rag): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    this.#choose(row, rag);
  }

  #bar(row: Row) {
    const locale = this.#locale;
    const current = JSON.stringify(this.#plan.plan!.filter);
    const shown = segments(row.counts);
    return html`<div class="row">
      <p class="label">${row.label}</p>
      <svg width="100%" height="32" role="group" aria-label=${row.label}>
        ${shown.map((s) => {
          const label = ragLabel(s.rag, locale);
          return svg`<g part="segment" class=${`segment rag-${s.rag}`} role="button" tabindex="0"
            aria-pressed=${current === JSON.stringify(this.#filterFor(row, s.rag)) ? 'true' : 'false'}
            aria-label=${t(locale, 'summary.segment', { group: row.label, count: s.count, rag: label })}
            @click=${() => this.#choose(row, s.rag)} @keydown=${(e: KeyboardEvent) => this.#onKey(e, row, s.rag)}>
            <rect x=${`${s.x}%`} width=${`${s.width}%`} y="0" height="32"></rect>
            <text x=${`${s.x + s.width / 2}%`} y="21" text-anchor="middle">${s.count}<tspan class="rag-name"> ${label}</tspan></text>
          </g>`;
        })}
      </svg>
      <p class="legend" aria-hidden="true">${shown.map((s) => `${s.count} ${ragLabel(s.rag, locale)}`).join(', ')}</p>
    </div>`;
  }

  #tableRow(label: string, c: RagCounts) {
    return html`<tr>
      <th scope="row">${label}</th>
      ${[...RAGS.map((rag) => c[rag]), c.cancelled, c.carriedForward, c.total + c.cancelled + c.carriedForward].map((count) => html`<td>${count}</td>`)}
    </tr>`;
  }

  protected override render() {
    const plan = this.#plan.plan;
    if (!plan) return nothing;
    const locale = this.#locale;
    const { overall, groups } = this.#rows();
    const caption = t(locale, 'summary.caption', { date: formatDate(plan.today, locale) });
    const empty = overall.counts.total + overall.counts.cancelled + overall.counts.carriedForward === 0;
    return html`<figure part="chart" class="chart">
        <figcaption>${caption}</figcaption>
        ${empty ? html`<p>${t(locale, 'summary.empty')}</p>` : html`${this.#bar(overall)} ${groups.filter((g) => g.counts.total > 0).map((g) => this.#bar(g))}`}
      </figure>
      <button part="toggle" type="button" class="secondary" aria-expanded=${this.tableShown ? 'true' : 'false'} @click=${() => (this.tableShown = !this.tableShown)}>
        ${t(locale, this.tableShown ? 'summary.hide-table' : 'summary.show-table')}
      </button>
      <div class=${this.tableShown ? 'table' : 'table ap-visually-hidden'} role="region" aria-label=${caption} tabindex=${this.tableShown ? '0' : '-1'}>
        <table part="table">
          <caption>
            ${caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t(locale, this.groupBy === 'lead' ? 'summary.group-lead' : 'summary.group-priority')}</th>
              ${[...RAGS, 'cancelled' as const, 'carried-forward' as const].map((rag) => html`<th scope="col">${ragLabel(rag, locale)}</th>`)}
              <th scope="col">${t(locale, 'summary.total')}</th>
            </tr>
          </thead>
          <tbody>
            ${groups.map((g) => this.#tableRow(g.label, g.counts))}
          </tbody>
          <tfoot>
            ${this.#tableRow(t(locale, 'summary.total'), overall.counts)}
          </tfoot>
        </table>
      </div>
      ${this.#announcer.region()}`;
  }
}
