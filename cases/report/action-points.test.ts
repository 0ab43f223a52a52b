import { describe, expect, it } from 'vitest';
import config from '../../klachten.config.ts';
import {
  actionPointsFromIssues,
  actionPointsFromReport,
  listLabelledIssues,
  pickPreviousReport,
  reportFrontMatter,
  scrubTitle,
  type IssueSummary,
} from './action-points.ts';
import { fixtureCalendar, previousReportMarkdown } from './__fixtures__/cases.ts';
import { makeLocalDate } from './dates.ts';
import { halfYear } from './period.ts';
import { makeReport } from './report.ts';

describe('action points from the previous report (the Git-folder store)', () => {
  it('reads ticked items as done, struck-through items as dropped, others as open, and skips the placeholder', () => {
    expect(actionPointsFromReport(previousReportMarkdown)).toEqual([
      { title: 'Reparatieverzoeken binnen 2 werkdagen inplannen', state: 'afgerond' },
      { title: 'Servicekostenafrekening in begrijpelijke taal, vragen aan … of …', state: 'open' },
      { title: 'Klachtenspreekuur op zaterdag', state: 'vervallen' },
    ]);
  });

  it('reads back the action points a coordinator wrote into a report this tool made, in Dutch and in English', async () => {
    const { files } = await makeReport({
      records: [],
      period: halfYear('2026-H2'),
      config,
      calendar: fixtureCalendar,
      previousActions: { origin: { kind: 'none' }, items: [] },
      generatedAt: '2027-01-01T06:00:00.000Z',
    });
    for (const [name, marker] of [
      ['2026-h2.md', '- [ ] ✎ Voor de klachtencoördinator:'],
      ['2026-h2.en.md', '- [ ] ✎ For the complaints coordinator:'],
    ] as const) {
      const draft = files.find((file) => file.name === name)?.content ?? '';
      expect(actionPointsFromReport(draft), name).toEqual([]);
      const line = draft.split('\n').find((text) => text.startsWith(marker)) ?? '';
      const edited = draft.replace(line, '- [x] Wachttijd telefoon halveren\n- [ ] Brieven in B1-taal');
      expect(actionPointsFromReport(edited), name).toEqual([
        { title: 'Wachttijd telefoon halveren', state: 'afgerond' },
        { title: 'Brieven in B1-taal', state: 'open' },
      ]);
    }
  });

  it('reads only the action-point section, not a list elsewhere in the report', () => {
    const markdown =
      '---\nlocale: nl\n---\n## In het kort\n\n- [x] niet dit\n\n## Actiepunten\n\n- [ ] wel dit\n\n## Daarna\n\n- [ ] ook niet\n';
    expect(actionPointsFromReport(markdown)).toEqual([{ title: 'wel dit', state: 'open' }]);
  });

  it('picks the Dutch report that ended last before the period, skipping examples and later reports', () => {
    const report = (period: string, to: string, extra: Partial<{ locale: string; example: boolean }> = {}) => ({
      path: `${period}-${extra.locale ?? 'nl'}${extra.example ? '-example' : ''}`,
      data: { period, from: '2000-01-01', to, locale: extra.locale ?? 'nl', example: extra.example ?? false },
    });
    const reports = [
      report('2025-H2', '2025-12-31'),
      report('2026-H1', '2026-06-30'),
      report('2026-H1', '2026-06-30', { locale: 'en' }),
      report('2026-H1', '2026-06-30', { example: true }),
      report('2026-H2', '2026-12-31'),
    ];
    expect(pickPreviousReport(reports, halfYear('2026-H2'))?.path).toBe('2026-H1-nl');
    expect(pickPreviousReport(reports, halfYear('2025-H2'))).toBeUndefined();
  });

  it('reads the front matter of a report, dates written with or without quotes', () => {
    expect(reportFrontMatter(previousReportMarkdown)).toEqual({
      period: '2026-H1',
      from: '2026-01-01',
      to: '2026-06-30',
      locale: 'nl',
      example: false,
    });
    expect(reportFrontMatter('---\nperiod: 2026-H1\nfrom: 2026-01-01\nto: 2026-06-30\n---\n')?.to).toBe('2026-06-30');
    expect(reportFrontMatter('# Geen rapportage\n')).toBeUndefined();
  });

  it('refuses a report whose front matter is JavaScript instead of running it', () => {
    const text = '---js\n{ period: (globalThis.__klachten_report_ran__ = "2026-H1") }\n---\n';
    expect(() => reportFrontMatter(text)).toThrow(/Alleen YAML/);
    expect((globalThis as Record<string, unknown>)['__klachten_report_ran__']).toBeUndefined();
  });
});

describe('action points from GitHub issues', () => {
  const localDate = makeLocalDate('Europe/Amsterdam');
  const issue = (title: string, fields: Partial<IssueSummary> = {}): IssueSummary => ({
    title,
    state: 'open',
    created_at: '2026-03-01T10:00:00Z',
    closed_at: null,
    ...fields,
  });

  it('lists open issues and issues closed in the period, as done or dropped', () => {
    const issues = [
      issue('Open sinds maart'),
      issue('Afgerond in oktober', { state: 'closed', closed_at: '2026-10-01T10:00:00Z', state_reason: 'completed' }),
      issue('Vervallen in november', {
        state: 'closed',
        closed_at: '2026-11-01T10:00:00Z',
        state_reason: 'not_planned',
      }),
      issue('Al afgerond in mei', { state: 'closed', closed_at: '2026-05-01T10:00:00Z' }),
      issue('Afgesloten na de periode', { state: 'closed', closed_at: '2027-01-10T10:00:00Z' }),
      issue('Nieuw na de periode', { created_at: '2027-01-02T10:00:00Z' }),
      issue('Een pull request', { pull_request: {} }),
    ];
    expect(actionPointsFromIssues(issues, halfYear('2026-H2'), localDate)).toEqual([
      { title: 'Open sinds maart', state: 'open' },
      { title: 'Afgerond in oktober', state: 'afgerond' },
      { title: 'Vervallen in november', state: 'vervallen' },
      { title: 'Afgesloten na de periode', state: 'open' },
    ]);
  });

  it('reads all labelled issues in ⌈N/100⌉ calls of 100', async () => {
    for (const total of [0, 1, 99, 101, 250]) {
      const pages: number[] = [];
      const issues = await listLabelledIssues(async (label, page) => {
        expect(label).toBe('actiepunt');
        pages.push(page);
        const start = (page - 1) * 100;
        return Array.from({ length: Math.max(0, Math.min(100, total - start)) }, (_, i) => issue(`Punt ${start + i}`));
      }, 'actiepunt');
      expect(issues).toHaveLength(total);
      expect(pages).toEqual(Array.from({ length: Math.max(1, Math.ceil(total / 100)) }, (_, i) => i + 1));
    }
  });
});

describe('scrubbing an action point title', () => {
  it('takes out e-mail addresses, phone numbers and mentions, and keeps the rest', () => {
    expect(scrubTitle('Bel @pietjep terug op +31 6 1234 5678 of mail p.puk@voorbeeld.nl  over lift 3')).toBe(
      'Bel … terug op … of mail … over lift 3',
    );
    expect(scrubTitle('Reparaties binnen 2 werkdagen, 2026-H2')).toBe('Reparaties binnen 2 werkdagen, 2026-H2');
  });
});
