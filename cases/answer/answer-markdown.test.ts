import { describe, expect, it } from 'vitest';
import { renderAnswer } from './answer-markdown.ts';

describe('renderAnswer', () => {
  it('keeps paragraphs as written, in the text and in the HTML', () => {
    const rendered = renderAnswer('Eerste alinea.\n\nTweede alinea,\nmet een regel erbij.\n\nDerde.');
    expect(rendered.text).toBe('Eerste alinea.\n\nTweede alinea,\nmet een regel erbij.\n\nDerde.');
    expect(rendered.html).toBe('<p>Eerste alinea.</p>\n<p>Tweede alinea,<br>\nmet een regel erbij.</p>\n<p>Derde.</p>');
  });

  it('shows a link as its words with the address spelled out, never as a live anchor', () => {
    const rendered = renderAnswer('Lees [de regels](https://example.nl/regels) of mail <info@example.nl>.');
    expect(rendered.text).toBe('Lees de regels (https://example.nl/regels) of mail info@example.nl.');
    expect(rendered.html).not.toContain('<a');
    expect(rendered.html).toContain('de regels (https://example.nl/regels)');
  });

  it('loads no image and shows raw HTML as the characters typed', () => {
    const rendered = renderAnswer(
      '![de schade](https://evil.example/p.png)\n\n<img src=x onerror=alert(1)> en <b>vet</b>',
    );
    expect(rendered.html).not.toMatch(/<img|<b>|onerror=alert\(1\)>/);
    expect(rendered.html).toContain('[de schade]');
    expect(rendered.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(rendered.text).toContain('<b>vet</b>');
  });

  it('drops the hints of the answer template and keeps headings, lists and emphasis', () => {
    const rendered = renderAnswer(
      '## Ons oordeel\n\n<!-- Gegrond of niet, en waarom. -->\n\nUw klacht is **gegrond**:\n\n- de lift\n- de deur\n',
    );
    expect(rendered.text).toBe('Ons oordeel\n\nUw klacht is gegrond:\n\n- de lift\n- de deur');
    expect(rendered.html).toBe(
      '<h3>Ons oordeel</h3>\n<p>Uw klacht is <strong>gegrond</strong>:</p>\n<ul>\n<li>de lift</li>\n<li>de deur</li>\n</ul>',
    );
    expect(rendered.html).not.toContain('Gegrond of niet');
  });

  it('puts the given inline styles on the elements, for mail clients', () => {
    expect(renderAnswer('Tekst.', { p: 'margin:0;' }).html).toBe('<p style="margin:0;">Tekst.</p>');
  });
});
