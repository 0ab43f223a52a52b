import { access, constants, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { errorCode } from '../../cases/errors.ts';
import { silentLog } from '../../cases/log.ts';
import { failureText, lastFailure } from '../../cases/queue/last-failure.ts';
import { parseSettings, type Settings } from '../../cases/settings.ts';
import { minimumSecretLength } from '../../cases/signed-token.ts';
import { caseLabel } from '../../cases/stores/github/labels.ts';
import { readBuildInfo } from '../../site/build/build-info.ts';
import { parseCommandArgs, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { checkInbox } from './doctor-inbox.ts';

const usage = `Gebruik: npm run --silent klachten -- doctor

Controleert of deze installatie kan werken, zonder iets te veranderen: de configuratie, de opslag
van de klachten (map of GitHub: token of App, repository, schrijfrechten), de mailserver (SMTP),
de wachtrij (KLACHTEN_QUEUE), het geheim van de links (KLACHTEN_TOKEN_SECRET) en de antwoordbox
(KLACHTEN_IMAP_URL: bereikbaar, en wat er blijft liggen voor een mens). Eén regel per
controle, in het Nederlands en daarna in het Engels. Eindigt met 1 als er iets mis is.

Checks this installation without changing anything; one line per check; exits 1 on any problem.
`;

/** The outcome of one check: a line for a person, Dutch first. */
interface Finding {
  ok: boolean;
  nl: string;
  en: string;
}

const good = (nl: string, en: string): Finding => ({ ok: true, nl, en });
const bad = (nl: string, en: string): Finding => ({ ok: false, nl, en });

/** How long a check of a server may take before it counts as unreachable. */
const timeoutMs = 8000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: geen antwoord binnen ${timeoutMs / 1000} s`)), timeoutMs);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

async function checkConfiguration(ctx: CliContext): Promise<{ finding: Finding; settings?: Settings }> {
  let settings: Settings;
  try {
    settings = parseSettings(ctx.env, ctx.cwd);
  } catch (error) {
    const text = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    return { finding: bad(`Configuratie: ${text}`, 'Configuration: an environment variable is wrong (see above).') };
  }
  const url = ctx.config.site.url;
  if (!url.startsWith('https://')) {
    return {
      finding: bad(
        `Configuratie: site.url (${url}) begint niet met https://; zonder TLS gaan persoonsgegevens onversleuteld over het net.`,
        'Configuration: site.url is not https://.',
      ),
      settings,
    };
  }
  // The built site must be for the same address: its pages, form action and origin check carry it.
  const outDir = resolve(ctx.cwd, ctx.env['KLACHTEN_OUT_DIR'] ?? 'dist');
  const built = await readBuildInfo(outDir);
  if (built.siteUrl !== undefined && built.siteUrl !== url) {
    return {
      finding: bad(
        `Configuratie: de site in ${outDir} is gebouwd voor ${built.siteUrl}, de configuratie zegt ${url}: bouw opnieuw.`,
        'Configuration: the build is for another site.url: build again.',
      ),
      settings,
    };
  }
  return { finding: good(`Configuratie: in orde (site ${url}).`, 'Configuration: fine.'), settings };
}

async function checkFolderStore(ctx: CliContext, settings: Settings): Promise<Finding> {
  if (ctx.env['VERCEL'] || ctx.env['NETLIFY'] || ctx.env['AWS_LAMBDA_FUNCTION_NAME']) {
    return bad(
      'Opslag: de klachtenmap (KLACHTEN_STORE=git) werkt niet op een serverless platform: de schijf van een functie blijft niet bewaard. Gebruik KLACHTEN_STORE=github.',
      'Store: the Git folder does not last on a serverless platform; use KLACHTEN_STORE=github.',
    );
  }
  const folder = settings.dataDir;
  const info = await stat(folder).catch(() => undefined);
  if (info === undefined) {
    // Made on the first complaint, if its parent lets us.
    const parent = await access(dirname(folder), constants.W_OK).then(
      () => true,
      () => false,
    );
    return parent
      ? good(
          `Opslag: de map ${folder} bestaat nog niet en wordt bij de eerste klacht gemaakt.`,
          'Store: the data folder is made on the first complaint.',
        )
      : bad(
          `Opslag: de map ${folder} bestaat niet, en in ${dirname(folder)} mag deze gebruiker niets maken.`,
          'Store: the data folder is missing and cannot be made.',
        );
  }
  if (!info.isDirectory()) return bad(`Opslag: ${folder} is geen map.`, 'Store: the data folder is not a folder.');
  const writable = await access(folder, constants.W_OK).then(
    () => true,
    () => false,
  );
  if (!writable) {
    return bad(`Opslag: deze gebruiker mag niet schrijven in ${folder}.`, 'Store: the data folder is not writable.');
  }
  if ((info.mode & 0o077) !== 0) {
    return bad(
      `Opslag: ${folder} is leesbaar voor andere gebruikers (${(info.mode & 0o777).toString(8)}); er staan persoonsgegevens in: chmod 700 ${folder}.`,
      'Store: the data folder is readable by others: chmod 700.',
    );
  }
  return good(
    `Opslag: de map ${folder} is schrijfbaar en alleen voor deze gebruiker.`,
    'Store: the data folder is fine.',
  );
}

async function checkGitHubStore(ctx: CliContext): Promise<Finding> {
  let github;
  try {
    github = servicesOf(ctx).makeGitHub(ctx, silentLog);
  } catch (error) {
    return bad(`GitHub: ${messageOf(error)}`, 'GitHub: the settings are incomplete.');
  }
  const { octokit, repository } = github;
  const fullName = `${repository.owner}/${repository.repo}`;
  const status = (error: unknown) => (error as { status?: number }).status;
  try {
    const { data: repo } = await withTimeout(octokit.request('GET /repos/{owner}/{repo}', { ...repository }), 'GitHub');
    if (!repo.private) {
      return bad(
        `GitHub: de repository ${fullName} is openbaar; klachten bevatten persoonsgegevens: maak haar privé.`,
        'GitHub: the repository is public.',
      );
    }
  } catch (error) {
    const code = status(error);
    if (code === 401) {
      return bad(
        'GitHub: het token of de GitHub App wordt geweigerd (401): controleer GITHUB_TOKEN of KLACHTEN_APP_ID, KLACHTEN_APP_PRIVATE_KEY en KLACHTEN_APP_INSTALLATION_ID.',
        'GitHub: the token or App is refused (401).',
      );
    }
    if (code === 404 || code === 403) {
      return bad(
        `GitHub: de repository ${fullName} is niet te zien met deze toegang (${code}): bestaat ze, en is de App erop geïnstalleerd?`,
        'GitHub: the repository cannot be reached with these credentials.',
      );
    }
    return bad(`GitHub: niet bereikbaar (${messageOf(error)}).`, 'GitHub: unreachable.');
  }
  try {
    await withTimeout(
      octokit.request('GET /repos/{owner}/{repo}/labels/{name}', { ...repository, name: caseLabel }),
      'GitHub',
    );
  } catch (error) {
    if (status(error) === 404) {
      return bad(
        `GitHub: het label "${caseLabel}" ontbreekt in ${fullName}: voer eerst "klachten setup" uit.`,
        'GitHub: the labels are missing: run "klachten setup".',
      );
    }
    return bad(`GitHub: de labels zijn niet te lezen (${messageOf(error)}).`, 'GitHub: the labels cannot be read.');
  }
  // The permission to write issues ("Issues: Read and write") is proved by changing an issue that
  // does not exist: GitHub refuses a writer without it (403) before it looks (404), and nothing
  // real is touched.
  try {
    await withTimeout(
      octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        ...repository,
        issue_number: 2_000_000_000,
      }),
      'GitHub',
    );
  } catch (error) {
    const code = status(error);
    if (code === 403 || code === 401) {
      return bad(
        `GitHub: deze toegang mag geen issues schrijven in ${fullName}: geef de App of het token "Issues: Read and write".`,
        'GitHub: no permission to write issues.',
      );
    }
    if (code !== 404 && code !== 410 && code !== 422) {
      return bad(`GitHub: de schrijfproef mislukte (${messageOf(error)}).`, 'GitHub: the write check failed.');
    }
  }
  return good(
    `GitHub: de toegang werkt; ${fullName} is bereikbaar, privé, en er mogen issues in geschreven worden.`,
    'GitHub: access works, the repository is private and issues may be written.',
  );
}

async function checkSmtp(ctx: CliContext, settings: Settings): Promise<Finding> {
  const smtpUrl = ctx.env['SMTP_URL'];
  if (smtpUrl === undefined || smtpUrl === '') {
    return settings.store === 'git'
      ? good(
          `Mail: geen SMTP_URL; berichten worden bewaard in ${join(settings.dataDir, 'outbox')} en niet verstuurd.`,
          'Mail: no SMTP_URL; messages are kept in the outbox folder, not sent.',
        )
      : bad(
          'Mail: SMTP_URL ontbreekt; met KLACHTEN_STORE=github kan geen bericht verstuurd worden.',
          'Mail: SMTP_URL is missing.',
        );
  }
  let host: string;
  try {
    const url = new URL(smtpUrl);
    host = `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`;
  } catch {
    return bad('Mail: SMTP_URL is geen geldig adres.', 'Mail: SMTP_URL is not a valid URL.');
  }
  // Connect, greet (EHLO), STARTTLS and log in where the URL asks for it: nodemailer's verify.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await withTimeout(transport.verify(), 'SMTP');
    return good(`Mail: de SMTP-server ${host} antwoordt en neemt ons aan.`, 'Mail: the SMTP server answers.');
  } catch (error) {
    return bad(
      `Mail: de SMTP-server ${host} is niet bereikbaar of weigert ons (${messageOf(error)}).`,
      'Mail: the SMTP server is unreachable or refuses.',
    );
  } finally {
    transport.close();
  }
}

/**
 * The queue (with the GitHub store, or wherever `KLACHTEN_QUEUE` is set): does it keep and give
 * back; and the last failure any process noted in it (`cases/queue/last-failure.ts`), a line of
 * its own that is history, not a problem now.
 */
async function checkQueue(ctx: CliContext, settings: Settings): Promise<Finding[]> {
  const wanted = ctx.env['KLACHTEN_QUEUE'];
  if ((wanted === undefined || wanted === '') && settings.store !== 'github') return [];
  let queue;
  try {
    // Loaded only when asked for: Redis and Netlify Blobs bring their own clients.
    const { makeQueueFromEnv } = await import('../../cases/queue/from-env.ts');
    queue = makeQueueFromEnv(ctx.env, ctx.cwd);
  } catch (error) {
    return [bad(`Wachtrij: ${messageOf(error)}`, 'Queue: KLACHTEN_QUEUE is wrong.')];
  }
  try {
    const value = { checkedAt: ctx.now().toISOString() };
    await withTimeout(queue.setMeta('doctor', value), 'Wachtrij');
    const read = await withTimeout(queue.getMeta('doctor'), 'Wachtrij');
    if (JSON.stringify(read) !== JSON.stringify(value)) {
      return [
        bad(
          `Wachtrij: ${queue.description} gaf iets anders terug dan er net in gezet is.`,
          'Queue: read back something else.',
        ),
      ];
    }
    const failure = await withTimeout(lastFailure(queue), 'Wachtrij');
    return [
      good(`Wachtrij: ${queue.description} bewaart en geeft terug.`, 'Queue: write and read work.'),
      good(`Laatste fout: ${failureText(failure)}.`, `Last failure: ${failure?.code ?? 'none noted'}.`),
    ];
  } catch (error) {
    return [
      bad(
        `Wachtrij: ${queue.description} is niet bereikbaar of weigert (${errorCode(error)}: ${messageOf(error)}).`,
        'Queue: unreachable or refusing.',
      ),
    ];
  } finally {
    await queue.close().catch(() => undefined);
  }
}

async function checkTokenSecret(ctx: CliContext, settings: Settings): Promise<Finding> {
  const secret = ctx.env['KLACHTEN_TOKEN_SECRET'];
  if (secret !== undefined && secret !== '') {
    return secret.length >= minimumSecretLength
      ? good('Geheim: KLACHTEN_TOKEN_SECRET is gezet en lang genoeg.', 'Secret: set and long enough.')
      : bad(
          `Geheim: KLACHTEN_TOKEN_SECRET is te kort (${secret.length} tekens); gebruik er minstens ${minimumSecretLength}, bijvoorbeeld: openssl rand -hex 32.`,
          'Secret: KLACHTEN_TOKEN_SECRET is too short.',
        );
  }
  if (settings.store === 'git') {
    return good(
      `Geheim: geen KLACHTEN_TOKEN_SECRET; de site maakt er een in ${join(settings.dataDir, 'token-secret')}.`,
      'Secret: made beside the cases on this machine.',
    );
  }
  return bad(
    'Geheim: KLACHTEN_TOKEN_SECRET ontbreekt; met KLACHTEN_STORE=github moeten de site en de workflows hetzelfde geheim hebben.',
    'Secret: KLACHTEN_TOKEN_SECRET is missing.',
  );
}

/**
 * `klachten doctor`: checks the configuration, the store, SMTP, the queue and the token secret,
 * one line each, Dutch then English; 1 when any is wrong. It writes nothing but one bookkeeping
 * value in the queue (GitHub's write permission is tried on an issue that does not exist).
 *
 * @example
 * await run({ argv: [], env: process.env, cwd: process.cwd(), config, … }) // 0, "✓ Configuratie: in orde …"
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, usage, { options: { help: { type: 'boolean' } } });
  if (typeof parsed === 'number') return parsed;
  const findings: Finding[] = [];
  const { finding, settings } = await checkConfiguration(ctx);
  findings.push(finding);
  if (settings !== undefined) {
    findings.push(settings.store === 'git' ? await checkFolderStore(ctx, settings) : await checkGitHubStore(ctx));
    findings.push(await checkSmtp(ctx, settings));
    findings.push(...(await checkQueue(ctx, settings)));
    findings.push(await checkTokenSecret(ctx, settings));
    findings.push(...(await checkInbox(ctx)));
  }
  for (const { ok, nl, en } of findings) ctx.stdout(`${ok ? '✓' : '✗'} ${nl} / ${en}\n`);
  const problems = findings.filter((found) => !found.ok).length;
  ctx.stdout(
    problems === 0
      ? 'Alles in orde. / All is well.\n'
      : `${problems} ${problems === 1 ? 'probleem' : 'problemen'} gevonden. / ${problems} problem(s) found.\n`,
  );
  return problems === 0 ? 0 : 1;
}
