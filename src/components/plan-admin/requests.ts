// Plan admin's Requests tab: the extension requests waiting for a decision, each with Approve and Refuse.
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { PlanContext } from '../../context/index.js';
import { decideExtension, effectiveTarget, openRequest, type Action, type DecisionOutcome, type Extendable, type ExtensionProblem, type Recommendation } from '../../model/index.js';
import { formatDate, formatDayOf, t, type Locale } from '../../i18n/index.js';
import { describeExtensionProblem } from '../../i18n/extension-problems.js';
import { useAdminMessages } from '../../i18n/admin-messages.js';
import { heading } from '../../context/heading.js';

useAdminMessages();

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
type Kind = 'actions' | 'recommendations';

interface Waiting {
  collection: Kind;
  record: Extendable;
  title: string;
}

/** A decision this page made, kept to notice when another officer's reached the server first. */
interface MyDecision {
  collection: Kind;
  recordId: string;
  requestId: string;
  outcome: DecisionOutcome;
  reason: string;
}

const titleOf = (collection: Kind, record: Extendable) =>
  collection === 'actions' ? (record as Action).title : [(record as Recommendation).ref, (record as Recommendation).recommendation].filter(Boolean).join(': ');

/** The tab's state (problems per request, this page's decisions) and its rendering; plan admin holds one. */
export class RequestsPanel {
  #problems = new Map<string, ExtensionProblem>();
  #mine: MyDecision[] = [];
  /** Decisions refused here because the request was decided already ("Already approved by ... on ..."). */
  #notices: ExtensionProblem[] = [];

  constructor(private readonly host: Host, private readonly options: { plan: () => PlanContext | undefined; status: (text: string) => void }) {}

  get #locale(): Locale {
    return this.options.plan()?.locale ?? 'en-GB';
  }

  /** Requests of mine that lost to a decision made first elsewhere: "Already approved by ... on ...". */
  #overtaken(records: Map<string, Extendable>): string[] {
    return this.#mine.flatMap(({ collection, recordId, requestId, outcome, reason }) => {
      const decision = records.get(`${collection}/${recordId}`)?.extensionRequests.find((r) => r.id === requestId)?.decision;
      // Compared by what was decided: an endpoint stamps who and when itself.
      if (!decision || (decision.outcome === outcome && decision.reason === reason)) return [];
      return [describeExtensionProblem({ code: 'already-decided', params: { outcome: decision.outcome, by: decision.by, at: decision.at } }, this.#locale)];
    });
  }

  /** The tab, its heading at `level` and each request's one below. */
  render(actions: readonly Action[], recommendations: readonly Recommendation[], level: number) {
    const locale = this.#locale;
    const records = new Map<string, Extendable>();
    const waiting: Waiting[] = [];
    for (const [collection, list] of [['actions', actions], ['recommendations', recommendations]] as const) {
      for (const record of list) {
        records.set(`${collection}/${record.id}`, record);
        if (!record.deleted && openRequest(record)) waiting.push({ collection, record, title: titleOf(collection, record) });
      }
    }
    waiting.sort((a, b) => openRequest(a.record)!.at.localeCompare(openRequest(b.record)!.at));
    const overtaken = [...this.#notices.map((p) => describeExtensionProblem(p, locale)), ...this.#overtaken(records)];
    return html`${heading(level, t(locale, 'admin.requests.heading'))}
      ${overtaken.length
        ? html`<div class="error-summary" role="alert">
            <ul>
              ${overtaken.map((text) => html`<li>${text}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${waiting.length ? html`<ol class="requests">${waiting.map((item, n) => this.#request(item, n, level + 1))}</ol>` : html`<p>${t(locale, 'admin.requests.none')}</p>`}`;
  }

  #request({ collection, record, title }: Waiting, n: number, level: number) {
    const locale = this.#locale;
    const request = openRequest(record)!;
    const id = `request-${n}`;
    const problem = this.#problems.get(request.id);
    const target = effectiveTarget(record);
    return html`<li>
      <article aria-labelledby="${id}-title">
        ${heading(level, title, { id: `${id}-title` })}
        <p>
          <strong>${t(locale, `admin.requests.kind.${collection}`)}:</strong>
          ${t(locale, 'admin.requests.item', { by: request.by, from: target ? formatDate(target, locale) : t(locale, 'card.no-date'), date: formatDate(request.requestedDate, locale) })}
        </p>
        <p>${t(locale, 'extension.asked', { by: request.by, on: formatDayOf(request.at, locale), reason: request.reason })}</p>
        <form novalidate @submit=${(e: SubmitEvent) => this.#decide(e, collection, record, request.id)}>
          <div class="field">
            <label for="${id}-reason">${t(locale, 'admin.requests.decision-reason')}</label>
            ${problem ? html`<p class="error" id="${id}-error">${describeExtensionProblem(problem, locale)}</p>` : nothing}
            <textarea id="${id}-reason" name="reason" rows="2" aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${problem ? `${id}-error` : nothing}></textarea>
          </div>
          <div class="field">
            <label for="${id}-reference">${t(locale, 'admin.requests.reference')}</label>
            <p class="hint" id="${id}-reference-hint">${t(locale, 'admin.requests.reference-hint')}</p>
            <input id="${id}-reference" name="reference" aria-describedby="${id}-reference-hint" />
          </div>
          <div class="buttons">
            <button part="button" class="primary" name="outcome" value="approved">
              ${t(locale, 'admin.requests.approve')}<span class="ap-visually-hidden">: ${title}</span>
            </button>
            <button part="button" class="secondary" name="outcome" value="refused">
              ${t(locale, 'admin.requests.refuse')}<span class="ap-visually-hidden">: ${title}</span>
            </button>
          </div>
        </form>
      </article>
    </li>`;
  }

  async #decide(event: SubmitEvent, collection: Kind, shown: Extendable, requestId: string): Promise<void> {
    event.preventDefault();
    const plan = this.options.plan()!;
    const form = event.target as HTMLFormElement;
    const outcome = ((event.submitter as HTMLButtonElement | null)?.value ?? 'approved') as DecisionOutcome;
    const values = new FormData(form);
    const at = new Date().toISOString();
    // The stored copy, not the one rendered: a sync may have brought a decision since.
    const record = ((await plan.store!.get(collection, shown.id)) ?? shown) as Extendable;
    const result = decideExtension(record, requestId, { outcome, reason: String(values.get('reason') ?? ''), reference: String(values.get('reference') ?? ''), by: plan.user, at });
    if (!result.ok) {
      const [problem] = result.problems;
      // Decided or gone meanwhile: the request leaves the list, so the message goes above it.
      if (problem!.field) this.#problems.set(requestId, problem!);
      else this.#notices.push(problem!);
      this.host.requestUpdate();
      await this.host.updateComplete;
      form.querySelector('textarea')?.focus();
      return;
    }
    this.#problems.delete(requestId);
    await plan.store!.put(collection, result.record as never, { by: plan.user });
    const decision = result.record.extensionRequests.find((r) => r.id === requestId)!.decision!;
    this.#mine.push({ collection, recordId: record.id, requestId, outcome, reason: decision.reason });
    const title = titleOf(collection, record);
    this.options.status(t(this.#locale, outcome === 'approved' ? 'admin.requests.approved' : 'admin.requests.refused', { title, date: formatDate(result.record.revisedTargetDate ?? '', this.#locale) }));
  }
}
