import { readFile } from 'node:fs/promises';
import type { Case } from '../../cases/case.ts';
import type { Config } from '../../cases/config.ts';
import { deliverDueMessages, type DeliveryReport } from '../../cases/mail/deliver.ts';
import {
  composeMessage,
  dueMessages,
  messageKinds,
  messageNames,
  type MessageKind,
  type TemplateSet,
} from '../../cases/mail/messages.ts';
import { loadTokenSecret } from '../../cases/mail/secret.ts';
import { defaultTemplatesDir, loadTemplates } from '../../cases/mail/template-files.ts';
import { makeMailerFromEnv, type Mailer } from '../../cases/mail/transport.ts';
import { referencePattern } from '../../cases/case.ts';
import type { CaseStore } from '../../cases/store.ts';
import { makeStoreFromEnv } from '../../cases/stores/from-env.ts';
import config from '../../klachten.config.ts';
import { parseCommandArgs, usageExit, type CliContext } from '../cli-context.ts';
import { runMove } from './case-moves.ts';

const usage = `Gebruik:
  klachten mail [send] [--case <kenmerk>]   de berichten versturen die klaarstaan (dagelijks, en na elke stap)
  klachten mail --event                     idem voor de klacht van de issue van deze GitHub Actions-gebeurtenis
  klachten mail status [--json]             berichten die nog niet zijn verstuurd, met de laatste fout
  klachten mail preview <soort> [--locale en] [--html]
                                            een sjabloon met voorbeeldgegevens tonen (templates/mail/)

  Soorten: ${messageKinds.map((kind) => `${kind} (${messageNames[kind]})`).join(', ')}.

  Elk bericht gaat één keer: het wordt op de klacht vastgelegd zodra het is verstuurd. Een bericht
  dat mislukt, blijft klaarstaan en gaat mee met de volgende run. Zonder SMTP_URL komen berichten
  als .eml-bestand in $KLACHTEN_DATA_DIR/outbox (alleen bij de Git-map).

  Afsluitcode 0: klaar; 1: een of meer berichten zijn mislukt (ze blijven klaarstaan); 2: verkeerde opties.
`;

/** What the command needs from outside; each is made from the environment when not given (tests pass their own). */
export interface MailDeps {
  config: Config;
  store: CaseStore;
  mailer: Mailer;
  templates: TemplateSet;
  tokenSecret: string | undefined;
}

/**
 * `klachten mail [send|status|preview]`.
 *
 * @example
 * await run({ argv: [], … }) // sends what is due, prints one line per message, returns 0
 */
export async function run(ctx: CliContext, deps: Partial<MailDeps> = {}): Promise<number> {
  const parsed = parseCommandArgs(ctx, usage, {
    allowPositionals: true,
    options: {
      case: { type: 'string' },
      event: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      locale: { type: 'string', default: 'nl' },
      html: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const [action = 'send', ...rest] = parsed.positionals;
  const values = parsed.values;
  const cfg = deps.config ?? config;
  if (action === 'send' && rest.length === 0) {
    let chosen = values.case;
    if (values.event) {
      chosen = await referenceOfEvent(ctx);
      if (chosen === undefined) {
        ctx.stdout('Geen klacht in deze gebeurtenis: geen berichten.\n');
        return 0;
      }
    }
    const references = chosen === undefined ? undefined : [chosen.trim().toUpperCase()];
    if (references !== undefined && !referencePattern.test(references[0] ?? '')) {
      ctx.stderr(`"${chosen}" is geen kenmerk (zoals K-2026-7QF3M9).\n`);
      return usageExit;
    }
    const store = deps.store ?? makeStoreFromEnv(ctx.env, cfg, ctx.cwd);
    const mailer = deps.mailer ?? makeMailerFromEnv(ctx.env, ctx.cwd);
    try {
      const report = await deliverDueMessages(
        store,
        mailer,
        {
          config: cfg,
          templates: deps.templates ?? (await loadTemplates(defaultTemplatesDir(ctx.cwd))),
          tokenSecret: 'tokenSecret' in deps ? deps.tokenSecret : await loadTokenSecret(ctx.env, ctx.cwd),
          now: ctx.now,
          log: logTo(ctx),
        },
        references === undefined ? {} : { references },
      );
      ctx.stdout(reportText(report, mailer.description));
      return report.failed > 0 ? 1 : 0;
    } finally {
      if (deps.mailer === undefined) mailer.close();
    }
  }
  if (action === 'status' && rest.length === 0) {
    const store = deps.store ?? makeStoreFromEnv(ctx.env, cfg, ctx.cwd);
    const rows = statusRows(await store.listCases(), ctx.now());
    ctx.stdout(values.json ? `${JSON.stringify(rows, null, 2)}\n` : statusText(rows));
    return 0;
  }
  if (action === 'preview' && rest.length === 1) {
    const kind = rest[0] as MessageKind;
    const locale = values.locale;
    if (!(messageKinds as readonly string[]).includes(kind) || (locale !== 'nl' && locale !== 'en')) {
      ctx.stderr(usage);
      return usageExit;
    }
    const templates = deps.templates ?? (await loadTemplates(defaultTemplatesDir(ctx.cwd)));
    // A preview must work before any handler is configured.
    const sample: Config =
      cfg.people.length > 0
        ? cfg
        : { ...cfg, people: [{ id: 'voorbeeld-behandelaar', name: 'Voorbeeld Behandelaar' }] };
    const mail = composeMessage(kind, sampleCase(kind, locale, sample), {
      config: sample,
      templates,
      now: ctx.now(),
      tokenSecret: 'voorbeeld-geheim-alleen-voor-de-preview-0123456789',
    });
    ctx.stdout(values.html ? mail.html : `Aan: ${mail.to}\nOnderwerp: ${mail.subject}\n\n${mail.text}`);
    return 0;
  }
  ctx.stderr(usage);
  return usageExit;
}

/**
 * The reference in the title of the issue of the running GitHub Actions event (`GITHUB_EVENT_PATH`),
 * so the case-events job sends the mail of its own case only. A title someone edited to name
 * another case only sends that case's due mail: nothing that was not due anyway.
 */
async function referenceOfEvent(ctx: CliContext): Promise<string | undefined> {
  const path = ctx.env['GITHUB_EVENT_PATH'];
  if (path === undefined || path === '')
    throw new Error('--event werkt alleen in een GitHub Actions-job (GITHUB_EVENT_PATH ontbreekt).');
  const payload = JSON.parse(await readFile(path, 'utf8')) as { issue?: { title?: unknown } };
  const title = typeof payload.issue?.title === 'string' ? payload.issue.title : '';
  return /\bK-\d{4}-[0-9A-HJKMNP-TV-Z]{6}\b/.exec(title)?.[0];
}

/**
 * After a move on one case: sends what the move made due (a confirmation, an extension notice,
 * the answer and the satisfaction question, or the notice that a repeat complaint is not taken
 * up). Never fails the move: a failure is printed, stays on the case and goes with the next run.
 *
 * @example
 * await deliverCaseMail(ctx, { config, store }, 'K-2026-7QF3M9') // prints "K-2026-7QF3M9: bericht … verstuurd."
 */
export async function deliverCaseMail(
  ctx: CliContext,
  deps: Pick<MailDeps, 'config' | 'store'> & Partial<MailDeps>,
  reference: string,
): Promise<void> {
  try {
    const record = await deps.store.getCase(reference);
    // Nothing due: touch nothing (no mailer, no secret file).
    if (record === undefined || dueMessages(record, ctx.now()).length === 0) return;
    const mailer = deps.mailer ?? makeMailerFromEnv(ctx.env, ctx.cwd);
    try {
      const report = await deliverDueMessages(
        deps.store,
        mailer,
        {
          config: deps.config,
          templates: deps.templates ?? (await loadTemplates(defaultTemplatesDir(ctx.cwd))),
          tokenSecret: 'tokenSecret' in deps ? deps.tokenSecret : await loadTokenSecret(ctx.env, ctx.cwd),
          now: ctx.now,
          log: logTo(ctx),
        },
        { references: [reference] },
      );
      for (const outcome of report.outcomes) {
        if (outcome.result === 'sent') ctx.stdout(`${reference}: bericht "${messageNames[outcome.kind]}" verstuurd.\n`);
        if (outcome.result === 'failed') ctx.stderr(failedLine(reference, outcome.kind, outcome.error ?? '?'));
      }
    } finally {
      if (deps.mailer === undefined) mailer.close();
    }
  } catch (error) {
    ctx.stderr(
      `${reference}: de berichten zijn niet verstuurd (${error instanceof Error ? error.message : String(error)}); ` +
        'de dagelijkse run probeert het opnieuw.\n',
    );
  }
}

/**
 * A move command (`klachten cases confirm …`) followed by the mail it makes due, so the
 * confirmation leaves the moment the coordinator confirms.
 *
 * @example
 * await runMoveWithMail(ctx, { config, store }) // ctx.argv: ['confirm', 'K-2026-7QF3M9', '--handler', 'jan'] → 0
 */
export async function runMoveWithMail(
  ctx: CliContext,
  deps: Pick<MailDeps, 'config' | 'store'> & Partial<MailDeps>,
): Promise<number> {
  const code = await runMove(ctx, deps);
  const reference = ctx.argv[1]?.toUpperCase();
  if (code === 0 && reference !== undefined) await deliverCaseMail(ctx, deps, reference);
  return code;
}

function failedLine(reference: string, kind: MessageKind, error: string): string {
  return `${reference}: bericht "${messageNames[kind]}" niet verstuurd (${error}); de volgende run probeert het opnieuw.\n`;
}

/** Warnings only: a sent message is in the report; the rest (codes, references) goes to stderr. */
function logTo(ctx: CliContext) {
  return (event: string, fields: Record<string, string | number | boolean>) => {
    if (event === 'mail.sent' || event === 'mail.failed') return;
    ctx.stderr(`${JSON.stringify({ event, ...fields })}\n`);
  };
}

function reportText(report: DeliveryReport, where: string): string {
  const lines = report.outcomes
    .filter((outcome) => outcome.result !== 'skipped')
    .map((outcome) => {
      const what = `${outcome.reference}  ${messageNames[outcome.kind].padEnd(46)}`;
      if (outcome.result === 'sent')
        return `${what}verstuurd${outcome.ambiguous ? ' (opnieuw, na een onderbroken poging)' : ''}`;
      return `${what}mislukt (${outcome.error ?? '?'}): de volgende run probeert het opnieuw`;
    });
  const summary =
    report.outcomes.length === 0
      ? 'Geen berichten om te versturen.'
      : `${report.sent} verstuurd, ${report.failed} mislukt.`;
  return `${lines.map((line) => `${line}\n`).join('')}${summary} (via ${where})\n`;
}

/** One message that has not gone out (yet). */
export interface StatusRow {
  reference: string;
  kind: MessageKind;
  state: 'klaar' | 'mislukt' | 'bezig' | 'opgegeven';
  attempts: number;
  lastError?: string;
  since?: string;
}

/**
 * The messages that have not gone out: due now (never tried, or failed before), in progress, or
 * given up after the retry window with a recorded failure.
 *
 * @example
 * statusRows(cases, new Date()) // [{ reference: 'K-2026-7QF3M9', kind: 'receipt', state: 'mislukt', attempts: 2, lastError: 'EMESSAGE 451' }]
 */
export function statusRows(cases: readonly Case[], now: Date): StatusRow[] {
  const rows: StatusRow[] = [];
  for (const record of cases) {
    const due = new Map(dueMessages(record, now).map((message) => [message.kind, message]));
    for (const kind of messageKinds) {
      const recorded = record.messages.find((message) => message.kind === kind && message.sentAt === undefined);
      const sent = record.messages.some((message) => message.kind === kind && message.sentAt !== undefined);
      if (sent) continue;
      const attempts = recorded?.attempts ?? 0;
      const error = recorded?.lastError === undefined ? {} : { lastError: recorded.lastError };
      if (due.has(kind)) {
        rows.push({ reference: record.reference, kind, state: attempts > 0 ? 'mislukt' : 'klaar', attempts, ...error });
      } else if (recorded?.attemptStartedAt !== undefined) {
        rows.push({
          reference: record.reference,
          kind,
          state: 'bezig',
          attempts,
          since: recorded.attemptStartedAt,
          ...error,
        });
      } else if (recorded !== undefined) {
        rows.push({ reference: record.reference, kind, state: 'opgegeven', attempts, ...error });
      }
    }
  }
  return rows;
}

const stateText: Readonly<Record<StatusRow['state'], string>> = {
  klaar: 'klaar om te versturen',
  mislukt: 'mislukt, gaat mee met de volgende run',
  bezig: 'wordt nu verstuurd (of de poging is onderbroken)',
  opgegeven: 'niet meer verstuurd: te lang geleden of niet meer van toepassing',
};

function statusText(rows: readonly StatusRow[]): string {
  if (rows.length === 0) return 'Alle berichten zijn verstuurd.\n';
  const lines = rows.map((row) => {
    const extra = [
      row.attempts > 0 ? `${row.attempts} ${row.attempts === 1 ? 'poging' : 'pogingen'}` : '',
      row.lastError === undefined ? '' : `laatste fout: ${row.lastError}`,
      row.since === undefined ? '' : `sinds ${row.since}`,
    ].filter(Boolean);
    return `${row.reference}  ${messageNames[row.kind].padEnd(46)}${stateText[row.state]}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
  });
  return `${lines.join('\n')}\n`;
}

/** A made-up case in the state a message belongs to, for `preview`; no real person's data. */
function sampleCase(kind: MessageKind, locale: 'nl' | 'en', cfg: Config): Case {
  const handler = cfg.people[0]?.id;
  const at = '2026-10-26T10:15:00+01:00';
  const base: Case = {
    reference: 'K-2026-VB0RB1',
    status: 'ontvangen',
    source: 'web',
    locale,
    receivedAt: at,
    terms: { received: '2026-10-26', confirmBy: '2026-11-04', answerBy: '2026-12-07', extendedAnswerBy: '2027-01-04' },
    fingerprint: 'sha256:voorbeeld',
    role: 'bewoner',
    name: 'Voorbeeld Klager',
    email: 'klager@example.nl',
    address: 'Voorbeeldstraat 1, Utrecht',
    category: cfg.categories[0]?.id ?? 'overig',
    complaint: 'De lift is al drie weken kapot.\n\nMijn buurvrouw kan niet naar buiten. Zie www.example.nl.',
    expectation: 'Dat de lift deze week wordt gemaakt.',
    earlier: 'nee',
    extended: kind === 'extension',
    events: [{ at, status: 'ontvangen', by: 'website' }],
    notices: [],
    messages: [],
  };
  const confirmed = { at: '2026-10-30T09:00:00+01:00', status: 'bevestigd' as const, ...(handler ? { handler } : {}) };
  const people: Case = handler === undefined ? base : { ...base, handler };
  switch (kind) {
    case 'receipt':
      return base;
    case 'not-taken-up': {
      const earlierReference = 'K-2025-VB0RB0';
      return {
        ...base,
        status: 'niet-in-behandeling',
        earlierReference,
        events: [...base.events, { at: '2026-10-28T09:00:00+01:00', status: 'niet-in-behandeling', earlierReference }],
      };
    }
    case 'confirmation':
      return { ...people, status: 'bevestigd', events: [...base.events, confirmed] };
    case 'extension':
      return {
        ...people,
        status: 'verdaagd',
        events: [
          ...base.events,
          confirmed,
          { at: '2026-11-20T09:00:00+01:00', status: 'verdaagd', reason: 'We wachten op het rapport van de aannemer.' },
        ],
      };
    case 'answer':
    case 'satisfaction':
      return {
        ...people,
        status: 'beantwoord',
        events: [...base.events, confirmed, { at: '2026-12-01T09:00:00+01:00', status: 'beantwoord' }],
      };
    case 'dissatisfied':
      return {
        ...people,
        status: 'beantwoord',
        events: [...base.events, confirmed, { at: '2026-12-01T09:00:00+01:00', status: 'beantwoord' }],
        satisfaction: { answer: 'nee', remark: 'Er is niets veranderd.', at: '2026-12-03T09:00:00+01:00' },
      };
  }
}
