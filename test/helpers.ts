// Shared test fixtures: fresh database names and minimal valid records.
import { waitUntil as owcWaitUntil } from '@open-wc/testing';
import { openDB } from 'idb';
import type { Action, Priority } from '../src/model/index.js';

let counter = 0;
/** A database name no other test uses, so each test starts empty. */
export const freshName = (label = 'test') => `ap-${label}-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export const PLAN = 'plan-1';

/**
 * open-wc's waitUntil with the suite's patience: its 1 s default ran out on busy engines (a whole plan
 * read from IndexedDB in a full run). It polls, so a passing wait takes no longer.
 */
export const waitUntil: typeof owcWaitUntil = (condition, message, options = {}) => owcWaitUntil(condition, message, { timeout: 8000, ...options });

export function actionInput(overrides: Partial<Action> & { id: string }): Partial<Action> & { id: string } {
  return { planId: PLAN, priorityId: 'p-1', title: `Action ${overrides.id}`, ...overrides };
}

export function priorityInput(overrides: Partial<Priority> & { id: string }): Partial<Priority> & { id: string } {
  return { planId: PLAN, title: `Priority ${overrides.id}`, ...overrides };
}

/** Resolves on the next store change the subscription sees, or rejects after `ms`. */
export function nextChange<T>(subscribe: (callback: (value: T) => void) => () => void, ms = 2000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no change within ${ms} ms`));
    }, ms);
    const unsubscribe = subscribe((value) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    });
  });
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** A database as release 1 created it, written out here so tests do not trust our own migration code. */
export async function createV1(name: string) {
  const db = await openDB(name, 1, {
    upgrade(db) {
      for (const collection of ['plans', 'priorities', 'actions', 'audits', 'recommendations']) {
        const store = db.createObjectStore(collection, { keyPath: 'id' });
        store.createIndex('planId', 'planId');
        if (collection === 'actions') {
          store.createIndex('priorityId', 'priorityId');
          store.createIndex('status', 'status');
        }
        if (collection === 'recommendations') {
          store.createIndex('auditId', 'auditId');
          store.createIndex('status', 'status');
        }
      }
      db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('recordId', 'recordId');
      db.createObjectStore('meta');
    },
  });
  await db.put('actions', { id: 'old-1', planId: PLAN, priorityId: 'p-1', title: 'Kept from v1', status: 'in-progress' });
  return db;
}
