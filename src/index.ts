// Public API for developers with a build. Importing it registers nothing: import './define.js' for that.
export { ApPlan } from './components/plan/plan.js';
export { PlanController } from './controllers/plan.js';
export { planContext, type PlanContext } from './context/index.js';
export * from './events.js';
export * from './model/index.js';
export * from './store/index.js';
export * from './i18n/index.js';
