import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiPackage } from './github-standin/openapi-package.ts';
import { loadOpenApi } from './github-standin/openapi.ts';
import { standInOperations } from './github-standin/operations.ts';

// The stand-in checks every call against the committed subset of GitHub's description; the full
// description (@octokit/openapi, 385 MB) is fetched only to regenerate it, never installed.
describe('the committed OpenAPI subset', () => {
  const subset = JSON.parse(readFileSync(new URL('./github-standin/openapi-subset.json', import.meta.url), 'utf8')) as {
    info: { description: string };
  };

  it('describes every operation the stand-in answers, so none goes unchecked', () => {
    const described = new Set(loadOpenApi().operations.map((operation) => operation.id));
    expect(standInOperations.filter((id) => !described.has(id))).toEqual([]);
    expect(described.size).toBe(standInOperations.length);
  });

  it('was extracted from the pinned version the regeneration script fetches', () => {
    expect(subset.info.description).toContain(`${openApiPackage.name} ${openApiPackage.version} `);
  });

  it('is all the project takes of @octokit/openapi: the package is not installed with it', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<
      string,
      Record<string, string> | undefined
    >;
    expect(manifest['dependencies']?.[openApiPackage.name]).toBeUndefined();
    expect(manifest['devDependencies']?.[openApiPackage.name]).toBeUndefined();
    const script = readFileSync(new URL('../scripts/extract-openapi-subset.ts', import.meta.url), 'utf8');
    expect(script).toContain("'exec'");
    expect(script).toContain('openApiPackage.version');
  });
});
