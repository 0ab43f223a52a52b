// The `klachten` command: parses nothing itself, only picks the command and hands it the world.
import type { CliContext } from './cli-context.ts';
import { parseSettings } from '../cases/settings.ts';
import { warnAboutWidePermissions } from './permission-warning.ts';
import { terminalText } from './terminal-text.ts';

const commands: Record<
  string,
  { summary: string; load: () => Promise<{ run: (ctx: CliContext) => Promise<number> }> }
> = {
  cases: {
    summary: 'klachten bekijken en verplaatsen (list, show, confirm, …)',
    load: () => import('./commands/cases.ts'),
  },
  terms: { summary: 'de termijnen van een klacht berekenen', load: () => import('./commands/terms.ts') },
  calendar: { summary: 'de niet-werkdagen van een jaar tonen', load: () => import('./commands/calendar.ts') },
  setup: { summary: 'de GitHub-repository klaarzetten: labels, controles', load: () => import('./commands/setup.ts') },
  sync: { summary: 'klachten uit de noodopslag alsnog in GitHub zetten', load: () => import('./commands/sync.ts') },
  deadlines: {
    summary: 'herinneringen en escalaties van de termijnen versturen',
    load: () => import('./commands/deadlines.ts'),
  },
  'github-event': {
    summary: 'opdracht in een klacht-issue verwerken (Actions)',
    load: () => import('./commands/github-event.ts'),
  },
  mail: {
    summary: 'berichten aan klagers versturen (ontvangst, bevestiging, …)',
    load: () => import('./commands/mail.ts'),
  },
  report: {
    summary: 'de halfjaarlijkse rapportage maken (nl en en, met grafieken)',
    load: () => import('./commands/report.ts'),
  },
  retention: {
    summary: 'persoonsgegevens wissen waarvan de bewaartermijn voorbij is',
    load: () => import('./commands/retention.ts'),
  },
  export: { summary: 'alles over één klacht uitvoeren (inzageverzoek)', load: () => import('./commands/export.ts') },
  doctor: {
    summary: 'controleren of deze installatie werkt: configuratie, opslag, mail, wachtrij',
    load: () => import('./commands/doctor.ts'),
  },
  erase: {
    summary: 'de persoonsgegevens van één klacht nu wissen (verzoek)',
    load: () => import('./commands/erase.ts'),
  },
};

const usage = `Gebruik: npm run --silent klachten -- <opdracht> [opties]

Opdrachten:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(14)} ${command.summary}`)
  .join('\n')}
`;

const [name, ...argv] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  process.stderr.write(name && name !== '--help' ? `Onbekende opdracht: ${name}\n\n${usage}` : usage);
  process.exitCode = name === '--help' ? 0 : 2;
} else {
  try {
    const { run } = await command.load();
    // klachten.config.ts validates itself on import: a mistake stops here, naming the key.
    const { default: config } = await import('../klachten.config.ts');
    await warnAboutWidePermissions(parseSettings(process.env, process.cwd()).dataDir, (text) =>
      process.stderr.write(text),
    );
    process.exitCode = await run({
      argv,
      env: process.env,
      cwd: process.cwd(),
      // One gate for everything printed, so no command can forget it (terminal-text.ts).
      stdout: (text) => process.stdout.write(terminalText(text)),
      stderr: (text) => process.stderr.write(terminalText(text)),
      now: () => new Date(),
      config,
    });
  } catch (error) {
    // A bad configuration or an unreachable store: say what, never dump a stack at a coordinator.
    process.stderr.write(terminalText(`${error instanceof Error ? error.message : String(error)}\n`));
    process.exitCode = 1;
  }
}
