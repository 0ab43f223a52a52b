/**
 * What the stand-in keeps in memory: users, repositories, and per repository its issues (pull
 * requests are issues too, as on GitHub: they share the numbering), comments, labels,
 * collaborators with their permission, Git refs and commits (file trees), and pull requests.
 * Tests may read and change it directly, e.g. to seed a repository or to corrupt an issue body.
 */
import { createHash } from 'node:crypto';

/** A repository permission, weakest first. */
export type Permission = 'read' | 'triage' | 'write' | 'maintain' | 'admin';
export const permissionOrder: readonly Permission[] = ['read', 'triage', 'write', 'maintain', 'admin'];

export interface UserState {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

export interface LabelState {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface IssueState {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  /** Label names as stored in the repository's label list. */
  labels: string[];
  assignees: string[];
  /** Login of the author. */
  user: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  isPull: boolean;
  /** Pinned to the top of the issue list (GraphQL `pinIssue`). */
  pinned?: boolean;
}

export interface CommentState {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface CommitState {
  sha: string;
  parent: string | null;
  message: string;
  /** File path to content (UTF-8 text). */
  files: Map<string, string>;
  /** A commit made with the Git data API: its tree, parents and author (its `files` are the tree's, as text); without a tree, `gitSha('tree', sha)` stands for it. */
  tree?: string;
  parents?: string[];
  author?: { name: string; email: string; date: string };
}

/** One entry of a tree made with the Git Data API. */
export interface TreeEntryState {
  path: string;
  mode: string;
  type: 'blob';
  sha: string;
}

/**
 * One text as it was written to an issue or a comment, kept as GitHub keeps an edit history:
 * every version ever written, until the comment or the issue is deleted (which takes its
 * history with it). Tests read it to prove that no version of a text holds what was erased.
 */
export interface WrittenText {
  issueNumber: number;
  /** The comment it belongs to; absent for the issue's own title and body. */
  commentId?: number;
  text: string;
}

export interface PullState {
  id: number;
  number: number;
  head: string;
  base: string;
  draft: boolean;
}

export interface RepoState {
  id: number;
  owner: UserState;
  name: string;
  private: boolean;
  defaultBranch: string;
  createdAt: Date;
  issues: IssueState[];
  comments: CommentState[];
  /** Every title, body and comment body ever written here, oldest first (see {@link WrittenText}). */
  written: WrittenText[];
  labels: LabelState[];
  /** Lower-case login to permission. */
  collaborators: Map<string, Permission>;
  /** Full ref name (`refs/heads/main`) to commit SHA. */
  refs: Map<string, string>;
  commits: Map<string, CommitState>;
  /** Git Data: blobs by their Git SHA, trees by theirs. */
  blobs: Map<string, Buffer>;
  trees: Map<string, TreeEntryState[]>;
  pulls: PullState[];
}

/** A field of a project (Projects v2). */
export interface ProjectFieldState {
  id: string;
  name: string;
  dataType: 'TEXT' | 'DATE' | 'SINGLE_SELECT' | 'NUMBER';
  options: Array<{ id: string; name: string }>;
}

/** An item of a project: an issue (by its node id) with the values of its fields. */
export interface ProjectItemState {
  id: string;
  contentId: string;
  /** Field id to its value, as GraphQL gives it back (`text`, `date`, or `optionId` and `name`). */
  values: Map<string, { text?: string; date?: string; optionId?: string; name?: string }>;
}

/** A project (Projects v2) of an organisation or a user. */
export interface ProjectState {
  /** The GraphQL id. */
  id: string;
  owner: string;
  ownerType: 'organization' | 'user';
  number: number;
  fields: ProjectFieldState[];
  items: ProjectItemState[];
}

/** The whole in-memory GitHub. */
export interface StandInState {
  /** Lower-case login to user. */
  users: Map<string, UserState>;
  /** Lower-case `owner/name` to repository. */
  repos: Map<string, RepoState>;
  /** The clock of the stand-in (`created_at`, `updated_at`, `since`). */
  now: () => Date;
  /** A fresh id, unique across all kinds of object. */
  nextId: () => number;
  /** The repository `owner/name`; throws when there is none. */
  repo: (fullName: string) => RepoState;
  /** The user with this login, made when missing. */
  user: (login: string, type?: UserState['type']) => UserState;
  /** Adds a repository with an initial commit on its default branch. */
  addRepo: (fullName: string, options?: { private?: boolean; defaultBranch?: string }) => RepoState;
  /** The projects (Projects v2), for the GraphQL endpoint. */
  projects: ProjectState[];
  /**
   * Adds a project with GitHub's default Status field (Todo, In Progress, Done) and the fields
   * given (each a name and a type; a single select with its option names).
   */
  addProject: (
    owner: string,
    number: number,
    fields?: Array<{ name: string; dataType: ProjectFieldState['dataType']; options?: string[] }>,
    ownerType?: ProjectState['ownerType'],
  ) => ProjectState;
}

/**
 * Makes an empty state.
 *
 * @example
 * const state = makeState(() => new Date());
 * state.addRepo('livable/klachten');
 */
export function makeState(now: () => Date): StandInState {
  let id = 1000;
  const users = new Map<string, UserState>();
  const repos = new Map<string, RepoState>();
  const state: StandInState = {
    users,
    repos,
    now,
    projects: [],
    addProject(owner, number, fields = [], ownerType = 'organization') {
      const field = (spec: { name: string; dataType: ProjectFieldState['dataType']; options?: string[] }) => ({
        id: `PVTF_${state.nextId()}`,
        name: spec.name,
        dataType: spec.dataType,
        options: (spec.options ?? []).map((name) => ({ id: state.nextId().toString(16), name })),
      });
      const project: ProjectState = {
        id: Buffer.from(`ProjectV2:${state.nextId()}`).toString('base64'),
        owner,
        ownerType,
        number,
        fields: [
          field({ name: 'Status', dataType: 'SINGLE_SELECT', options: ['Todo', 'In Progress', 'Done'] }),
          ...fields.map(field),
        ],
        items: [],
      };
      state.projects.push(project);
      return project;
    },
    nextId: () => (id += 1),
    repo(fullName) {
      const repo = repos.get(fullName.toLowerCase());
      if (!repo) throw new Error(`No repository ${fullName} in the stand-in`);
      return repo;
    },
    user(login, type = 'User') {
      const key = login.toLowerCase();
      let user = users.get(key);
      if (!user) {
        user = { login, id: state.nextId(), type };
        users.set(key, user);
      }
      return user;
    },
    addRepo(fullName, options = {}) {
      const [ownerLogin = '', name = ''] = fullName.split('/');
      const defaultBranch = options.defaultBranch ?? 'main';
      const initial: CommitState = {
        sha: gitSha('initial', fullName),
        parent: null,
        message: 'Initial commit',
        files: new Map(),
      };
      const repo: RepoState = {
        id: state.nextId(),
        owner: state.user(ownerLogin, 'Organization'),
        name,
        private: options.private ?? true,
        defaultBranch,
        createdAt: now(),
        issues: [],
        comments: [],
        written: [],
        labels: [],
        collaborators: new Map(),
        refs: new Map([[`refs/heads/${defaultBranch}`, initial.sha]]),
        commits: new Map([[initial.sha, initial]]),
        blobs: new Map(),
        trees: new Map(),
        pulls: [],
      };
      repos.set(fullName.toLowerCase(), repo);
      return repo;
    },
  };
  return state;
}

/**
 * A SHA-1 like Git's, over any parts.
 *
 * @example
 * gitSha('blob', 'text') // 40 hex characters
 */
export function gitSha(...parts: string[]): string {
  return createHash('sha1').update(parts.join('\0')).digest('hex');
}
