import { describe, expect, it } from 'vitest';

import { extractHtml, htmlToText } from './extract-html.js';

describe('htmlToText()', () => {
  it('leaves out scripts, styles, comments and other invisible content', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8">
      <style>.secret { color: red }</style><script>var secret = "script text";</script></head>
      <body><!-- comment text --><p>Visible words.</p>
      <noscript>noscript text</noscript><template><p>template text</p></template>
      <svg><title>svg title</title><text>svg text</text></svg><iframe>iframe text</iframe>
      <div hidden>hidden text</div><script type="application/json">{"json": "text"}</script>
      </body></html>`;
    expect(htmlToText(html)).toBe('Visible words.');
  });

  it('decodes entities', () => {
    expect(
      htmlToText('<p>Fish &amp; chips&nbsp;&eacute;t&eacute; &#8217;&#x2019; &lt;b&gt;</p>'),
    ).toBe('Fish & chips été ’’ <b>');
  });

  it('puts blocks in separate paragraphs and list items and cells on separate lines', () => {
    const html =
      '<h1>Minutes</h1><p>The board met.</p><div>Police attended</div>' +
      '<ul><li>First item</li><li>Second item</li></ul>' +
      '<table><tr><td>Cell one</td><td>Cell two</td></tr></table>Line<br>break';
    expect(htmlToText(html)).toBe(
      'Minutes\n\nThe board met.\n\nPolice attended\n\nFirst item\nSecond item\n\nCell one\nCell two\n\nLine\nbreak',
    );
  });

  it('does not split words across inline elements and collapses whitespace', () => {
    expect(htmlToText('<p>  Bo<b>ld</b> and\n\n   <i>italic</i>  text </p>')).toBe(
      'Bold and italic text',
    );
  });

  it('keeps the title as the first paragraph unless the page repeats it', () => {
    expect(htmlToText('<title>Board papers</title><p>Item one</p>')).toBe(
      'Board papers\n\nItem one',
    );
    expect(htmlToText('<head><title>Minutes</title></head><h1>Minutes of May</h1>')).toBe(
      'Minutes of May',
    );
  });

  it('keeps the lines of preformatted text', () => {
    expect(htmlToText('<pre>line one\n  line two</pre>')).toBe('line one\nline two');
  });

  it('copes with malformed markup', () => {
    expect(htmlToText('<p>One<p>Two</div></span><li>Three')).toBe('One\n\nTwo\nThree');
    expect(htmlToText('<div hidden><p>secret<b>more</div><p>Visible</p>')).toBe('Visible');
  });
});

describe('extractHtml()', () => {
  it('returns the visible text as one unnumbered page', () => {
    expect(extractHtml(new Uint8Array(Buffer.from('<p>Hello</p>')))).toEqual({
      type: 'html',
      pages: [{ number: null, text: 'Hello' }],
      warnings: [],
      children: [],
    });
  });
});
