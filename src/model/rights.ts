// Who may do what in a plan, from the endpoint's `GET /me` answer. Pure: the widgets use it to offer
// only the controls a person may use; the endpoint enforces the same rules (this is for usability).
import { ROLES, type Action, type Priority, type Recommendation, type Role } from './schemas.js';

export interface Membership {
  role: Role;
  agencies: string[];
}

/** The signed-in person, as `GET {endpoint}/me` answers. */
export interface Person {
  id: string;
  name: string;
  email?: string;
  /** The endpoint writes the history itself: the client queues none. */
  writesHistory: boolean;
  plans: Record<string, Membership>;
}

/** Fields only officers change: who may see the action (a restricted action made public leaks OFFICIAL-SENSITIVE work). */
export const OFFICER_LOCKED = ['public', 'visibility'] as const;
/** Fields a partner may not change: they would move the action out of (or into) their reach; and the officers'. */
export const PARTNER_LOCKED = ['leadAgency', 'ownerUser', 'priorityId', 'planId', ...OFFICER_LOCKED] as const;

/** What one person may do in one plan. */
export interface PlanRights {
  /** `everyone`: an endpoint without sign-in (or none); `public`: signed in, not a member of this plan. */
  role: Role | 'everyone' | 'public';
  agencies: readonly string[];
  /** Priorities, audits, members, imports, roll-over, creating and deleting anything. */
  officer: boolean;
  editAction(action: Action, priority?: Priority): boolean;
  /** Fields of the action the person may not change: none for officers, OFFICER_LOCKED for a lead, PARTNER_LOCKED for a partner. */
  lockedActionFields(action: Action, priority?: Priority): readonly string[];
  /** Create an action in the priority (or move one into it). */
  createAction(priority?: Priority): boolean;
  /** Delete, retire or move an action to another priority. */
  removeAction(action: Action, priority?: Priority): boolean;
  editRecommendation(recommendation: Recommendation): boolean;
}

/**
 * A user key or an email as the rules compare it: an email (it has an @) without regard to case, a user
 * key (`{tid}:{oid}`, `{iss}#{sub}`) exactly. The endpoint stores and compares memberships by this too.
 */
export function personKey(user: string): string {
  return user.includes('@') ? user.toLowerCase() : user;
}

/** `user` (a user key or an email, as a membership or `ownerUser` names someone) is the person. */
export function isPerson(person: { id: string; email?: string | undefined }, user: string | undefined): boolean {
  if (!user) return false;
  const key = personKey(user);
  return key === personKey(person.id) || (!!person.email && key === personKey(person.email));
}

/** `agency` is one of `agencies`: agencies are names, matched as written (the endpoint's rules do the same). */
export function isOurAgency(agencies: readonly string[] | undefined, agency: string | undefined): boolean {
  return !!agency && (agencies ?? []).includes(agency);
}

/** A `/me` answer checked for the fields the widgets rely on; anything else is undefined. */
export function parsePerson(input: unknown): Person | undefined {
  const me = input as Partial<Person> | null;
  if (!me || typeof me !== 'object' || typeof me.id !== 'string' || me.id === '') return undefined;
  const plans: Record<string, Membership> = {};
  for (const [planId, value] of Object.entries(me.plans ?? {})) {
    const { role, agencies } = (value ?? {}) as Partial<Membership>;
    if (!ROLES.includes(role as Role)) continue;
    plans[planId] = { role: role as Role, agencies: Array.isArray(agencies) ? agencies.filter((a): a is string => typeof a === 'string') : [] };
  }
  return {
    id: me.id,
    name: typeof me.name === 'string' && me.name ? me.name : me.id,
    ...(typeof me.email === 'string' ? { email: me.email } : {}),
    writesHistory: me.writesHistory === true,
    plans,
  };
}

const everything: PlanRights = {
  role: 'everyone',
  agencies: [],
  officer: true,
  editAction: () => true,
  lockedActionFields: () => [],
  createAction: () => true,
  removeAction: () => true,
  editRecommendation: () => true,
};

/** The rights of `person` in `planId`; without a person (no sign-in) everyone may do everything. */
export function rightsFor(person: Person | undefined, planId: string): PlanRights {
  if (!person) return everything;
  const membership = person.plans[planId];
  const role = membership?.role ?? 'public';
  const agencies = membership?.agencies ?? [];
  if (role === 'officer') return { ...everything, role, agencies };
  const mine = (user: string | undefined) => isPerson(person, user);
  const ours = (agency: string | undefined) => isOurAgency(agencies, agency);
  const leads = (priority: Priority | undefined) => role === 'lead' && mine(priority?.leadUser);
  const partners = (action: Action) => role === 'partner' && (ours(action.leadAgency) || mine(action.ownerUser));
  return {
    role,
    agencies,
    officer: false,
    editAction: (action, priority) => leads(priority) || partners(action),
    lockedActionFields: (_action, priority) => (leads(priority) ? OFFICER_LOCKED : PARTNER_LOCKED),
    createAction: leads,
    removeAction: (_action, priority) => leads(priority),
    editRecommendation: (recommendation) => role === 'partner' && (ours(recommendation.ownerAgency) || mine(recommendation.ownerUser)),
  };
}
