// A real OpenID Connect issuer on 127.0.0.1 for the sign-in tests: discovery document, JWKS, and tokens signed by its keys.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export interface IdentityProvider {
  issuer: string;
  jwksUrl: string;
  keys: { rsa: SigningKey; ec: SigningKey };
  /** Signs claims (defaults: this issuer, the audience, issued now, expiring in an hour) with the RSA key unless told. */
  token(claims?: JWTPayload, options?: { key?: SigningKey; header?: Record<string, unknown> }): Promise<string>;
  /** While down, the discovery document and keys answer 500. */
  down: boolean;
  /** How many times the key set was fetched. */
  keyFetches: number;
  close(): Promise<void>;
}

export const AUDIENCE = 'api://action-plan-test';

export async function signingKey(kid: string, alg: SigningKey['alg']): Promise<SigningKey> {
  return { kid, alg, ...(await generateKeyPair(alg, { extractable: true })) };
}

export async function startIdentityProvider({ discoveryIssuer }: { discoveryIssuer?: string } = {}): Promise<IdentityProvider> {
  const keys = { rsa: await signingKey('rsa-1', 'RS256'), ec: await signingKey('ec-1', 'ES256') };
  const jwks = { keys: await Promise.all(Object.values(keys).map(async (key) => ({ ...(await exportJWK(key.publicKey)), kid: key.kid, alg: key.alg, use: 'sig' }))) };
  const server = http.createServer((request, response) => {
    const send = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (provider.down) return send(500, { error: 'down' });
    if (request.url === '/tenant/v2.0/.well-known/openid-configuration') return send(200, { issuer: discoveryIssuer ?? provider.issuer, jwks_uri: provider.jwksUrl });
    if (request.url === '/tenant/discovery/v2.0/keys') {
      provider.keyFetches += 1;
      return send(200, jwks);
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider: IdentityProvider = {
    issuer: `${origin}/tenant/v2.0`,
    jwksUrl: `${origin}/tenant/discovery/v2.0/keys`,
    keys,
    down: false,
    keyFetches: 0,
    async token(claims = {}, { key = keys.rsa, header = {} } = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: provider.issuer, aud: AUDIENCE, iat: now, nbf: now, exp: now + 3600, ...claims })
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header })
        .sign(key.privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return provider;
}
