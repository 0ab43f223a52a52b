/**
 * What a person reads when a file is refused, per reason, in Dutch (B1) and English: the file by
 * the name their device gave it, what went wrong, and what they can do.
 */
import type { Locale } from '../locale.ts';
import { formatSize, type AttachmentLimits } from './limits.ts';
import type { FileRefusal, RefusalCode } from './pipeline.ts';

const accepted = {
  nl: "U kunt foto's (JPEG, PNG, WebP of HEIC) en PDF-documenten toevoegen.",
  en: 'You can add photos (JPEG, PNG, WebP or HEIC) and PDF documents.',
} as const;

type Limits = Pick<AttachmentLimits, 'maxFileBytes' | 'maxFilesPerPost' | 'maxFilesPerCase'>;

const texts: Record<Locale, Record<RefusalCode, (name: string, limits: Limits) => string>> = {
  nl: {
    empty: (name) => `${name} is leeg. Kies het bestand opnieuw.`,
    'too-large': (name, limits) =>
      `${name} is te groot: een bestand mag hoogstens ${formatSize(limits.maxFileBytes, 'nl')} zijn. Stuur een kleinere foto of PDF.`,
    type: (name) => `${name} kunnen we niet aannemen: het is geen foto of PDF. ${accepted.nl}`,
    undecodable: (name) =>
      `${name} is beschadigd of niet helemaal verstuurd: we kunnen het niet openen. Kies het bestand opnieuw, of stuur een ander bestand.`,
    encrypted: (name) => `${name} is beveiligd met een wachtwoord. Stuur de PDF zonder wachtwoord.`,
    infected: (name) =>
      `In ${name} vond onze virusscanner iets dat schadelijk kan zijn. We hebben het bestand niet bewaard. Stuur een ander bestand, of neem contact op met de klachtencoördinator.`,
    'too-many': (name, limits) =>
      `${name} is niet toegevoegd: u kunt hoogstens ${limits.maxFilesPerPost} bestanden tegelijk sturen.`,
    'case-full': (name, limits) =>
      `${name} is niet toegevoegd: bij één klacht passen hoogstens ${limits.maxFilesPerCase} bestanden.`,
    expired: (name) => `${name} hebben we niet meer: het is te lang geleden gekozen. Kies het bestand opnieuw.`,
    none: () => 'Kies een bestand om toe te voegen.',
  },
  en: {
    empty: (name) => `${name} is empty. Choose the file again.`,
    'too-large': (name, limits) =>
      `${name} is too large: a file may be at most ${formatSize(limits.maxFileBytes, 'en')}. Send a smaller photo or PDF.`,
    type: (name) => `We cannot accept ${name}: it is not a photo or a PDF. ${accepted.en}`,
    undecodable: (name) =>
      `${name} is damaged or did not arrive whole: we cannot open it. Choose the file again, or send another file.`,
    encrypted: (name) => `${name} is protected with a password. Send the PDF without a password.`,
    infected: (name) =>
      `Our virus scanner found something in ${name} that may be harmful. We have not kept the file. Send another file, or contact the complaints coordinator.`,
    'too-many': (name, limits) =>
      `${name} was not added: you can send at most ${limits.maxFilesPerPost} files at a time.`,
    'case-full': (name, limits) =>
      `${name} was not added: one complaint can hold at most ${limits.maxFilesPerCase} files.`,
    expired: (name) => `We no longer have ${name}: it was chosen too long ago. Choose the file again.`,
    none: () => 'Choose a file to add.',
  },
};

/**
 * The message for a refused file.
 *
 * @example
 * refusalMessage('nl', { originalName: 'foto.jpg', code: 'type' }, limits)
 * // '“foto.jpg” kunnen we niet aannemen: het is geen foto of PDF. U kunt foto's (JPEG, PNG, WebP of HEIC) en PDF-documenten toevoegen.'
 */
export function refusalMessage(locale: Locale, refusal: FileRefusal, limits: Limits): string {
  const name = refusal.originalName === '' ? (locale === 'nl' ? 'Een bestand' : 'A file') : `“${refusal.originalName}”`;
  const text = texts[locale][refusal.code](name, limits);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the form says when the virus scanner does not answer (503; nothing was kept). */
export const scannerUnavailableText = {
  nl: 'We konden uw bestanden nu niet op virussen controleren, dus we hebben nog niets bewaard. Uw tekst staat hieronder nog. Probeer het over een paar minuten opnieuw.',
  en: 'We could not check your files for viruses just now, so nothing has been kept yet. Your text is still below. Please try again in a few minutes.',
} as const;

/** The sentence that states the limits on the form. */
export function limitsText(locale: Locale, limits: Limits): string {
  return locale === 'nl'
    ? `Hoogstens ${limits.maxFilesPerPost} bestanden, elk hoogstens ${formatSize(limits.maxFileBytes, 'nl')}. ${accepted.nl}`
    : `At most ${limits.maxFilesPerPost} files, each at most ${formatSize(limits.maxFileBytes, 'en')}. ${accepted.en}`;
}
