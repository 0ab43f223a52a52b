/**
 * The GitHub REST operations the stand-in answers, by their `operationId` in GitHub's OpenAPI
 * description. `scripts/extract-openapi-subset.ts` copies exactly these (and the components they
 * use) into `openapi-subset.json`. To teach the stand-in a new operation: add its id here, run
 * `npm exec -- node scripts/extract-openapi-subset.ts`, add a handler in `handlers/` and the
 * permission it needs in `auth.ts`.
 */
export const standInOperations = [
  'repos/get',
  'issues/list-for-repo',
  'issues/create',
  'issues/get',
  'issues/update',
  'issues/list-comments',
  'issues/create-comment',
  'issues/get-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'issues/list-labels-for-repo',
  'issues/create-label',
  'issues/get-label',
  'issues/update-label',
  'issues/add-labels',
  'issues/remove-label',
  'issues/add-assignees',
  'issues/remove-assignees',
  'repos/list-collaborators',
  'repos/check-collaborator',
  'repos/get-collaborator-permission-level',
  'apps/create-installation-access-token',
  'git/get-ref',
  'git/create-ref',
  'git/update-ref',
  'git/get-commit',
  'git/create-commit',
  'git/create-tree',
  'git/get-blob',
  'git/create-blob',
  'repos/get-content',
  'repos/create-or-update-file-contents',
  'pulls/list',
  'pulls/create',
  'pulls/get',
] as const;

/** One operation the stand-in answers. */
export type StandInOperation = (typeof standInOperations)[number];
