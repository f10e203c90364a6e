// The context keys <ap-plan> provides to its descendants.
import { createContext } from '@lit/context';
import type { IsoDate, Person, PlanFilter, PlanRights, RagRules } from '../model/index.js';
import type { Locale } from '../i18n/index.js';
import type { ActionPlanStore } from '../store/index.js';
import type { SyncEngine, SyncState } from '../sync/index.js';

export interface PlanContext {
  store?: ActionPlanStore;
  planId: string;
  today: IsoDate;
  user: string;
  readonly: boolean;
  /** The signed-in person (`GET {endpoint}/me`), when the endpoint has sign-in. */
  person?: Person;
  /** What they may do in this plan (everything without sign-in); the endpoint enforces it. */
  rights: PlanRights;
  locale: Locale;
  ragRules: RagRules;
  filter: PlanFilter;
  /** Sets the plan's shared filter (what an `ap-filter-change` does). */
  setFilter(filter: PlanFilter): void;
  /** The plan's sync with its endpoint, when it has one. */
  sync?: SyncEngine;
  /** Its latest state: pending changes, conflicts (cards show a badge), dead letters. */
  syncState?: SyncState;
  /** Target dates change by request and an officer's decision: the endpoint has sign-in and the plan's `approvals` is not `off` (src/model/extensions.ts). */
  approvalsRequired: boolean;
}

export const planContext = createContext<PlanContext | undefined>(Symbol('ap-plan'));

/**
 * The level of the headings an element starts at (2–6): `<ap-plan heading-level>` provides it to
 * every widget inside; a board provides one below its column headings to its cards.
 */
export const headingLevelContext = createContext<number>(Symbol('ap-heading-level'));
