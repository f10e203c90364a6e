// `proxy` sign-in: the identity a trusted front end (App Service authentication, IIS, Apache, nginx) puts in headers.
import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { SignInSetupError, UntrustedProxyError } from './errors.js';
import { headerValue, type Identity, type SignIn, type SignInRequest } from './identity.js';

export interface ProxyOptions {
  /** AP_PROXY_SECRET: the front end sends it as X-AP-Proxy-Secret. */
  secret?: string | undefined;
  /** AP_TRUSTED_PROXIES: the front end's addresses, single or CIDR (`10.0.0.0/8`). */
  trustedProxies?: readonly string[] | undefined;
  /** AP_PROXY_USER_HEADER: a header holding the user name (IIS, Apache, nginx), instead of App Service's. */
  userHeader?: string | undefined;
}

export const SECRET_HEADER = 'x-ap-proxy-secret';
const PRINCIPAL = 'x-ms-client-principal';
const PRINCIPAL_NAME = 'x-ms-client-principal-name';

// App Service passes Entra ID's claims under their long names or short ones.
const CLAIM_NAMES = {
  tid: ['tid', 'http://schemas.microsoft.com/identity/claims/tenantid'],
  oid: ['oid', 'http://schemas.microsoft.com/identity/claims/objectidentifier'],
  name: ['name'],
  email: ['email', 'emails', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'],
  preferred: ['preferred_username', 'upn', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn'],
} as const;

export function proxySignIn({ secret, trustedProxies = [], userHeader }: ProxyOptions): SignIn {
  if (!secret && trustedProxies.length === 0) {
    throw new SignInSetupError('AP_AUTH=proxy needs AP_PROXY_SECRET (a secret the front end adds as X-AP-Proxy-Secret) or AP_TRUSTED_PROXIES (the front end\'s addresses): otherwise anyone could send the identity headers.');
  }
  const trusted = addressList(trustedProxies);
  const secretDigest = secret ? digest(secret) : undefined;
  const userHeaderName = userHeader?.toLowerCase();

  const isTrusted = (request: SignInRequest) => {
    const sent = headerValue(request.headers, SECRET_HEADER);
    if (secretDigest && sent !== undefined && timingSafeEqual(digest(sent), secretDigest)) return true;
    // BlockList matches ::ffff:10.0.0.4 (IPv4 on a dual-stack socket) against IPv4 ranges too.
    const address = request.socket.remoteAddress;
    return address !== undefined && trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  };

  return {
    mode: 'proxy',
    ambient: true,
    async identify(request) {
      if (!isTrusted(request)) {
        throw new UntrustedProxyError('This endpoint accepts requests only through the council\'s sign-in front end: open the page at its usual address. (The request had no valid X-AP-Proxy-Secret and came from an address not in AP_TRUSTED_PROXIES.)');
      }
      if (userHeaderName) {
        const user = headerValue(request.headers, userHeaderName);
        return user === undefined ? undefined : { id: user, name: user, ...(user.includes('@') ? { email: user } : {}) };
      }
      return appServiceIdentity(request);
    },
  };
}

/** App Service authentication: base64 JSON `{ claims: [{ typ, val }] }`, and the principal's name. */
function appServiceIdentity(request: SignInRequest): Identity | undefined {
  const principalName = headerValue(request.headers, PRINCIPAL_NAME);
  const encoded = headerValue(request.headers, PRINCIPAL);
  if (!encoded) return principalName === undefined ? undefined : { id: principalName, name: principalName, ...(principalName.includes('@') ? { email: principalName } : {}) };
  const claims = new Map<string, string>();
  try {
    const principal = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as { claims?: { typ?: unknown; val?: unknown }[] };
    for (const { typ, val } of Array.isArray(principal.claims) ? principal.claims : []) {
      if (typeof typ === 'string' && typeof val === 'string' && val !== '' && !claims.has(typ)) claims.set(typ, val);
    }
  } catch {
    throw new UntrustedProxyError('The front end sent an X-MS-CLIENT-PRINCIPAL header that is not base64 JSON: check the App Service authentication settings.');
  }
  const find = (names: readonly string[]) => names.map((name) => claims.get(name)).find((value) => value !== undefined);
  const tid = find(CLAIM_NAMES.tid);
  const oid = find(CLAIM_NAMES.oid);
  const preferred = find(CLAIM_NAMES.preferred) ?? principalName;
  const id = tid && oid ? `${tid}:${oid}` : principalName ?? preferred;
  if (!id) throw new UntrustedProxyError('The front end\'s X-MS-CLIENT-PRINCIPAL names no person (no tid and oid, no name): check the App Service authentication settings.');
  const email = find(CLAIM_NAMES.email) ?? preferred;
  return { id, name: find(CLAIM_NAMES.name) ?? preferred ?? id, ...(email ? { email } : {}) };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

function addressList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.trim().split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new SignInSetupError(`AP_TRUSTED_PROXIES has "${entry}", which is not an address or a CIDR range such as 10.0.0.0/8.`);
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}
