/**
 * The package GitHub's OpenAPI description comes from, at the version `openapi-subset.json` was
 * extracted from. It is fetched on demand by `scripts/extract-openapi-subset.ts` (through `npm exec`),
 * never installed with the project: change the version here, run the script, commit both.
 */
export const openApiPackage = { name: '@octokit/openapi', version: '23.0.2' } as const;
