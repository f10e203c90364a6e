// What a hostile client may send the signed-in endpoint: SQL metacharacters and 10 KB strings in every query
// parameter, prototype keys in bodies, a CORS preflight from an unlisted site, a cookie-signed write from another
// site's page, identity headers that did not come through the front end. Nothing leaks, nothing fails (5xx).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PEOPLE } from '../../server/auth/dev.js';
import { request, startServer, type TestServer } from './helpers.js';
import { P, useFixture } from './permission-fixture.js';
import { tally } from './tally.js';

const attempts = tally();
const HOSTILE = ["' OR '1'='1", "'; DROP TABLE actions; --", `${P}' --`, '" OR ""="', '\\', '%', '_', '$1', ') OR (true', '*/ SELECT 1 /*', '\u0000', 'x'.repeat(10 * 1024)];
const PARAMETERS = ['planId', 'updatedAt_gte', '_sort', '_order', '_limit', '_start'];

describe('hostile input, signed in with real tokens', () => {
  const fixture = useFixture('hostile input', attempts);

  test('SQL metacharacters and 10 KB strings in every query parameter: 200 with nothing extra, or 400; never 5xx', async () => {
    const restricted = await fixture().store('actions', { ...fixture().draft('actions', 'otherAgency'), visibility: 'restricted' });
    for (const who of ['signedOut', 'partner'] as const) {
      for (const collection of ['actions', 'members', 'history']) {
        const allowed = new Set(((await fixture().as(who, 'GET', `/api/${collection}?_limit=5000`)).body as { id: string }[]).map((record) => record.id));
        for (const name of PARAMETERS) {
          for (const value of HOSTILE) {
            const answer = await fixture().as(who, 'GET', `/api/${collection}?${name}=${encodeURIComponent(value)}${name === '_limit' ? '' : '&_limit=5000'}`);
            const extra = answer.status === 200 ? (answer.body as { id: string }[]).filter((record) => !allowed.has(record.id)).map((record) => record.id) : [];
            const label = `${who} GET /api/${collection}?${name}=${JSON.stringify(value.slice(0, 20))}`;
            attempts.count(label, 'refused or no more than allowed', answer.status < 500 && extra.length === 0 ? 'refused or no more than allowed' : `${answer.status} ${extra.join(',')}`);
            assert.ok(answer.status === 200 || answer.status === 400, `${label}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
            assert.deepEqual(extra, [], label);
          }
        }
        for (const value of HOSTILE) {
          // An id longer than any the router takes is 414 before any rule is asked.
          const tooLong = value.length > 1000;
          const byId = await fixture().as(who, 'GET', `/api/${collection}/${encodeURIComponent(value)}`);
          attempts.count(`${who} GET /api/${collection}/${JSON.stringify(value.slice(0, 20))}`, tooLong ? 414 : 404, byId.status);
          const write = await fixture().as(who, 'PUT', `/api/${collection}/${encodeURIComponent(value)}`, { id: value, planId: P }, { 'If-Match': '"1"' });
          const refusal = tooLong ? 414 : collection === 'history' ? 405 : who === 'signedOut' ? 401 : 404;
          attempts.count(`${who} PUT /api/${collection}/${JSON.stringify(value.slice(0, 20))}`, refusal, write.status);
        }
      }
    }
    const named = await fixture().as('partner', 'GET', `/api/actions/${restricted.id}`);
    assert.equal(named.status, 404, 'still hidden after all that');
    assert.deepEqual(attempts.wrong(), []);
  });

  test('__proto__ and constructor keys (and NUL) in a body are refused (400) and pollute nothing', async () => {
    const bodies = [
      `{"id":"proto-1","planId":"${P}","priorityId":"${P}-prio-own","title":"T","__proto__":{"public":true,"polluted":true}}`,
      `{"id":"proto-2","planId":"${P}","priorityId":"${P}-prio-own","title":"T","constructor":{"prototype":{"polluted":true}}}`,
      `{"id":"nul-1","planId":"${P}","priorityId":"${P}-prio-own","title":"T\\u0000"}`,
      `{"id":"proto-3","planId":"${P}","priorityId":"${P}-prio-own","title":"T","ragOverride":{"rag":"red","reason":"x","by":"","at":"2024-01-01T00:00:00.000Z","__proto__":{"polluted":true}}}`,
    ];
    for (const who of ['officer', 'partner', 'signedOut'] as const) {
      for (const body of bodies) {
        const answer = await fixture().as(who, 'POST', '/api/actions', body, { 'Content-Type': 'application/json' });
        // Prototype keys are refused as the body is read, before anyone's rights are asked; NUL after sign-in.
        const expected = who === 'signedOut' && body.includes('nul-1') ? 401 : 400;
        attempts.count(`${who} POST ${body.slice(0, 16)}`, expected, answer.status);
        assert.equal(answer.status, expected, JSON.stringify(answer.body));
      }
    }
    const stored = await fixture().store('actions', fixture().draft('actions', 'ownAgency'));
    const put = await fixture().as('partner', 'PUT', `/api/actions/${stored.id}`, JSON.stringify(stored).replace(/^\{/, '{"__proto__":{"leadAgency":"Anyone"},'), { 'Content-Type': 'application/json', 'If-Match': '"1"' });
    attempts.count('partner PUT with __proto__', 400, put.status);
    assert.equal(put.status, 400);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).public, undefined);
    for (const id of ['proto-1', 'proto-2', 'proto-3']) assert.equal((await fixture().as('admin', 'GET', `/api/actions/${id}`)).status, 404);
  });

  test('a CORS preflight with credentials from a site not listed gets no permission', async () => {
    const preflight = await fetch(`${fixture().server.url}/api/actions/a-1`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization, if-match, content-type' },
    });
    attempts.count('CORS preflight from an unlisted origin', 'no permission', preflight.headers.get('access-control-allow-origin') ?? 'no permission');
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
  });

  test('401 with WWW-Authenticate for an expired token, even on a public read', async () => {
    const expired = await fixture().provider.token({ tid: 'council-tenant', oid: 'oid-officer', exp: Math.floor(Date.now() / 1000) - 3600 });
    const answer = await request(fixture().server.url, 'GET', `/api/plans/${P}`, undefined, { authorization: `Bearer ${expired}` });
    attempts.count('expired token on a public read', 401, answer.status);
    assert.equal(answer.status, 401);
    assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer error="invalid_token"/);
    assert.match(answer.body.error, /expired/);
  });
});

describe('sign-in the browser sends by itself (dev cookie, proxy headers)', () => {
  let dev: TestServer;
  let proxy: TestServer;
  before(async () => {
    dev = await startServer('postgres', { auth: 'dev', corsOrigins: ['https://intranet.council.example'] });
    proxy = await startServer('postgres', { auth: 'proxy', proxy: { secret: 'front-end-secret', trustedProxies: [], userHeader: undefined } });
  });
  after(async () => {
    await dev.close();
    await proxy.close();
  });

  test('a write signed in by cookie from another site\'s page is 403; from the page\'s own site or a listed one it goes through', async () => {
    const cookie = { cookie: `ap-demo-person=${encodeURIComponent(DEMO_PEOPLE[0]!.id)}` };
    const plan = (id: string) => ({ id, planId: id, name: 'Plan' });
    const forged = await request(dev.url, 'POST', '/api/plans', plan('plan-evil'), { ...cookie, Origin: 'https://evil.example' });
    attempts.count('cookie write from another origin', 403, forged.status);
    assert.equal(forged.status, 403);
    assert.match(forged.body.error, /evil\.example/);
    assert.equal((await request(dev.url, 'POST', '/api/plans', plan('plan-own'), { ...cookie, Origin: dev.url })).status, 201);
    assert.equal((await request(dev.url, 'POST', '/api/plans', plan('plan-listed'), { ...cookie, Origin: 'https://intranet.council.example' })).status, 201);
    assert.equal((await request(dev.url, 'GET', '/api/plans/plan-own', undefined, { ...cookie, Origin: 'https://evil.example' })).status, 200, 'reads are not refused');
  });

  test('identity headers that did not come through the front end are 401; /health needs no secret', async () => {
    const principal = { 'x-ms-client-principal-name': 'chief.executive@council.example' };
    const forged = await request(proxy.url, 'POST', '/api/plans', { id: 'plan-x', planId: 'plan-x', name: 'X' }, principal);
    attempts.count('proxy headers from an untrusted client', 401, forged.status);
    assert.equal(forged.status, 401);
    assert.equal((await request(proxy.url, 'GET', '/api/plans', undefined, principal)).status, 401);
    const through = await request(proxy.url, 'POST', '/api/plans', { id: 'plan-y', planId: 'plan-y', name: 'Y' }, { ...principal, 'x-ap-proxy-secret': 'front-end-secret' });
    assert.equal(through.status, 201);
    assert.equal(through.body.updatedBy, 'chief.executive@council.example');
    assert.equal((await request(proxy.url, 'GET', '/health')).status, 200);
  });

  test('the demo\'s people list, in dev mode only', async () => {
    const people = await request(dev.url, 'GET', '/api/demo-people');
    assert.deepEqual(people.body.map((person: { title: string }) => person.title), DEMO_PEOPLE.map((person) => person.title));
    assert.equal((await request(proxy.url, 'GET', '/api/demo-people', undefined, { 'x-ap-proxy-secret': 'front-end-secret' })).status, 404);
  });
});
