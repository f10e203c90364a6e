// `jwt` sign-in against a real issuer on 127.0.0.1: every token a client could send, good or forged.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { base64url, exportSPKI, SignJWT } from 'jose';
import { SignInSetupError } from '../../server/auth/errors.js';
import { jwtSignIn } from '../../server/auth/jwt.js';
import { AUDIENCE, signingKey, startIdentityProvider, type IdentityProvider } from './identity-provider.js';
import { serveSignIn } from './sign-in-server.js';

const now = () => Math.floor(Date.now() / 1000);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const person = { tid: 'tenant-1', oid: 'object-7', sub: 'pairwise-sub', name: 'Priya Shah', preferred_username: 'Priya.Shah@Castlepoint.gov.uk' };

describe('jwt sign-in', () => {
  let provider: IdentityProvider;
  let endpoint: Awaited<ReturnType<typeof serveSignIn>>;

  before(async () => {
    provider = await startIdentityProvider();
    // No AP_OIDC_JWKS_URL: the keys are found through the issuer's discovery document.
    endpoint = await serveSignIn(jwtSignIn({ issuer: provider.issuer, audience: AUDIENCE }));
  });
  after(async () => {
    await endpoint.close();
    await provider.close();
  });

  const refused = async (headers: Record<string, string>, reason: string) => {
    const answer = await endpoint.ask(headers);
    assert.equal(answer.status, 401, JSON.stringify(answer.body));
    assert.equal(answer.body.name, 'InvalidTokenError');
    assert.equal(answer.body.reason, reason);
    assert.ok(answer.body.error && answer.body.error.length > 20, 'a reason a person can read');
    return answer;
  };

  it('reads no token as signed out', async () => {
    assert.deepEqual(await endpoint.ask(), { status: 200, body: { identity: null } });
  });

  it('names an Entra ID person by tenant and object id, with name and email', async () => {
    const answer = await endpoint.ask(bearer(await provider.token(person)));
    assert.deepEqual(answer, { status: 200, body: { identity: { id: 'tenant-1:object-7', name: 'Priya Shah', email: 'Priya.Shah@Castlepoint.gov.uk' } } });
  });

  it('names others by issuer and subject, preferring the email claim, on an ES256 token', async () => {
    const token = await provider.token({ sub: 'user-42', preferred_username: 'jo@probation.example', email: 'jo.williams@probation.example' }, { key: provider.keys.ec });
    const answer = await endpoint.ask(bearer(token));
    assert.deepEqual(answer.body.identity, { id: `${provider.issuer}#user-42`, name: 'jo@probation.example', email: 'jo.williams@probation.example' });
  });

  it('allows 60 seconds of clock difference, no more', async () => {
    assert.equal((await endpoint.ask(bearer(await provider.token({ ...person, exp: now() - 30 })))).status, 200);
    assert.equal((await endpoint.ask(bearer(await provider.token({ ...person, nbf: now() + 30 })))).status, 200);
    await refused(bearer(await provider.token({ ...person, iat: now() - 7200, nbf: now() - 7200, exp: now() - 90 })), 'expired');
    await refused(bearer(await provider.token({ ...person, nbf: now() + 120 })), 'not-yet-valid');
  });

  it('refuses a token from another issuer or for another audience', async () => {
    await refused(bearer(await provider.token({ ...person, iss: 'https://login.microsoftonline.com/other-tenant/v2.0' })), 'wrong-issuer');
    await refused(bearer(await provider.token({ ...person, aud: 'api://someone-else' })), 'wrong-audience');
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const segment = (value: object) => base64url.encode(JSON.stringify(value));
    const unsigned = `${segment({ alg: 'none', typ: 'JWT' })}.${segment({ iss: provider.issuer, aud: AUDIENCE, exp: now() + 600, ...person })}.`;
    await refused(bearer(unsigned), 'algorithm');
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const publicPem = await exportSPKI(provider.keys.rsa.publicKey);
    const forged = await new SignJWT({ iss: provider.issuer, aud: AUDIENCE, exp: now() + 600, ...person })
      .setProtectedHeader({ alg: 'HS256', kid: provider.keys.rsa.kid })
      .sign(new TextEncoder().encode(publicPem));
    await refused(bearer(forged), 'algorithm');
  });

  it('refuses a key the issuer does not publish, and a known kid on another key', async () => {
    const stranger = await signingKey('not-published', 'RS256');
    await refused(bearer(await provider.token(person, { key: stranger })), 'unknown-key');
    const impostor = { ...(await signingKey(provider.keys.rsa.kid, 'RS256')) };
    await refused(bearer(await provider.token(person, { key: impostor })), 'bad-signature');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await provider.token(person)).split('.');
    const changed = base64url.encode(JSON.stringify({ iss: provider.issuer, aud: AUDIENCE, exp: now() + 600, ...person, oid: 'the-chief-executive' }));
    await refused(bearer(`${header}.${changed}.${signature}`), 'bad-signature');
  });

  it('refuses a token without expiry, one naming nobody, and anything that is not a bearer JWT', async () => {
    const noExpiry = await new SignJWT({ iss: provider.issuer, aud: AUDIENCE, ...person }).setProtectedHeader({ alg: 'RS256', kid: provider.keys.rsa.kid }).sign(provider.keys.rsa.privateKey);
    await refused(bearer(noExpiry), 'malformed');
    await refused(bearer(await provider.token({ name: 'A daemon app' })), 'no-user');
    await refused(bearer('not.a.jwt'), 'malformed');
    await refused({ authorization: 'Basic dXNlcjpwYXNz' }, 'malformed');
    await refused({ authorization: 'Bearer' }, 'malformed');
  });

  it('fetches the key set once for many requests', async () => {
    const before = provider.keyFetches;
    const token = await provider.token(person);
    const answers = await Promise.all(Array.from({ length: 20 }, () => endpoint.ask(bearer(token))));
    assert.ok(answers.every((answer) => answer.status === 200));
    assert.equal(provider.keyFetches, before);
  });
});

describe('jwt sign-in set-up and an unreachable issuer', () => {
  it('refuses to start without an issuer or audience', () => {
    assert.throws(() => jwtSignIn({ issuer: '', audience: AUDIENCE }), SignInSetupError);
    assert.throws(() => jwtSignIn({ issuer: 'https://login.microsoftonline.com/t/v2.0', audience: '' }), /AP_OIDC_AUDIENCE/);
  });

  it('answers 503 while the issuer is down, then signs in once it is back', async () => {
    const provider = await startIdentityProvider();
    const endpoint = await serveSignIn(jwtSignIn({ issuer: provider.issuer, audience: AUDIENCE }));
    try {
      const token = await provider.token(person);
      provider.down = true;
      const answer = await endpoint.ask(bearer(token));
      assert.equal(answer.status, 503);
      assert.equal(answer.body.name, 'SignInUnavailableError');
      provider.down = false;
      assert.equal((await endpoint.ask(bearer(token))).status, 200);
    } finally {
      await endpoint.close();
      await provider.close();
    }
  });

  it('answers 503 when the discovery document names another issuer', async () => {
    const provider = await startIdentityProvider({ discoveryIssuer: 'https://impostor.example/v2.0' });
    const endpoint = await serveSignIn(jwtSignIn({ issuer: provider.issuer, audience: AUDIENCE }));
    try {
      const answer = await endpoint.ask(bearer(await provider.token(person)));
      assert.equal(answer.status, 503);
      assert.match(answer.body.error ?? '', /AP_OIDC_ISSUER/);
    } finally {
      await endpoint.close();
      await provider.close();
    }
  });

  it('uses AP_OIDC_JWKS_URL when given, without discovery', async () => {
    const provider = await startIdentityProvider({ discoveryIssuer: 'https://impostor.example/v2.0' });
    const endpoint = await serveSignIn(jwtSignIn({ issuer: provider.issuer, audience: AUDIENCE, jwksUrl: provider.jwksUrl }));
    try {
      assert.equal((await endpoint.ask(bearer(await provider.token(person)))).status, 200);
    } finally {
      await endpoint.close();
      await provider.close();
    }
  });
});
