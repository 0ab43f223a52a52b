// The `klachten` command: parses nothing itself, only picks the command and hands it the world.
import type { CliContext } from './cli-context.ts';
import { parseSettings } from '../cases/settings.ts';
import { warnAboutWidePermissions } from './permission-warning.ts';
import { terminalText } from './terminal-text.ts';

/**
 * The commands, each by the name of its module in scripts/commands/, with what `--help` says of
 * it, in the order it lists them. A module is loaded only when its command is asked for, so one
 * command's imports can neither slow nor break another.
 */
const summaries: Record<string, string> = {
  cases: 'klachten bekijken en verplaatsen (list, show, confirm, …)',
  terms: 'de termijnen van een klacht berekenen',
  calendar: 'de niet-werkdagen van een jaar tonen',
  setup: 'de GitHub-repository klaarzetten: labels, controles',
  sync: 'klachten uit de noodopslag alsnog in GitHub zetten',
  inbox: 'reacties per e-mail uit de antwoordbox bij hun klacht zetten',
  deadlines: 'herinneringen en escalaties van de termijnen versturen',
  'github-event': 'opdracht in een klacht-issue verwerken (Actions)',
  mail: 'berichten aan klagers versturen (ontvangst, bevestiging, …)',
  report: 'de halfjaarlijkse rapportage maken (nl en en, met grafieken)',
  retention: 'persoonsgegevens wissen waarvan de bewaartermijn voorbij is',
  export: 'alles over één klacht uitvoeren (inzageverzoek)',
  doctor: 'controleren of deze installatie werkt: configuratie, opslag, mail, wachtrij',
  erase: 'de persoonsgegevens van één klacht nu wissen (verzoek)',
  werkvoorraad: 'alle open klachten, de termijn die het eerst afloopt bovenaan',
  register: 'het anonieme register uitvoeren voor het management (csv of json)',
};

const usage = `Gebruik: npm run --silent klachten -- <opdracht> [opties]

Opdrachten:
${Object.entries(summaries)
  .map(([name, summary]) => `  ${name.padEnd(14)} ${summary}`)
  .join('\n')}
`;

const [name, ...argv] = process.argv.slice(2);
const known = name !== undefined && Object.hasOwn(summaries, name);
if (!known) {
  process.stderr.write(name && name !== '--help' ? `Onbekende opdracht: ${name}\n\n${usage}` : usage);
  process.exitCode = name === '--help' ? 0 : 2;
} else {
  try {
    const { run } = (await import(`./commands/${name}.ts`)) as { run: (ctx: CliContext) => Promise<number> };
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
