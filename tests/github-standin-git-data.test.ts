import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';

// Large files as GitHub serves them: the contents API leaves out what is over 1 MB, the Git data
// API (blobs, trees, commits) reads and writes up to 100 MB. A bare Octokit, as in
// github-standin.test.ts: these tests look at the stand-in's own answers.
let standIn: GitHubStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});
const repo = { owner: 'livable', repo: 'klachten' };

async function start() {
  standIn = await startGitHubStandIn();
  const octokit = new Octokit({
    baseUrl: standIn.url,
    auth: 'test-token',
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  return { standIn, octokit };
}

describe('the stand-in with large files', () => {
  it('leaves the content of a file over 1 MB out of the contents API, and gives it whole as a blob', async () => {
    const { standIn, octokit } = await start();
    const big = `${'regel met een é\n'.repeat(80_000)}`;
    const head = standIn.state.repo('livable/klachten');
    const main = head.refs.get('refs/heads/main') ?? '';
    head.commits.get(main)?.files.set('register/2026-01.jsonl', big);
    const file = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repo,
      path: 'register/2026-01.jsonl',
    });
    expect(file.data).toMatchObject({ encoding: 'none', content: '', size: Buffer.byteLength(big) });
    const sha = (file.data as { sha: string }).sha;
    const blob = await octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { ...repo, file_sha: sha });
    expect(Buffer.from(blob.data.content, 'base64').toString('utf8')).toBe(big);
  });

  it('commits several files at once through blobs, a tree and a commit, and moves the branch only forward', async () => {
    const { standIn, octokit } = await start();
    const ref = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...repo, ref: 'heads/main' });
    const parent = await octokit.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
      ...repo,
      commit_sha: ref.data.object.sha,
    });
    const blobs = await Promise.all(
      ['een\n', 'twee\n'].map((content) =>
        octokit.request('POST /repos/{owner}/{repo}/git/blobs', { ...repo, content, encoding: 'utf-8' }),
      ),
    );
    const tree = await octokit.request('POST /repos/{owner}/{repo}/git/trees', {
      ...repo,
      base_tree: parent.data.tree.sha,
      tree: blobs.map((blob, index) => ({
        path: `register/2026-0${index + 1}.jsonl`,
        mode: '100644' as const,
        type: 'blob' as const,
        sha: blob.data.sha,
      })),
    });
    const commit = await octokit.request('POST /repos/{owner}/{repo}/git/commits', {
      ...repo,
      message: 'register bijgewerkt',
      tree: tree.data.sha,
      parents: [ref.data.object.sha],
    });
    await octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      ...repo,
      ref: 'heads/main',
      sha: commit.data.sha,
    });
    const files = standIn.state.repo('livable/klachten').commits.get(commit.data.sha)?.files;
    expect(Object.fromEntries(files ?? [])).toEqual({
      'register/2026-01.jsonl': 'een\n',
      'register/2026-02.jsonl': 'twee\n',
    });

    // A second commit made on the old parent would throw the first away: refused without force.
    const stale = await octokit.request('POST /repos/{owner}/{repo}/git/commits', {
      ...repo,
      message: 'te laat',
      tree: parent.data.tree.sha,
      parents: [ref.data.object.sha],
    });
    await expect(
      octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
        ...repo,
        ref: 'heads/main',
        sha: stale.data.sha,
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(standIn.state.repo('livable/klachten').refs.get('refs/heads/main')).toBe(commit.data.sha);
  });

  it('refuses a tree entry whose blob does not exist', async () => {
    const { octokit } = await start();
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/git/trees', {
        ...repo,
        tree: [{ path: 'a.txt', mode: '100644', type: 'blob', sha: 'f'.repeat(40) }],
      }),
    ).rejects.toMatchObject({ status: 422 });
  });
});
