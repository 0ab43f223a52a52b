/**
 * Puts one reply by mail on its case, the way an addition on the complainant's page goes on it:
 * the text as an addition (marked `via: 'e-mail'`), with a comment for the people working the case
 * that mentions the handler (or the coordinators) and shows the text fenced, so nothing in it can
 * mention, link or format; the files through the same pipeline as uploads, kept with `addFiles`
 * (origin `e-mail`).
 *
 * Exactly once, also after a crash between any two steps: the addition carries a hash of the
 * mail's Message-ID, and a file whose cleaned bytes the case already holds is not added again, so
 * the next round that finds the same message in the inbox completes what is missing and adds
 * nothing twice. May touch: the store only.
 */
import { createHash } from 'node:crypto';
import { nameFiles } from '../attachments/names.ts';
import type { PreparedFile, RefusalCode } from '../attachments/pipeline.ts';
import type { Case } from '../case.ts';
import { limits } from '../complaint.ts';
import type { Config } from '../config.ts';
import { receivedAtIso } from '../intake.ts';
import { findPerson } from '../people.ts';
import type { CaseStore } from '../store.ts';
import { displayText, fence } from '../stores/github/inert-text.ts';

/** A reply's text on the case is as long as an addition on the page at most. */
export const replyMaxLength = limits.whatIsNew;

/**
 * The id a reply is known by on its case: a hash of its Message-ID (or, without one, of its bytes),
 * so no header a mail program wrote is copied onto the case.
 *
 * @example
 * mailIdOf('<CAF=abc@mail.gmail.com>', bytes) // '3f1c…' (32 hex characters)
 */
export function mailIdOf(messageId: string | undefined, source: Uint8Array): string {
  const hash = createHash('sha256');
  if (messageId !== undefined && messageId.trim() !== '') hash.update(`id:${messageId.trim()}`);
  else hash.update('bytes:').update(source);
  return hash.digest('hex').slice(0, 32);
}

/**
 * Whether the case already holds this reply.
 *
 * @example
 * hasReply(record, mailId) // true after the reply was put on
 */
export function hasReply(record: Pick<Case, 'additions'>, mailId: string): boolean {
  return (record.additions ?? []).some((addition) => addition.mailId === mailId);
}

function mentions(record: Pick<Case, 'handler'>, config: Config): string {
  const handler = record.handler === undefined ? undefined : findPerson(config.people, record.handler);
  const logins = handler?.login !== undefined ? [handler.login] : config.coordinators.logins;
  return logins.length === 0 ? '' : `${logins.map((login) => `@${login}`).join(' ')}: `;
}

/**
 * The comment with a reply: who should read it, what came with it, and the text fenced.
 *
 * @example
 * replyComment('Hierbij de foto.', '@jdevries: ', { files: 1, refused: [], truncated: false })
 */
export function replyComment(
  text: string,
  mentionLine: string,
  extra: { files: number; refused: readonly RefusalCode[]; truncated: boolean },
): string {
  const lines = [
    '**Reactie van de klager per e-mail**',
    '',
    `${mentionLine}de klager heeft op een bericht geantwoord. Het antwoord staat hieronder, zonder de geciteerde eerdere berichten.`,
  ];
  if (extra.files > 0)
    lines.push('', `${extra.files === 1 ? 'Eén bijlage is' : `${extra.files} bijlagen zijn`} bij de klacht gezet.`);
  if (extra.refused.length > 0)
    lines.push('', `Niet overgenomen: ${extra.refused.length} bijlage(n) (${[...new Set(extra.refused)].join(', ')}).`);
  if (extra.truncated)
    lines.push(
      '',
      `Het antwoord was langer dan ${replyMaxLength} tekens en is ingekort; het volledige bericht staat in de map Verwerkt van de antwoordbox.`,
    );
  lines.push('', fence(displayText(text === '' ? '(geen tekst, alleen bijlagen)' : text)));
  return lines.join('\n');
}

/** One reply, read and checked, ready to go on its case. */
export interface Reply {
  reference: string;
  mailId: string;
  /** The reply without quoted history. */
  text: string;
  /** The files that came through the pipeline, in the order they came. */
  files: readonly PreparedFile[];
  /** The refusals of the files that did not. */
  refused: readonly RefusalCode[];
}

/** What posting did: whether the text was added now, and how many files. */
export interface PostedReply {
  added: boolean;
  files: number;
}

/**
 * Puts the reply on its case, completing what an earlier, interrupted round left undone.
 *
 * @example
 * await postReply(store, config, reply, new Date(), record) // { added: true, files: 1 }
 */
export async function postReply(
  store: CaseStore,
  config: Config,
  reply: Reply,
  now: Date,
  known?: Case,
): Promise<PostedReply> {
  const at = receivedAtIso(now, config.terms.timeZone);
  let files = 0;
  let current = known;
  const refused = [...reply.refused];
  if (reply.files.length > 0 && store.addFiles !== undefined) {
    const result = await store.addFiles(
      reply.reference,
      (current) => {
        if (hasReply(current, reply.mailId)) return [];
        const held = new Set((current.attachments ?? []).map((file) => file.sha256));
        const fresh = reply.files.filter((file) => !held.has(file.sha256));
        const room = Math.max(0, config.attachments.maxFilesPerCase - (current.attachments?.length ?? 0));
        for (const _file of fresh.slice(room)) refused.push('case-full');
        return nameFiles(current.attachments ?? [], fresh.slice(0, room), at, 'e-mail');
      },
      `${reply.files.length === 1 ? 'bijlage' : 'bijlagen'} per e-mail van de klager`,
    );
    files = result.added.length;
    current = result.case;
  } else if (reply.files.length > 0) refused.push(...reply.files.map(() => 'case-full' as const));
  const truncated = reply.text.length > replyMaxLength;
  const text = truncated ? `${reply.text.slice(0, replyMaxLength - 12).trimEnd()} […ingekort]` : reply.text;
  // The case as the round read it (or as adding the files left it): one read fewer at GitHub.
  current ??= await store.getCase(reply.reference);
  if (current === undefined || hasReply(current, reply.mailId)) return { added: false, files };
  const comment = replyComment(text, mentions(current, config), { files, refused, truncated });
  await store.updateCase(
    reply.reference,
    (record) =>
      hasReply(record, reply.mailId)
        ? record
        : { ...record, additions: [...(record.additions ?? []), { at, text, via: 'e-mail', mailId: reply.mailId }] },
    'reactie van de klager per e-mail',
    { comment },
  );
  return { added: true, files };
}
