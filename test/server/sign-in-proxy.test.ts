// `proxy` sign-in: identity headers count only from the council's front end (shared secret or trusted address).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignInSetupError } from '../../server/auth/errors.js';
import { proxySignIn, type ProxyOptions } from '../../server/auth/proxy.js';
import { serveSignIn } from './sign-in-server.js';

const SECRET = 'front-end-secret-0123456789';
const principal = (claims: [string, string][]) =>
  Buffer.from(JSON.stringify({ auth_typ: 'aad', name_typ: 'name', role_typ: 'roles', claims: claims.map(([typ, val]) => ({ typ, val })) })).toString('base64');
const APP_SERVICE = {
  'x-ms-client-principal': principal([
    ['http://schemas.microsoft.com/identity/claims/tenantid', 'tenant-1'],
    ['http://schemas.microsoft.com/identity/claims/objectidentifier', 'object-7'],
    ['name', 'Priya Shah'],
    ['preferred_username', 'priya.shah@castlepoint.gov.uk'],
  ]),
  'x-ms-client-principal-name': 'priya.shah@castlepoint.gov.uk',
};
const PRIYA = { id: 'tenant-1:object-7', name: 'Priya Shah', email: 'priya.shah@castlepoint.gov.uk' };

async function withProxy(options: ProxyOptions, run: (endpoint: Awaited<ReturnType<typeof serveSignIn>>) => Promise<void>, host?: string) {
  const endpoint = await serveSignIn(proxySignIn(options), host);
  try {
    await run(endpoint);
  } finally {
    await endpoint.close();
  }
}

const assertUntrusted = (answer: { status: number; body: { name?: string } }) => {
  assert.equal(answer.status, 401);
  assert.equal(answer.body.name, 'UntrustedProxyError');
};

describe('proxy sign-in', () => {
  it('refuses to start without a secret or trusted addresses, or with a bad address', () => {
    assert.throws(() => proxySignIn({}), SignInSetupError);
    assert.throws(() => proxySignIn({ trustedProxies: ['10.0.0.0/33'] }), /10\.0\.0\.0\/33/);
    assert.throws(() => proxySignIn({ trustedProxies: ['front-end.local'] }), SignInSetupError);
  });

  it('believes App Service headers with the secret, and reads no principal as signed out', () =>
    withProxy({ secret: SECRET }, async (endpoint) => {
      assert.deepEqual(await endpoint.ask({ ...APP_SERVICE, 'x-ap-proxy-secret': SECRET }), { status: 200, body: { identity: PRIYA } });
      assert.deepEqual(await endpoint.ask({ 'x-ap-proxy-secret': SECRET }), { status: 200, body: { identity: null } });
      assert.deepEqual(await endpoint.ask({ 'x-ms-client-principal-name': 'jo@probation.example', 'x-ap-proxy-secret': SECRET }), {
        status: 200,
        body: { identity: { id: 'jo@probation.example', name: 'jo@probation.example', email: 'jo@probation.example' } },
      });
    }));

  it('refuses identity headers from a client without the secret, with a wrong one, or a longer one', () =>
    withProxy({ secret: SECRET }, async (endpoint) => {
      assertUntrusted(await endpoint.ask(APP_SERVICE));
      assertUntrusted(await endpoint.ask({ ...APP_SERVICE, 'x-ap-proxy-secret': 'guess' }));
      assertUntrusted(await endpoint.ask({ ...APP_SERVICE, 'x-ap-proxy-secret': `${SECRET}x` }));
      // Not through the front end at all: refused too, rather than served as signed out.
      assertUntrusted(await endpoint.ask());
    }));

  it('believes a trusted address, and never X-Forwarded-For', async () => {
    await withProxy({ trustedProxies: ['127.0.0.1'] }, async (endpoint) => {
      assert.deepEqual((await endpoint.ask(APP_SERVICE)).body.identity, PRIYA);
    });
    await withProxy({ trustedProxies: ['10.0.0.0/8', 'fd00::/8'] }, async (endpoint) => {
      assertUntrusted(await endpoint.ask(APP_SERVICE));
      assertUntrusted(await endpoint.ask({ ...APP_SERVICE, 'x-forwarded-for': '10.1.2.3', forwarded: 'for=10.1.2.3' }));
    });
  });

  it('matches an IPv4 client on a dual-stack socket (::ffff:127.0.0.1)', () =>
    withProxy(
      { trustedProxies: ['127.0.0.0/8'] },
      async (endpoint) => {
        const viaIpv4 = endpoint.url.replace(/\[::\]/, '127.0.0.1');
        assert.deepEqual((await endpoint.ask(APP_SERVICE, viaIpv4)).body.identity, PRIYA);
      },
      '::',
    ));

  it('reads the configured user header instead, ignoring App Service headers', () =>
    withProxy({ secret: SECRET, userHeader: 'X-Remote-User' }, async (endpoint) => {
      const answer = await endpoint.ask({ 'x-remote-user': 'CASTLEPOINT\\jsmith', 'x-ap-proxy-secret': SECRET });
      assert.deepEqual(answer.body.identity, { id: 'CASTLEPOINT\\jsmith', name: 'CASTLEPOINT\\jsmith' });
      assert.deepEqual((await endpoint.ask({ ...APP_SERVICE, 'x-ap-proxy-secret': SECRET })).body.identity, null);
      assertUntrusted(await endpoint.ask({ 'x-remote-user': 'CASTLEPOINT\\jsmith' }));
    }));

  it('refuses a principal that is not base64 JSON or names nobody', () =>
    withProxy({ secret: SECRET }, async (endpoint) => {
      assertUntrusted(await endpoint.ask({ 'x-ms-client-principal': 'not json', 'x-ap-proxy-secret': SECRET }));
      assertUntrusted(await endpoint.ask({ 'x-ms-client-principal': principal([['roles', 'x']]), 'x-ap-proxy-secret': SECRET }));
    }));
});
