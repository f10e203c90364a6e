// `dev` sign-in, for the demo only: the "Viewing as" control picks one of a few demo people.
import { SignInSetupError, UnknownDemoPersonError } from './errors.js';
import { headerValue, type Identity, type SignIn } from './identity.js';
import { isLoopbackHost } from './loopback.js';

export interface DemoPerson extends Identity {
  /** Who they are in the partnership, for the "Viewing as" list. */
  title: string;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { id: 'demo:csp-officer', name: 'Alex Morgan', email: 'alex.morgan@example.gov.uk', title: 'Community Safety Partnership officer' },
  { id: 'demo:police', name: 'Sam Patel', email: 'sam.patel@example.police.uk', title: 'Essex Police partner' },
  { id: 'demo:probation', name: 'Jo Williams', email: 'jo.williams@example.probation.gov.uk', title: 'Probation Service partner' },
  { id: 'demo:councillor', name: 'Cllr Rhian Evans', email: 'rhian.evans@example.gov.uk', title: 'Scrutiny councillor' },
];

/** The demo page's "Viewing as" control sets the cookie; tests and scripts may send the header. */
export const DEMO_PERSON_HEADER = 'x-ap-demo-person';
export const DEMO_PERSON_COOKIE = 'ap-demo-person';
/** The "Viewing as" choice of nobody: what the public sees. */
export const SIGNED_OUT = 'signed-out';

export interface DevOptions {
  /** HOST: must be a loopback address, so nobody else can pick a person. */
  host: string;
  /** NODE_ENV: `production` refuses this mode. */
  nodeEnv?: string | undefined;
  people?: readonly DemoPerson[];
}

export function devSignIn({ host, nodeEnv, people = DEMO_PEOPLE }: DevOptions): SignIn {
  if (nodeEnv === 'production') throw new SignInSetupError('AP_AUTH=dev lets anyone pick who they are: it is for the demo and will not start with NODE_ENV=production. Set AP_AUTH to jwt or proxy.');
  if (!isLoopbackHost(host)) throw new SignInSetupError(`AP_AUTH=dev lets anyone pick who they are: it starts only on a loopback HOST (127.0.0.1, ::1 or localhost), not ${host}. Set AP_AUTH to jwt or proxy.`);
  const byId = new Map(people.map((person) => [person.id, person]));
  return {
    mode: 'dev',
    ambient: true,
    async identify(request) {
      // Before any choice the demo opens as its first person (the CSP officer), as it did before sign-in.
      const chosen = headerValue(request.headers, DEMO_PERSON_HEADER) ?? cookie(headerValue(request.headers, 'cookie'), DEMO_PERSON_COOKIE) ?? people[0]?.id;
      if (chosen === undefined || chosen === SIGNED_OUT) return undefined;
      const person = byId.get(chosen);
      if (!person) throw new UnknownDemoPersonError(`There is no demo person "${chosen}": choose one of ${[...byId.keys(), SIGNED_OUT].join(', ')} in "Viewing as".`);
      return { id: person.id, name: person.name, ...(person.email ? { email: person.email } : {}) };
    },
  };
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(at + 1).trim()) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
