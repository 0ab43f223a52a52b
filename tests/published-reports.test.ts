// The reports in site/content/reports/ are what the site publishes. A draft from the report
// workflow becomes one by merging its pull request; these checks make that merge fail while the
// coordinator has not filled in the evaluation and action points, or when a file is missing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFrontMatter } from '../cases/report/action-points.ts';
import { placeholderPrefix } from '../cases/report/placeholder.ts';

const dir = join(import.meta.dirname, '..', 'site', 'content', 'reports');
const names = readdirSync(dir);
const reports = names.filter((name) => name.endsWith('.md'));
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('the published reports', () => {
  it('include the example, so the reports pages are never empty', () => {
    expect(reports.some((name) => reportFrontMatter(read(name))?.example)).toBe(true);
  });

  it.each(reports)('%s has the front matter of a report in its own language', (name) => {
    const data = reportFrontMatter(read(name));
    expect(data).toBeDefined();
    expect(data?.locale).toBe(name.endsWith('.en.md') ? 'en' : 'nl');
  });

  it.each(reports)('%s has its translation beside it', (name) => {
    const other = name.endsWith('.en.md') ? name.replace(/\.en\.md$/, '.md') : name.replace(/\.md$/, '.en.md');
    expect(names).toContain(other);
  });

  it.each(reports)('%s has every chart it shows beside it', (name) => {
    const images = [...read(name).matchAll(/!\[[^\]]*\]\(\.\/([^)\s]+)\)/g)].map((match) => match[1]);
    for (const image of images) expect(names, image).toContain(image);
  });

  it.each(reports.filter((name) => !reportFrontMatter(read(name))?.example))(
    '%s is finished: no placeholder for the coordinator is left',
    (name) => {
      const text = read(name);
      for (const prefix of Object.values(placeholderPrefix)) expect(text).not.toContain(prefix);
      expect(text).not.toContain('✎');
    },
  );
});
