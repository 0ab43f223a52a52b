/**
 * The token in the complainant's personal link to their own page (`/mijn-klacht/?t=…`).
 *
 * `REF.GENERATION.EXPIRES.SIGNATURE`, signed like the satisfaction link (see `signed-token.ts`)
 * under a purpose of its own: a satisfaction token is refused here and this token there, even
 * with the same secret. It holds no personal data.
 *
 * A link can be revoked. The case counts its links' generation (`linkGeneration`); every link
 * carries the generation it was made in, and one below the case's opens nothing. A new link asked
 * for on the page, and a withdrawal, raise the case's generation ({@link revokeLinks}), so every
 * earlier link stops working at once; an erased case is gone, and its links with it. The mails of
 * the procedure (receipt, confirmation, answer …) carry the current generation: a confirmation
 * leaves the receipt's link working.
 *
 * The token says until when it may be used — `myComplaint.linkValidDays` (90) after the mail that
 * carried it; the case decides the rest: a link opens the page while the case is open and for
 * {@link daysAfterClosing} days after it closed (see {@link pageStillOpen}).
 *
 * Links of the first form (`REF.EXPIRES.SIGNATURE`, a year's life, no generation) still work as
 * generation 0, for at most `linkValidDays` from the day they were made.
 *
 * Pure: the secret and the moment are parameters.
 */
import { referencePattern, type Case } from './case.ts';
import { isOpen } from './lifecycle.ts';
import { checkSecret, hasValidSignature, signFields } from './signed-token.ts';

/** The signed purpose: never the same as another token's. */
const purpose = 'klachtenloket/mijn-klacht/v2';
/** The first form's purpose, checked only to let its links run out. */
const firstPurpose = 'klachtenloket/mijn-klacht/v1';

/** How long a link works by default (`myComplaint.linkValidDays`): a case rarely lasts three months. */
export const defaultLinkValidDays = 90;

/** The life a first-form token was made with: its expiry minus this is the day it was made. */
const firstFormValidDays = 365;

/** After a case closed, its page can be opened for this many days more. */
export const daysAfterClosing = 60;

const dayMs = 24 * 60 * 60 * 1000;

const reference = referencePattern.source.slice(1, -1);
const tokenPattern = new RegExp(`^(${reference})\\.(0|[1-9]\\d{0,8})\\.([1-9]\\d{0,11})\\.([A-Za-z0-9_-]{43})$`);
const firstFormPattern = new RegExp(`^(${reference})\\.([1-9]\\d{0,11})\\.([A-Za-z0-9_-]{43})$`);

/** What a link is for: a case, in one generation of its links. */
export interface LinkFor {
  reference: string;
  generation: number;
}

/**
 * Why a token was refused: unreadable, not ours or not for this page, or too late. A refused token
 * of the right shape still names the reference it claims, so the page can offer a new link for it.
 */
export type ComplainantTokenCheck =
  | ({ ok: true; expiresAt: Date } & LinkFor)
  | { ok: false; problem: 'malformed' | 'signature' | 'expired'; reference?: string };

/**
 * The generation of a case's links: 0 until the first new link or withdrawal.
 *
 * @example
 * linkGenerationOf(aCase()) // 0
 */
export function linkGenerationOf(record: Pick<Case, 'linkGeneration'>): number {
  return record.linkGeneration ?? 0;
}

/**
 * The case with every link made so far revoked: its generation one higher.
 *
 * @example
 * await store.updateCase(reference, (current) => revokeLinks(current), 'nieuwe persoonlijke link');
 */
export function revokeLinks<T extends Pick<Case, 'linkGeneration'>>(record: T): T {
  return { ...record, linkGeneration: linkGenerationOf(record) + 1 };
}

/**
 * Makes the personal link's token for one case in its current generation, valid for `validDays`
 * days from `now` (the moment of the mail that carries it).
 *
 * @example
 * makeComplainantToken({ reference: 'K-2026-7QF3M9', generation: 0 }, secret, new Date()) // 'K-2026-7QF3M9.0.1801472400.Zx9…'
 */
export function makeComplainantToken(
  link: LinkFor,
  secret: string,
  now: Date,
  validDays: number = defaultLinkValidDays,
): string {
  checkSecret(secret);
  if (!referencePattern.test(link.reference)) throw new Error(`Geen geldig kenmerk: ${link.reference}`);
  if (!Number.isSafeInteger(link.generation) || link.generation < 0) throw new Error('Ongeldige generatie.');
  const fields = [
    link.reference,
    String(link.generation),
    String(Math.floor((now.getTime() + validDays * dayMs) / 1000)),
  ];
  return `${fields.join('.')}.${signFields(purpose, fields, secret)}`;
}

/**
 * Checks a personal link's token: its shape, its signature for this purpose, and its expiry. Whether
 * its generation is still the case's is {@link linkStanding}'s question.
 *
 * @example
 * verifyComplainantToken(token, secret, new Date()) // { ok: true, reference: 'K-2026-7QF3M9', generation: 0, expiresAt }
 * verifyComplainantToken(satisfactionToken, secret, new Date()) // { ok: false, problem: 'signature', reference: … }
 */
export function verifyComplainantToken(
  token: string,
  secret: string,
  now: Date,
  validDays: number = defaultLinkValidDays,
): ComplainantTokenCheck {
  checkSecret(secret);
  const check = (ref: string, generation: number, fields: string[], signature: string, signedFor: string, cut = 0) => {
    if (!hasValidSignature(signedFor, fields, signature, secret))
      return { ok: false, problem: 'signature', reference: ref } as const;
    const expiresAt = new Date(Number(fields.at(-1)) * 1000 - cut);
    if (now.getTime() >= expiresAt.getTime()) return { ok: false, problem: 'expired', reference: ref } as const;
    return { ok: true, reference: ref, generation, expiresAt } as const;
  };
  const match = tokenPattern.exec(token);
  if (match) {
    const [, ref = '', generation = '', expires = '', signature = ''] = match;
    return check(ref, Number(generation), [ref, generation, expires], signature, purpose);
  }
  const first = firstFormPattern.exec(token);
  if (first) {
    const [, ref = '', expires = '', signature = ''] = first;
    // Made a year before its expiry; it now lives `validDays` from then, if that is sooner.
    const cut = Math.max(0, (firstFormValidDays - validDays) * dayMs);
    return check(ref, 0, [ref, expires], signature, firstPurpose, cut);
  }
  return { ok: false, problem: 'malformed' };
}

/**
 * Whether the complainant's page of this case may still be opened: while it is open, and for
 * {@link daysAfterClosing} days after its last move closed it.
 *
 * @example
 * pageStillOpen(closedTwoMonthsAgo, new Date()) // false
 */
export function pageStillOpen(record: Pick<Case, 'status' | 'events'>, now: Date): boolean {
  if (isOpen(record)) return true;
  const closedAt = record.events.findLast((event) => event.status === record.status)?.at;
  if (closedAt === undefined) return false;
  return now.getTime() < Date.parse(closedAt) + daysAfterClosing * dayMs;
}

/**
 * What a valid link of this generation may do for the case as it stands now: open its page;
 * nothing because a newer link, a withdrawal or an erasure revoked it (`revoked`, also when the
 * case is no longer held: a link we signed was for a case that existed); or nothing because the
 * page closed {@link daysAfterClosing} days after the case (`closed`).
 *
 * @example
 * linkStanding({ generation: 0 }, caseAfterANewLink, new Date()) // 'revoked'
 */
export function linkStanding(
  link: Pick<LinkFor, 'generation'>,
  record: Pick<Case, 'status' | 'events' | 'linkGeneration'> | undefined,
  now: Date,
): 'open' | 'revoked' | 'closed' {
  if (record === undefined || link.generation < linkGenerationOf(record)) return 'revoked';
  return pageStillOpen(record, now) ? 'open' : 'closed';
}
