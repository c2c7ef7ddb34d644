import { statusLabels } from '../../register/status/organisation-status.js';
import type { StatusChange } from '../../register/status/status-changes.js';
import type { AtomEntry } from './build-atom-feed.js';
import type { FeedSite } from './feed-entries.js';
import { stableUrn } from './stable-urn.js';

/** A feed entry for a change of an organisation's status: old and new status, and why. */
export function statusChangeEntry(change: StatusChange, site: FeedSite): AtomEntry {
  const { code, name } = change.organisation;
  const why = change.reasons.map((reason) => reason.text).join(' ');
  return {
    id: stableUrn(site.registerIdentity, `status-change/${code}/${change.time}/${change.to}`),
    title: `${name}: ${statusLabels[change.to]} (was ${statusLabels[change.from]})`,
    updated: change.time,
    url: `${site.baseUrl}/organisations/${encodeURIComponent(code)}#why`,
    summary: `Status changed from "${statusLabels[change.from]}" to "${statusLabels[change.to]}". Why: ${why}`,
    categories: ['status-change', change.to],
  };
}
