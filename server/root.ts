// The package's folder, from the sources (server/) or the build (build/server/) alike.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('The endpoint is not inside the action-plan-widgets package.');
    dir = parent;
  }
  return dir;
}
