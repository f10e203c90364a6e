// Every custom event the elements fire, defined once. All bubble and are composed.
import type { Action, PlanFilter } from './model/index.js';

export interface ActionChangeDetail {
  action: Action;
  previous?: Action;
  /** Top-level fields the user changed. */
  fields: string[];
}

/** Which record's sync conflict to show (a card's Conflict badge asks for it). */
export interface ShowConflictDetail {
  collection: string;
  recordId: string;
}

export interface OpenActionDetail {
  actionId: string;
}

export interface PlanSelectDetail {
  /** The plan now shown; '' when none is (after clearing it from this device). */
  planId: string;
  previousPlanId: string;
}

export type SyncStateName = 'idle' | 'syncing' | 'offline' | 'error' | 'signed-out';

export interface SyncStateDetail {
  state: SyncStateName;
  pending: number;
  lastSynced?: string;
  conflicts: number;
  deadLetters: number;
  error?: string;
}

export interface ConflictDetail {
  collection: string;
  recordId: string;
  fields: string[];
}

export interface ErrorDetail {
  error: Error;
  /** What the user can do about it, in the page's language. */
  message: string;
}

export interface ApEventMap {
  'ap-action-change': CustomEvent<ActionChangeDetail>;
  'ap-filter-change': CustomEvent<PlanFilter>;
  'ap-sync-state': CustomEvent<SyncStateDetail>;
  'ap-conflict': CustomEvent<ConflictDetail>;
  'ap-error': CustomEvent<ErrorDetail>;
  'ap-plan-select': CustomEvent<PlanSelectDetail>;
  'ap-open-action': CustomEvent<OpenActionDetail>;
  'ap-show-conflict': CustomEvent<ShowConflictDetail>;
  /** The user asked to sign in again (sync paused on a 401): the page runs its sign-in. */
  'ap-sign-in': CustomEvent<Record<string, never>>;
}

type DetailOf<K extends keyof ApEventMap> = ApEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Creates one of our events: bubbling, composed, so a host page hears it through shadow roots. */
export function apEvent<K extends keyof ApEventMap>(type: K, detail: DetailOf<K>, cancelable = false): ApEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }) as ApEventMap[K];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends ApEventMap {}
}
