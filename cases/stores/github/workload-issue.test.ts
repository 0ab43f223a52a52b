import { describe, expect, it } from 'vitest';
import { workloadMarker } from '../../workload-text.ts';
import type { IssueItem } from './github-helper.ts';
import { publishWorkload } from './workload-issue.ts';

/** The helper's calls the workload issue makes, over issues in memory; `pin` decides whether GitHub pins. */
function fakeGitHub(issues: IssueItem[], pin: () => Promise<void>) {
  const writes: string[] = [];
  const github = {
    async *issuePages() {
      yield issues;
    },
    async createIssue(issue: { title: string; body: string; labels: string[] }) {
      writes.push('create');
      issues.unshift({
        number: 9,
        node_id: 'I_9',
        title: issue.title,
        body: issue.body,
        state: 'open',
        created_at: '',
        labels: issue.labels,
        user: null,
      });
      return 9;
    },
    async patchIssue(number: number, patch: { body: string }) {
      writes.push(`patch #${number}`);
      const issue = issues.find((candidate) => candidate.number === number);
      if (issue) issue.body = patch.body;
    },
    async getIssue(number: number) {
      return issues.find((candidate) => candidate.number === number);
    },
    pinIssue: pin,
  };
  return { github, writes };
}

describe('publishing the workload issue', () => {
  const body = `${workloadMarker}\n## Werkvoorraad op maandag 2 november 2026\n`;

  it('makes and pins it the first time, patches it when the table changed, and leaves it alone when not', async () => {
    const issues: IssueItem[] = [];
    const { github, writes } = fakeGitHub(issues, async () => {});
    expect(await publishWorkload(github, body)).toEqual({ number: 9, created: true, written: true });
    expect(await publishWorkload(github, body)).toEqual({ number: 9, created: false, written: false });
    expect(await publishWorkload(github, `${body}meer\n`)).toEqual({ number: 9, created: false, written: true });
    expect(writes).toEqual(['create', 'patch #9']);
  });

  it('still writes it when GitHub refuses to pin it, and says so', async () => {
    const { github } = fakeGitHub([], () => Promise.reject(new Error('FORBIDDEN')));
    expect(await publishWorkload(github, body)).toEqual({ number: 9, created: true, written: true, unpinned: true });
  });

  it('is never an issue without its marker, such as one a coordinator made by hand', async () => {
    const other: IssueItem = {
      number: 3,
      title: 'Werkvoorraad',
      body: 'mijn eigen lijst',
      state: 'open',
      created_at: '',
      labels: ['werkvoorraad'],
      user: null,
    };
    const { github, writes } = fakeGitHub([other], async () => {});
    expect((await publishWorkload(github, body)).number).toBe(9);
    expect(other.body).toBe('mijn eigen lijst');
    expect(writes).toEqual(['create']);
  });
});
