// Refusals of sign-in, each a named error with a message the person or the council's IT can act on.

/** A request whose sign-in cannot be believed: 401, never read as signed out. */
export class SignInRefusedError extends Error {
  override name = 'SignInRefusedError';
  readonly statusCode = 401;
}

/** A bearer token that is present but fails verification (expired, wrong issuer or audience, bad signature). */
export class InvalidTokenError extends SignInRefusedError {
  override name = 'InvalidTokenError';

  constructor(
    message: string,
    readonly reason: 'malformed' | 'expired' | 'not-yet-valid' | 'wrong-issuer' | 'wrong-audience' | 'algorithm' | 'unknown-key' | 'bad-signature' | 'no-user',
  ) {
    super(message);
  }
}

/** Identity headers from a client that is not the council's trusted front end (forged, or the front end is bypassed). */
export class UntrustedProxyError extends SignInRefusedError {
  override name = 'UntrustedProxyError';
}

/** A demo "Viewing as" choice naming nobody the demo knows. */
export class UnknownDemoPersonError extends SignInRefusedError {
  override name = 'UnknownDemoPersonError';
}

/** The identity provider's keys cannot be fetched just now: 503, so the client retries rather than asking for sign-in. */
export class SignInUnavailableError extends Error {
  override name = 'SignInUnavailableError';
  readonly statusCode = 503;
}

/** A sign-in set-up the server refuses to start with (unsafe on this host, or incomplete). */
export class SignInSetupError extends Error {
  override name = 'SignInSetupError';
}
