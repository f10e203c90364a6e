// An endpoint with sign-in for the widgets' tests, behind one interface so the same tests can run
// against json-server (the test plugin's bearer-token stand-in) or our endpoint with AP_AUTH=dev.
import { createEndpoint, injectFaults, serverRecord, serverRequests, wire, type Endpoint, type EndpointKind } from './sync-helpers.js';
import { executeServerCommand } from '@web/test-runner-commands';
import { PLAN } from '../helpers.js';

/** The demo people: the CSP officer, a police partner, a probation partner, a councillor. */
export type Who = 'officer' | 'police' | 'probation' | 'councillor';

export interface SignInEndpoint {
  url: string;
  /** The id `/me` gives `who`. */
  personId(who: Who): string;
  /** A token that signs `who` in; `n` numbers fresh ones (a renewed token). */
  token(who: Who, n?: number): string;
  /** From now on the endpoint answers 401 to `token`, as when it expires. */
  expire(token: string): Promise<void>;
  /** `who` signs in anew: `token(who, n)` is valid (again). */
  signIn(who: Who, n: number): Promise<void>;
  /** An officer changes `who`'s agencies in the plan: `/me` says so from now on. */
  reassign(who: Who, agencies: string[]): Promise<void>;
  /** The next write whose URL contains `path` is refused with 403 and `reason`. */
  refuseNext(path: string, reason: string): Promise<void>;
  /** While on, every write fails with 503 (so changes stay queued). */
  holdWrites(on: boolean): Promise<void>;
  /** Requests seen since the last call, with their Authorization header. */
  requests(): Promise<{ method: string; url: string; authorization?: string }[]>;
  record(collection: string, id: string): Promise<Record<string, unknown> | undefined>;
}

export const AGENCY: Record<Who, string[]> = { officer: [], police: ['Lancashire Police'], probation: ['Probation Service'], councillor: [] };
export const ROLE: Record<Who, string> = { officer: 'officer', police: 'partner', probation: 'partner', councillor: 'viewer' };
const NAME: Record<Who, string> = { officer: 'Olu Officer', police: 'Pat Police', probation: 'Priya Probation', councillor: 'Cllr Chris Jones' };

/** The plan the tests use: a police action, a probation action, and a restricted police action. */
export const SIGN_IN_DATA = {
  plans: [wire({ id: PLAN, name: 'Community Safety Plan 2024/25' })],
  priorities: [wire({ id: 'p-1', title: 'Safer night-time economy' })],
  actions: [
    wire({ id: 'a-police', priorityId: 'p-1', title: 'Taxi marshals', leadAgency: 'Lancashire Police', progress: 20 }),
    wire({ id: 'a-probation', priorityId: 'p-1', title: 'Unpaid work in the town centre', leadAgency: 'Probation Service', progress: 40 }),
    wire({ id: 'a-restricted', priorityId: 'p-1', title: 'Operation Nightjar', leadAgency: 'Lancashire Police', visibility: 'restricted', progress: 10 }),
  ],
  members: [wire({ id: 'm-police', user: 'pat.police@lancashire.police.uk', role: 'partner', agencies: ['Lancashire Police'] })],
};

const me = (who: Who, agencies = AGENCY[who]) => ({ id: `user-${who}`, name: NAME[who], email: `${who}@example.gov.uk`, writesHistory: false, plans: { [PLAN]: { role: ROLE[who], agencies } } });

/** The fault proxy's side of the interface, the same in front of either endpoint. */
function proxyControls(endpoint: Endpoint): Pick<SignInEndpoint, 'refuseNext' | 'holdWrites' | 'requests' | 'record'> {
  let holding = false;
  let refusals: Record<string, unknown>[] = [];
  const faults = () => injectFaults(endpoint, [...refusals, ...(holding ? [{ kind: 'status', status: 503, method: 'PUT', times: 10_000 }, { kind: 'status', status: 503, method: 'POST', times: 10_000 }] : [])]);
  return {
    async refuseNext(path, reason) {
      refusals = [{ kind: 'status', status: 403, method: 'PUT', path, body: { error: reason } }];
      await faults();
    },
    async holdWrites(on) {
      holding = on;
      await faults();
    },
    requests: () => serverRequests(endpoint),
    record: async (collection, id) => (await serverRecord(endpoint, collection, id))[0],
  };
}

/** json-server behind the fault proxy, signing people in by bearer token (test/plugins/endpoint.mjs). */
export async function jsonServerWithSignIn(): Promise<SignInEndpoint> {
  const people: Record<string, unknown> = {};
  const who = ['officer', 'police', 'probation', 'councillor'] as const;
  for (const person of who) for (const n of [1, 2]) people[`${person}-${n}`] = me(person);
  const endpoint: Endpoint = await createEndpoint({ data: SIGN_IN_DATA, people });
  return {
    url: endpoint.url,
    personId: (person) => `user-${person}`,
    token: (person, n = 1) => `${person}-${n}`,
    async expire(token) {
      delete people[token];
      await executeServerCommand('endpoint-people', { id: endpoint.id, people });
    },
    async signIn(person, n) {
      people[`${person}-${n}`] = me(person);
      await executeServerCommand('endpoint-people', { id: endpoint.id, people });
    },
    async reassign(person, agencies) {
      for (const token of Object.keys(people)) if (token.startsWith(`${person}-`)) people[token] = me(person, agencies);
      await executeServerCommand('endpoint-people', { id: endpoint.id, people });
    },
    ...proxyControls(endpoint),
  };
}

/** The demo people of our endpoint's dev sign-in (server/auth/dev.ts). */
export const DEMO_ID: Record<Who, string> = { officer: 'demo:csp-officer', police: 'demo:police', probation: 'demo:probation', councillor: 'demo:councillor' };

/** A token naming `who` to our endpoint in AP_AUTH=dev (test/server/browser-endpoints.ts); `n` numbers fresh ones. */
export const demoToken = (who: Who, n = 1) => `${DEMO_ID[who]}~${n}`;

/** The demo people's memberships of PLAN (ids `m-demo-{who}`): their roles, the partners of `agencies`. */
export const demoMembers = (agencies: Record<Who, string[]> = AGENCY, roles: Record<Who, string> = ROLE) =>
  (Object.keys(DEMO_ID) as Who[]).map((who) => wire({ id: `m-demo-${who}`, user: DEMO_ID[who], role: roles[who], agencies: agencies[who] }));

/** Our endpoint (the real server on PostgreSQL) in AP_AUTH=dev, holding `data`; pages pick a demo person by tokenProvider. */
export const createDemoEndpoint = (data: Record<string, Record<string, unknown>[]>) => createEndpoint({ kind: 'ours', auth: 'dev', origin: location.origin, data });

/** Our endpoint in AP_AUTH=dev, the demo people members of the plan as SIGN_IN_DATA's people are on json-server. */
export async function ourEndpointWithSignIn(): Promise<SignInEndpoint> {
  const endpoint = await createDemoEndpoint({ ...SIGN_IN_DATA, members: [...SIGN_IN_DATA.members, ...demoMembers()] });
  const lapse = async (token: string, lapsed: boolean) => void (await executeServerCommand('endpoint-lapse', { id: endpoint.id, token, lapsed }));
  return {
    url: endpoint.url,
    personId: (who) => DEMO_ID[who],
    token: demoToken,
    expire: (token) => lapse(token, true),
    signIn: (who, n) => lapse(demoToken(who, n), false),
    async reassign(who, agencies) {
      // As the officer would in the People tab: the membership changes on the server, /me follows.
      const headers = { Authorization: `Bearer ${demoToken('officer')}`, 'Content-Type': 'application/json' };
      const url = `${endpoint.url}/members/m-demo-${who}`;
      const member = await (await fetch(url, { headers })).json();
      const answer = await fetch(url, { method: 'PUT', headers: { ...headers, 'If-Match': `"${member.version}"` }, body: JSON.stringify({ ...member, agencies }) });
      if (!answer.ok) throw new Error(`the officer could not change ${who}'s agencies: ${answer.status} ${await answer.text()}`);
    },
    ...proxyControls(endpoint),
  };
}

/** The endpoints the sign-in tests run against, by kind. */
export const signInEndpoints: Record<EndpointKind, () => Promise<SignInEndpoint>> = { ours: ourEndpointWithSignIn, 'json-server': jsonServerWithSignIn };
