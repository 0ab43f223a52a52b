import { describe, expect, it } from 'vitest';
import { renderTemplate } from './render-template.ts';
import { parseTemplate, templatePlaceholders } from './template-parse.ts';
import type { TemplateValues } from './template-values.ts';

const values: TemplateValues = {
  reference: { kind: 'text', text: 'K-2026-7QF3M9' },
  name: { kind: 'user', text: 'Zoë <b>Ünal</b> **vet** [klik](https://evil.example.com)' },
  link: { kind: 'url', url: 'https://klachten.livable.nl/tevredenheid/?t=abc&x=1' },
  copy: {
    kind: 'fields',
    fields: [{ label: 'Uw klacht', value: 'Zie www.evil.com\n<script>alert(1)</script>\n\nDank' }],
  },
  bodies: {
    kind: 'links',
    items: [
      { name: 'Huurcommissie', url: 'https://www.huurcommissie.nl/', description: 'Geschillen over huur & kosten' },
    ],
  },
  none: { kind: 'links', items: [] },
  reason: { kind: 'quote', text: 'Wachten op de aannemer.\nTweede regel.', user: false },
};

const source = `# Uw klacht {{reference}}

Beste {{name}},
tweede regel

## Wat nu?

- Kenmerk **{{reference}}**
- [Geef antwoord]({{link}})

{{copy}}

{{bodies}}

{{none}}

{{reason}}

Of ga naar {{link}}
`;

describe('a mail template', () => {
  const template = parseTemplate(source, 'nl/test.md');
  const mail = renderTemplate(template, values, 'nl');

  it('takes its subject from the first line and fills it in', () => {
    expect(template.subject).toBe('Uw klacht {{reference}}');
    expect(mail.subject).toBe('Uw klacht K-2026-7QF3M9');
  });

  it('lists the placeholders it uses, once each, in order', () => {
    expect(templatePlaceholders(template)).toEqual(['reference', 'name', 'link', 'copy', 'bodies', 'none', 'reason']);
  });

  it('shows complainant text in HTML as escaped, defanged text: no tags, no Markdown, no links', () => {
    expect(mail.html).toContain('Zoë &lt;b&gt;Ünal&lt;/b&gt; **vet** [klik](hxxps[:]//evil[.]example[.]com)');
    expect(mail.html).toContain('Zie www[.]evil[.]com<br>\n&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toMatch(/<script|<b>|evil\.example|href="[^"]*evil/);
    expect(mail.html.match(/<a /g)).toHaveLength(3);
  });

  it('makes our own addresses links, escaped in the attribute', () => {
    expect(mail.html).toContain('href="https://klachten.livable.nl/tevredenheid/?t=abc&amp;x=1"');
    expect(mail.html).toContain(
      '<a href="https://www.huurcommissie.nl/" style="color:#0b57a4;text-decoration:underline;">Huurcommissie</a>: Geschillen over huur &amp; kosten',
    );
  });

  it('is a small accessible HTML document: language, title, one h1 with the subject, headings from h2', () => {
    expect(mail.html).toMatch(/^<!doctype html>\n<html lang="nl" dir="ltr">/);
    expect(mail.html).toContain('<title>Uw klacht K-2026-7QF3M9</title>');
    expect(mail.html.match(/<h1/g)).toHaveLength(1);
    expect(mail.html).toContain('<h2 style="font-size:20px;line-height:1.3;margin:24px 0 8px;">Wat nu?</h2>');
    expect(mail.html).toContain(
      '<dl style="margin:0 0 16px;">\n<div><dt style="font-weight:bold;margin:0;">Uw klacht</dt>',
    );
  });

  it('keeps a new line of the template as a new line in the mail', () => {
    expect(mail.html).toContain(
      'Beste Zoë &lt;b&gt;Ünal&lt;/b&gt; **vet** [klik](hxxps[:]//evil[.]example[.]com),<br>\ntweede regel',
    );
    expect(mail.text).toContain('**vet** [klik](hxxps[:]//evil[.]example[.]com),\ntweede regel');
  });

  it('reads as plain text: underlined headings, dashes for lists, quoted complainant text, links spelled out', () => {
    expect(mail.text).toBe(`Uw klacht K-2026-7QF3M9
=======================

Beste Zoë <b>Ünal</b> **vet** [klik](hxxps[:]//evil[.]example[.]com),
tweede regel

Wat nu?
-------

- Kenmerk K-2026-7QF3M9
- Geef antwoord <https://klachten.livable.nl/tevredenheid/?t=abc&x=1>

Uw klacht:
> Zie www[.]evil[.]com
> <script>alert(1)</script>
>
> Dank

- Huurcommissie: Geschillen over huur & kosten
  https://www.huurcommissie.nl/

> Wachten op de aannemer.
> Tweede regel.

Of ga naar https://klachten.livable.nl/tevredenheid/?t=abc&x=1
`);
  });

  it('leaves out an empty block altogether', () => {
    expect(mail.html).not.toMatch(/<ul[^>]*>\s*<\/ul>/);
  });

  it('never lets a value break the subject into two header lines', () => {
    const subjectTemplate = parseTemplate('# Over {{name}}\n\nTekst\n', 'nl/x.md');
    const rendered = renderTemplate(
      subjectTemplate,
      { name: { kind: 'user', text: 'x\r\nBcc: a@b.nl\n\nBody' } },
      'nl',
    );
    expect(rendered.subject).toBe('Over x\\u000d\\u000aBcc: a@b[.]nl\\u000a\\u000aBody');
  });

  it('keeps a name that holds a line or paragraph separator (older data) on the salutation’s line, the separator shown', () => {
    const forged = 'Zoë\u2028E-mail: nep@example.org\u2029\u0085\u000b\u000c\u202e';
    const rendered = renderTemplate(
      parseTemplate('# Onderwerp\n\nBeste {{name}},\n\n{{copy}}\n', 'nl/x.md'),
      {
        name: { kind: 'user', text: forged },
        copy: {
          kind: 'fields',
          fields: [
            { label: 'Naam', value: forged, oneLine: true },
            { label: 'Uw klacht', value: 'Regel een\nRegel twee' },
          ],
        },
      },
      'nl',
    );
    const shown = 'Zoë\\u2028E-mail: nep@example[.]org\\u2029\\u0085\\u000b\\u000c\\u202e';
    expect(rendered.html).toContain(`Beste ${shown},`);
    expect(rendered.html).toContain(`">${shown}</dd>`);
    expect(rendered.html).toContain('Regel een<br>\nRegel twee');
    expect(rendered.html.match(/<br>/g)).toHaveLength(1);
    expect(rendered.text).toContain(`Beste ${shown},\n`);
    expect(rendered.text).toContain(`Naam:\n> ${shown}\n`);
    expect(rendered.text.match(/^> ?E-mail/m)).toBeNull();
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(rendered.html + rendered.text).not.toMatch(/[\u2028\u2029\u0085\u000b\u000c\u202e]/);
  });
});

describe('a broken template', () => {
  it('names an unknown placeholder and the ones there are', () => {
    const template = parseTemplate('# S\n\nBeste {{naam}},\n', 'nl/receipt.md');
    expect(() => renderTemplate(template, { name: { kind: 'user', text: 'Zoë' } }, 'nl')).toThrow(
      'Mailsjabloon nl/receipt.md: onbekende plaatshouder {{naam}}. Beschikbaar: {{name}}.',
    );
  });

  it('refuses a block in the middle of a sentence and a text as a link target', () => {
    const inline = parseTemplate('# S\n\nZie {{copy}} hier\n', 'x.md');
    expect(() => renderTemplate(inline, values, 'nl')).toThrow(/\{\{copy\}\} is een blok/);
    const link = parseTemplate('# S\n\n[x]({{name}})\n', 'x.md');
    expect(() => renderTemplate(link, values, 'nl')).toThrow(/\{\{name\}\} is geen adres/);
  });
});
