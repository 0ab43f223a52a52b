// Copies the operations the GitHub stand-in answers, and every component they reference, out of
// GitHub's official OpenAPI description (the @octokit/openapi package, 13 MB) into a small file
// the tests load in milliseconds. Run it again after updating @octokit/openapi or the list:
//   npm exec -- node scripts/extract-openapi-subset.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { standInOperations } from '../tests/github-standin/operations.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const require = createRequire(import.meta.url);
const source = require.resolve('@octokit/openapi/generated/api.github.com.json');
const target = new URL('../tests/github-standin/openapi-subset.json', import.meta.url);
const full = JSON.parse(readFileSync(source, 'utf8')) as JsonObject;
const version = (
  JSON.parse(readFileSync(require.resolve('@octokit/openapi/package.json'), 'utf8')) as { version: string }
).version;

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
    description: `Extracted from @octokit/openapi ${version} (generated/api.github.com.json) by scripts/extract-openapi-subset.ts. Do not edit.`,
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
