/**
 * The register in the GitHub case repository: the same files as in the Git folder
 * (`register/<year>.jsonl`, cases/register/codec.ts), committed by the tooling through the
 * contents API (GET, then PUT with the sha it read, so a concurrent write is refused rather than
 * lost). Why a file in the repository and not issues or a database: it is private exactly as the
 * cases are, versioned, readable by a coordinator, and needs no other service. It is written in
 * batches by the daily runs (retention writes every changed record at once), not per move: the
 * intake may spend only two content writes per complaint (issue #12). Readers that need it
 * current bring it up to date from the cases they list (`current.ts`).
 */
import type { GitHubHelper } from '../stores/github/github-helper.ts';
import { byYear, changedLines, decodeRegister, registerFolder, registerPath, sortedRecords } from './codec.ts';
import type { RegisterRecord } from './record.ts';
import type { Register } from './register.ts';

/**
 * Makes the register of one GitHub repository.
 *
 * @example
 * const register = makeGitHubRegister(makeGitHubHelper(octokit, repository), 'livable/klachten');
 * await register.write(records, 'register bijgewerkt door klachten retention');
 */
export function makeGitHubRegister(
  github: Pick<GitHubHelper, 'listFolder' | 'readFile' | 'writeFile'>,
  fullName: string,
): Register {
  const load = async (year: string) => {
    const file = await github.readFile(registerPath(year));
    return {
      sha: file?.sha,
      text: file?.text ?? '',
      records: decodeRegister(file?.text ?? '', `${fullName}:${registerPath(year)}`),
    };
  };
  return {
    description: `register in ${fullName}`,
    async read() {
      const files = await github.listFolder(registerFolder);
      const maps = [];
      for (const file of files) {
        if (/^\d{4}\.jsonl$/.test(file.name)) maps.push((await load(file.name.slice(0, 4))).records);
      }
      return sortedRecords(maps);
    },
    async write(records: readonly RegisterRecord[], note: string) {
      let added = 0;
      for (const [year, group] of byYear(records)) {
        const held = await load(year);
        const lines = changedLines(held.records, group);
        if (lines === '') continue;
        await github.writeFile(registerPath(year), held.text + lines, held.sha, note);
        added += lines.split('\n').length - 1;
      }
      return added;
    },
  };
}
