// The expected answers of the endpoint's permission rules (issue #17 "Roles, per plan"), written from the
// issue's words and apart from server/policy, so the generated tests check the policy instead of repeating it.
//
// The fixture the answers are about: two plans, P (where the people below are members) and Q (where none
// of them is), each holding one record of every kind "in scope" and one "out of scope":
// - people: `officer` (officer of P), `lead` (lead in P, agencies [FIRE], `leadUser` of P's own priority),
//   `partner` (partner in P, agencies [OWN_AGENCY]), `viewer` (viewer in P, no agency: a councillor),
//   `outsider` (signed in, no membership), `signedOut`, `admin` (in AP_ADMINS, no membership).
// - scope `ownAgency`: an action led by OWN_AGENCY under the priority `lead` leads, a recommendation owned
//   by OWN_AGENCY, the priority `lead` leads, the partner's membership; `otherAgency`: the same led by or
//   owned by OTHER_AGENCY, under another priority, another membership; `otherPlan`: the in-scope record of Q.
// - `actions` are public (on the Publish export) and partnership-wide; `private actions` are not public;
//   `restricted actions` are public but `visibility: "restricted"` (restricted wins).
// - history entries are about P's actions; a new record for `create` is in the scope named.

export const OWN_AGENCY = 'Lancashire Police';
export const OTHER_AGENCY = 'National Probation Service';
export const FIRE = 'Lancashire Fire and Rescue';

export const PEOPLE = ['officer', 'lead', 'partner', 'viewer', 'outsider', 'signedOut', 'admin'] as const;
export type Person = (typeof PEOPLE)[number];

export const SUBJECTS = ['plans', 'priorities', 'actions', 'private actions', 'restricted actions', 'audits', 'recommendations', 'history', 'members'] as const;
export type Subject = (typeof SUBJECTS)[number];

export const SCOPES = ['ownAgency', 'otherAgency', 'otherPlan'] as const;
export type Scope = (typeof SCOPES)[number];

export const OPERATIONS = ['read', 'create', 'update', 'delete'] as const;
export type Operation = (typeof OPERATIONS)[number];

/**
 * read (a list and by id alike: reads are filtered, never refused): `full` every field; `public` present
 * with only the Publish export's fields; `hidden` absent from the list and 404 by id.
 * writes: the status. A `delete` is tried as DELETE and as PUT with `deleted: true`.
 */
export type ReadAnswer = 'full' | 'public' | 'hidden';
export type WriteAnswer = 200 | 201 | 401 | 403 | 404 | 405;

/** One answer per person, in PEOPLE's order: officer, lead, partner, viewer, outsider, signedOut, admin. */
type Row<A> = readonly [A, A, A, A, A, A, A];
type Rows<A> = Partial<Record<Scope, Row<A>>>;
export interface SubjectAnswers {
  read: Rows<ReadAnswer>;
  create: Rows<WriteAnswer>;
  update: Rows<WriteAnswer>;
  delete: Rows<WriteAnswer>;
}

// Shorthands, so each row reads across the seven people.
const F = 'full';
const P = 'public';
const H = 'hidden';

// Members read the whole plan; outsiders and the signed out read what the Publish export holds.
const PUBLISHED: Row<ReadAnswer> = [F, F, F, F, P, P, F];
const ONLY_PUBLISHED: Row<ReadAnswer> = [P, P, P, P, P, P, F];
// Not on the Publish export: members only.
const MEMBERS_ONLY: Row<ReadAnswer> = [F, F, F, F, H, H, F];
const NOBODY_BUT_ADMIN_READS: Row<ReadAnswer> = [H, H, H, H, H, H, F];
// The signed out are asked to sign in (401) before any write; a record they may not see is 404 to the rest.
const OFFICERS_WRITE: Row<WriteAnswer> = [200, 403, 403, 403, 403, 401, 200];
const OFFICERS_CREATE: Row<WriteAnswer> = [201, 403, 403, 403, 403, 401, 201];
const ONLY_ADMIN_WRITES: Row<WriteAnswer> = [403, 403, 403, 403, 403, 401, 200];
const ONLY_ADMIN_CREATES: Row<WriteAnswer> = [403, 403, 403, 403, 403, 401, 201];
const ONLY_ADMIN_WRITES_UNSEEN: Row<WriteAnswer> = [404, 404, 404, 404, 404, 401, 200];

export const ANSWERS: Record<Subject, SubjectAnswers> = {
  // Anyone signed in may start a plan and becomes its officer; only its officers change it.
  plans: {
    read: { ownAgency: PUBLISHED, otherPlan: ONLY_PUBLISHED },
    create: { ownAgency: [201, 201, 201, 201, 201, 401, 201] },
    update: { ownAgency: OFFICERS_WRITE, otherPlan: ONLY_ADMIN_WRITES },
    delete: { ownAgency: OFFICERS_WRITE, otherPlan: ONLY_ADMIN_WRITES },
  },
  // A lead edits the actions of their priority, not the priority itself.
  priorities: {
    read: { ownAgency: PUBLISHED, otherAgency: PUBLISHED, otherPlan: ONLY_PUBLISHED },
    create: { ownAgency: OFFICERS_CREATE, otherPlan: ONLY_ADMIN_CREATES },
    update: { ownAgency: OFFICERS_WRITE, otherAgency: OFFICERS_WRITE, otherPlan: ONLY_ADMIN_WRITES },
    delete: { ownAgency: OFFICERS_WRITE, otherAgency: OFFICERS_WRITE, otherPlan: ONLY_ADMIN_WRITES },
  },
  // Lead: creates and edits the actions of their priority. Partner: edits their agency's, never creates or deletes.
  // Only officers make an action public (a lead's new action starts off the Publish export).
  actions: {
    read: { ownAgency: PUBLISHED, otherAgency: PUBLISHED, otherPlan: ONLY_PUBLISHED },
    create: { ownAgency: OFFICERS_CREATE, otherAgency: OFFICERS_CREATE, otherPlan: ONLY_ADMIN_CREATES },
    update: { ownAgency: [200, 200, 200, 403, 403, 401, 200], otherAgency: OFFICERS_WRITE, otherPlan: ONLY_ADMIN_WRITES },
    delete: { ownAgency: OFFICERS_WRITE, otherAgency: OFFICERS_WRITE, otherPlan: ONLY_ADMIN_WRITES },
  },
  // Not public: outsiders never learn it exists (404 to a write, not 403).
  'private actions': {
    read: { ownAgency: MEMBERS_ONLY, otherAgency: MEMBERS_ONLY, otherPlan: NOBODY_BUT_ADMIN_READS },
    create: { ownAgency: [201, 201, 403, 403, 403, 401, 201], otherAgency: OFFICERS_CREATE },
    update: { ownAgency: [200, 200, 200, 403, 404, 401, 200], otherAgency: [200, 403, 403, 403, 404, 401, 200], otherPlan: ONLY_ADMIN_WRITES_UNSEEN },
    delete: { ownAgency: [200, 403, 403, 403, 404, 401, 200], otherAgency: [200, 403, 403, 403, 404, 401, 200], otherPlan: ONLY_ADMIN_WRITES_UNSEEN },
  },
  // Seen only by officers and members of its lead agency, even when marked public; the lead (another agency) included.
  'restricted actions': {
    read: { ownAgency: [F, H, F, H, H, H, F], otherAgency: [F, H, H, H, H, H, F], otherPlan: NOBODY_BUT_ADMIN_READS },
    create: {},
    update: { ownAgency: [200, 404, 200, 404, 404, 401, 200], otherAgency: [200, 404, 404, 404, 404, 401, 200], otherPlan: ONLY_ADMIN_WRITES_UNSEEN },
    delete: { ownAgency: [200, 404, 403, 404, 404, 401, 200], otherAgency: [200, 404, 404, 404, 404, 401, 200], otherPlan: ONLY_ADMIN_WRITES_UNSEEN },
  },
  audits: {
    read: { ownAgency: PUBLISHED, otherPlan: ONLY_PUBLISHED },
    create: { ownAgency: OFFICERS_CREATE, otherPlan: ONLY_ADMIN_CREATES },
    update: { ownAgency: OFFICERS_WRITE, otherPlan: ONLY_ADMIN_WRITES },
    delete: { ownAgency: OFFICERS_WRITE, otherPlan: ONLY_ADMIN_WRITES },
  },
  // A partner edits the recommendations their agency owns; nobody but officers creates or deletes them.
  recommendations: {
    read: { ownAgency: PUBLISHED, otherAgency: PUBLISHED, otherPlan: ONLY_PUBLISHED },
    create: { ownAgency: OFFICERS_CREATE, otherAgency: OFFICERS_CREATE, otherPlan: ONLY_ADMIN_CREATES },
    update: { ownAgency: [200, 403, 200, 403, 403, 401, 200], otherAgency: OFFICERS_WRITE, otherPlan: ONLY_ADMIN_WRITES },
    delete: { ownAgency: OFFICERS_WRITE, otherAgency: OFFICERS_WRITE, otherPlan: ONLY_ADMIN_WRITES },
  },
  // The endpoint writes history itself: nobody posts it (403), nobody edits or deletes it (405, asked first).
  history: {
    read: { ownAgency: MEMBERS_ONLY, otherAgency: MEMBERS_ONLY, otherPlan: NOBODY_BUT_ADMIN_READS },
    create: { ownAgency: [403, 403, 403, 403, 403, 401, 403], otherPlan: [403, 403, 403, 403, 403, 401, 403] },
    update: { ownAgency: [405, 405, 405, 405, 405, 405, 405] },
    delete: { ownAgency: [405, 405, 405, 405, 405, 405, 405] },
  },
  // Read and written by officers only; others' lists of it are empty, so a write to one is 404.
  members: {
    read: { ownAgency: [F, H, H, H, H, H, F], otherAgency: [F, H, H, H, H, H, F], otherPlan: NOBODY_BUT_ADMIN_READS },
    create: { ownAgency: OFFICERS_CREATE, otherPlan: ONLY_ADMIN_CREATES },
    update: { ownAgency: [200, 404, 404, 404, 404, 401, 200], otherAgency: [200, 404, 404, 404, 404, 401, 200], otherPlan: ONLY_ADMIN_WRITES_UNSEEN },
    delete: { ownAgency: [200, 404, 404, 404, 404, 401, 200], otherAgency: [200, 404, 404, 404, 404, 401, 200], otherPlan: ONLY_ADMIN_WRITES_UNSEEN },
  },
};

export interface Case {
  subject: Subject;
  operation: Operation;
  scope: Scope;
  person: Person;
  expected: ReadAnswer | WriteAnswer;
}

/** Every (subject, operation, scope, person) the table answers, one case each. */
export function cases(): Case[] {
  return SUBJECTS.flatMap((subject) =>
    OPERATIONS.flatMap((operation) =>
      SCOPES.flatMap((scope) => {
        const row = ANSWERS[subject][operation][scope] as Row<ReadAnswer | WriteAnswer> | undefined;
        return row ? PEOPLE.map((person, index) => ({ subject, operation, scope, person, expected: row[index]! })) : [];
      }),
    ),
  );
}

/**
 * Attempts to get round the rules (the issue's list, and the rights' edges just inside them), each with
 * its expected status; `stamped` ones must also come back with the server's who and when, not the client's.
 */
export interface Attempt {
  who: Person;
  expected: number;
  stamped?: true;
}

export const ATTEMPTS = {
  'partner moves another agency\'s action into their agency (leadAgency)': { who: 'partner', expected: 403 },
  'partner moves their agency\'s action to another agency (leadAgency)': { who: 'partner', expected: 403 },
  'partner names themselves owner of another agency\'s action (ownerUser)': { who: 'partner', expected: 403 },
  'partner changes the named owner of their agency\'s action (ownerUser)': { who: 'partner', expected: 403 },
  'partner moves their agency\'s action to another priority': { who: 'partner', expected: 403 },
  'partner moves their agency\'s action to another plan (403 before 422)': { who: 'partner', expected: 403 },
  'officer moves an action to another plan (a record never changes plan)': { who: 'officer', expected: 422 },
  'officer of P puts a Q action into P': { who: 'officer', expected: 403 },
  'lead moves an action of their priority to one they do not lead': { who: 'lead', expected: 403 },
  'lead creates an action under a priority they do not lead': { who: 'lead', expected: 403 },
  'partner retires their agency\'s action with PUT deleted: true': { who: 'partner', expected: 403 },
  'partner creates an action for their agency': { who: 'partner', expected: 403 },
  'partner makes an invalid change to another agency\'s action (403 before 422)': { who: 'partner', expected: 403 },
  'signed-out client posts an invalid action (401 before 422)': { who: 'signedOut', expected: 401 },
  'officer sends a forged updatedBy': { who: 'officer', expected: 200, stamped: true },
  'partner adds a progress update with a forged author and time': { who: 'partner', expected: 200, stamped: true },
  'partner adds a RAG override and a milestone tick with forged authors': { who: 'partner', expected: 200, stamped: true },
  'partner rewrites the author of an earlier update': { who: 'partner', expected: 200, stamped: true },
  'officer posts a history entry': { who: 'officer', expected: 403 },
  'admin posts a history entry': { who: 'admin', expected: 403 },
  'partner edits a history entry': { who: 'partner', expected: 405 },
  'officer deletes a history entry': { who: 'officer', expected: 405 },
  'partner creates an officer membership for themselves': { who: 'partner', expected: 403 },
  'viewer makes their own membership an officer\'s': { who: 'viewer', expected: 404 },
  'officer of P creates an officer membership in Q': { who: 'officer', expected: 403 },
  'partner reads a restricted action of another agency by id': { who: 'partner', expected: 404 },
  'viewer reads a restricted action by id': { who: 'viewer', expected: 404 },
  'signed-out client reads a restricted public action by id': { who: 'signedOut', expected: 404 },
  'partner overrides the RAG of their agency\'s action, with a reason': { who: 'partner', expected: 200 },
  'partner updates another agency\'s action they are the named owner of': { who: 'partner', expected: 200 },
  'partner updates a recommendation they are the named owner of': { who: 'partner', expected: 200 },
  'partner moves their agency\'s recommendation to another agency (ownerAgency)': { who: 'partner', expected: 403 },
  'member named by email in other letter case updates their agency\'s action': { who: 'partner', expected: 200 },
  // People compare as src/model/rights.ts personKey says: emails without case (above), user keys exactly.
  'partner named owner by their user key in other letter case updates another agency\'s action': { who: 'partner', expected: 403 },
  // Extension requests (issue #18): under required approvals (the default here) only officers set target
  // dates and revisions, and only officers decide, on a new record as on a stored one; 403 before 422.
  'partner adds a revision to their agency\'s action without asking': { who: 'partner', expected: 403 },
  'partner decides the request on their agency\'s recommendation': { who: 'partner', expected: 403 },
  'lead creates an action with a decided extension request': { who: 'lead', expected: 403 },
  'lead creates an action with a revised target date': { who: 'lead', expected: 403 },
  'lead creates an action with a revision': { who: 'lead', expected: 403 },
  'lead creates an invalid action with a decided request (403 before 422)': { who: 'lead', expected: 403 },
  'lead creates an action with a target date and an open request': { who: 'lead', expected: 201 },
  // Who may see an action (public, visibility) is the officers' call: a restricted action made public leaks.
  'partner makes their agency\'s private action public': { who: 'partner', expected: 403 },
  'partner makes their agency\'s restricted action partnership-wide': { who: 'partner', expected: 403 },
  'lead makes an action of their priority public': { who: 'lead', expected: 403 },
  'lead creates a public action': { who: 'lead', expected: 403 },
  'lead creates a restricted action under their priority': { who: 'lead', expected: 201 },
  'officer makes a restricted action public and partnership-wide': { who: 'officer', expected: 200 },
} as const satisfies Record<string, Attempt>;
