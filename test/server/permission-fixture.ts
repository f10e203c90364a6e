// The fixture test/server/permissions-table.ts describes, on a real endpoint signing in with real tokens:
// plans P and Q, the people and their memberships of P, and a fresh record of any subject and scope.
import { after, before } from 'node:test';
import { parseRecord, type RecordKind } from '../../src/model/schemas.js';
import { insert, type WireRecord } from '../../server/db/records.js';
import { AUDIENCE, startIdentityProvider, type IdentityProvider } from './identity-provider.js';
import { request, startServer, type Answer, type TestServer } from './helpers.js';
import { FIRE, OTHER_AGENCY, OWN_AGENCY, type Person, type Scope, type Subject } from './permissions-table.js';

export const P = 'plan-p';
export const Q = 'plan-q';
const TENANT = 'council-tenant';

/** Each signed-in person: Entra ID claims, so their user key is `{tid}:{oid}`. */
export const CLAIMS: Record<Exclude<Person, 'signedOut'>, { oid: string; name: string; email: string }> = {
  officer: { oid: 'oid-officer', name: 'Olu Officer', email: 'olu.officer@council.example' },
  lead: { oid: 'oid-lead', name: 'Lee Lead', email: 'lee.lead@fire.example' },
  partner: { oid: 'oid-partner', name: 'Pat Partner', email: 'Pat.Partner@Police.example' },
  viewer: { oid: 'oid-viewer', name: 'Cllr Vi Viewer', email: 'vi.viewer@council.example' },
  outsider: { oid: 'oid-outsider', name: 'Oz Outsider', email: 'oz@elsewhere.example' },
  admin: { oid: 'oid-admin', name: 'Ada Admin', email: 'ada.admin@council.example' },
};
export const keyOf = (person: Exclude<Person, 'signedOut'>) => `${TENANT}:${CLAIMS[person].oid}`;

const KIND: Record<Subject, RecordKind> = {
  plans: 'plans',
  priorities: 'priorities',
  actions: 'actions',
  'private actions': 'actions',
  'restricted actions': 'actions',
  audits: 'audits',
  recommendations: 'recommendations',
  history: 'history',
  members: 'members',
};
export const kindOf = (subject: Subject) => KIND[subject];

export interface Fixture {
  server: TestServer;
  provider: IdentityProvider;
  /** One HTTP request as `person` (a real bearer token; none when signed out). */
  as(person: Person, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** Stores `body` as `kind` directly (version 1), as an import would. */
  store(kind: RecordKind, body: Record<string, unknown>): Promise<WireRecord>;
  /** A new record of `subject` in `scope`, not stored: a body for POST, or for `store`. */
  draft(subject: Subject, scope: Scope): Record<string, unknown>;
  /** A stored record of `subject` in `scope`, made for this one attempt. */
  fresh(subject: Subject, scope: Scope): Promise<WireRecord>;
  close(): Promise<void>;
}

let serial = 0;
const next = (prefix: string) => `${prefix}-${++serial}`;

export async function startFixture(): Promise<Fixture> {
  const provider = await startIdentityProvider();
  const server = await startServer('postgres', {
    auth: 'jwt',
    oidc: { issuer: provider.issuer, audience: AUDIENCE, jwksUrl: undefined },
    admins: [keyOf('admin')],
  });
  const tokens = new Map<Person, string>();
  for (const person of Object.keys(CLAIMS) as Exclude<Person, 'signedOut'>[]) {
    const { oid, name, email } = CLAIMS[person];
    tokens.set(person, await provider.token({ tid: TENANT, oid, sub: `sub-${oid}`, name, preferred_username: email }));
  }

  const store = async (kind: RecordKind, body: Record<string, unknown>) => {
    const record = { ...parseRecord(kind, body), version: 1, updatedAt: new Date().toISOString(), updatedBy: 'Fixture' } as unknown as WireRecord;
    if ((await insert(server.db, kind, record)) === undefined) throw new Error(`fixture ${kind} ${record.id} not stored`);
    return record;
  };
  const members = async (planId: string) => {
    await store('members', { id: next('m-officer'), planId, user: keyOf('officer'), role: 'officer' });
    await store('members', { id: next('m-lead'), planId, user: keyOf('lead'), role: 'lead', agencies: [FIRE] });
    // By email, in other letters' case than the token's: emails compare without regard to case.
    await store('members', { id: next('m-partner'), planId, user: CLAIMS.partner.email.toLowerCase(), role: 'partner', agencies: [OWN_AGENCY] });
    await store('members', { id: next('m-viewer'), planId, user: keyOf('viewer'), role: 'viewer' });
  };
  const planFixture = async (planId: string, withMembers: boolean) => {
    await store('plans', { id: planId, planId, name: `Plan ${planId}` });
    if (withMembers) await members(planId);
    await store('priorities', { id: `${planId}-prio-own`, planId, title: 'Priority led by Lee', leadUser: keyOf('lead') });
    await store('priorities', { id: `${planId}-prio-other`, planId, title: 'Another priority' });
    await store('audits', { id: `${planId}-audit`, planId, title: 'Audit' });
  };
  await planFixture(P, true);
  await planFixture(Q, false);

  const draft = (subject: Subject, scope: Scope): Record<string, unknown> => {
    const planId = scope === 'otherPlan' ? Q : P;
    const own = scope !== 'otherAgency';
    const id = next(subject.replace(' ', '-'));
    const base = { id, planId };
    switch (subject) {
      case 'plans':
        return { id, planId: id, name: `Plan ${id}` };
      case 'priorities':
        return { ...base, title: `Priority ${id}`, ...(own ? { leadUser: keyOf('lead') } : {}) };
      case 'actions':
      case 'private actions':
      case 'restricted actions':
        return {
          ...base,
          title: `Action ${id}`,
          priorityId: `${planId}-prio-${own ? 'own' : 'other'}`,
          leadAgency: own ? OWN_AGENCY : OTHER_AGENCY,
          owner: 'Named owner',
          public: subject !== 'private actions',
          ...(subject === 'restricted actions' ? { visibility: 'restricted' } : {}),
          updates: [{ id: `${id}-u1`, at: '2024-01-10T09:00:00.000Z', by: 'Fixture', text: 'Started' }],
          funding: { allocatedPence: 1000, spentPence: 0, public: false },
        };
      case 'audits':
        return { ...base, title: `Audit ${id}` };
      case 'recommendations':
        return { ...base, auditId: `${planId}-audit`, recommendation: `Recommendation ${id}`, owner: 'Named owner', ownerAgency: own ? OWN_AGENCY : OTHER_AGENCY };
      case 'history':
        return { ...base, recordId: `${planId}-prio-own`, collection: 'priorities', at: '2024-01-10T09:00:00.000Z', by: 'Fixture', changes: [{ field: 'title', from: 'A', to: 'B' }] };
      case 'members':
        return { ...base, user: `${id}@someone.example`, role: own ? 'partner' : 'viewer', agencies: own ? [OWN_AGENCY] : [] };
    }
  };

  return {
    server,
    provider,
    as: (person, method, path, body, headers = {}) => request(server.url, method, path, body, person === 'signedOut' ? headers : { authorization: `Bearer ${tokens.get(person)}`, ...headers }),
    store,
    draft,
    async fresh(subject, scope) {
      const body = draft(subject, scope);
      if (subject === 'plans') {
        const record = await store('plans', body);
        if (scope !== 'otherPlan') await members(record.id);
        return record;
      }
      return store(kindOf(subject), body);
    },
    async close() {
      await server.close();
      await provider.close();
    },
  };
}

/** An edit each kind of record allows its editors (a partner's included). */
export function edited(subject: Subject, record: WireRecord): Record<string, unknown> {
  switch (kindOf(subject)) {
    case 'plans':
      return { ...record, name: `${record.name} (renamed)` };
    case 'actions':
      return { ...record, status: 'in-progress', progress: 40 };
    case 'recommendations':
      return { ...record, status: 'in-progress' };
    case 'members':
      return { ...record, reminders: false };
    default:
      return { ...record, title: `${record.title} (edited)` };
  }
}

/** The fixture of the `describe` block this is called in: started before its tests, closed after, with the tally of its attempts. */
export function useFixture(label: string, attempts: { summary(): string }): () => Fixture {
  let fixture: Fixture;
  before(async () => {
    fixture = await startFixture();
  });
  after(async () => {
    await fixture.close();
    console.log(`${label}: ${attempts.summary()}`);
  });
  return () => fixture;
}
