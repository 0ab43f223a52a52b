import { parseCase, type Case } from '../../case.ts';
import type { Config } from '../../config.ts';
import { locales } from '../../locale.ts';
import { startsWithMachineBlock } from './machine-block.ts';

/**
 * Issue forms: complaints a coordinator registers (.github/ISSUE_TEMPLATE/klacht.yml). GitHub
 * writes the form's fields as `### heading` sections; these functions read them back and make the
 * case, which the store then writes over the form (`adopt.ts`).
 */

/** The headings GitHub writes for the fields of the issue form, in the form's order. */
export const issueFormHeadings = {
  source: 'Ontvangen via',
  receivedOn: 'Datum van ontvangst',
  locale: 'Taal van de klager',
  role: 'Wie dient de klacht in?',
  name: 'Naam',
  email: 'E-mailadres',
  phone: 'Telefoonnummer',
  address: 'Adres of complex',
  category: 'Waar gaat de klacht over?',
  complaint: 'De klacht',
  expectation: 'Wat verwacht de klager van de bemiddeling?',
  concerns: 'Over wie of welke afdeling',
  earlier: 'Eerder geklaagd over hetzelfde?',
  whatIsNew: 'Wat is er nieuw sinds de eerdere klacht?',
} as const;
type FormKey = keyof typeof issueFormHeadings;

/** The fields of a registered complaint, read from an issue-form body. */
export interface IssueFormFields {
  source: Exclude<Case['source'], 'web'>;
  /** `YYYY-MM-DD` when the coordinator gave one. */
  receivedOn?: string;
  locale: Case['locale'];
  role: Case['role'];
  name: string;
  email: string;
  phone?: string;
  address: string;
  category: string;
  complaint: string;
  expectation: string;
  concerns?: string;
  earlier: Case['earlier'];
  whatIsNew?: string;
}

/**
 * Whether a body looks like one GitHub wrote from our issue form (and not yet rewritten by us).
 *
 * @example
 * isIssueFormBody('### Ontvangen via\n\ntelefoon\n\n### …') // true
 */
export function isIssueFormBody(body: string): boolean {
  return !startsWithMachineBlock(body) && body.replace(/\r\n/g, '\n').startsWith(`### ${issueFormHeadings.source}\n`);
}

/**
 * Reads the fields of an issue-form body. The headings are found in the form's order, so a
 * heading-like line inside a text only matters if it repeats the next heading exactly. Returns the
 * Dutch names of the fields that are missing or invalid instead of guessing.
 *
 * @example
 * decodeIssueForm(issue.body, config.categories) // { ok: true, fields: { source: 'telefoon', … } }
 */
export function decodeIssueForm(
  body: string,
  categories: Config['categories'],
): { ok: true; fields: IssueFormFields } | { ok: false; problems: string[] } {
  const text = body.replace(/\r\n?/g, '\n');
  const keys = Object.keys(issueFormHeadings) as FormKey[];
  const raw: Partial<Record<FormKey, string>> = {};
  let position = 0;
  const starts = keys.map((key) => {
    const heading = `### ${issueFormHeadings[key]}\n`;
    // A heading counts only at the start of a line.
    const start = text.startsWith(heading, position) ? position : indexPlusOne(text.indexOf(`\n${heading}`, position));
    if (start >= 0) position = start + heading.length;
    return { key, start, valueStart: start + heading.length };
  });
  starts.forEach((entry, index) => {
    if (entry.start < 0) return;
    const next = starts.slice(index + 1).find((later) => later.start >= 0);
    const value = text.slice(entry.valueStart, next ? next.start : text.length).trim();
    if (value !== '' && value !== '_No response_' && value !== 'None') raw[entry.key] = value;
  });

  const problems: string[] = [];
  const pick = <T extends string>(key: FormKey, options: readonly T[], map: Record<string, T> = {}): T | undefined => {
    const value = raw[key];
    const chosen = value === undefined ? undefined : (map[value] ?? options.find((option) => option === value));
    if (chosen === undefined) problems.push(issueFormHeadings[key]);
    return chosen;
  };
  const required = (key: FormKey): string => {
    const value = raw[key];
    if (value === undefined) problems.push(issueFormHeadings[key]);
    return value ?? '';
  };

  const source = pick('source', ['telefoon', 'brief', 'e-mail', 'balie'] as const);
  const locale = pick('locale', locales, { Nederlands: 'nl', Engels: 'en' });
  const role = pick('role', ['bewoner', 'pand-eigenaar', 'opdrachtgever'] as const);
  const category = pick(
    'category',
    categories.map((entry) => entry.id),
    Object.fromEntries(categories.map((entry) => [entry.label.nl, entry.id])),
  );
  const earlier = pick('earlier', ['nee', 'ja'] as const);
  const receivedOn = raw.receivedOn;
  if (receivedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) problems.push(issueFormHeadings.receivedOn);
  const fields = {
    name: required('name'),
    address: required('address'),
    complaint: required('complaint'),
    expectation: required('expectation'),
  };
  if (earlier === 'ja' && raw.whatIsNew === undefined) problems.push(issueFormHeadings.whatIsNew);
  if (problems.length > 0 || !source || !locale || !role || !category || !earlier) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      source,
      locale,
      role,
      category,
      earlier,
      ...fields,
      email: raw.email ?? '',
      ...(receivedOn === undefined ? {} : { receivedOn }),
      ...(raw.phone === undefined ? {} : { phone: raw.phone }),
      ...(raw.concerns === undefined ? {} : { concerns: raw.concerns }),
      ...(raw.whatIsNew === undefined ? {} : { whatIsNew: raw.whatIsNew }),
    },
  };
}

function indexPlusOne(index: number): number {
  return index < 0 ? -1 : index + 1;
}

/** What turning a registered complaint into a case needs that the form does not hold. */
export interface IssueFormCaseContext {
  reference: string;
  /** The receipt moment: the form's date at noon UTC (the same calendar day in Amsterdam), else the issue's creation. */
  receivedAt: string;
  terms: Case['terms'];
  fingerprint: string;
  /** Who registered it: the GitHub login of the issue's author. */
  by: string;
}

/**
 * Makes the case for a complaint registered through the issue form.
 *
 * @example
 * caseFromIssueForm(fields, { reference, receivedAt, terms, fingerprint, by: 'coordinator' })
 */
export function caseFromIssueForm(fields: IssueFormFields, context: IssueFormCaseContext): Case {
  const { receivedOn: _receivedOn, ...rest } = fields;
  return parseCase({
    ...rest,
    reference: context.reference,
    status: 'ontvangen',
    receivedAt: context.receivedAt,
    terms: context.terms,
    fingerprint: context.fingerprint,
    extended: false,
    events: [{ at: context.receivedAt, status: 'ontvangen', by: context.by }],
    notices: [],
    messages: [],
  });
}

/**
 * The receipt moment of a registered complaint: the date the coordinator gave, at noon UTC (the
 * same calendar day in Europe/Amsterdam in every season), or else the moment the issue was made.
 *
 * @example
 * issueFormReceivedAt({ receivedOn: '2026-11-20' }, '2026-11-24T09:00:00Z') // '2026-11-20T12:00:00Z'
 */
export function issueFormReceivedAt(fields: Pick<IssueFormFields, 'receivedOn'>, issueCreatedAt: string): string {
  return fields.receivedOn === undefined ? issueCreatedAt : `${fields.receivedOn}T12:00:00Z`;
}
