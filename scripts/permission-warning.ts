import { findWidePermissions } from '../cases/private-files.ts';

/**
 * Says on stderr which files and folders in the data folder others than the service may read,
 * with the command that fixes it; says nothing when all is private. The folder holds complaints,
 * so a wide mode is worth a line on every run until someone fixes it. It looks at the folder and
 * what it holds directly (cases/, outbox/, queue/, the token secret): every command runs this, and
 * a folder of 100,000 cases is not walked at each start; a closed folder keeps all below it closed.
 *
 * @example
 * await warnAboutWidePermissions('.data', (text) => process.stderr.write(text));
 * // Let op: 2 bestanden of mappen in .data zijn leesbaar voor anderen dan de dienst: …
 */
export async function warnAboutWidePermissions(dataDir: string, write: (text: string) => void): Promise<void> {
  const wide = await findWidePermissions(dataDir, { depth: 1 });
  if (wide.length === 0) return;
  const shown = wide.slice(0, 5).map((entry) => `  ${entry.mode} ${entry.path}`);
  if (wide.length > shown.length) shown.push(`  … en nog ${wide.length - shown.length}`);
  write(
    `Let op: ${wide.length} bestanden of mappen in ${dataDir} zijn leesbaar voor anderen dan de dienst ` +
      `(ze bevatten persoonsgegevens):\n${shown.join('\n')}\n` +
      `Herstel: chmod -R go-rwx ${dataDir}\n` +
      `(Warning: files in ${dataDir} are readable by other accounts; fix with the command above.)\n`,
  );
}
