// What the complainant can do on their own page: add information to the case, and withdraw it.
// Both change the case through the store, with a note for the people working it written by the
// tooling: on GitHub a comment mentioning the handler (or the coordinators) with the
// complainant's text fenced, so nothing in it can mention, link or format; in the Git folder the
// commit's body. A repeat complaint that was not taken up stays so: only a coordinator reopens it.
import { limits } from '../../cases/complaint.ts';
import type { Case } from '../../cases/case.ts';
import { revokeLinks } from '../../cases/complainant-token.ts';
import type { Config } from '../../cases/config.ts';
import { receivedAtIso } from '../../cases/intake.ts';
import { applyMove } from '../../cases/lifecycle.ts';
import { findPerson } from '../../cases/people.ts';
import type { CaseStore } from '../../cases/store.ts';
import { displayText, fence } from '../../cases/stores/github/inert-text.ts';

/** An addition is as long as the complaint's "what is new" at most. */
export const additionMaxLength = limits.whatIsNew;

/** Why an addition was refused. */
/** Why a typed text is not taken: empty or too long. */
export type TextError = 'required' | 'tooLong';

/** Why an addition is not taken: its text, or too many from this case's page this hour. */
export type AdditionError = TextError | 'tooMany';

/**
 * The addition as typed, checked: line endings as `\n`, trimmed, not empty, not too long. Other
 * characters are kept as typed, as in the complaint's own text fields: the page shows it as text,
 * GitHub inside a fence, mail defanged.
 *
 * @example
 * parseAddition(' De lift is weer kapot.\r\n') // { ok: true, text: 'De lift is weer kapot.' }
 * parseAddition('') // { ok: false, error: 'required' }
 */
export function parseAddition(raw: unknown): { ok: true; text: string } | { ok: false; error: TextError } {
  const text = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n').trim() : '';
  if (text === '') return { ok: false, error: 'required' };
  if (text.length > additionMaxLength) return { ok: false, error: 'tooLong' };
  return { ok: true, text };
}

/**
 * Who is told on GitHub: the handler's login when the case has a handler with one, else the
 * coordinators'. Staff logins only, written by the tooling.
 *
 * @example
 * mentionsFor(record, config) // ['jdevries']
 */
export function mentionsFor(record: Pick<Case, 'handler'>, config: Config): string[] {
  const handler = record.handler === undefined ? undefined : findPerson(config.people, record.handler);
  if (handler?.login !== undefined) return [handler.login];
  return config.coordinators.logins;
}

const mentionLine = (logins: readonly string[]) =>
  logins.length === 0 ? '' : `${logins.map((login) => `@${login}`).join(' ')}: `;

/**
 * The note with an addition: who should read it, and the text fenced.
 *
 * @example
 * additionComment('De lift …', ['jdevries'], false) // '**Aanvulling van de klager** …'
 */
export function additionComment(text: string, logins: readonly string[], notTakenUp: boolean): string {
  const lines = [
    '**Aanvulling van de klager** (via de eigen pagina)',
    '',
    `${mentionLine(logins)}de klager heeft informatie aan de klacht toegevoegd. De tekst staat hieronder, zoals getypt.`,
  ];
  if (notTakenUp) {
    lines.push(
      '',
      'Deze klacht is niet in behandeling genomen als herhaalde klacht. Brengt de aanvulling nieuwe feiten? ' +
        'Alleen een coördinator kan de klacht dan opnieuw in behandeling nemen.',
    );
  }
  lines.push('', fence(displayText(text)));
  return lines.join('\n');
}

/**
 * The last addition made on the page: the same text sent again (a reload, a double click) is the
 * same addition, even when a reply by mail (`via: 'e-mail'`) came in between.
 */
const lastFromPage = (record: Case) => record.additions?.filter((addition) => addition.via === undefined).at(-1);

/**
 * Adds the complainant's text to the case. The same text as the last addition is not added twice
 * (a reload of the page that posted it).
 *
 * @example
 * const updated = await addInformation(store, config, 'K-2026-7QF3M9', 'De lift …', new Date());
 */
export async function addInformation(
  store: CaseStore,
  config: Config,
  reference: string,
  text: string,
  now: Date,
): Promise<{ case: Case; added: boolean }> {
  const current = await store.getCase(reference);
  if (current === undefined) throw new Error(`${reference} bestaat niet`);
  if (lastFromPage(current)?.text === text) return { case: current, added: false };
  const at = receivedAtIso(now, config.terms.timeZone);
  const comment = additionComment(text, mentionsFor(current, config), current.status === 'niet-in-behandeling');
  const updated = await store.updateCase(
    reference,
    (record) =>
      lastFromPage(record)?.text === text
        ? record
        : { ...record, additions: [...(record.additions ?? []), { at, text }] },
    'aanvulling van de klager',
    { comment },
  );
  return { case: updated, added: true };
}

/**
 * Closes the case as withdrawn (`ingetrokken`) at the complainant's request, telling the people
 * working it, and revokes every personal link sent for it. Refused (undefined) when the case can
 * no longer be withdrawn.
 *
 * @example
 * await withdraw(store, config, 'K-2026-7QF3M9', new Date()) // the closed case, or undefined
 */
export async function withdraw(
  store: CaseStore,
  config: Config,
  reference: string,
  now: Date,
): Promise<Case | undefined> {
  const current = await store.getCase(reference);
  if (current === undefined) return undefined;
  const context = {
    at: receivedAtIso(now, config.terms.timeZone),
    by: 'klager',
    timeZone: config.terms.timeZone,
    people: config.people,
  };
  const move = { type: 'close', outcome: 'ingetrokken' } as const;
  if (!applyMove(current, move, context).ok) return undefined;
  const comment =
    `**Ingetrokken door de klager** (via de eigen pagina)\n\n${mentionLine([...new Set([...mentionsFor(current, config), ...config.coordinators.logins])])}` +
    'de klager heeft de klacht ingetrokken. De klacht is gesloten met de uitkomst ingetrokken; de klager krijgt een bevestiging.';
  let refused = false;
  const updated = await store.updateCase(
    reference,
    (record) => {
      const result = applyMove(record, move, context);
      // A withdrawal revokes every personal link sent so far (cases/complainant-token.ts).
      if (result.ok) return revokeLinks(result.case);
      refused = true;
      return record;
    },
    'afgesloten: ingetrokken door de klager',
    { comment },
  );
  return refused ? undefined : updated;
}
