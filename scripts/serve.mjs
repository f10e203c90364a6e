// The demo: json-server 0.17.4 (as a library) with our middleware (scripts/endpoint.mjs) serving
// the sample plans under /api, and the demo pages plus the built drop-in file. Binds 127.0.0.1;
// port from PORT (default 8080).
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonServer from 'json-server';
import { createEndpoint } from './endpoint.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8080);

// The sample stays pristine: the server writes to a working copy.
mkdirSync(join(root, 'demo/.work'), { recursive: true });
const working = join(root, 'demo/.work/db.json');
copyFileSync(join(root, 'demo/data/db.json'), working);

const app = jsonServer.create();
app.use('/api', createEndpoint(working));
app.use('/dist', jsonServer.defaults({ static: join(root, 'dist'), logger: false }));
app.use(jsonServer.defaults({ static: join(root, 'demo'), logger: false }));

app.listen(port, '127.0.0.1', () => {
  console.log(`Demo intranet page: http://127.0.0.1:${port}/`);
  console.log(`JSON endpoint:      http://127.0.0.1:${port}/api`);
});
