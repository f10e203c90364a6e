// `dev` (demo people) and `none` sign-in: this machine only, and never in production.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_PEOPLE, devSignIn } from '../../server/auth/dev.js';
import { SignInSetupError } from '../../server/auth/errors.js';
import { isLoopbackHost } from '../../server/auth/loopback.js';
import { noSignIn } from '../../server/auth/none.js';
import { serveSignIn } from './sign-in-server.js';

describe('loopback HOST', () => {
  it('knows this machine from everywhere else', () => {
    for (const host of ['127.0.0.1', '127.8.9.1', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1']) assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'intranet.council.gov.uk', '', '128.0.0.1', '::2', 'localhost.evil.example']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });
});

describe('dev sign-in', () => {
  it('refuses to start in production or off this machine', () => {
    assert.throws(() => devSignIn({ host: '127.0.0.1', nodeEnv: 'production' }), (error: Error) => error instanceof SignInSetupError && /NODE_ENV=production/.test(error.message));
    assert.throws(() => devSignIn({ host: '0.0.0.0' }), /not 0\.0\.0\.0/);
    assert.throws(() => devSignIn({ host: '192.168.1.10', nodeEnv: 'development' }), SignInSetupError);
  });

  it('offers the four demo people, each with a title', () => {
    assert.deepEqual(
      DEMO_PEOPLE.map((person) => person.title),
      ['Community Safety Partnership officer', 'Essex Police partner', 'Probation Service partner', 'Scrutiny councillor'],
    );
  });

  it('signs in the person chosen by header or cookie (the officer before any choice, nobody for signed-out), and refuses an unknown one', async () => {
    const endpoint = await serveSignIn(devSignIn({ host: 'localhost' }));
    try {
      const [officer, police] = DEMO_PEOPLE;
      assert.deepEqual((await endpoint.ask({ 'x-ap-demo-person': 'demo:police' })).body.identity, { id: police!.id, name: police!.name, email: police!.email });
      assert.deepEqual((await endpoint.ask({ cookie: 'theme=dark; ap-demo-person=demo%3Acsp-officer' })).body.identity, { id: officer!.id, name: officer!.name, email: officer!.email });
      assert.deepEqual((await endpoint.ask()).body.identity, { id: officer!.id, name: officer!.name, email: officer!.email });
      assert.deepEqual((await endpoint.ask({ cookie: 'ap-demo-person=signed-out' })).body.identity, null);
      const unknown = await endpoint.ask({ 'x-ap-demo-person': 'demo:chief-constable' });
      assert.equal(unknown.status, 401);
      assert.equal(unknown.body.name, 'UnknownDemoPersonError');
      assert.match(unknown.body.error ?? '', /demo:csp-officer/);
    } finally {
      await endpoint.close();
    }
  });
});

describe('no sign-in', () => {
  it('refuses to start off this machine', () => {
    assert.throws(() => noSignIn({ host: '0.0.0.0' }), (error: Error) => error instanceof SignInSetupError && /AP_AUTH/.test(error.message));
  });

  it('reads every request as signed out, whatever headers it carries', async () => {
    const endpoint = await serveSignIn(noSignIn({ host: '127.0.0.1' }));
    try {
      const answer = await endpoint.ask({ authorization: 'Bearer forged', 'x-ms-client-principal-name': 'admin', 'x-ap-demo-person': 'demo:csp-officer' });
      assert.deepEqual(answer, { status: 200, body: { identity: null } });
    } finally {
      await endpoint.close();
    }
  });
});
