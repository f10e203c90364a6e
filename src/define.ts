// Registers every element. Guarded, so a page that loads the bundle twice does not throw.
import { ApPlan } from './components/plan/plan.js';
import { ApImportExport } from './components/import-export/import-export.js';
import { ApReport } from './components/report/report.js';
import { ApPlanAdmin } from './components/plan-admin/plan-admin.js';
import { ApActionCard } from './components/action-card/action-card.js';
import { ApRagSummary } from './components/rag-summary/rag-summary.js';
import { ApPriorityBoard } from './components/priority-board/priority-board.js';
import { ApAuditTracker } from './components/audit-tracker/audit-tracker.js';
import { ApSyncStatus } from './components/sync-status/sync-status.js';

const elements = {
  'ap-plan': ApPlan,
  'ap-import-export': ApImportExport,
  'ap-report': ApReport,
  'ap-plan-admin': ApPlanAdmin,
  'ap-action-card': ApActionCard,
  'ap-rag-summary': ApRagSummary,
  'ap-priority-board': ApPriorityBoard,
  'ap-audit-tracker': ApAuditTracker,
  'ap-sync-status': ApSyncStatus,
} as const;

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-plan': ApPlan;
    'ap-import-export': ApImportExport;
    'ap-report': ApReport;
    'ap-plan-admin': ApPlanAdmin;
    'ap-action-card': ApActionCard;
    'ap-rag-summary': ApRagSummary;
    'ap-priority-board': ApPriorityBoard;
    'ap-audit-tracker': ApAuditTracker;
    'ap-sync-status': ApSyncStatus;
  }
}
