// Who is asking: every sign-in mode answers with the same Identity, or none for a signed-out request.
import type { IncomingHttpHeaders } from 'node:http';

export interface Identity {
  /** The user key: `{tid}:{oid}` (Entra ID), `{iss}#{sub}`, a front end's user name, or a demo person's id. */
  id: string;
  /** For people to read: `updatedBy`, update authors, history. */
  name: string;
  /** Memberships may name a person by email; compared lower-cased. */
  email?: string;
}

/** What a sign-in mode reads of a request: Fastify's request and Node's IncomingMessage both have it. */
export interface SignInRequest {
  headers: IncomingHttpHeaders;
  /** The connection's own address, never X-Forwarded-For (a client can write that). */
  socket: { remoteAddress?: string | undefined };
}

export interface SignIn {
  mode: 'jwt' | 'proxy' | 'dev' | 'none';
  /** Undefined: signed out. Throws SignInRefusedError (401) or SignInUnavailableError (503). */
  identify(request: SignInRequest): Promise<Identity | undefined>;
  /**
   * The browser sends the sign-in by itself (a cookie, or a front end's session), so another
   * site's page could make a write with it: writes then need an Origin check.
   */
  ambient: boolean;
}

/** The first value of a header, trimmed; undefined when absent or empty. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  const first = (Array.isArray(value) ? value[0] : value)?.trim();
  return first || undefined;
}
