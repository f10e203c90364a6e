// The commands of test/plugins/dropin-server.mjs, which serves the built dist/ to a test page and
// records what the page fetched: one server per test page.
import { executeServerCommand } from '@web/test-runner-commands';

export const server = (action: 'start' | 'requests' | 'hold' | 'release' | 'stop', part?: string) => executeServerCommand('dropin-server', { action, part });

/** Whether the page has fetched the chunk of `part` (action-plan-widgets-{part}-{hash}.js). */
export const requested = async (part: string) => ((await server('requests')) as { files: { path: string }[] }).files.some((file) => file.path.includes(`-${part}-`));
