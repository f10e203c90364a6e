// Who is asking: the one place a request's identity is read, by the mode AP_AUTH names.
import type { Config } from '../config.js';
import { devSignIn } from './dev.js';
import type { SignIn } from './identity.js';
import { jwtSignIn } from './jwt.js';
import { noSignIn } from './none.js';
import { proxySignIn } from './proxy.js';

export type { Identity, SignIn } from './identity.js';

/** The sign-in of `config`; throws SignInSetupError when it is unsafe on this host or incomplete. */
export function signInFor(config: Config): SignIn {
  switch (config.auth) {
    case 'jwt':
      return jwtSignIn(config.oidc);
    case 'proxy':
      return proxySignIn(config.proxy);
    case 'dev':
      return devSignIn({ host: config.host, nodeEnv: config.nodeEnv });
    case 'none':
      return noSignIn({ host: config.host });
  }
}
