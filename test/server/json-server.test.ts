// The json-server middleware (scripts/endpoint.mjs), compared against our endpoint in the bench:
// its version check and write are one synchronous step, so concurrent edits never lose one.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Server } from 'node:http';
import { createEndpoint, emptyData } from '../../scripts/endpoint.mjs';
import { action, request } from './helpers.js';

describe('json-server with our middleware', () => {
  let server: Server;
  let url: string;
  before(async () => {
    server = createEndpoint(emptyData()).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  test('20 concurrent PUTs of one record at the same version: exactly one 200 and 19 412s', async () => {
    assert.equal((await request(url, 'POST', '/actions', action('race-1', 'plan-race'))).status, 201);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => request(url, 'PUT', '/actions/race-1', action('race-1', 'plan-race', { title: `Edit ${i}` }), { 'If-Match': '"1"' })));
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, ...Array(19).fill(412)]);
    const stored = (await request(url, 'GET', '/actions/race-1')).body;
    assert.equal(stored.version, 2);
    assert.equal(stored.title, answers.find((answer) => answer.status === 200)!.body.title);
  });
});
