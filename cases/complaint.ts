import { z } from 'zod';

/** Who files the complaint; the reglement names these three. */
export const roles = ['bewoner', 'pand-eigenaar', 'opdrachtgever'] as const;
export type Role = (typeof roles)[number];

/** The languages of the site, Dutch first. */
export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];

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
export type ErrorCode = 'required' | 'tooLong' | 'email' | 'phone' | 'choice' | 'consent';

// Empty form fields arrive as null (Astro) or '' (plain forms); both mean "not filled in".
const text = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });
const optionalText = (max: number) =>
  z
    .string({ error: 'required' })
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
      name: text(limits.name),
      email: z
        .string({ error: 'required' })
        .trim()
        .min(1, { error: 'required' })
        .max(limits.email, { error: 'tooLong' })
        .pipe(z.email({ error: 'email' })),
      phone: optionalText(limits.phone).refine((value) => value === undefined || /^[0-9+()\-.\s]{6,}$/.test(value), {
        error: 'phone',
      }),
      address: text(limits.address),
      category: z.enum(categoryIds, { error: 'choice' }),
      complaint: text(limits.complaint),
      expectation: text(limits.expectation),
      concerns: optionalText(limits.concerns),
      earlier: z.enum(['nee', 'ja'], { error: 'choice' }),
      whatIsNew: optionalText(limits.whatIsNew),
      consent: z.literal('ja', { error: 'consent' }),
    })
    .superRefine((value, ctx) => {
      // The reglement does not take up a repeat complaint without new facts: ask for them.
      if (value.earlier === 'ja' && !value.whatIsNew) {
        ctx.addIssue({ code: 'custom', path: ['whatIsNew'], message: 'required' });
      }
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

const codes: readonly ErrorCode[] = ['required', 'tooLong', 'email', 'phone', 'choice', 'consent'];
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
  const label = fieldNames[locale][field];
  const max = field in limits ? limits[field as keyof typeof limits] : undefined;
  const m = complaintMessages[locale];
  switch (code) {
    case 'required':
      return m.required(label);
    case 'tooLong':
      return m.tooLong(label, max ?? 0);
    case 'email':
      return m.email;
    case 'phone':
      return m.phone;
    case 'consent':
      return m.consent;
    case 'choice':
      return m.choice(label);
  }
}

/** How each field is named inside an error sentence. */
export const fieldNames: Record<Locale, Record<ComplaintField, string>> = {
  nl: {
    role: 'wie u bent',
    name: 'uw naam',
    email: 'uw e-mailadres',
    phone: 'uw telefoonnummer',
    address: 'het adres of complex',
    category: 'waar uw klacht over gaat',
    complaint: 'uw klacht',
    expectation: 'wat u verwacht',
    concerns: 'over wie of welke afdeling',
    earlier: 'of u hierover al eerder klaagde',
    whatIsNew: 'wat er nieuw is',
    consent: 'uw toestemming',
  },
  en: {
    role: 'who you are',
    name: 'your name',
    email: 'your email address',
    phone: 'your phone number',
    address: 'the address or complex',
    category: 'what your complaint is about',
    complaint: 'your complaint',
    expectation: 'what you expect',
    concerns: 'whom or which department',
    earlier: 'whether you complained about this before',
    whatIsNew: 'what is new',
    consent: 'your consent',
  },
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The sentences behind each error code. */
export const complaintMessages = {
  nl: {
    required: (label: string) => `Vul ${label} in.`,
    tooLong: (label: string, max: number) => `${capitalise(label)} is te lang: gebruik hoogstens ${max} tekens.`,
    email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
    phone: 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678, of laat het veld leeg.',
    consent: 'Geef toestemming voor het gebruik van uw gegevens. Zonder toestemming kunnen we uw klacht niet behandelen.',
    choice: (label: string) => `Kies ${label}.`,
  },
  en: {
    required: (label: string) => `Enter ${label}.`,
    tooLong: (label: string, max: number) => `${capitalise(label)} is too long: use at most ${max} characters.`,
    email: 'Enter a valid email address, for example name@example.com.',
    phone: 'Enter a valid phone number, for example +31 6 12345678, or leave it empty.',
    consent: 'Give your consent to the use of your data. Without it we cannot handle your complaint.',
    choice: (label: string) => `Choose ${label}.`,
  },
} as const;
