import { escapeXml } from '../render/escape-xml.js';
/** One entry of an Atom feed. */
export interface AtomEntry {
  /** A permanent, unique IRI (a `urn:` or `tag:` URI) that never changes for this entry. */
  id: string;
  title: string;
  /** RFC 3339 time, such as `2024-05-01T10:00:00.000Z`. */
  updated: string;
  /** The page the entry is about. */
  url: string;
  /** Another page it relates to, such as the organisation of a piece of evidence. */
  relatedUrl?: string;
  summary: string;
  /** Labels such as `evidence` or `assurance`. */
  categories: string[];
}

/** An Atom feed: its own details and its entries, newest first. */
export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  /** The feed's own URL. */
  selfUrl: string;
  /** The site's page the feed belongs to. */
  siteUrl: string;
  author: string;
  /** Used when there are no entries; otherwise the newest entry's time. */
  updated: string;
  entries: AtomEntry[];
}

/**
 * Writes an Atom 1.0 (RFC 4287) document. Every text and attribute is escaped, and characters
 * XML cannot carry are dropped, so any excerpt or title gives a well-formed feed.
 */
export function buildAtomFeed(feed: AtomFeed): string {
  const updated = feed.entries.reduce(
    (latest, entry) => (entry.updated > latest ? entry.updated : latest),
    feed.entries.length > 0 ? '' : feed.updated,
  );
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    ...feed.entries.flatMap(entryLines),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

function entryLines(entry: AtomEntry): string[] {
  return [
    '  <entry>',
    `    <id>${escapeXml(entry.id)}</id>`,
    `    <title type="text">${escapeXml(entry.title)}</title>`,
    `    <updated>${escapeXml(entry.updated)}</updated>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
    ...(entry.relatedUrl === undefined
      ? []
      : [`    <link rel="related" type="text/html" href="${escapeXml(entry.relatedUrl)}"/>`]),
    ...entry.categories.map((term) => `    <category term="${escapeXml(term)}"/>`),
    `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
    '  </entry>',
  ];
}
