// Who may do what (issue #17 "Roles, per plan"): the one place that turns (person, operation, kind of
// record) into SQL conditions. Each goes into the statement it guards: the UPDATE with its version check,
// the INSERT ... SELECT, the SELECT of a list, so nothing changes between a check and a write.
import { personKey, PUBLIC_FIELDS, type RecordKind, type Role } from '../../src/model/index.js';
import type { Identity } from '../auth/index.js';
import type { Params } from '../db/params.js';
import { personKeySql } from '../db/records.js';
import { createsWithoutOfficersFields, keepsOfficersFields } from './approvals.js';

export type Operation = 'create' | 'update' | 'delete';

/** Who is asking, as the rules need it. */
export interface Person {
  identity: Identity | undefined;
  /** The names a membership may use for them, as `personKey` writes them: their user key and their email. */
  names: string[];
  /** In AP_ADMINS: an officer of every plan. */
  admin: boolean;
  /** AP_AUTH=none: no sign-in, so no rules (everyone may do everything). */
  open: boolean;
}

export function personOf(identity: Identity | undefined, { admins, open }: { admins: readonly string[]; open: boolean }): Person {
  const names = identity ? [...new Set([identity.id, identity.email].filter((name): name is string => !!name).map(personKey))] : [];
  const adminNames = new Set(admins.map(personKey));
  return { identity, names, admin: names.some((name) => adminNames.has(name)), open };
}

/** A stored record's row is `table.column`; a new record's values are parameters. */
export type NewValues = Record<string, unknown>;

const ALL: Role[] = ['officer', 'lead', 'partner', 'viewer'];

/** SQL for the rules of one statement: every value a parameter, every stored column qualified by its table. */
class Rules {
  constructor(
    readonly person: Person,
    readonly table: RecordKind,
    readonly params: Params,
  ) {}

  #names?: string;
  get names(): string {
    return (this.#names ??= `${this.params.add(this.person.names)}::text[]`);
  }

  column(name: string): string {
    return `${this.table}.${name}`;
  }

  /** A text field of the stored record's body. */
  field(name: string): string {
    return `${this.table}.body->>'${name}'`;
  }

  value(input: unknown): string {
    return `${this.params.add(typeof input === 'string' ? input : null)}::text`;
  }

  /** The person holds one of `roles` in the plan, and (optionally) `extra` holds of that membership `m`. */
  member(plan: string, roles: Role[], extra = 'true'): string {
    if (this.person.names.length === 0) return 'false';
    return `EXISTS (SELECT 1 FROM members m WHERE m.plan_id = ${plan} AND NOT m.deleted AND m.member_user = ANY(${this.names}) AND m.role = ANY(${this.params.add(roles)}::text[]) AND ${extra})`;
  }

  /** `user` (a user key or an email, SQL text) names the person. */
  isPerson(user: string): string {
    return this.person.names.length === 0 ? 'false' : `${personKeySql(user)} = ANY(${this.names})`;
  }

  /** The person is the `leadUser` of priority `priority` of plan `plan`. */
  leadsPriority(plan: string, priority: string): string {
    return `EXISTS (SELECT 1 FROM priorities p WHERE p.id = ${priority} AND p.plan_id = ${plan} AND NOT p.deleted AND ${this.isPerson(`p.body->>'leadUser'`)})`;
  }

  /** Officers, and members of its lead agency, see a restricted action (stored in `action`). */
  seesAction(action: string): string {
    return `(coalesce(${action}.body->>'visibility', 'partnership') <> 'restricted' OR ${this.member(`${action}.plan_id`, ['officer'])} OR ${this.member(`${action}.plan_id`, ALL, `${action}.lead_agency = ANY(m.agencies)`)})`;
  }
}

/** On the Publish export: what outsiders and the signed out may read of a stored row. */
function published(rules: Rules): string {
  const live = `NOT ${rules.column('deleted')}`;
  switch (rules.table) {
    case 'actions':
      return `(${live} AND ${rules.table}.body->'public' = 'true'::jsonb AND coalesce(${rules.field('visibility')}, 'partnership') <> 'restricted')`;
    case 'plans':
    case 'priorities':
    case 'audits':
    case 'recommendations':
      return live;
    default:
      return 'false';
  }
}

/** SQL condition on the rows `person` may see: the rest are left out of lists and are 404 by id. */
export function readCondition(person: Person, table: RecordKind, params: Params): string {
  if (person.open || person.admin) return 'true';
  const rules = new Rules(person, table, params);
  const plan = rules.column('plan_id');
  switch (table) {
    case 'members':
      return rules.member(plan, ['officer']);
    case 'history': {
      // History of a membership is an officer's; history of a restricted action, for those who see it.
      const about = rules.field('collection');
      const hiddenAction = `EXISTS (SELECT 1 FROM actions a WHERE a.id = ${rules.field('recordId')} AND a.plan_id = ${plan} AND NOT ${rules.seesAction('a')})`;
      return `(${rules.member(plan, ALL)} AND (${about} <> 'members' OR ${rules.member(plan, ['officer'])}) AND (${about} <> 'actions' OR NOT ${hiddenAction}))`;
    }
    case 'actions':
      return `((${rules.member(plan, ALL)} AND ${rules.seesAction(table)}) OR ${published(rules)})`;
    default:
      return `(${rules.member(plan, ALL)} OR ${published(rules)})`;
  }
}

/** The record as `person` may read it: whole for the plan's members, the Publish export's fields for the rest. */
export function readBody(person: Person, table: RecordKind, params: Params): string {
  const body = `${table}.body`;
  if (person.open || person.admin || table === 'members' || table === 'history') return body;
  const rules = new Rules(person, table, params);
  const only = (source: string, fields: readonly string[]) =>
    `(SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb) FROM jsonb_each(${source}) WHERE key = ANY(${params.add(fields)}::text[]))`;
  let projection = only(body, PUBLIC_FIELDS[table as keyof typeof PUBLIC_FIELDS]);
  if (table === 'actions') {
    const milestones = `(SELECT coalesce(jsonb_agg(${only('milestone', PUBLIC_FIELDS.milestones)} ORDER BY position), '[]'::jsonb) FROM jsonb_array_elements(coalesce(${body}->'milestones', '[]'::jsonb)) WITH ORDINALITY AS list(milestone, position))`;
    const funding = `CASE WHEN ${body}->'funding'->'public' = 'true'::jsonb THEN jsonb_build_object('funding', ${only(`${body}->'funding'`, PUBLIC_FIELDS.funding)}) ELSE '{}'::jsonb END`;
    projection = `${projection} || jsonb_build_object('milestones', ${milestones}) || ${funding}`;
  }
  if (table === 'recommendations') {
    const publishedAction = `EXISTS (SELECT 1 FROM actions a WHERE a.id = linked #>> '{}' AND a.plan_id = ${table}.plan_id AND NOT a.deleted AND a.body->'public' = 'true'::jsonb AND coalesce(a.body->>'visibility', 'partnership') <> 'restricted')`;
    projection = `${projection} || jsonb_build_object('linkedActionIds', (SELECT coalesce(jsonb_agg(linked ORDER BY position), '[]'::jsonb) FROM jsonb_array_elements(coalesce(${body}->'linkedActionIds', '[]'::jsonb)) WITH ORDINALITY AS list(linked, position) WHERE ${publishedAction}))`;
  }
  return person.names.length === 0 ? projection : `CASE WHEN ${rules.member(rules.column('plan_id'), ALL)} THEN ${body} ELSE ${projection} END`;
}

/**
 * SQL condition that lets `person` make this write: on the stored row (`table.column`) for update and
 * delete, and on the new record's values (parameters) for create and update. In the write's own statement.
 */
export function writeCondition(person: Person, table: RecordKind, operation: Operation, record: NewValues, params: Params): string {
  if (person.open) return 'true';
  // The endpoint writes history itself, for admins too.
  if (table === 'history') return 'false';
  if (person.admin) return 'true';
  if (!person.identity) return 'false';
  const rules = new Rules(person, table, params);
  // Parameters are added only where used: PostgreSQL refuses a parameter the statement never reads.
  const newPlan = () => rules.value(record.planId);
  if (operation === 'create') {
    switch (table) {
      case 'plans':
        return 'true'; // whoever starts a plan becomes its officer
      case 'actions':
        return `(${rules.member(newPlan(), ['officer'])} OR (${rules.member(newPlan(), ['lead'])} AND ${rules.leadsPriority(newPlan(), rules.value(record.priorityId))} AND ${createsWithoutOfficersFields(record, newPlan, params)}))`;
      default:
        return rules.member(newPlan(), ['officer']);
    }
  }
  const plan = rules.column('plan_id');
  const officer = rules.member(plan, ['officer']);
  // Lead and partner edit in place: never retire (delete), and never move a record out of their reach.
  if (operation === 'delete' || record.deleted === true) return officer;
  const same = (stored: string, name: string) => `${rules.value(record[name])} IS NOT DISTINCT FROM ${stored}`;
  const samePerson = (stored: string, name: string) => `${personKeySql(rules.value(record[name]))} IS NOT DISTINCT FROM ${personKeySql(stored)}`;
  const stays = () => `${newPlan()} = ${plan}`;
  if (table === 'actions') {
    const priority = rules.column('priority_id');
    const lead = `(${rules.member(plan, ['lead'])} AND ${rules.seesAction(table)} AND ${rules.leadsPriority(plan, priority)} AND ${rules.leadsPriority(plan, rules.value(record.priorityId))} AND ${stays()})`;
    const theirs = `(${rules.column('lead_agency')} = ANY(m.agencies) OR ${rules.isPerson(rules.field('ownerUser'))})`;
    const partner = `(${rules.member(plan, ['partner'], theirs)} AND ${rules.seesAction(table)} AND ${stays()} AND ${same(rules.column('lead_agency'), 'leadAgency')} AND ${samePerson(rules.field('ownerUser'), 'ownerUser')} AND ${same(priority, 'priorityId')})`;
    return `(${officer} OR ((${lead} OR ${partner}) AND ${keepsOfficersFields(table, record, params)}))`;
  }
  if (table === 'recommendations') {
    const theirs = `(${rules.field('ownerAgency')} = ANY(m.agencies) OR ${rules.isPerson(rules.field('ownerUser'))})`;
    const partner = `(${rules.member(plan, ['partner'], theirs)} AND ${stays()} AND ${same(rules.field('ownerAgency'), 'ownerAgency')} AND ${samePerson(rules.field('ownerUser'), 'ownerUser')} AND ${same(rules.field('auditId'), 'auditId')})`;
    return `(${officer} OR (${partner} AND ${keepsOfficersFields(table, record, params)}))`;
  }
  return officer;
}

const NOUNS: Record<RecordKind, [string, string]> = {
  plans: ['plan', 'plans'],
  priorities: ['priority', 'priorities'],
  actions: ['action', 'actions'],
  audits: ['audit', 'audits'],
  recommendations: ['recommendation', 'recommendations'],
  history: ['history entry', 'history entries'],
  members: ['membership', 'memberships'],
};

/**
 * Why a write was refused, for a person to read (403). `stored` is the record as it was, `role` the
 * person's strongest role in its plan (undefined: not a member).
 */
export function refusalReason(table: RecordKind, operation: Operation | 'move', stored: Record<string, unknown> | undefined, role: Role | undefined): string {
  const [one, many] = NOUNS[table];
  if (table === 'history') return 'This endpoint writes the history itself, from each saved change: it cannot be written directly.';
  if (!role) return `You are not a member of this plan, so you cannot change its ${many}: ask one of its officers to add you.`;
  if (operation === 'move') {
    return table === 'recommendations'
      ? 'A partner cannot hand a recommendation to another agency or owner, or move it to another audit or plan: ask one of the CSP officers.'
      : 'This change would move the action out of your reach (its lead agency, named owner, priority or plan): ask one of the CSP officers.';
  }
  if (table === 'members') return 'Only the CSP officers can add, change or remove its members.';
  if (operation === 'delete') return `Only the CSP officers can remove ${many}.`;
  if (operation === 'create') {
    return table === 'actions' ? 'Only the CSP officers, and the lead of a priority, can add actions to it.' : `Only the CSP officers can add ${many}.`;
  }
  const agency = table === 'actions' ? stored?.leadAgency : table === 'recommendations' ? stored?.ownerAgency : undefined;
  if (typeof agency === 'string' && agency !== '') return `Only ${agency} and the CSP officers can update this ${one}.`;
  if (table === 'actions') return 'Only the CSP officers, the lead of its priority and its named owner can update this action.';
  return `Only the CSP officers can change this ${one}.`;
}

/** The strongest of a person's roles in a plan. */
export function strongest(roles: readonly Role[]): Role | undefined {
  return ALL.find((role) => roles.includes(role));
}

/** The person's memberships: plan id -> role (the strongest) and agencies (all of them). */
export function membershipsSql(person: Person, params: Params): string {
  return `SELECT plan_id, array_agg(role) AS roles, coalesce(array_agg(DISTINCT agency) FILTER (WHERE agency IS NOT NULL), '{}') AS agencies
    FROM members LEFT JOIN LATERAL unnest(agencies) AS agency ON true
    WHERE NOT deleted AND member_user = ANY(${params.add(person.names)}::text[]) GROUP BY plan_id`;
}
