// A real HTTP server that answers each request with who its sign-in mode says is asking, or the refusal.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SignIn } from '../../server/auth/identity.js';

export interface Answer {
  status: number;
  body: { identity?: unknown; error?: string; name?: string; reason?: string };
}

export async function serveSignIn(signIn: SignIn, host = '127.0.0.1') {
  const server = http.createServer(async (request, response) => {
    let status = 200;
    let body: Answer['body'];
    try {
      body = { identity: (await signIn.identify(request)) ?? null };
    } catch (error) {
      const refusal = error as Error & { statusCode?: number; reason?: string };
      status = refusal.statusCode ?? 500;
      body = { error: refusal.message, name: refusal.name, ...(refusal.reason ? { reason: refusal.reason } : {}) };
    }
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  return {
    url,
    async ask(headers: Record<string, string> = {}, address = url): Promise<Answer> {
      const response = await fetch(address, { headers });
      return { status: response.status, body: (await response.json()) as Answer['body'] };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
