/**
 * Erasure on the GitHub set-up. A case lives in three places there: its issue (body, comments
 * with continuation pages, and GitHub's edit history of both), the fallback Git folder when it was
 * held during an outage (`with-fallback.ts` keeps such records, marked synced, for good), and the
 * register file in the repository. Editing the issue would leave the old text in its edit
 * history, so the issue is deleted (GraphQL `deleteIssue`), which takes its comments with it; the
 * fallback folder erases its copy as it always does (history rewritten and pruned); and the
 * register gets the anonymised record with `erasedAt`, for all cases in one commit. The case's
 * files go with their ref (`refs/heads/bijlagen/<reference>`, deleted); GitHub may keep the
 * objects it pointed at in its caches until its own garbage collection (docs/retention.md).
 *
 * Nothing is half-done. Deleting an issue needs a permission the App may lack (Administration:
 * write, docs/retention.md); the first deletion is the check: refused, the run stops before
 * anything else is touched. A run that breaks off later leaves every case either erased (issue
 * gone) or whole; an issue gone without its register line is found again by the next run, which
 * finds no issue, erases the fallback copy and writes the line.
 */
import type { Case } from '../case.ts';
import { errorTag, taggedError } from '../errors.ts';
import { currentRegisterAsOf } from '../register/current.ts';
import { erasedRecord, registerRecordOf, withRequest, type RegisterRecord } from '../register/record.ts';
import type { Register } from '../register/register.ts';
import type { CaseIssues } from '../stores/github/case-issues.ts';
import type { GitHubHelper } from '../stores/github/github-helper.ts';
import type { GitHubStore } from '../stores/github/store.ts';
import type { FolderErasure, GitFolderStore } from '../stores/git-folder.ts';
import { folderTarget, requestNotes, type ErasureTarget } from './erasure-target.ts';

/** What the GitHub target is made of. */
export interface GitHubTargetParts {
  github: Pick<GitHubHelper, 'deleteIssue'>;
  issues: Pick<CaseIssues, 'find' | 'read'>;
  store: GitHubStore;
  /** The fallback Git folder of the set-up (`$KLACHTEN_DATA_DIR/cases`). */
  fallback: GitFolderStore;
  /** The register file in the repository (`cases/register/github-files.ts`). */
  register: Register;
  /** Monotonic milliseconds, for the deadlines of the reads; default `performance.now`. */
  clock?: () => number;
  /** A file still in the intake queue, not yet at GitHub (`cases/queue/queue-files.ts`). */
  queued?: (reference: string, name: string) => Promise<Uint8Array | undefined>;
  /** The moment now, for the stamp of a complete register (`RegisterWriteOptions.completeAsOf`). */
  now?: () => Date;
}

/**
 * The message when GitHub refuses to delete issues: what the App lacks, and that nothing changed.
 *
 * @example
 * refusedMessage('livable/klachten') // 'GitHub weigert issues in livable/klachten te verwijderen: …'
 */
export function refusedMessage(fullName: string): string {
  return (
    `GitHub weigert issues in ${fullName} te verwijderen: de GitHub App (of het token) heeft de ` +
    'permissie "Administration: read and write" op deze repository nodig (docs/retention.md). ' +
    'Er is niets gewist.\n' +
    `GitHub refuses to delete issues in ${fullName}: the App (or token) needs the permission ` +
    '"Administration: read and write" on this repository. Nothing was erased.'
  );
}

/**
 * Makes the erasure target of the GitHub set-up.
 *
 * @example
 * const target = makeGitHubTarget({ github, issues, store, fallback, register });
 * await target.erase(plan.due, new Date().toISOString(), 'bewaartermijn');
 */
export function makeGitHubTarget(parts: GitHubTargetParts): ErasureTarget {
  const { github, issues, store, fallback, register } = parts;
  const clock = parts.clock ?? (() => performance.now());
  const deadline = () => clock() + 60_000;
  const fullName = store.description.replace(/^GitHub-issues in /, '');
  const stored = async () => new Map((await register.read()).map((record) => [record.reference, record]));
  let listedAt: string | undefined;

  async function getCase(reference: string): Promise<Case | undefined> {
    return (await store.getCase(reference)) ?? (await fallback.getCase(reference));
  }

  return {
    description: store.description,
    register,
    async records() {
      const current = await currentRegisterAsOf(store, register, parts.now);
      listedAt = current.completeAsOf;
      return current.records;
    },
    completeAsOf: () => listedAt,
    getCase,
    async readFile(reference, name) {
      return (await store.readFile?.(reference, name)) ?? (await parts.queued?.(reference, name));
    },
    async recordRequest(record, kind, at) {
      const held = (await stored()).get(record.reference);
      await register.write(
        [withRequest(registerRecordOf(record, held), kind, at)],
        `${record.reference}: ${requestNotes[kind]}`,
      );
    },
    async erase(references, at, because, request) {
      const held = await stored();
      const results: Record<string, FolderErasure> = {};
      const done: RegisterRecord[] = [];
      const finish = async () => {
        const erased = done.map((record) => record.reference);
        if (erased.length === 0) return;
        await folderTarget(fallback).erase(erased, at, because);
        await register.write(done, `persoonsgegevens gewist (${because}): ${erased.join(', ')}`);
      };
      for (const reference of references) {
        const issue = await issues.find(reference, deadline());
        const current = issue === undefined ? await fallback.getCase(reference) : await issues.read(issue, deadline());
        const earlier = held.get(reference);
        if (current?.hold !== undefined) {
          results[reference] = 'held';
          continue;
        }
        let record = current === undefined ? earlier : registerRecordOf(current, earlier);
        if (record === undefined) {
          results[reference] = 'unknown';
          continue;
        }
        if (issue !== undefined) {
          if (issue.node_id === undefined) throw new Error(`GitHub gaf geen node_id voor ${reference}.`);
          try {
            await github.deleteIssue(issue.node_id);
          } catch (error) {
            // What is done stays done and is recorded; the rest is untouched.
            await finish();
            if (errorTag(error) === 'forbidden') throw taggedError('forbidden', refusedMessage(fullName));
            throw error;
          }
        }
        // The files' ref too, also when the issue was never made (a filing that broke off after them).
        await store.eraseFiles(reference);
        if (request !== undefined) record = withRequest(record, request, at);
        done.push(erasedRecord(record, at, because));
        results[reference] = 'erased';
      }
      await finish();
      return results;
    },
  };
}
