import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';

// The stand-in is only worth something if it answers like GitHub and refuses what GitHub refuses.
// A bare Octokit on purpose: these tests look at the stand-in's own answers, without our client's
// retry policy (production code builds its client only in cases/stores/github/client.ts).
let standIn: GitHubStandIn | undefined;
afterEach(async () => {
  await standIn?.close().catch(() => undefined);
  standIn = undefined;
});

async function start(options: Parameters<typeof startGitHubStandIn>[0] = {}) {
  standIn = await startGitHubStandIn(options);
  return {
    standIn,
    octokit: new Octokit({
      baseUrl: standIn.url,
      auth: 'test-token',
      log: { debug() {}, info() {}, warn() {}, error() {} },
    }),
  };
}
const repo = { owner: 'livable', repo: 'klachten' };

describe('the GitHub stand-in', () => {
  it('pages like GitHub: at most 100 per page, with a Link header, and counts every call', async () => {
    const { standIn, octokit } = await start();
    for (let n = 0; n < 205; n += 1)
      await octokit.request('POST /repos/{owner}/{repo}/issues', { ...repo, title: `Issue ${n}`, labels: ['klacht'] });
    standIn.calls.reset();
    const first = await octokit.request('GET /repos/{owner}/{repo}/issues', { ...repo, per_page: 500, state: 'all' });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toMatch(/page=2>; rel="next".*page=3>; rel="last"/);
    const all = await octokit.paginate('GET /repos/{owner}/{repo}/issues', {
      ...repo,
      per_page: 100,
      labels: 'klacht',
    });
    expect(all).toHaveLength(205);
    expect(all[0]?.title).toBe('Issue 204');
    expect(standIn.calls.count('issues/list-for-repo')).toBe(4);
    await standIn.close();
  });

  it("fails the test on a request that does not match GitHub's OpenAPI description", async () => {
    const { standIn, octokit } = await start();
    // Deliberately wrong calls, past Octokit's types.
    const wrongSort = { ...repo, sort: 'random' } as never;
    const wrongLabels = { ...repo, title: 'x', labels: 'klacht' } as never;
    await expect(octokit.request('GET /repos/{owner}/{repo}/issues', wrongSort)).rejects.toMatchObject({ status: 422 });
    await expect(octokit.request('POST /repos/{owner}/{repo}/issues', wrongLabels)).rejects.toThrow();
    await expect(octokit.request('GET /repos/{owner}/{repo}/issues', { ...repo, pagina: 2 })).rejects.toThrow();
    await expect(standIn.close()).rejects.toThrow(/sort[\s\S]*labels[\s\S]*unknown query parameter pagina/);
  });

  it('fails the test on a response that does not match, e.g. after a test broke the state', async () => {
    const { standIn, octokit } = await start();
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...repo, title: 'x' });
    const issue = standIn.state.repo('livable/klachten').issues[0];
    if (issue) issue.title = 42 as unknown as string;
    await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: data.number });
    await expect(standIn.close()).rejects.toThrow(/issues\/get response: response 200 body: \/title must be string/);
  });

  it('refuses bodies over 65,536 characters, and creates missing labels on the fly', async () => {
    const { standIn, octokit } = await start();
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/issues', { ...repo, title: 'x', body: '😀'.repeat(65_537) }),
    ).rejects.toMatchObject({ status: 422 });
    await octokit.request('POST /repos/{owner}/{repo}/issues', {
      ...repo,
      title: 'x',
      body: '😀'.repeat(65_536),
      labels: ['nieuw'],
    });
    expect(standIn.state.repo('livable/klachten').labels.map((label) => label.name)).toEqual(['nieuw']);
    await standIn.close();
  });

  it('holds tokens to their permissions and repositories', async () => {
    const { standIn, octokit } = await start({
      repositories: ['livable/klachten', 'livable/anders'],
      tokens: [
        {
          token: 'test-token',
          login: 'lezer',
          permissions: { issues: 'read', metadata: 'read' },
          repositories: ['livable/klachten'],
        },
      ],
    });
    await expect(octokit.request('POST /repos/{owner}/{repo}/issues', { ...repo, title: 'x' })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/issues', { owner: 'livable', repo: 'anders' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      new Octokit({ baseUrl: standIn.url, auth: 'fout' }).request('GET /repos/{owner}/{repo}', repo),
    ).rejects.toMatchObject({ status: 401 });
    expect((await octokit.request('GET /repos/{owner}/{repo}/issues', repo)).data).toEqual([]);
    await standIn.close();
  });

  it('injects faults: a 5xx after the change, a hang the client gives up on, a rate limit with retry-after', async () => {
    const { standIn, octokit } = await start();
    standIn.faults.inject({ kind: 'server-error-after', operation: 'issues/create' });
    await expect(octokit.request('POST /repos/{owner}/{repo}/issues', { ...repo, title: 'a' })).rejects.toMatchObject({
      status: 502,
    });
    expect(standIn.state.repo('livable/klachten').issues).toHaveLength(1);

    standIn.faults.inject({ kind: 'hang', operation: 'issues/create', hangMs: 300 });
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/issues', {
        ...repo,
        title: 'b',
        request: { signal: AbortSignal.timeout(50) },
      }),
    ).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(standIn.state.repo('livable/klachten').issues).toHaveLength(1);

    standIn.faults.inject({ kind: 'secondary-rate-limit', status: 429, retryAfterSeconds: 7 });
    const limited = await octokit.request('GET /repos/{owner}/{repo}', repo).catch((error: unknown) => error);
    expect(limited).toMatchObject({ status: 429, response: { headers: { 'retry-after': '7' } } });
    expect(standIn.faults.injected.map((fault) => fault.kind)).toEqual([
      'server-error-after',
      'hang',
      'secondary-rate-limit',
    ]);
    await standIn.close();
  });

  it('keeps refs, file contents and pull requests, enough to open a report pull request', async () => {
    const { standIn, octokit } = await start();
    const main = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...repo, ref: 'heads/main' });
    await octokit.request('POST /repos/{owner}/{repo}/git/refs', {
      ...repo,
      ref: 'refs/heads/rapport-2026-1',
      sha: main.data.object.sha,
    });
    const put = await octokit.request('PUT /repos/{owner}/{repo}/contents/{path}', {
      ...repo,
      path: 'site/content/rapporten/2026-1.md',
      message: 'Rapport 2026-1',
      content: Buffer.from('# Rapport\n').toString('base64'),
      branch: 'rapport-2026-1',
    });
    expect(put.status).toBe(201);
    const file = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repo,
      path: 'site/content/rapporten/2026-1.md',
      ref: 'rapport-2026-1',
    });
    expect(Buffer.from((file.data as { content: string }).content, 'base64').toString()).toBe('# Rapport\n');
    const pull = await octokit.request('POST /repos/{owner}/{repo}/pulls', {
      ...repo,
      title: 'Rapport 2026-1',
      head: 'rapport-2026-1',
      base: 'main',
    });
    expect(pull.data.number).toBe(1);
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/pulls', {
        ...repo,
        title: 'nog eens',
        head: 'rapport-2026-1',
        base: 'main',
      }),
    ).rejects.toMatchObject({ status: 422 });
    const open = await octokit.request('GET /repos/{owner}/{repo}/pulls', { ...repo, head: 'livable:rapport-2026-1' });
    expect(open.data.map((entry) => entry.number)).toEqual([1]);
    await standIn.close();
  });
});
