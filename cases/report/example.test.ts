// The site shows one example report, made from the fixture's made-up cases and marked as an
// example, so the reports pages have something to show before the first real report. It lives in
// site/content/reports/ as `klachten report` would write it; this test keeps it in step with the
// code. After a deliberate change to the report, refresh it with:
//   npm exec -- vitest run --project unit cases/report/example.test.ts -u
import { describe, expect, it } from 'vitest';
import { exampleActionPoints } from './__fixtures__/cases.ts';
import { fixtureRequest } from './__fixtures__/request.ts';
import { makeReport } from './report.ts';

const { files } = await makeReport({
  ...fixtureRequest(exampleActionPoints.map((point) => ({ ...point }))),
  baseName: 'voorbeeld-2026-h2',
  example: true,
});

describe('the example report on the site', () => {
  it.each(files.map((file) => [file.name, file.content]))('is the fixture’s report: %s', async (name, content) => {
    await expect(content).toMatchFileSnapshot(`../../site/content/reports/${name}`);
  });

  it('is marked as an example in every language', () => {
    for (const file of files.filter((entry) => entry.name.endsWith('.md'))) {
      expect(file.content, file.name).toContain('\nexample: true\n');
    }
  });
});
