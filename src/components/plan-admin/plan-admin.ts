import { property } from 'lit/decorators.js';
import { LazyElement } from '../shared/lazy.js';
import type { PlanAdminView } from './plan-admin-view.js';

export const ADMIN_VIEWS = ['plans', 'requests', 'rollover', 'updates', 'people', 'due', 'clear'] as const;
export type AdminView = (typeof ADMIN_VIEWS)[number];

/**
 * Everything a community safety officer does to a plan as a whole, in one element with a tab per
 * task: plans, extension requests to decide, year-end roll-over, partners' update packs, people
 * (who may do what, on an endpoint with sign-in), due soon, and clearing this device. Signed in, a
 * person who is not one of the plan's CSP officers sees only Plans (to switch), Due soon and Clear.
 * One element because these tasks belong together on one admin page, share the plan's data, and a
 * web editor pastes one tag; the plan's widgets stay on the pages partners and the public read.
 *
 * Switching plans sets `plan-id` on the closest `<ap-plan>` and fires `ap-plan-select`.
 *
 * @summary Plan administration: create and switch plans, decide extension requests, roll over, update packs, people, due soon, clear data.
 * @event ap-plan-select - The user switched plan (or cleared it from this device); `detail.planId` is the plan now shown.
 * @event ap-error - A write failed; `detail.message` says what to do.
 * @csspart tabs - The row of tabs.
 * @csspart tab - One tab.
 * @csspart panel - The open tab's content.
 * @csspart status - Visible result of the last task (also announced).
 * @csspart button - Every button.
 * @csspart warning - The warning before data is cleared.
 * @cssproperty --ap-color-focus - Focus outline (GOV.UK yellow).
 * @cssproperty --ap-color-link - Tab and secondary button text.
 * @cssproperty --ap-color-button - Main button background.
 * @cssproperty --ap-color-red - Warnings, errors and the clear button.
 * @cssproperty --ap-color-border - Table and tab borders.
 */
export class ApPlanAdmin extends LazyElement<PlanAdminView> {
  /** The open tab. */
  @property({ reflect: true }) view: AdminView = 'plans';

  /** Days ahead the "Due soon" tab looks. */
  @property({ attribute: 'due-within', type: Number }) dueWithin = 14;

  /** Shows `planId` in the closest `<ap-plan>`. */
  selectPlan(planId: string): void {
    void this.body.get().then((view) => view.selectPlan(planId));
  }

  protected loadView() {
    return import('./plan-admin-view.js');
  }
}
