import { z } from 'zod';
import { holdsLineOrFormat } from './format-characters.ts';
import { locales, type Locale } from './locale.ts';

/** Who files the complaint; the reglement names these three. */
export const roles = ['bewoner', 'pand-eigenaar', 'opdrachtgever'] as const;
export type Role = (typeof roles)[number];

/**
 * Maximum lengths, shown to the person beside each field and enforced by the schema.
 * The complaint may be long: people tell their story; GitHub bodies are split when needed.
 */
export const limits = {
  name: 120,
  email: 254,
  phone: 30,
  address: 200,
  complaint: 20000,
  expectation: 5000,
  concerns: 200,
  whatIsNew: 5000,
} as const;

/**
 * Why a field was refused. The form turns a code into Dutch or English text
 * ({@link complaintMessages}), so one schema serves both languages.
 */
export type ErrorCode = 'required' | 'tooLong' | 'email' | 'phone' | 'choice' | 'consent' | 'control';

// Browsers send a textarea's line breaks as CRLF; what the person typed is plain newlines.
const normaliseNewlines = (value: string) => value.replace(/\r\n?/g, '\n');

// A one-line field holds no line break of any kind (also U+2028, U+2029, U+0085, vertical tab,
// form feed), no tab, escape or other control character and no bidi or invisible format
// character: a name with a line break would add lines to a mail's salutation or a fake
// "E-mail:" line to a coordinator's screen, an escape sequence would rewrite their terminal, a
// bidi override would reorder what they read. Checked before trimming, so a trailing line break
// is refused too.
const oneLine = { error: 'control' } as const;
const isOneLine = (value: string) => !holdsLineOrFormat(value);

// Empty form fields arrive as null (Astro) or '' (plain forms); both mean "not filled in".
const text = (max: number) =>
  z
    .string({ error: 'required' })
    .overwrite(normaliseNewlines)
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: 'tooLong' });
const optionalText = (max: number) =>
  z
    .string({ error: 'required' })
    .overwrite(normaliseNewlines)
    .trim()
    .max(max, { error: 'tooLong' })
    .nullish()
    .transform((value) => (value ? value : undefined));
const lineText = (max: number) =>
  z
    .string({ error: 'required' })
    .refine(isOneLine, oneLine)
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: 'tooLong' });
const optionalLineText = (max: number) =>
  z
    .string({ error: 'required' })
    .refine(isOneLine, oneLine)
    .trim()
    .max(max, { error: 'tooLong' })
    .nullish()
    .transform((value) => (value ? value : undefined));

/**
 * Builds the schema of the complaint form for a set of category ids from the configuration.
 * It is the one source of the form's fields, limits and error codes, for the server and the page.
 *
 * @example
 * const schema = makeComplaintSchema(['onderhoud', 'overlast']);
 * schema.safeParse({ role: 'bewoner', name: 'Anna', … });
 */
export function makeComplaintSchema(categoryIds: readonly [string, ...string[]]) {
  return z
    .object({
      locale: z.enum(locales, { error: 'choice' }).default('nl'),
      role: z.enum(roles, { error: 'choice' }),
      name: lineText(limits.name),
      email: z
        .string({ error: 'required' })
        .refine(isOneLine, oneLine)
        .trim()
        .min(1, { error: 'required' })
        .max(limits.email, { error: 'tooLong' })
        .pipe(z.email({ error: 'email' })),
      phone: optionalLineText(limits.phone).refine(
        (value) => value === undefined || /^[0-9+()\-.\s]{6,}$/.test(value),
        {
          error: 'phone',
        },
      ),
      address: lineText(limits.address),
      category: z.enum(categoryIds, { error: 'choice' }),
      complaint: text(limits.complaint),
      expectation: text(limits.expectation),
      concerns: optionalLineText(limits.concerns),
      earlier: z.enum(['nee', 'ja'], { error: 'choice' }),
      whatIsNew: optionalText(limits.whatIsNew),
      consent: z.literal('ja', { error: 'consent' }),
    })
    .refine((value) => value.earlier !== 'ja' || Boolean(value.whatIsNew), {
      // The reglement does not take up a repeat complaint without new facts: ask for them.
      path: ['whatIsNew'],
      error: 'required',
      // Also when other fields are wrong, so the person sees every error at once.
      when: (payload) =>
        !payload.issues.some((issue) => issue.path?.[0] === 'earlier' || issue.path?.[0] === 'whatIsNew'),
    });
}

export type ComplaintSchema = ReturnType<typeof makeComplaintSchema>;
/** A complaint as the person submitted it, validated and trimmed. */
export type Complaint = z.output<ComplaintSchema>;
/** The names of the form's fields, in the order the form shows them. */
export const complaintFields = [
  'role',
  'name',
  'email',
  'phone',
  'address',
  'category',
  'complaint',
  'expectation',
  'concerns',
  'earlier',
  'whatIsNew',
  'consent',
] as const;
export type ComplaintField = (typeof complaintFields)[number];

/** The raw values a person typed, kept as typed so an error never loses anything. */
export type ComplaintValues = Partial<Record<ComplaintField, string>>;

/** Errors per field, as codes. */
export type ComplaintErrors = Partial<Record<ComplaintField, ErrorCode>>;

/**
 * Validates raw form values; returns the complaint or the first error code per field.
 *
 * @example
 * validateComplaint(schema, { name: '' }) // { ok: false, errors: { name: 'required', … } }
 */
export function validateComplaint(
  schema: ComplaintSchema,
  values: Record<string, unknown>,
): { ok: true; complaint: Complaint } | { ok: false; errors: ComplaintErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, complaint: result.data };
  const errors: ComplaintErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !isComplaintField(field) || errors[field]) continue;
    errors[field] = toErrorCode(issue.message);
  }
  return { ok: false, errors };
}

function isComplaintField(name: string): name is ComplaintField {
  return (complaintFields as readonly string[]).includes(name);
}

const codes: readonly ErrorCode[] = ['required', 'tooLong', 'email', 'phone', 'choice', 'consent', 'control'];
function toErrorCode(message: string): ErrorCode {
  return (codes as readonly string[]).includes(message) ? (message as ErrorCode) : 'choice';
}

/**
 * The text of an error for a field, in the person's language, naming the limit where one applies.
 *
 * @example
 * errorMessage('nl', 'name', 'tooLong') // "Uw naam is te lang: gebruik hoogstens 120 tekens."
 */
export function errorMessage(locale: Locale, field: ComplaintField, code: ErrorCode): string {
  const m = complaintMessages[locale];
  switch (code) {
    case 'required':
    case 'choice':
      return m.required[field];
    case 'tooLong': {
      const max = field in limits ? limits[field as keyof typeof limits] : 0;
      return m.tooLong(m.names[field], max);
    }
    case 'email':
      return m.email;
    case 'phone':
      return m.phone;
    case 'consent':
      return m.required.consent;
    case 'control':
      return m.control(m.names[field]);
  }
}

/** The sentences behind each error code, per field where the wording differs. */
export const complaintMessages = {
  nl: {
    required: {
      role: 'Kies wie u bent: bewoner, pand eigenaar of opdrachtgever.',
      name: 'Vul uw naam in.',
      email: 'Vul uw e-mailadres in.',
      phone: 'Vul een geldig telefoonnummer in, of laat het veld leeg.',
      address: 'Vul het adres of complex in waar uw klacht over gaat.',
      category: 'Kies waar uw klacht over gaat.',
      complaint: 'Beschrijf uw klacht.',
      expectation: 'Vul in wat u van ons verwacht.',
      concerns: 'Vul in over wie of welke afdeling uw klacht gaat, of laat het veld leeg.',
      earlier: 'Kies of u hier al eerder over heeft geklaagd.',
      whatIsNew: 'Vul in wat er nieuw is sinds uw vorige klacht.',
      consent:
        'Geef toestemming voor het gebruik van uw gegevens. Zonder toestemming kunnen we uw klacht niet behandelen.',
    },
    names: {
      role: 'Wie u bent',
      name: 'Uw naam',
      email: 'Uw e-mailadres',
      phone: 'Uw telefoonnummer',
      address: 'Het adres of complex',
      category: 'Het onderwerp',
      complaint: 'Uw klacht',
      expectation: 'Wat u verwacht',
      concerns: 'Over wie of welke afdeling',
      earlier: 'Eerder geklaagd',
      whatIsNew: 'Wat er nieuw is',
      consent: 'Toestemming',
    },
    tooLong: (name: string, max: number) =>
      `${name} is te lang: gebruik hoogstens ${max.toLocaleString('nl-NL')} tekens.`,
    control: (name: string) =>
      `${name} mag maar één regel zijn, zonder regeleinden, tabs of onzichtbare stuurtekens. Haal die weg en probeer het opnieuw.`,
    email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
    phone: 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678, of laat het veld leeg.',
  },
  en: {
    required: {
      role: 'Choose who you are: resident, property owner or client.',
      name: 'Enter your name.',
      email: 'Enter your email address.',
      phone: 'Enter a valid phone number, or leave it empty.',
      address: 'Enter the address or complex your complaint is about.',
      category: 'Choose what your complaint is about.',
      complaint: 'Describe your complaint.',
      expectation: 'Enter what you expect from us.',
      concerns: 'Enter whom or which department your complaint is about, or leave it empty.',
      earlier: 'Choose whether you have complained about this before.',
      whatIsNew: 'Enter what is new since your previous complaint.',
      consent: 'Give your consent to the use of your data. Without it we cannot handle your complaint.',
    },
    names: {
      role: 'Who you are',
      name: 'Your name',
      email: 'Your email address',
      phone: 'Your phone number',
      address: 'The address or complex',
      category: 'The subject',
      complaint: 'Your complaint',
      expectation: 'What you expect',
      concerns: 'Whom or which department',
      earlier: 'Complained before',
      whatIsNew: 'What is new',
      consent: 'Consent',
    },
    tooLong: (name: string, max: number) =>
      `${name} is too long: use at most ${max.toLocaleString('en-GB')} characters.`,
    control: (name: string) =>
      `${name} must be a single line, without line breaks, tabs or invisible control characters. Remove them and try again.`,
    email: 'Enter a valid email address, for example name@example.com.',
    phone: 'Enter a valid phone number, for example +31 6 12345678, or leave it empty.',
  },
} as const satisfies Record<
  Locale,
  { required: Record<ComplaintField, string>; names: Record<ComplaintField, string> } & Record<string, unknown>
>;
