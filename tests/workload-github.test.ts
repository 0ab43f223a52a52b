// The workload (werkvoorraad) on the GitHub stand-in: thirty open cases of mixed terms in one
// pinned issue, in the order of the next term to run out, with the working days left that the
// `klachten terms` and `klachten calendar` commands give; no complainant's name or text; one
// write after a move, none when nothing changed; the same table from `klachten werkvoorraad` on
// the Git folder; and, with KLACHTEN_PROJECT, the same fields on the items of a GitHub Project.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCalendar } from '../cases/calendar.ts';
import type { Case, Status } from '../cases/case.ts';
import { makeGitFolderStore } from '../cases/stores/git-folder.ts';
import { computeTerms } from '../cases/terms.ts';
import { run as calendarCommand } from '../scripts/commands/calendar.ts';
import { run as casesCommand } from '../scripts/commands/cases.ts';
import { run as termsCommand } from '../scripts/commands/terms.ts';
import { run as workloadCommand } from '../scripts/commands/werkvoorraad.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-standin/index.ts';
import { aCase } from './support/case-fixture.ts';
import { aConfig } from './support/config-fixture.ts';
import { runCommand } from './support/run-command.ts';
import { seedIssues } from './support/seed-issues.ts';
import { standInGitHubEnv } from './support/standin-octokit.ts';

const config = aConfig();
const calendar = makeCalendar(config.terms);
const fullName = 'livable/klachten';
/** Thursday 5 November 2026, 07:17 in Amsterdam: the daily run. */
const now = new Date('2026-11-05T06:17:00Z');
const today = '2026-11-05';

/** Thirty open cases received over two months, in every open status, and three closed ones. */
function scenario(): Case[] {
  const open: Status[] = ['ontvangen', 'bevestigd', 'verdaagd', 'beantwoord', 'heropend'];
  return Array.from({ length: 33 }, (_, n) => {
    const day = String(1 + ((n * 7) % 28)).padStart(2, '0');
    const month = n % 2 === 0 ? '09' : '10';
    const receivedAt = `2026-${month}-${day}T10:00:00+02:00`;
    const status: Status = n >= 30 ? 'afgesloten' : (open[n % open.length] ?? 'ontvangen');
    const confirmed = status !== 'ontvangen';
    const events: Case['events'] = [
      { at: receivedAt, status: 'ontvangen', by: 'website' },
      ...(confirmed ? [{ at: receivedAt, status: 'bevestigd' as const, handler: n % 3 === 0 ? 'els' : 'jan' }] : []),
      ...(status === 'heropend'
        ? [
            { at: '2026-10-20T10:00:00+02:00', status: 'beantwoord' as const },
            { at: '2026-10-27T10:00:00+01:00', status: 'heropend' as const, reason: 'x', answerBy: '2026-11-24' },
          ]
        : []),
    ];
    return aCase({
      name: `Klager Nummer${n}`,
      email: `klager${n}@example.nl`,
      complaint: `Geheime klachttekst ${n}: de cv-ketel lekt.`,
      receivedAt,
      terms: computeTerms(receivedAt, calendar, config.terms),
      status,
      ...(confirmed ? { handler: n % 3 === 0 ? 'els' : 'jan' } : {}),
      extended: status === 'verdaagd',
      ...(status === 'afgesloten' ? { outcome: 'gegrond' as const } : {}),
      events,
    });
  });
}

let standIn: GitHubStandIn;
let root: string;
let cases: Case[];
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'klachten-workload-'));
  standIn = await startGitHubStandIn({ now: () => now });
  cases = scenario();
  seed(cases);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await standIn.close();
});

/** Puts the cases straight into the stand-in as the store would have written them. */
function seed(records: readonly Case[]): void {
  seedIssues(standIn, records, { categories: config.categories, people: config.people });
}

const env = (extra: Record<string, string> = {}) => ({ ...standInGitHubEnv(standIn, { dataDir: root }), ...extra });
const cli = (command: typeof workloadCommand, argv: string[], extra: Record<string, string> = {}) =>
  runCommand(command, { argv, env: env(extra), cwd: process.cwd(), now, config });

const workloadIssue = () =>
  standIn.state.repo(fullName).issues.filter((issue) => issue.labels.includes('werkvoorraad'));
const tableRows = (body: string) => body.split('\n').filter((line) => /^\| \[?K-\d{4}-/.test(line));
const plain = (row: string) => row.replace(/\[(K-[^\]]+)\]\([^)]+\)/, '$1');

/** Working days after `from` up to and including `to`, counted from `klachten calendar`'s closing days. */
async function workingDaysFrom(from: string, to: string): Promise<number> {
  const closing = new Set<string>();
  for (const year of new Set([from.slice(0, 4), to.slice(0, 4)])) {
    const { stdout } = await runCommand(calendarCommand, { argv: ['--year', year, '--json'], config });
    for (const day of (JSON.parse(stdout) as { closingDays: Array<{ date: string }> }).closingDays)
      closing.add(day.date);
  }
  const step = from <= to ? 1 : -1;
  let count = 0;
  for (let day = new Date(`${from}T12:00:00Z`); ;) {
    if (day.toISOString().slice(0, 10) === to) break;
    day = new Date(day.getTime() + step * 86_400_000);
    const iso = day.toISOString().slice(0, 10);
    const weekday = day.getUTCDay();
    const working = weekday !== 0 && weekday !== 6 && !closing.has(iso);
    if (step > 0 && working) count += 1;
    if (step < 0 && working && iso !== to) count -= 1;
  }
  return step > 0 ? count : Math.min(-1, count - 1);
}

describe('the Werkvoorraad issue', { timeout: 60_000 }, () => {
  it('lists the thirty open cases pinned, in term order, with the working days left that klachten terms gives', async () => {
    const published = await cli(workloadCommand, ['--publish']);
    expect(published).toMatchObject({ code: 0, stderr: '' });
    expect(published.stdout).toMatch(/^Werkvoorraad gemaakt en vastgezet: issue #\d+\.\n$/);
    const [issue, ...others] = workloadIssue();
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ title: 'Werkvoorraad', state: 'open', pinned: true });
    const body = issue?.body ?? '';
    const rows = tableRows(body);
    expect(rows).toHaveLength(30);

    const open = cases.filter((record) => record.status !== 'afgesloten');
    let previous = '';
    for (const row of rows) {
      const [link, category, status, handler, term, , left] = row.split(' | ').map((cell) => cell.trim());
      const reference = /K-\d{4}-[0-9A-Z]+/.exec(link ?? '')?.[0] ?? '';
      const record = open.find((candidate) => candidate.reference === reference);
      expect(record, reference).toBeDefined();
      if (record === undefined) continue;
      // Linked to its own issue; the staff's words only.
      const number = standIn.state
        .repo(fullName)
        .issues.find((candidate) => candidate.title.includes(reference))?.number;
      expect(link).toMatch(new RegExp(`^\\| \\[${reference}\\]\\(http[^)]*/livable/klachten/issues/${number}\\)$`));
      expect(category).toBe('Onderhoud');
      expect(status).toBe(record.status);
      const { stdout } = await runCommand(termsCommand, { argv: ['--received', record.receivedAt, '--json'], config });
      const terms = JSON.parse(stdout) as { confirmBy: string; answerBy: string; extendedAnswerBy: string };
      const date =
        record.status === 'ontvangen'
          ? terms.confirmBy
          : record.status === 'heropend'
            ? '2026-11-24'
            : record.status === 'verdaagd'
              ? terms.extendedAnswerBy
              : record.status === 'beantwoord'
                ? undefined
                : terms.answerBy;
      expect(term).toBe(
        date === undefined ? '(afsluiten)' : record.status === 'ontvangen' ? 'bevestigen' : 'antwoorden',
      );
      expect(handler).toBe(
        record.handler === undefined ? '(nog geen)' : record.handler === 'els' ? 'Els Bakker' : 'Jan de Vries',
      );
      if (date === undefined) {
        expect(left).toBe('— |');
        previous = '9999';
        continue;
      }
      const days = await workingDaysFrom(today, date);
      const shown =
        days < 0
          ? `**verlopen (${days})** |`
          : days === 0
            ? '**vandaag laatste dag** |'
            : days <= 2
              ? `**${days} (bijna)** |`
              : `${days} |`;
      expect(left, reference).toBe(shown);
      expect(date >= previous, `${reference} after ${previous}`).toBe(true);
      previous = date;
    }
    expect(body).toMatch(/\| ontvangen \| 6 \|/);
    for (const record of cases) {
      for (const secret of [record.name, record.email, record.complaint, 'Lindenlaan'])
        expect(body).not.toContain(secret);
    }
  });

  it('changes with one write after a move, and not at all when nothing changed', async () => {
    await cli(workloadCommand, ['--publish']);
    const [issue] = workloadIssue();
    const before = issue?.body ?? '';
    const waiting = cases.find((record) => record.status === 'ontvangen');
    standIn.calls.reset();
    const moved = await cli(casesCommand, ['confirm', waiting?.reference ?? '', '--handler', 'jan']);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain(`Werkvoorraad bijgewerkt: issue #${issue?.number}.`);
    const writes = standIn.calls.all.filter(
      (call) => call.method !== 'GET' && call.path.includes(`/issues/${issue?.number}`),
    );
    expect(writes.map((call) => call.operation)).toEqual(['issues/update']);
    expect(standIn.calls.count('issues/create')).toBe(0);
    const after = workloadIssue()[0]?.body ?? '';
    expect(after).not.toBe(before);
    expect(tableRows(after).find((row) => row.includes(waiting?.reference ?? '?'))).toMatch(
      /\| bevestigd \| Jan de Vries \| antwoorden \|/,
    );

    standIn.calls.reset();
    expect((await cli(workloadCommand, ['--publish'])).stdout).toMatch(/^Werkvoorraad ongewijzigd/);
    expect(standIn.calls.all.filter((call) => call.method !== 'GET' && call.operation !== 'graphql')).toEqual([]);
  });

  it('prints the same table from klachten werkvoorraad on the Git folder, and as JSON', async () => {
    await cli(workloadCommand, ['--publish']);
    const github = tableRows(workloadIssue()[0]?.body ?? '').map(plain);
    const dataDir = join(root, 'git');
    const store = makeGitFolderStore(join(dataDir, 'cases'));
    for (const record of cases) await store.fileCase(record);
    const gitEnv = { KLACHTEN_DATA_DIR: dataDir };
    const printed = await runCommand(workloadCommand, { argv: [], env: gitEnv, now, config });
    expect(printed.code).toBe(0);
    expect(tableRows(printed.stdout)).toEqual(github);
    const json = await runCommand(workloadCommand, { argv: ['--json'], env: gitEnv, now, config });
    const parsed = JSON.parse(json.stdout) as { rows: Array<{ reference: string }>; perStatus: unknown[] };
    expect(parsed.rows.map((row) => row.reference)).toEqual(github.map((row) => /K-\d{4}-[0-9A-Z]+/.exec(row)?.[0]));
    const refused = await runCommand(workloadCommand, { argv: ['--publish'], env: gitEnv, now, config });
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringMatching(/alleen met KLACHTEN_STORE=github/) });
  });
});

describe('the workload in a GitHub Project (KLACHTEN_PROJECT)', { timeout: 60_000 }, () => {
  it('keeps Status, Behandelaar, Volgende termijn and Datum on an item per open case, writing only what changed', async () => {
    const project = standIn.state.addProject('livable', 3, [
      { name: 'Volgende termijn', dataType: 'SINGLE_SELECT', options: ['bevestigen', 'antwoorden'] },
    ]);
    // The coordinators gave the built-in Status field the case statuses as options.
    const statusField = project.fields.find((field) => field.name === 'Status');
    statusField?.options.push(
      ...['ontvangen', 'bevestigd', 'verdaagd', 'beantwoord', 'heropend', 'afgesloten', 'niet-in-behandeling'].map(
        (name) => ({ id: `opt-${name}`, name }),
      ),
    );
    const first = await cli(workloadCommand, ['--publish'], {
      KLACHTEN_PROJECT: 'https://github.com/orgs/livable/projects/3',
    });
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(
      /Project livable\/3: 30 toegevoegd, \d+ velden geschreven, 0 gewist, velden gemaakt: Behandelaar, Datum\./,
    );
    expect(project.items).toHaveLength(30);
    const field = (name: string) => project.fields.find((candidate) => candidate.name === name)?.id ?? '';
    const waiting = cases.find((record) => record.status === 'ontvangen');
    const issueOf = (reference: string) =>
      standIn.state.repo(fullName).issues.find((issue) => issue.title.includes(reference));
    const itemOf = (reference: string) => {
      const issue = issueOf(reference);
      return project.items.find((item) => Buffer.from(item.contentId, 'base64').toString() === `Issue:${issue?.id}`);
    };
    expect(itemOf(waiting?.reference ?? '')?.values.get(field('Status'))).toMatchObject({ name: 'ontvangen' });
    expect(itemOf(waiting?.reference ?? '')?.values.get(field('Datum'))).toEqual({ date: waiting?.terms.confirmBy });
    expect(itemOf(waiting?.reference ?? '')?.values.has(field('Behandelaar'))).toBe(false);

    standIn.calls.reset();
    await cli(casesCommand, ['confirm', waiting?.reference ?? '', '--handler', 'els'], {
      KLACHTEN_PROJECT: 'livable/3',
    });
    const mutations = standIn.calls.all.filter(
      (call) => call.field?.startsWith('update') || call.field?.startsWith('clear'),
    );
    // Status, Behandelaar, Volgende termijn and Datum of the one case: nothing else.
    expect(mutations).toHaveLength(4);
    expect(itemOf(waiting?.reference ?? '')?.values.get(field('Behandelaar'))).toEqual({ text: 'Els Bakker' });
    expect(itemOf(waiting?.reference ?? '')?.values.get(field('Volgende termijn'))).toMatchObject({
      name: 'antwoorden',
    });
  });

  it('says what the App lacks when it has no Projects permission, and still writes the Werkvoorraad issue', async () => {
    await standIn.close();
    standIn = await startGitHubStandIn({
      now: () => now,
      tokens: [{ token: 'test-token', login: 'klachten-bot', permissions: { issues: 'write', metadata: 'read' } }],
    });
    seed(cases);
    standIn.state.addProject('livable', 3);
    const result = await cli(workloadCommand, ['--publish'], { KLACHTEN_PROJECT: 'livable/3' });
    expect(result.stdout).toMatch(/Werkvoorraad gemaakt en vastgezet/);
    expect(result.stdout).toMatch(
      /Het project is niet bijgewerkt \(github-forbidden\): heeft de GitHub App de permissie Projects/,
    );
    expect(workloadIssue()).toHaveLength(1);
  });
});
