/**
 * How many files, and how large, in the person's terms: per post, per case, per file. The
 * organisation sets them in `klachten.config.ts` (`attachments`); a serverless platform narrows
 * them, because Netlify and Vercel refuse a request body over about 4.5 MB before the function
 * runs (Vercel: 4.5 MB; Netlify: 6 MB after Base64, so 4.5 MB of file) — there every file
 * travels in a post of its own of at most {@link serverlessPostBytes} (docs/attachments.md).
 */

/** One megabyte as the limits count it (and as most phones and Windows show sizes). */
export const megabyte = 1024 * 1024;

/** The largest post the site makes on Netlify or Vercel: below both platforms' limits. */
export const serverlessPostBytes = 4_400_000;

/** The largest file on Netlify or Vercel: one file and its form fields fit in one post. */
export const serverlessFileBytes = 4 * megabyte;

/** The organisation's settings (`attachments` in klachten.config.ts). */
export interface AttachmentSettings {
  maxFilesPerPost: number;
  maxFilesPerCase: number;
  maxFileMegabytes: number;
}

/** The limits in force where the site runs. */
export interface AttachmentLimits {
  maxFilesPerPost: number;
  maxFilesPerCase: number;
  maxFileBytes: number;
  /**
   * Whether the form may carry files itself (a multipart post without JavaScript): on the Node
   * server yes; on a serverless platform every file goes in a post of its own.
   */
  filesInForm: boolean;
  /** The most bytes one post may hold; a reader stops beyond it. */
  maxPostBytes: number;
}

/**
 * The limits for the settings, on the Node server or on a serverless platform.
 *
 * @example
 * attachmentLimits({ maxFilesPerPost: 5, maxFilesPerCase: 10, maxFileMegabytes: 10 }, false).maxFileBytes // 10485760
 * attachmentLimits({ maxFilesPerPost: 5, maxFilesPerCase: 10, maxFileMegabytes: 10 }, true).maxFileBytes // 4194304
 */
export function attachmentLimits(settings: AttachmentSettings, serverless: boolean): AttachmentLimits {
  const configured = Math.floor(settings.maxFileMegabytes * megabyte);
  if (serverless) {
    return {
      maxFilesPerPost: settings.maxFilesPerPost,
      maxFilesPerCase: settings.maxFilesPerCase,
      maxFileBytes: Math.min(configured, serverlessFileBytes),
      filesInForm: false,
      maxPostBytes: serverlessPostBytes,
    };
  }
  return {
    maxFilesPerPost: settings.maxFilesPerPost,
    maxFilesPerCase: settings.maxFilesPerCase,
    maxFileBytes: configured,
    filesInForm: true,
    // Every file at its limit, the form's text and the multipart framing.
    maxPostBytes: settings.maxFilesPerPost * configured + megabyte,
  };
}

/**
 * A size as a person reads it: "1,2 MB", "350 kB".
 *
 * @example
 * formatSize(1_258_291, 'nl') // '1,2 MB'
 * formatSize(358_400, 'en') // '350 kB'
 */
export function formatSize(bytes: number, locale: 'nl' | 'en'): string {
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  if (bytes >= megabyte) {
    return `${(bytes / megabyte).toLocaleString(tag, { maximumFractionDigits: 1 })} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(tag)} kB`;
}
