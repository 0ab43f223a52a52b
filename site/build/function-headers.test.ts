import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secureNetlifyFunction } from './function-headers.ts';

const helper = 'site/server/missing-headers.mjs';
// The shape @astrojs/netlify writes: a handler that answers unknown addresses itself, and a config.
const adapterEntry = `
function createHandler({ notFoundContent }) {
  return async (request) => new Response(notFoundContent, { status: 404, headers: { 'Content-Type': 'text/html' } });
}
export default createHandler({"notFoundContent":"<h1>Niet gevonden</h1>"});
export const config = { path: '/*', preferStatic: true };
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klachten-function-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the Netlify function behind the security headers', () => {
  it('answers with every header it lacks and keeps its config, also when wrapped twice', async () => {
    await writeFile(join(dir, 'ssr.mjs'), adapterEntry);
    await secureNetlifyFunction(dir, helper, { 'X-Frame-Options': 'DENY', 'Content-Type': 'text/plain' });
    await secureNetlifyFunction(dir, helper, { 'X-Frame-Options': 'DENY' });
    const source = await readFile(join(dir, 'ssr.mjs'), 'utf8');
    expect(source).toContain("export const config = { path: '/*', preferStatic: true };");
    const loaded = (await import(pathToFileURL(join(dir, 'ssr.mjs')).href)) as {
      default: (request: Request) => Promise<Response>;
    };
    const response = await loaded.default(new Request('https://klachten.example/bestaat-niet/'));
    expect(response.status).toBe(404);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<h1>Niet gevonden</h1>');
  });

  it('fails the build when the adapter wrote an entry of another shape', async () => {
    await writeFile(join(dir, 'ssr.mjs'), 'export default async () => new Response("x");\n');
    await expect(secureNetlifyFunction(dir, helper, {})).rejects.toThrow(/andere vorm/);
  });
});
