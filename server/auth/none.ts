// `none`: no sign-in, everyone may do everything (the behaviour before sign-in existed), on this machine only.
import { SignInSetupError } from './errors.js';
import type { SignIn } from './identity.js';
import { isLoopbackHost } from './loopback.js';

export function noSignIn({ host }: { host: string }): SignIn {
  if (!isLoopbackHost(host)) {
    throw new SignInSetupError(`Without sign-in anyone could change the plans, so with HOST=${host} (not a loopback address) the server needs AP_AUTH set to jwt or proxy.`);
  }
  return { mode: 'none', ambient: false, identify: async () => undefined };
}
