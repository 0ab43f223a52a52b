/**
 * The moment up to which a stored register is complete: written beside the GitHub register's
 * files (`register/stand.json`) by a run that listed every case and wrote the register from that
 * listing (the daily retention run). A reader then lists only the cases changed since that moment
 * and takes the rest from the register, so the report, the export and retention read a year of
 * 50,000 cases with a dozen calls instead of hundreds of pages of issues.
 */
import { z } from 'zod';
import { registerFolder } from './codec.ts';

/** Where the stamp lives. */
export const stampPath = `${registerFolder}/stand.json`;

const stampSchema = z.strictObject({ complete: z.iso.datetime({ offset: true }) });

/**
 * The stamp file's text.
 *
 * @example
 * encodeStamp('2027-01-05T03:00:00.000Z') // '{"complete":"2027-01-05T03:00:00.000Z"}\n'
 */
export function encodeStamp(complete: string): string {
  return `${JSON.stringify(stampSchema.parse({ complete }))}\n`;
}

/**
 * The moment a stamp file names, or undefined when the text is not a stamp (then every case is listed).
 *
 * @example
 * decodeStamp('{"complete":"2027-01-05T03:00:00.000Z"}') // '2027-01-05T03:00:00.000Z'
 */
export function decodeStamp(text: string): string | undefined {
  try {
    const parsed = stampSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.complete : undefined;
  } catch {
    return undefined;
  }
}
