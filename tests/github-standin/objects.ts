/**
 * The JSON objects the stand-in answers with, shaped as GitHub's REST API shapes them (every field
 * the OpenAPI description requires, URLs pointing back at the stand-in). Built from the state.
 */
import type { CommentState, IssueState, LabelState, PullState, RepoState, UserState } from './state.ts';

/** The base of every URL in answers: the stand-in's own address, with the API path prefix. */
export interface Urls {
  api: string;
  /** Where "web" links point; never reached. */
  web: string;
}

/**
 * GitHub's timestamp form: seconds, UTC, `Z`.
 *
 * @example
 * timestamp(new Date('2026-11-24T10:15:00.123Z')) // '2026-11-24T10:15:00Z'
 */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const nodeId = (kind: string, id: number) => Buffer.from(`${kind}:${id}`).toString('base64');

/**
 * A user as `simple-user`.
 *
 * @example
 * userObject(urls, { login: 'klachten-bot', id: 1, type: 'Bot' })
 */
export function userObject(urls: Urls, user: UserState) {
  const base = `${urls.api}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId('User', user.id),
    avatar_url: `${urls.web}/avatars/${user.id}`,
    gravatar_id: '',
    url: base,
    html_url: `${urls.web}/${user.login}`,
    followers_url: `${base}/followers`,
    following_url: `${base}/following{/other_user}`,
    gists_url: `${base}/gists{/gist_id}`,
    starred_url: `${base}/starred{/owner}{/repo}`,
    subscriptions_url: `${base}/subscriptions`,
    organizations_url: `${base}/orgs`,
    repos_url: `${base}/repos`,
    events_url: `${base}/events{/privacy}`,
    received_events_url: `${base}/received_events`,
    type: user.type,
    site_admin: false,
    user_view_type: 'public',
  };
}

/**
 * A repository as `full-repository` (which also satisfies `repository`).
 *
 * @example
 * repoObject(urls, repo, 'admin')
 */
export function repoObject(urls: Urls, repo: RepoState, permission: string) {
  const fullName = `${repo.owner.login}/${repo.name}`;
  const base = `${urls.api}/repos/${fullName}`;
  const at = timestamp(repo.createdAt);
  const openIssues = repo.issues.filter((issue) => issue.state === 'open').length;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: fullName,
    owner: userObject(urls, repo.owner),
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    html_url: `${urls.web}/${fullName}`,
    description: null,
    fork: false,
    url: base,
    archive_url: `${base}/{archive_format}{/ref}`,
    assignees_url: `${base}/assignees{/user}`,
    blobs_url: `${base}/git/blobs{/sha}`,
    branches_url: `${base}/branches{/branch}`,
    collaborators_url: `${base}/collaborators{/collaborator}`,
    comments_url: `${base}/comments{/number}`,
    commits_url: `${base}/commits{/sha}`,
    compare_url: `${base}/compare/{base}...{head}`,
    contents_url: `${base}/contents/{+path}`,
    contributors_url: `${base}/contributors`,
    deployments_url: `${base}/deployments`,
    downloads_url: `${base}/downloads`,
    events_url: `${base}/events`,
    forks_url: `${base}/forks`,
    git_commits_url: `${base}/git/commits{/sha}`,
    git_refs_url: `${base}/git/refs{/sha}`,
    git_tags_url: `${base}/git/tags{/sha}`,
    git_url: `git://stand-in/${fullName}.git`,
    issue_comment_url: `${base}/issues/comments{/number}`,
    issue_events_url: `${base}/issues/events{/number}`,
    issues_url: `${base}/issues{/number}`,
    keys_url: `${base}/keys{/key_id}`,
    labels_url: `${base}/labels{/name}`,
    languages_url: `${base}/languages`,
    merges_url: `${base}/merges`,
    milestones_url: `${base}/milestones{/number}`,
    notifications_url: `${base}/notifications{?since,all,participating}`,
    pulls_url: `${base}/pulls{/number}`,
    releases_url: `${base}/releases{/id}`,
    ssh_url: `git@stand-in:${fullName}.git`,
    stargazers_url: `${base}/stargazers`,
    statuses_url: `${base}/statuses/{sha}`,
    subscribers_url: `${base}/subscribers`,
    subscription_url: `${base}/subscription`,
    tags_url: `${base}/tags`,
    teams_url: `${base}/teams`,
    trees_url: `${base}/git/trees{/sha}`,
    clone_url: `${urls.web}/${fullName}.git`,
    mirror_url: null,
    hooks_url: `${base}/hooks`,
    svn_url: `${urls.web}/${fullName}`,
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues: openIssues,
    open_issues_count: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: false,
    has_discussions: false,
    archived: false,
    disabled: false,
    pushed_at: at,
    created_at: at,
    updated_at: at,
    permissions: {
      admin: permission === 'admin',
      maintain: ['admin', 'maintain'].includes(permission),
      push: ['admin', 'maintain', 'write'].includes(permission),
      triage: ['admin', 'maintain', 'write', 'triage'].includes(permission),
      pull: true,
    },
    license: null,
    network_count: 0,
    subscribers_count: 0,
  };
}

/**
 * A label as `label`.
 *
 * @example
 * labelObject(urls, repo, { id: 3, name: 'klacht', color: '5319e7', description: null })
 */
export function labelObject(urls: Urls, repo: RepoState, label: LabelState) {
  return {
    id: label.id,
    node_id: nodeId('Label', label.id),
    url: `${urls.api}/repos/${repo.owner.login}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: false,
  };
}

/**
 * An issue (or a pull request seen as an issue) as `issue`.
 *
 * @example
 * issueObject(urls, repo, issue, users)
 */
export function issueObject(urls: Urls, repo: RepoState, issue: IssueState, users: Map<string, UserState>) {
  const base = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  const url = `${base}/issues/${issue.number}`;
  const user = (login: string) => userObject(urls, users.get(login.toLowerCase()) ?? { login, id: 0, type: 'User' });
  const labels = issue.labels
    .map((name) => repo.labels.find((label) => label.name.toLowerCase() === name.toLowerCase()))
    .filter((label): label is LabelState => label !== undefined)
    .map((label) => labelObject(urls, repo, label));
  const assignees = issue.assignees.map(user);
  const html = `${urls.web}/${repo.owner.login}/${repo.name}/${issue.isPull ? 'pull' : 'issues'}/${issue.number}`;
  return {
    id: issue.id,
    node_id: nodeId('Issue', issue.id),
    url,
    repository_url: base,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: html,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: user(issue.user),
    labels,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: repo.comments.filter((comment) => comment.issueNumber === issue.number).length,
    ...(issue.isPull
      ? {
          pull_request: {
            url: `${base}/pulls/${issue.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: null,
          },
        }
      : {}),
    closed_at: issue.closedAt ? timestamp(issue.closedAt) : null,
    created_at: timestamp(issue.createdAt),
    updated_at: timestamp(issue.updatedAt),
    author_association: authorAssociation(repo, issue.user),
  };
}

/**
 * A comment as `issue-comment`.
 *
 * @example
 * commentObject(urls, repo, comment, users)
 */
export function commentObject(urls: Urls, repo: RepoState, comment: CommentState, users: Map<string, UserState>) {
  const base = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  return {
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    url: `${base}/issues/comments/${comment.id}`,
    html_url: `${urls.web}/${repo.owner.login}/${repo.name}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userObject(urls, users.get(comment.user.toLowerCase()) ?? { login: comment.user, id: 0, type: 'User' }),
    created_at: timestamp(comment.createdAt),
    updated_at: timestamp(comment.updatedAt),
    issue_url: `${base}/issues/${comment.issueNumber}`,
    author_association: authorAssociation(repo, comment.user),
  };
}

function authorAssociation(repo: RepoState, login: string): string {
  if (login.toLowerCase() === repo.owner.login.toLowerCase()) return 'OWNER';
  return repo.collaborators.has(login.toLowerCase()) ? 'COLLABORATOR' : 'NONE';
}

/**
 * A pull request as `pull-request` (a superset of `pull-request-simple`).
 *
 * @example
 * pullObject(urls, repo, pull, users)
 */
export function pullObject(urls: Urls, repo: RepoState, pull: PullState, users: Map<string, UserState>) {
  const issue = repo.issues.find((candidate) => candidate.number === pull.number);
  const base = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  const html = `${urls.web}/${repo.owner.login}/${repo.name}/pull/${pull.number}`;
  const user = userObject(
    urls,
    users.get((issue?.user ?? '').toLowerCase()) ?? { login: 'ghost', id: 0, type: 'User' },
  );
  const repository = repoObject(urls, repo, 'read');
  const branch = (name: string) => ({
    label: `${repo.owner.login}:${name}`,
    ref: name,
    sha: repo.refs.get(`refs/heads/${name}`) ?? '0'.repeat(40),
    user: userObject(urls, repo.owner),
    repo: repository,
  });
  const link = (href: string) => ({ href });
  return {
    url: `${base}/pulls/${pull.number}`,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${base}/issues/${pull.number}`,
    commits_url: `${base}/pulls/${pull.number}/commits`,
    review_comments_url: `${base}/pulls/${pull.number}/comments`,
    review_comment_url: `${base}/pulls/comments{/number}`,
    comments_url: `${base}/issues/${pull.number}/comments`,
    statuses_url: `${base}/statuses/${repo.refs.get(`refs/heads/${pull.head}`) ?? ''}`,
    number: pull.number,
    state: issue?.state ?? 'open',
    locked: false,
    title: issue?.title ?? '',
    user,
    body: issue?.body ?? null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: timestamp(issue?.createdAt ?? new Date(0)),
    updated_at: timestamp(issue?.updatedAt ?? new Date(0)),
    closed_at: issue?.closedAt ? timestamp(issue.closedAt) : null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branch(pull.head),
    base: branch(pull.base),
    _links: {
      self: link(`${base}/pulls/${pull.number}`),
      html: link(html),
      issue: link(`${base}/issues/${pull.number}`),
      comments: link(`${base}/issues/${pull.number}/comments`),
      review_comments: link(`${base}/pulls/${pull.number}/comments`),
      review_comment: link(`${base}/pulls/comments{/number}`),
      commits: link(`${base}/pulls/${pull.number}/commits`),
      statuses: link(`${base}/statuses/${repo.refs.get(`refs/heads/${pull.head}`) ?? ''}`),
    },
    author_association: 'OWNER',
    auto_merge: null,
    draft: pull.draft,
    merged: false,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 1,
  };
}

/**
 * A file as `content-file`.
 *
 * @example
 * fileObject(urls, repo, 'reports/2026-1.md', 'text', 'abc…', 'main')
 */
export function fileObject(urls: Urls, repo: RepoState, path: string, content: string, sha: string, ref: string) {
  const base = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  const self = `${base}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const html = `${urls.web}/${repo.owner.login}/${repo.name}/blob/${ref}/${path}`;
  const git = `${base}/git/blobs/${sha}`;
  const size = Buffer.byteLength(content);
  // Over 1 MB GitHub leaves the content out of this answer (the Git data API has it).
  const large = size > 1024 * 1024;
  return {
    type: 'file',
    encoding: large ? 'none' : 'base64',
    size,
    name: path.split('/').pop() ?? path,
    path,
    content: large ? '' : Buffer.from(content).toString('base64'),
    sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: null,
    _links: { self, git, html },
  };
}
