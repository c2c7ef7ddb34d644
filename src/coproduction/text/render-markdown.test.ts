import { describe, expect, it } from 'vitest';

import { renderMarkdown } from './render-markdown.js';

describe('renderMarkdown()', () => {
  it('renders headings, lists, emphasis and links', () => {
    const html = renderMarkdown(
      '# Crisis policy\n\n- **Equal** partnership\n- [NHS England](https://www.england.nhs.uk/)\n',
    );
    expect(html).toContain('<h1>Crisis policy</h1>');
    expect(html).toContain('<li><strong>Equal</strong> partnership</li>');
    expect(html).toContain(
      '<a href="https://www.england.nhs.uk/" rel="noopener noreferrer nofollow">NHS England</a>',
    );
  });

  it('escapes HTML written in a draft instead of passing it through', () => {
    const html = renderMarkdown(
      'Hello <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<b>bold</b>',
    );
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('does not make links out of unsafe targets', () => {
    for (const target of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/',
    ]) {
      const html = renderMarkdown(`[click](${target})`);
      expect(html, target).not.toContain('<a ');
    }
    expect(renderMarkdown('[terms](#terms)')).toContain('<a href="#terms"');
    expect(renderMarkdown('[write](mailto:coalition@example.org)')).toContain(
      'href="mailto:coalition@example.org"',
    );
  });

  it('does not turn bare addresses into links or load images', () => {
    expect(renderMarkdown('See www.example.org and https://example.org today.')).not.toContain(
      '<a ',
    );
    const html = renderMarkdown('![tracking pixel](https://evil.example/pixel.png)');
    expect(html).not.toContain('<img');
  });
});
