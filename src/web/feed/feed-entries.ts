import { assuranceScopes } from '../../register/assurances/assurances-service.js';
import { describeAssuranceClaim } from '../../register/status/assurance-claim.js';
import { featureNames } from '../../register/status/feature-names.js';
import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import type { AtomEntry } from './build-atom-feed.js';
import type {
  FeedAssurance,
  FeedEvidence,
  FeedItem,
} from '../../register/changes/feed-items-repository.js';
import { stableUrn } from './stable-urn.js';

/** Where the site is and which register it serves, for entries' links and ids. */
export interface FeedSite {
  /** The absolute URL of the site, without a trailing slash. */
  baseUrl: string;
  /** See `registerIdentity`. */
  registerIdentity: string;
}

/** A feed entry for a new piece of evidence or a new assurance; excerpts are redacted here. */
export function feedEntryOf(item: FeedItem, site: FeedSite): AtomEntry {
  return item.kind === 'evidence' ? evidenceEntry(item, site) : assuranceEntry(item, site);
}

function evidenceEntry(item: FeedEvidence, site: FeedSite): AtomEntry {
  const names = item.organisations.map((organisation) => organisation.name);
  const first = item.organisations[0];
  const where = [
    item.documentTitle,
    item.page === null ? null : `page ${item.page}`,
    item.documentDate,
  ].filter((part) => part !== null);
  return {
    id: stableUrn(site.registerIdentity, `evidence/${item.findingId}`),
    title: `Confirmed evidence of ${featureNames[item.feature]}${names.length > 0 ? `: ${names.join(', ')}` : ''}`,
    updated: item.time,
    url: `${site.baseUrl}/documents/${item.documentId}/findings/${item.findingId}`,
    ...(first ? { relatedUrl: organisationUrl(site, first.code) } : {}),
    summary: `"${redactExcerpt(item.excerpt).text}" (${where.join(', ')})`,
    categories: ['evidence', item.feature],
  };
}

function assuranceEntry(item: FeedAssurance, site: FeedSite): AtomEntry {
  const claim = describeAssuranceClaim({
    id: item.assuranceId,
    givenOn: item.givenOn,
    givenBy: item.givenBy,
    scope: assuranceScopes.find((scope) => scope === item.scope) ?? 'never_used',
    scopeDate: item.scopeDate,
    feature: item.feature,
    text: item.text,
    sourceDocumentId: null,
  });
  return {
    id: stableUrn(site.registerIdentity, `assurance/${item.assuranceId}`),
    title: `New assurance: ${item.organisation.name}`,
    updated: item.time,
    url: organisationUrl(site, item.organisation.code),
    summary: `${claim.charAt(0).toUpperCase()}${claim.slice(1)}, given by ${item.givenBy}: "${redactExcerpt(item.text).text}"`,
    categories: ['assurance', item.scope],
  };
}

function organisationUrl(site: FeedSite, code: string): string {
  return `${site.baseUrl}/organisations/${encodeURIComponent(code)}`;
}
