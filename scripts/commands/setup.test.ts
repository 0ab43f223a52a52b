import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeIssue } from '../../cases/stores/github/issue-format.ts';
import { setupLabelDefinitions } from '../../cases/stores/github/labels.ts';
import config from '../../klachten.config.ts';
import { startGitHubStandIn, type GitHubStandIn, type StandInOptions } from '../../tests/github-standin/index.ts';
import { runCommand } from '../../tests/support/run-command.ts';
import { standInGitHubEnv } from '../../tests/support/standin-octokit.ts';
import { run } from './setup.ts';

let standIn: GitHubStandIn;
let dataDir: string;

async function start(options: StandInOptions = {}) {
  standIn = await startGitHubStandIn({ now: () => new Date('2026-11-24T09:00:00Z'), ...options });
}
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'klachten-setup-'));
});
afterEach(async () => {
  await standIn.close();
  await rm(dataDir, { recursive: true, force: true });
});

// In the repository root with the shipped configuration (the defaults): the real issue form is
// checked against the real configuration.
const setup = (argv: string[] = []) =>
  runCommand(run, { argv, env: standInGitHubEnv(standIn, { dataDir }), now: new Date('2026-11-24T09:00:00Z') });

/** Puts an issue a coordinator registered with the issue form into the stand-in, labelled `klacht` only. */
function registerWithForm(title: string, body: string) {
  const repo = standIn.state.repo('livable/klachten');
  const at = new Date('2026-11-24T08:00:00Z');
  repo.labels.push({ id: 2, name: 'klacht', color: 'ededed', description: null });
  repo.issues.push({
    id: 3,
    number: 1,
    title,
    body,
    state: 'open',
    stateReason: null,
    labels: ['klacht'],
    assignees: [],
    user: 'coordinator',
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    isPull: false,
  });
  return repo;
}

const formBody = [
  '### Ontvangen via\n\ntelefoon',
  '### Datum van ontvangst\n\n2026-11-20',
  '### Taal van de klager\n\nNederlands',
  '### Wie dient de klacht in?\n\nbewoner',
  '### Naam\n\nPiet Pieters',
  '### E-mailadres\n\n_No response_',
  '### Telefoonnummer\n\n06 12345678',
  '### Adres of complex\n\nDorpsstraat 1, Houten',
  '### Waar gaat de klacht over?\n\nOverlast',
  '### De klacht\n\nDe buren maken lawaai.\n\n@iemand #3 zie https://example.nl',
  '### Wat verwacht de klager van de bemiddeling?\n\nEen gesprek.',
  '### Over wie of welke afdeling\n\n_No response_',
  '### Eerder geklaagd over hetzelfde?\n\nnee',
  '### Wat is er nieuw sinds de eerdere klacht?\n\n_No response_',
].join('\n\n');

describe('klachten setup', () => {
  it('creates every label once and changes nothing when run a second time', async () => {
    await start({
      tokens: [{ token: 'test-token', login: 'klachten-bot', permissions: { issues: 'write', metadata: 'read' } }],
    });
    const first = await setup();
    expect(first.code).toBe(0);
    const definitions = setupLabelDefinitions(config.categories);
    expect(definitions.map((label) => label.name)).toContain('actiepunt');
    expect(first.stdout).toContain(`Labels: ${definitions.length} aangemaakt, 0 bijgewerkt, 0 ongewijzigd.`);
    expect(first.stdout).toContain('  aangemaakt: status: niet-in-behandeling\n');
    expect(first.stdout).toContain('Issueformulier: categorieën kloppen met klachten.config.ts.');
    const labels = standIn.state
      .repo('livable/klachten')
      .labels.map(({ name, color, description }) => ({ name, color, description }));
    expect(labels).toEqual(definitions);

    const writes = () => standIn.calls.all.filter((call) => call.method !== 'GET').length;
    const before = writes();
    const second = await setup();
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`Labels: 0 aangemaakt, 0 bijgewerkt, ${definitions.length} ongewijzigd.`);
    expect(writes()).toBe(before);
    expect(
      standIn.state
        .repo('livable/klachten')
        .labels.map(({ name, color, description }) => ({ name, color, description })),
    ).toEqual(definitions);
  });

  it('updates a label whose colour changed, keeps labels it does not know, and says so', async () => {
    await start();
    await setup();
    const repo = standIn.state.repo('livable/klachten');
    const klacht = repo.labels.find((label) => label.name === 'klacht');
    if (klacht) klacht.color = '000000';
    repo.labels.push({ id: 1, name: 'spoed', color: 'ff0000', description: null });
    const again = await setup();
    expect(again.stdout).toContain('Labels: 0 aangemaakt, 1 bijgewerkt,');
    expect(again.stdout).toContain('  bijgewerkt: klacht\n');
    expect(repo.labels.find((label) => label.name === 'klacht')?.color).toBe('5319e7');
    expect(repo.labels.some((label) => label.name === 'spoed')).toBe(true);
  });

  it('refuses a public repository', async () => {
    await start({ repositories: [{ fullName: 'livable/klachten', private: false }] });
    const result = await setup();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/openbaar/);
    expect(standIn.state.repo('livable/klachten').labels).toEqual([]);
  });

  it('gives a complaint registered with the issue form a reference and the standard format, once', async () => {
    await start();
    const repo = registerWithForm('Klacht (de klachtentool vult de titel in)', formBody);
    const first = await setup();
    expect(first.stdout).toMatch(/issue #1: kenmerk K-2026-[0-9A-Z]{4}-[0-9A-Z]{4} gegeven/);
    const [issue] = repo.issues;
    const record = decodeIssue({ title: issue?.title ?? '', body: issue?.body ?? '', labels: issue?.labels ?? [] });
    expect(record).toMatchObject({
      source: 'telefoon',
      receivedAt: '2026-11-20T12:00:00Z',
      terms: { received: '2026-11-20', confirmBy: '2026-12-01' },
      name: 'Piet Pieters',
      email: '',
      phone: '06 12345678',
      category: 'overlast',
      complaint: 'De buren maken lawaai.\n\n@iemand #3 zie https://example.nl',
      events: [{ at: '2026-11-20T12:00:00Z', status: 'ontvangen', by: 'coordinator' }],
    });
    expect(issue?.title).toBe(`Klacht ${record.reference} · Overlast`);
    expect(issue?.labels).toEqual(['klacht', 'status: ontvangen', 'categorie: overlast']);
    const second = await setup();
    expect(second.stdout).toContain('Geregistreerde klachten (issueformulier): geen nieuwe.');
    expect(decodeIssue({ title: '', body: repo.issues[0]?.body ?? '', labels: [] })).toEqual(record);
  });

  it('names the missing fields of an incomplete registration and leaves the issue as it is', async () => {
    await start();
    const body = formBody.replace('### Naam\n\nPiet Pieters', '### Naam\n\n_No response_');
    const repo = registerWithForm('Klacht', body);
    const result = await setup();
    expect(result.stdout).toContain('  issue #1: niet verwerkt, vul aan: Naam\n');
    expect(repo.issues[0]?.body).toBe(body);
  });
});
