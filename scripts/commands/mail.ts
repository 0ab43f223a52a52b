import { readFile } from 'node:fs/promises';
import type { DeliveryReport } from '../../cases/mail/deliver.ts';
import { messageKinds, messageNames, type MessageKind } from '../../cases/mail/message-kinds.ts';
import { referencePattern } from '../../cases/case.ts';
import { referenceInText } from '../../cases/reference.ts';
import { jsonAndHelpOptions, parseCommandArgs, usageExit, type CliContext } from '../cli-context.ts';
import { servicesOf } from '../services.ts';
import { deliverMail } from './mail-delivery.ts';
import { previewMail } from './mail-preview.ts';
import { statusRows, statusText } from './mail-status.ts';

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

/**
 * `klachten mail [send|status|preview]`.
 *
 * @example
 * await run({ argv: [], … }) // sends what is due, prints one line per message, returns 0
 */
export async function run(ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, usage, {
    allowPositionals: true,
    options: {
      case: { type: 'string' },
      event: { type: 'boolean', default: false },
      locale: { type: 'string', default: 'nl' },
      html: { type: 'boolean', default: false },
      ...jsonAndHelpOptions,
    },
  });
  if (typeof parsed === 'number') return parsed;
  const [action = 'send', ...rest] = parsed.positionals;
  const values = parsed.values;
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
    const store = servicesOf(ctx).makeStore(ctx);
    const { report, where } = await deliverMail(ctx, store, references === undefined ? {} : { references });
    ctx.stdout(reportText(report, where));
    return report.failed > 0 ? 1 : 0;
  }
  if (action === 'status' && rest.length === 0) {
    const store = servicesOf(ctx).makeStore(ctx);
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
    ctx.stdout(await previewMail(ctx, kind, locale, values.html));
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
  return referenceInText.exec(title)?.[0];
}

/** One line per message sent or failed, then the totals and where the mail went. */
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
