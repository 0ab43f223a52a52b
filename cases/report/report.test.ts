import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { actionPointsFromReport, scrubTitle } from './action-points.ts';
import { fixtureCases, personalData, previousReportMarkdown } from './__fixtures__/cases.ts';
import { fixtureRequest } from './__fixtures__/request.ts';
import { makeReport } from './report.ts';

const request = fixtureRequest(actionPointsFromReport(previousReportMarkdown));
const { files } = await makeReport(request);
const file = (name: string) => files.find((entry) => entry.name === name)?.content ?? '';

describe('the report files', () => {
  it('are a Dutch and an English Markdown file, each with two charts beside it', () => {
    expect(files.map((entry) => entry.name)).toEqual([
      '2026-h2.md',
      '2026-h2.per-maand.svg',
      '2026-h2.per-onderwerp.svg',
      '2026-h2.en.md',
      '2026-h2.en.per-month.svg',
      '2026-h2.en.per-subject.svg',
    ]);
  });

  it('pin the Dutch Markdown to the golden file', async () => {
    await expect(file('2026-h2.md')).toMatchFileSnapshot('./__fixtures__/report.nl.golden.md');
  });

  it('pin the English Markdown to the golden file', async () => {
    await expect(file('2026-h2.en.md')).toMatchFileSnapshot('./__fixtures__/report.en.golden.md');
  });

  it('point at charts that are among the files', () => {
    for (const name of ['2026-h2.md', '2026-h2.en.md']) {
      const images = [...file(name).matchAll(/!\[[^\]]*\]\(\.\/([^)]+)\)/g)].map((match) => match[1]);
      expect(images, name).toHaveLength(2);
      for (const image of images) expect(files.some((entry) => entry.name === image)).toBe(true);
    }
  });
});

describe('no personal data in the report', () => {
  const everything = files.map((entry) => entry.content).join('\n');
  const values = fixtureCases().flatMap((record) => [
    record.reference,
    record.fingerprint,
    record.name,
    record.email,
    record.phone ?? '',
    record.address,
    record.complaint,
    record.expectation,
    record.concerns ?? '',
    record.whatIsNew ?? '',
    record.handler ?? '',
    record.earlierReference ?? '',
    record.satisfaction?.remark ?? '',
    ...record.events.flatMap((event) => [event.by ?? '', event.handler ?? '', event.reason ?? '', event.report ?? '']),
  ]);

  it('contains none of the fixture’s names, addresses, e-mail addresses, phone numbers or texts, in any file', () => {
    const found = [...new Set(values)]
      .filter((value) => value !== '' && value !== 'website')
      .filter((value) => everything.includes(value));
    expect(found).toEqual([]);
  });

  it('contains no part of them either: not a surname, a street, a domain or a reference number', () => {
    const data = personalData(11);
    for (const part of [
      'Klagersma',
      'fixture',
      'Proefstraat',
      'Fixturedorp',
      '5550',
      'K-2026-',
      'K-2025-',
      data.handler,
    ]) {
      expect(everything.toLowerCase(), part).not.toContain(part.toLowerCase());
    }
  });

  it('still has the action point whose e-mail address and phone number were taken out', () => {
    expect(file('2026-h2.md')).toContain('Servicekostenafrekening in begrijpelijke taal, vragen aan … of …');
    expect(everything).not.toContain('jan.jansen@example.nl');
    expect(everything).not.toContain('06-12345678');
  });
});

describe('text from outside the report', () => {
  it('stays text: markup, links and images in an action-point title never become live', async () => {
    const hostile = ['<img src=x onerror=alert(1)>', '[klik](naar-pagina)', '![x](plaatje.png)', '**vet** `code` #12'];
    const { files: made } = await makeReport({
      ...request,
      previousActions: { origin: { kind: 'none' }, items: hostile.map((title) => ({ title, state: 'open' })) },
    });
    const markdown = made.find((entry) => entry.name === '2026-h2.md')?.content ?? '';
    const section = markdown.slice(
      markdown.indexOf('## Actiepunten uit de vorige rapportage'),
      markdown.indexOf('## Evaluatie'),
    );
    const tree = remark().use(remarkGfm).parse(section);
    const kinds = new Set<string>();
    const walk = (node: { type: string; children?: unknown[] }): void => {
      kinds.add(node.type);
      for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
    };
    walk(tree);
    expect([...kinds].filter((kind) => ['html', 'link', 'image', 'strong', 'inlineCode'].includes(kind))).toEqual([]);
    for (const title of hostile) expect(toString(tree)).toContain(title);
  });

  it('loses web addresses in action-point titles, which could point anywhere', async () => {
    const { files: made } = await makeReport({
      ...request,
      previousActions: {
        origin: { kind: 'none' },
        items: [{ title: scrubTitle('Zie https://example.com/x?id=3 en www.example.org voor uitleg'), state: 'open' }],
      },
    });
    const markdown = made.find((entry) => entry.name === '2026-h2.md')?.content ?? '';
    expect(markdown).toContain('| Zie … en … voor uitleg');
    expect(markdown).not.toMatch(/example\.(com|org)/);
  });
});

describe('what the reader sees', () => {
  const nl = file('2026-h2.md');
  const en = file('2026-h2.en.md');

  it('shows the category with 3 complaints as "< 5" in the table and in the chart', () => {
    expect(nl).toMatch(/\| Bereikbaarheid en communicatie +\| +< 5 \|/);
    expect(en).toMatch(/\| Contact and communication +\| +< 5 \|/);
    expect(file('2026-h2.per-onderwerp.svg')).toContain('Bereikbaarheid en communicatie: &lt; 5');
  });

  it('says the numbers of the charts in their alt text', () => {
    expect(nl).toContain(
      '![Staafdiagram van het aantal ontvangen klachten per maand: juli 2026: 4, augustus 2026: 3, september 2026: 2, oktober 2026: 3, november 2026: 2, december 2026: 3.](./2026-h2.per-maand.svg)',
    );
    expect(en).toContain(
      'Bar chart of the number of complaints received per subject: Maintenance and repairs: 8, Nuisance: 5,',
    );
  });

  it('carries the period, the moment of making and only totals in the front matter', () => {
    expect(nl.startsWith('---\n')).toBe(true);
    expect(nl).toContain('period: 2026-H2\n');
    expect(nl).toContain("generated-at: '2027-01-01T06:00:00.000Z'\n");
    expect(nl).toMatch(
      /counts:\n {2}received: 17\n {2}received-previous-period: 12\n {2}confirmation-due: 15\n {2}answer-due: 15\n {2}ended: 13\n {2}open-at-end: 5\n---/,
    );
  });

  it('leaves clear places for the coordinator’s evaluation and action points', () => {
    expect(nl).toMatch(/## Evaluatie\n\n✎ Voor de klachtencoördinator: vervang deze alinea/);
    expect(nl).toMatch(/## Actiepunten\n\n.*\n\n- \[ \] ✎ Voor de klachtencoördinator:/);
    expect(en).toMatch(/## Evaluation\n\n✎ For the complaints coordinator: replace this paragraph/);
  });

  it('explains every count in a footnote, each referenced and defined once', () => {
    const defined = [...nl.matchAll(/^\[\^([a-z]+)\]:/gm)].map((match) => match[1]);
    const referenced = new Set([...nl.matchAll(/\[\^([a-z]+)\](?!:)/g)].map((match) => match[1]));
    expect(new Set(defined).size).toBe(defined.length);
    expect([...referenced].sort()).toEqual([...defined].sort());
  });

  it('marks an example report as an example in its title, its notice and its front matter', async () => {
    const example = await makeReport({ ...request, example: true, baseName: 'voorbeeld-2026-h2' });
    const markdown = example.files.find((entry) => entry.name === 'voorbeeld-2026-h2.md')?.content ?? '';
    expect(markdown).toContain('example: true\n');
    expect(markdown).toContain('# Voorbeeld: klachtenrapportage tweede halfjaar 2026\n\n> **Dit is een voorbeeld.');
  });
});
