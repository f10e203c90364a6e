// `jwt` sign-in: an OpenID Connect access token (Entra ID v2) in `Authorization: Bearer`, verified with jose.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { InvalidTokenError, SignInSetupError, SignInUnavailableError } from './errors.js';
import { headerValue, type Identity, type SignIn } from './identity.js';

export interface JwtOptions {
  /** AP_OIDC_ISSUER: the token's `iss`, exactly (Entra ID v2: `https://login.microsoftonline.com/{tenant id}/v2.0`). */
  issuer: string;
  /** AP_OIDC_AUDIENCE: the token's `aud` (Entra ID v2: the API's application (client) id). */
  audience: string;
  /** AP_OIDC_JWKS_URL: where the signing keys are; absent: `jwks_uri` from the issuer's discovery document. */
  jwksUrl?: string | undefined;
}

// Asymmetric only: an HMAC algorithm would let anyone holding the (public) key sign tokens.
const ALGORITHMS = ['RS256', 'ES256'];
const CLOCK_LEEWAY_SECONDS = 60;

export function jwtSignIn({ issuer, audience, jwksUrl }: JwtOptions): SignIn {
  if (!issuer || !audience) {
    throw new SignInSetupError('AP_AUTH=jwt needs AP_OIDC_ISSUER (the token issuer) and AP_OIDC_AUDIENCE (the API the tokens are for).');
  }
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const signingKeys = () =>
    (keys ??= (jwksUrl ? Promise.resolve(new URL(jwksUrl)) : discoverKeysUrl(issuer)).then((url) => createRemoteJWKSet(url)).catch((error: unknown) => {
      keys = undefined; // try the discovery again on the next request
      throw error;
    }));

  return {
    mode: 'jwt',
    ambient: false,
    async identify(request) {
      const authorization = headerValue(request.headers, 'authorization');
      if (authorization === undefined) return undefined;
      const token = /^Bearer +(\S+)$/i.exec(authorization)?.[1];
      if (!token) throw new InvalidTokenError('The Authorization header is not "Bearer" and a token: sign in again.', 'malformed');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, await signingKeys(), {
          issuer,
          audience,
          algorithms: ALGORITHMS,
          clockTolerance: CLOCK_LEEWAY_SECONDS,
          requiredClaims: ['exp'],
        }));
      } catch (error) {
        throw tokenError(error, issuer, audience);
      }
      return identityOf(payload);
    },
  };
}

/** The discovery document's `jwks_uri`; its `issuer` must be the configured one (OpenID Connect Discovery 4.3). */
async function discoverKeysUrl(issuer: string): Promise<URL> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new SignInUnavailableError(`The sign-in keys cannot be found: ${url} did not answer (${(error as Error).message}). Try again shortly; if it persists, check AP_OIDC_ISSUER or set AP_OIDC_JWKS_URL.`);
  }
  if (document.issuer !== issuer || typeof document.jwks_uri !== 'string') {
    throw new SignInUnavailableError(`The discovery document at ${url} names issuer ${JSON.stringify(document.issuer)}, not AP_OIDC_ISSUER ${issuer}, or has no jwks_uri: correct AP_OIDC_ISSUER.`);
  }
  return new URL(document.jwks_uri);
}

const claim = (payload: JWTPayload, name: string) => (typeof payload[name] === 'string' && payload[name] !== '' ? (payload[name] as string) : undefined);

/** Entra ID's tenant and object ids name a person across apps; `iss` and `sub` elsewhere. */
export function identityOf(payload: JWTPayload): Identity {
  const tid = claim(payload, 'tid');
  const oid = claim(payload, 'oid');
  const sub = claim(payload, 'sub');
  const id = tid && oid ? `${tid}:${oid}` : sub ? `${payload.iss}#${sub}` : undefined;
  if (!id) throw new InvalidTokenError('The token names no person (no tid and oid, and no sub claim): ask for a user token, not an app token.', 'no-user');
  const preferred = claim(payload, 'preferred_username');
  const email = claim(payload, 'email') ?? preferred;
  return { id, name: claim(payload, 'name') ?? preferred ?? id, ...(email ? { email } : {}) };
}

/** jose's verdict as a reason a person can act on; an unreachable key set is the provider's fault, not the token's. */
function tokenError(error: unknown, issuer: string, audience: string): Error {
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('The sign-in has expired: sign in again.', 'expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' || error.claim === 'iat') {
      return new InvalidTokenError('The token is not valid yet: check the clock of this computer and of the server, then sign in again.', 'not-yet-valid');
    }
    if (error.claim === 'iss') return new InvalidTokenError(`The token was not issued by ${issuer}, the sign-in this endpoint trusts: sign in with the council's account.`, 'wrong-issuer');
    if (error.claim === 'aud') return new InvalidTokenError(`The token is for another application, not ${audience}: the page must ask for a token for this endpoint's API scope.`, 'wrong-audience');
    return new InvalidTokenError(`The token's ${error.claim} claim is ${error.reason === 'missing' ? 'missing' : 'not valid'}: sign in again.`, 'malformed');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new InvalidTokenError(`The token is signed with an algorithm this endpoint does not accept (only ${ALGORITHMS.join(' and ')}).`, 'algorithm');
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new InvalidTokenError('The token is signed with a key the sign-in service does not publish: sign in again.', 'unknown-key');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new InvalidTokenError('The token\'s signature does not match its content: it was changed. Sign in again.', 'bad-signature');
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported || error instanceof errors.JWKInvalid) {
    return new InvalidTokenError('The token is not a well-formed signed JWT: sign in again.', 'malformed');
  }
  if (error instanceof SignInUnavailableError) return error;
  return new SignInUnavailableError(`The sign-in keys could not be fetched (${(error as Error).message}). Try again shortly.`);
}
