import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

/** The proxy headers a client address may be read from; each names the client on its own platform. */
export const clientAddressHeaders = ['x-forwarded-for', 'x-real-ip', 'x-nf-client-connection-ip'] as const;

/**
 * Run-time settings from the environment: where cases are kept, and how the public form is
 * protected. Secrets never live in files.
 */
export const settingsSchema = z.object({
  KLACHTEN_STORE: z.enum(['git', 'github'], { error: 'kies "git" of "github"' }).default('git'),
  KLACHTEN_DATA_DIR: z.string().min(1).default('.data'),
  KLACHTEN_RATE_LIMIT_PER_HOUR: z.coerce
    .number({ error: 'gebruik een heel getal van 0 of meer (0 zet de grens uit)' })
    .int({ error: 'gebruik een heel getal van 0 of meer (0 zet de grens uit)' })
    .min(0, { error: 'gebruik een heel getal van 0 of meer (0 zet de grens uit)' })
    .default(10),
  KLACHTEN_CLIENT_ADDRESS_HEADER: z
    .string()
    .transform((value) => value.trim().toLowerCase())
    .pipe(z.enum(clientAddressHeaders, { error: `kies een van: ${clientAddressHeaders.join(', ')}` }))
    .optional(),
  KLACHTEN_TRUSTED_PROXY_HOPS: z.coerce
    .number({ error: 'gebruik een heel getal van 1 of meer: hoeveel proxy’s van uzelf er vóór de site staan' })
    .int({ error: 'gebruik een heel getal van 1 of meer: hoeveel proxy’s van uzelf er vóór de site staan' })
    .min(1, { error: 'gebruik een heel getal van 1 of meer: hoeveel proxy’s van uzelf er vóór de site staan' })
    .optional(),
});

/**
 * Where the client of a request is named: the header, and for `x-forwarded-for` how many hops at
 * its right end the operator's own proxies wrote (`KLACHTEN_TRUSTED_PROXY_HOPS`, default 1). The
 * single-value headers (nginx's `x-real-ip`, Netlify's `x-nf-client-connection-ip`) are written
 * whole by the proxy or platform, and have no hops to count.
 */
export interface ClientAddressHeader {
  name: (typeof clientAddressHeaders)[number];
  trustedHops: number;
}

/** Settings after validation, with the data folder made absolute. */
export interface Settings {
  store: 'git' | 'github';
  dataDir: string;
  /** The Git-folder store's folder: `$KLACHTEN_DATA_DIR/cases`. */
  casesDir: string;
  /** Accepted complaints per client address per hour; 0 means no limit. */
  rateLimitPerHour: number;
  /** The header a reverse proxy or platform names the client in; absent: the connection's address. */
  clientAddressHeader?: ClientAddressHeader;
}

/**
 * Reads the run-time settings from an environment; throws one message naming the bad variable.
 *
 * @example
 * parseSettings({ KLACHTEN_DATA_DIR: '/srv/klachten' }, '/app')
 * // { store: 'git', dataDir: '/srv/klachten', casesDir: '/srv/klachten/cases', rateLimitPerHour: 10 }
 */
export function parseSettings(env: Record<string, string | undefined>, cwd: string): Settings {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = settingsSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Ongeldige omgevingsvariabele:\n${lines.join('\n')}`);
  }
  const dataDir = isAbsolute(result.data.KLACHTEN_DATA_DIR)
    ? result.data.KLACHTEN_DATA_DIR
    : resolve(cwd, result.data.KLACHTEN_DATA_DIR);
  const header = result.data.KLACHTEN_CLIENT_ADDRESS_HEADER;
  const hops = result.data.KLACHTEN_TRUSTED_PROXY_HOPS;
  if (hops !== undefined && header === undefined) {
    throw new Error(
      'Ongeldige omgevingsvariabele:\n  - KLACHTEN_TRUSTED_PROXY_HOPS: telt alleen met KLACHTEN_CLIENT_ADDRESS_HEADER=x-forwarded-for',
    );
  }
  return {
    store: result.data.KLACHTEN_STORE,
    dataDir,
    casesDir: join(dataDir, 'cases'),
    rateLimitPerHour: result.data.KLACHTEN_RATE_LIMIT_PER_HOUR,
    ...(header === undefined ? {} : { clientAddressHeader: { name: header, trustedHops: hops ?? 1 } }),
  };
}

/**
 * Refuses the Git-folder store on a serverless platform (the build's adapter, or the platform's
 * own variables at run time): a function's disk is gone after the request, and every complaint
 * with it. Throws one message saying what to use instead.
 *
 * @example
 * refuseFolderStoreOnServerless({ store: 'git', … }, 'netlify', {}) // throws "KLACHTEN_STORE=git werkt niet op Netlify: …"
 */
export function refuseFolderStoreOnServerless(
  settings: Pick<Settings, 'store'>,
  adapter: string | undefined,
  env: Record<string, string | undefined>,
): void {
  if (settings.store !== 'git') return;
  const platform =
    adapter === 'netlify' || env['NETLIFY'] ? 'Netlify' : adapter === 'vercel' || env['VERCEL'] ? 'Vercel' : undefined;
  if (platform === undefined) return;
  throw new Error(
    `KLACHTEN_STORE=git werkt niet op ${platform}: de schijf van een functie blijft niet bewaard, dus elke klacht zou verdwijnen. ` +
      `Zet KLACHTEN_STORE=github met de wachtrij (KLACHTEN_QUEUE) — zie docs/deploy.md. / ` +
      `The Git-folder store does not work on ${platform}: a function's disk does not last. Use KLACHTEN_STORE=github.`,
  );
}
