/**
 * Bar charts for the report, drawn on the server: a Vega-Lite spec, compiled to Vega, rendered to
 * SVG without a browser. The SVG is an image with a title and a description that state the
 * numbers, so it is accessible on its own as well as through the alt text that points at it.
 */
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import type { NumberLocale } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import type { Locale } from '../locale.ts';

/** One bar: its label, its height (undefined when the number is not published) and the text on it. */
export type Bar = { label: string; value: number | undefined; text: string };

/** What a chart shows and how it is named. */
export type ChartInput = {
  /** Unique within a page: the ids of the SVG's title and description derive from it. */
  id: string;
  title: string;
  /** The full text alternative, with every number: also the alt text of the image. */
  description: string;
  bars: readonly Bar[];
  /** Vertical bars suit months (a time line); horizontal bars suit long category names. */
  direction: 'vertical' | 'horizontal';
  locale: Locale;
};

const ink = '#1b1b1b';

/** Axis numbers as the reader writes them: 1.000 in Dutch, 1,000 in English. */
const numberLocale: Record<Locale, NumberLocale> = {
  nl: { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] },
};
const barColour = '#0b4f71';

function specOf(input: ChartInput): TopLevelSpec {
  const values = input.bars.map((bar) => ({ ...bar, at: bar.value ?? 0 }));
  // The order given (months in time order, categories as the form lists them), spelled out: the
  // bar layer drops unpublished values, so "data order" would differ between the layers.
  const category = { field: 'label', type: 'nominal', sort: input.bars.map((bar) => bar.label), title: null } as const;
  const amount = {
    field: 'value',
    type: 'quantitative',
    title: null,
    axis: { tickMinStep: 1, format: ',d', grid: true },
  } as const;
  const vertical = input.direction === 'vertical';
  const position = vertical ? { x: { ...category, axis: { labelAngle: 0 } }, y: amount } : { y: category, x: amount };
  const at = { field: 'at', type: 'quantitative' } as const;
  const textPosition = vertical ? { x: category, y: at } : { y: category, x: at };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: vertical ? 520 : 360,
    height: vertical ? 220 : { step: 28 },
    background: 'white',
    padding: 8,
    data: { values },
    layer: [
      { mark: { type: 'bar', color: barColour }, encoding: position },
      {
        mark: vertical
          ? { type: 'text', baseline: 'bottom', dy: -3, color: ink, fontSize: 12 }
          : { type: 'text', align: 'left', dx: 4, color: ink, fontSize: 12 },
        encoding: { ...textPosition, text: { field: 'text', type: 'nominal' } },
      },
    ],
    config: {
      // The SVG as a whole is the image; the parts need no roles of their own.
      aria: false,
      locale: { number: numberLocale[input.locale] },
      font: 'system-ui, sans-serif',
      // labelLimit 0: no limit, a cut-off category name helps nobody.
      axis: { labelColor: ink, titleColor: ink, domainColor: ink, tickColor: ink, labelFontSize: 12, labelLimit: 0 },
      view: { stroke: null },
    },
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Makes a rendered SVG an accessible image: role="img", a <title> and a <desc> that it is
 * labelled by, and the language of its text.
 *
 * @example
 * accessibleSvg('<svg …>…</svg>', 'per-maand', 'Klachten per maand', 'juli: 4 …', 'nl');
 */
export function accessibleSvg(svg: string, id: string, title: string, description: string, locale: Locale): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('Vega gaf geen SVG terug.');
  const attributes = `role="img" aria-labelledby="${id}-title ${id}-desc" lang="${locale}"`;
  const head = `${open[0].replace(/^<svg\b/, `<svg ${attributes}`)}<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>`;
  // Inside an image every part is presentation: Vega's own roles and labels would only compete.
  const body = svg.slice(open[0].length).replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '');
  return `${head}${body}\n`;
}

/**
 * Draws a bar chart as an accessible SVG.
 *
 * @example
 * await barChart({ id: 'per-maand', title: 'Klachten per maand', description: '…', bars, direction: 'vertical', locale: 'nl' });
 */
export async function barChart(input: ChartInput): Promise<string> {
  const compiled = vegaLite.compile(specOf(input));
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return accessibleSvg(svg, input.id, input.title, input.description, input.locale);
  } finally {
    view.finalize();
  }
}
