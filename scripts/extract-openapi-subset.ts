// Copies the operations the GitHub stand-in answers, and every component they reference, out of
// GitHub's official OpenAPI description (the @octokit/openapi package: 385 MB unpacked, of which
// the tests need a few hundred KB) into a small file the tests load in milliseconds. The package
// is not a dependency: it is fetched on demand, at the pinned version, by `npm exec`, so an
// ordinary `npm install` never downloads it. Run it again after changing the version or the list
// of operations (tests/github-standin/operations.ts):
//   npm exec -- node scripts/extract-openapi-subset.ts
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiPackage } from '../tests/github-standin/openapi-package.ts';
import { standInOperations } from '../tests/github-standin/operations.ts';

/**
 * The folder of @octokit/openapi among the `node_modules/.bin` folders on PATH (where `npm exec
 * --package` puts the package it fetched), if it is the pinned version.
 */
function fetchedPackage(): string | undefined {
  for (const entry of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!entry.endsWith(join('node_modules', '.bin'))) continue;
    const folder = join(dirname(entry), openApiPackage.name);
    const manifest = join(folder, 'package.json');
    if (!existsSync(manifest)) continue;
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    if (version === openApiPackage.version) return folder;
  }
  return undefined;
}

const folder = fetchedPackage();
if (folder === undefined) {
  // Not fetched yet: run this same script again inside `npm exec`, which fetches the pinned
  // version into npm's cache (once) and puts it on PATH for the child.
  const child = spawnSync(
    'npm',
    [
      'exec',
      '--yes',
      `--package=${openApiPackage.name}@${openApiPackage.version}`,
      '--',
      'node',
      fileURLToPath(import.meta.url),
    ],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 1);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const source = join(folder, 'generated', 'api.github.com.json');
const target = new URL('../tests/github-standin/openapi-subset.json', import.meta.url);
const full = JSON.parse(readFileSync(source, 'utf8')) as JsonObject;
const version = openApiPackage.version;

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const paths: JsonObject = {};
const wanted = new Set<string>(standInOperations);
for (const [path, item] of Object.entries(isObject(full['paths']) ? full['paths'] : {})) {
  if (!isObject(item)) continue;
  for (const [method, operation] of Object.entries(item)) {
    if (!isObject(operation) || typeof operation['operationId'] !== 'string') continue;
    if (!wanted.has(operation['operationId'])) continue;
    wanted.delete(operation['operationId']);
    const kept = paths[path];
    // Examples are documentation, and most of the file's weight: leave them out.
    paths[path] = { ...(isObject(kept) ? kept : {}), [method]: withoutExamples(operation) };
  }
}
if (wanted.size > 0) throw new Error(`Not in the OpenAPI description: ${[...wanted].join(', ')}`);

// Follow `$ref`s until every referenced component is copied.
const components: Record<string, JsonObject> = {};
const pending: Json[] = [paths];
const fullComponents = isObject(full['components']) ? full['components'] : {};
while (pending.length > 0) {
  const node = pending.pop();
  if (Array.isArray(node)) pending.push(...node);
  else if (isObject(node)) {
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      const [, , kind, name] = ref.split('/');
      if (kind && name && !components[kind]?.[name]) {
        const section = fullComponents[kind];
        const value = isObject(section) ? section[name] : undefined;
        if (value === undefined) throw new Error(`Dangling reference ${ref}`);
        const copied = withoutExamples(value);
        (components[kind] ??= {})[name] = copied;
        pending.push(copied);
      }
    }
    pending.push(...Object.values(node));
  }
}

function withoutExamples(node: Json): Json {
  if (Array.isArray(node)) return node.map(withoutExamples);
  if (!isObject(node)) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'examples' && key !== 'example' && key !== 'x-github')
      .map(([key, value]) => [key, withoutExamples(value)]),
  );
}

const sortKeys = (object: JsonObject): JsonObject =>
  Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
const subset = {
  openapi: full['openapi'] ?? null,
  info: {
    title: 'GitHub REST API: the subset the Klachtenloket stand-in answers',
    description: `Extracted from ${openApiPackage.name} ${version} (generated/api.github.com.json) by scripts/extract-openapi-subset.ts. Do not edit.`,
    version: isObject(full['info']) ? (full['info']['version'] ?? null) : null,
  },
  paths: sortKeys(paths),
  components: sortKeys(
    Object.fromEntries(Object.entries(components).map(([kind, entries]) => [kind, sortKeys(entries)])),
  ),
};
writeFileSync(target, `${JSON.stringify(subset, null, 1)}\n`);
process.stdout.write(
  `Wrote ${Object.keys(paths).length} paths, ${Object.values(components).reduce((n, c) => n + Object.keys(c).length, 0)} components to ${target.pathname}\n`,
);
