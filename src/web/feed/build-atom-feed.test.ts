import { parseFeed } from 'htmlparser2';
import { describe, expect, it } from 'vitest';

import { escapeXml } from '../render/escape-xml.js';
import { buildAtomFeed, type AtomEntry, type AtomFeed } from './build-atom-feed.js';
import { xmlProblems } from '../open-data/test-support/xml-problems.js';

const entry = (overrides: Partial<AtomEntry> = {}): AtomEntry => ({
  id: 'urn:uuid:00000000-0000-5000-8000-000000000001',
  title: 'Confirmed evidence',
  updated: '2024-05-01T10:00:00.000Z',
  url: 'https://example.org/documents/1',
  summary: 'An excerpt',
  categories: ['evidence'],
  ...overrides,
});

const feed = (entries: AtomEntry[]): AtomFeed => ({
  id: 'urn:uuid:00000000-0000-5000-8000-000000000000',
  title: 'simwatch: new evidence and assurances',
  subtitle: 'Confirmed evidence and assurances, newest first',
  selfUrl: 'https://example.org/feed.atom',
  siteUrl: 'https://example.org/',
  author: 'simwatch',
  updated: '2020-01-01T00:00:00.000Z',
  entries,
});

describe('escapeXml()', () => {
  it.each([
    ['Police & health <together> "SIM"', 'Police &amp; health &lt;together&gt; &quot;SIM&quot;'],
    ["it's", 'it&apos;s'],
    ['&amp; stays text', '&amp;amp; stays text'],
    ['bell\u0007 and nul\u0000 go', 'bell and nul go'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['tabs\tand\nlines\r stay', 'tabs\tand\nlines\r stay'],
    ['emoji 🙂 and ünïcode stay', 'emoji 🙂 and ünïcode stay'],
  ])('escapes %j', (text, expected) => {
    expect(escapeXml(text)).toBe(expected);
  });
});

describe('buildAtomFeed()', () => {
  it('writes a well-formed Atom feed that a feed reader parses', () => {
    const xml = buildAtomFeed(
      feed([
        entry({ relatedUrl: 'https://example.org/organisations/DEMO-T01' }),
        entry({ id: 'urn:uuid:2', title: 'Assurance', updated: '2024-04-01T00:00:00.000Z' }),
      ]),
    );
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    const parsed = parseFeed(xml, { xmlMode: true });
    expect(parsed?.type).toBe('atom');
    expect(parsed?.items.map((item) => item.title)).toEqual(['Confirmed evidence', 'Assurance']);
    expect(parsed?.items[0]?.link).toBe('https://example.org/documents/1');
    expect(parsed?.link).toBe('https://example.org/');
  });

  it('escapes <, & and quotes in titles, summaries and links, so they stay text', () => {
    const title = 'Trust <b>"A" & B</b>\u0001';
    const xml = buildAtomFeed(
      feed([
        entry({
          title,
          summary: '"Police" </summary><script>x</script> & more',
          url: 'https://example.org/search?q=a&b="c"',
        }),
      ]),
    );
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain(
      '<title type="text">Trust &lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt;</title>',
    );
    expect(xml).not.toContain('<script>');
    const parsed = parseFeed(xml, { xmlMode: true });
    expect(parsed?.items[0]?.title).toBe('Trust <b>"A" & B</b>');
    expect(parsed?.items[0]?.description).toBe('"Police" </summary><script>x</script> & more');
    expect(parsed?.items[0]?.link).toBe('https://example.org/search?q=a&b="c"');
  });

  it("takes the feed's updated time from its newest entry, or the fallback when empty", () => {
    const newest = buildAtomFeed(
      feed([
        entry({ updated: '2024-01-01T00:00:00.000Z' }),
        entry({ updated: '2024-06-01T00:00:00.000Z' }),
      ]),
    );
    expect(newest).toContain('  <updated>2024-06-01T00:00:00.000Z</updated>');
    const empty = buildAtomFeed(feed([]));
    expect(empty).toContain('  <updated>2020-01-01T00:00:00.000Z</updated>');
    expect(xmlProblems(empty)).toEqual([]);
    expect(empty).not.toContain('<entry>');
  });
});

describe('xmlProblems()', () => {
  it.each([
    ['<?xml version="1.0" encoding="utf-8"?>\n<a>x & y</a>', 'Bare "&"'],
    ['<?xml version="1.0" encoding="utf-8"?>\n<a>x < y</a>', 'Raw "<"'],
    ['<?xml version="1.0" encoding="utf-8"?>\n<a><b></a>', 'closed by'],
    ['<?xml version="1.0" encoding="utf-8"?>\n<a x=1/>', 'not quoted'],
    ['<?xml version="1.0" encoding="utf-8"?>\n<a/><b/>', '2 root elements'],
  ])('finds the problem in %j', (xml, problem) => {
    expect(xmlProblems(xml).join('\n')).toContain(problem);
  });
});
