// Public API for developers with a build. Importing it registers nothing: import './define.js' for that.
export { ApPlan } from './components/plan/plan.js';
export { ApImportExport } from './components/import-export/import-export.js';
export { ApReport } from './components/report/report.js';
export { quarterlyReport, type QuarterlyReport } from './components/report/report-data.js';
export * from './io/index.js';
export { ApPlanAdmin, ADMIN_VIEWS, type AdminView } from './components/plan-admin/plan-admin.js';
export { clearPlanFromDevice } from './store/clear.js';
export { toIcs, type CalendarEvent } from './io/ics.js';
export * from './io/update-pack.js';
export { ApActionCard } from './components/action-card/action-card.js';
export { ApPriorityBoard } from './components/priority-board/priority-board.js';
export { PlanController } from './controllers/plan.js';
export { AnnounceController } from './controllers/announce.js';
export { planContext, type PlanContext } from './context/index.js';
export * from './events.js';
export * from './model/index.js';
export * from './store/index.js';
export * from './i18n/index.js';
