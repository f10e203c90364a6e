// Serves test/fixtures/ byte for byte: the dev server would read a Windows-1252 CSV as UTF-8 text.
import { readFile } from 'node:fs/promises';

const ROOT = new URL('../fixtures/', import.meta.url);

export async function rawFixtures(context, next) {
  const match = /^\/test\/fixtures\/([\w/.-]+)$/.exec(context.path);
  if (!match || match[1].includes('..')) return next();
  context.type = 'application/octet-stream';
  context.body = await readFile(new URL(match[1], ROOT));
}
