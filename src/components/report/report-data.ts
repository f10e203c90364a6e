// What the quarterly committee report says, worked out from the plan's records. Pure: no DOM.
import {
  addDays,
  computeRag,
  countRag,
  effectiveTarget,
  emptyCounts,
  extensionsBetween,
  implementationSummary,
  isAction,
  openRequest,
  isRecommendationOverdue,
  needsTargetDate,
  quarterBounds,
  type Action,
  type Audit,
  type ExtensionRequest,
  type HistoryEntry,
  type ImplementationSummary,
  type IsoDate,
  type Priority,
  type RagCounts,
  type RagResult,
  type RagRules,
  type Recommendation,
} from '../../model/index.js';

export interface ReportInput {
  priorities: readonly Priority[];
  actions: readonly Action[];
  audits: readonly Audit[];
  recommendations: readonly Recommendation[];
  history: readonly HistoryEntry[];
}

export interface ReportRow {
  action: Action;
  priority?: Priority;
  rag: RagResult;
  /** Effective target date. */
  target?: IsoDate;
}

export interface QuarterlyReport {
  quarter: string;
  start: IsoDate;
  end: IsoDate;
  /** The date the status is worked out for: the quarter end, or today while the quarter runs. */
  asOf: IsoDate;
  byPriority: { priority: Priority; counts: RagCounts }[];
  totals: RagCounts;
  exceptions: { overdue: ReportRow[]; revised: ReportRow[]; noUpdate: ReportRow[]; dueSoon: ReportRow[]; needsDate: ReportRow[] };
  changes: { completed: ReportRow[]; slipped: ReportRow[]; added: ReportRow[] };
  audits: { audit: Audit; summary: ImplementationSummary; recommendations: { recommendation: Recommendation; overdue: boolean }[] }[];
  /** Every live action in priority order: the "status for the minutes" table. */
  minutes: ReportRow[];
  extensions: ExtensionReport;
}

export interface ExtensionRow {
  collection: 'actions' | 'recommendations';
  recordId: string;
  title: string;
  request: ExtensionRequest;
}

/** Extension requests made or decided this quarter, and how many wait for a decision now. */
export interface ExtensionReport {
  requested: number;
  approved: number;
  refused: number;
  waiting: number;
  /** Each request made or decided this quarter, in the order asked. */
  rows: ExtensionRow[];
}

function extensionReport(actions: readonly Action[], recommendations: readonly Recommendation[], start: IsoDate, asOf: IsoDate): ExtensionReport {
  const { requested, decided } = extensionsBetween([...actions, ...recommendations], start, asOf);
  const rows = new Map<string, ExtensionRow>();
  for (const { record, request } of [...requested, ...decided]) {
    const title = isAction(record) ? record.title : [record.ref, record.recommendation].filter(Boolean).join(': ');
    rows.set(request.id, { collection: isAction(record) ? 'actions' : 'recommendations', recordId: record.id, title, request });
  }
  const outcome = (o: string) => decided.filter(({ request }) => request.decision!.outcome === o).length;
  return {
    requested: requested.length,
    approved: outcome('approved'),
    refused: outcome('refused'),
    waiting: [...actions, ...recommendations].filter((record) => !record.deleted && openRequest(record)).length,
    rows: [...rows.values()].sort((a, b) => a.request.at.localeCompare(b.request.at)),
  };
}

/** Days ahead the report lists actions falling due. */
export const DUE_SOON_DAYS = 30;
const SEVERITY: Record<string, number> = { green: 0, amber: 1, red: 2 };

const isOpen = (action: Action) => action.status !== 'complete' && action.status !== 'cancelled' && !action.carriedForwardTo;

/** The report for a quarter ("2023/24 Q3") as it stands on `today`. Throws QuarterLabelError for a bad label. */
export function quarterlyReport(input: ReportInput, quarter: string, today: IsoDate, rules?: RagRules): QuarterlyReport {
  const { start, end } = quarterBounds(quarter);
  const asOf = today < end ? today : end;
  const previousEnd = addDays(start, -1);
  const inQuarter = (at: string | undefined) => !!at && at.slice(0, 10) >= start && at.slice(0, 10) <= asOf;
  const priorities = [...input.priorities].filter((p) => !p.deleted).sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.title.localeCompare(b.title));
  const priorityOf = new Map(priorities.map((p) => [p.id, p]));
  const order = new Map(priorities.map((p, i) => [p.id, i]));
  const actions = input.actions
    .filter((a) => !a.deleted)
    .sort((a, b) => (order.get(a.priorityId) ?? 99) - (order.get(b.priorityId) ?? 99) || String(a.rank ?? '').localeCompare(String(b.rank ?? '')) || a.title.localeCompare(b.title));
  const rows: ReportRow[] = actions.map((action) => ({ action, priority: priorityOf.get(action.priorityId), rag: computeRag(action, asOf, rules), target: effectiveTarget(action) }));
  const open = rows.filter((row) => isOpen(row.action));

  const historyOf = new Map<string, HistoryEntry[]>();
  for (const entry of input.history) historyOf.set(entry.recordId, [...(historyOf.get(entry.recordId) ?? []), entry]);
  const changedTo = (row: ReportRow, field: string, value: unknown) =>
    (historyOf.get(row.action.id) ?? []).some((entry) => inQuarter(entry.at) && entry.changes.some((change) => change.field === field && change.to === value));
  const completedInQuarter = (row: ReportRow) =>
    row.action.status === 'complete' &&
    (row.action.updates.some((update) => update.status === 'complete' && inQuarter(update.at)) || changedTo(row, 'status', 'complete'));
  // The RAG the same record gives at the end of last quarter: an estimate, as older field values are not kept.
  const worsened = (row: ReportRow) => (SEVERITY[row.rag.rag ?? ''] ?? -1) > (SEVERITY[computeRag(row.action, previousEnd, rules).rag ?? ''] ?? 3);

  const totals = countRag(actions, asOf, rules).get('') ?? emptyCounts();
  const counts = countRag(actions, asOf, rules, (a) => a.priorityId);
  return {
    quarter,
    start,
    end,
    asOf,
    byPriority: priorities.filter((p) => counts.has(p.id)).map((priority) => ({ priority, counts: counts.get(priority.id)! })),
    totals,
    exceptions: {
      overdue: open.filter((row) => row.target && asOf > row.target),
      revised: open.filter((row) => row.action.revisions.length > 0),
      noUpdate: open.filter((row) => row.rag.state !== 'grey' && !row.action.updates.some((update) => inQuarter(update.at))),
      dueSoon: open.filter((row) => row.target && row.target > asOf && row.target <= addDays(asOf, DUE_SOON_DAYS)),
      needsDate: open.filter((row) => needsTargetDate(row.action)),
    },
    changes: {
      completed: rows.filter(completedInQuarter),
      slipped: open.filter((row) => row.action.revisions.some((revision) => inQuarter(revision.at)) || changedTo(row, 'status', 'blocked') || worsened(row)),
      added: rows.filter((row) => changedTo(row, 'created', row.action.title)),
    },
    audits: input.audits
      .filter((audit) => !audit.deleted)
      .map((audit) => {
        const recommendations = input.recommendations.filter((rec) => rec.auditId === audit.id && !rec.deleted);
        return {
          audit,
          summary: implementationSummary(recommendations, asOf),
          recommendations: recommendations
            .sort((a, b) => (a.ref ?? '').localeCompare(b.ref ?? '', 'en-GB', { numeric: true }))
            .map((recommendation) => ({ recommendation, overdue: isRecommendationOverdue(recommendation, asOf) })),
        };
      }),
    minutes: rows.filter((row) => !row.action.carriedForwardTo),
    extensions: extensionReport(actions, input.recommendations, start, asOf),
  };
}
