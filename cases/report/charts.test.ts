import { describe, expect, it } from 'vitest';
import { accessibleSvg, barChart, type ChartInput } from './charts.ts';

const input: ChartInput = {
  id: 'chart-categories',
  title: 'Ontvangen klachten per onderwerp',
  description: 'Staafdiagram: Onderhoud: 1.200, Overlast: < 5, Gedrag: 0.',
  bars: [
    { label: 'Onderhoud', value: 1200, text: '1.200' },
    { label: 'Overlast', value: undefined, text: '< 5' },
    { label: 'Gedrag', value: 0, text: '0' },
  ],
  direction: 'horizontal',
  locale: 'nl',
};

describe('a chart of the report', () => {
  it('is an SVG image labelled by its own title and description, in the reader’s language', async () => {
    const svg = await barChart(input);
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="chart-categories-title chart-categories-desc" lang="nl" /);
    expect(svg).toContain('<title id="chart-categories-title">Ontvangen klachten per onderwerp</title>');
    expect(svg).toContain(
      '<desc id="chart-categories-desc">Staafdiagram: Onderhoud: 1.200, Overlast: &lt; 5, Gedrag: 0.</desc>',
    );
  });

  it('has no roles or ARIA labels inside, which would compete with the image’s own', async () => {
    const svg = await barChart(input);
    const inner = svg.slice(svg.indexOf('</desc>'));
    expect(inner).not.toMatch(/\srole=|\saria-/);
  });

  it('writes the numbers on the bars as the report does, hidden ones as "< 5", axis numbers in Dutch', async () => {
    const svg = await barChart(input);
    expect(svg).toContain('>1.200</text>');
    expect(svg).toContain('>&lt; 5</text>');
    expect(svg).toMatch(/>1\.000<\/text>/);
  });

  it('draws one bar per published number and none for a hidden one', async () => {
    const svg = await barChart(input);
    const bars = svg.match(/<path[^>]*fill="#0b4f71"/g) ?? [];
    // Onderhoud and Gedrag (zero height); Overlast has no bar.
    expect(bars).toHaveLength(2);
  });

  it('renders the same SVG twice for the same input', async () => {
    expect(await barChart(input)).toBe(await barChart(input));
  });

  it('escapes markup in titles and descriptions', () => {
    const svg = accessibleSvg('<svg width="1"></svg>', 'x', 'A <b>& "c"', 'd', 'en');
    expect(svg).toBe(
      '<svg role="img" aria-labelledby="x-title x-desc" lang="en" width="1"><title id="x-title">A &lt;b&gt;&amp; &quot;c&quot;</title><desc id="x-desc">d</desc></svg>\n',
    );
  });
});
