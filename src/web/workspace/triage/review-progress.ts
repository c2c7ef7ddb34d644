import type { Decision } from '../../../register/findings/finding-status.js';

/**
 * The two-reviewer rule as it stands for one finding, in words: who has confirmed or rejected
 * it since the last change of mind, and what it still needs. Follows `findingStatus`: two
 * different reviewers confirming make evidence; a rejection sends it back for discussion.
 */
export function reviewProgress(decisions: readonly Decision[]): string {
  let confirmers: string[] = [];
  let rejecters: string[] = [];
  for (const { reviewer, decision } of decisions) {
    if (decision === 'confirm') {
      if (!confirmers.includes(reviewer)) confirmers.push(reviewer);
      rejecters = [];
    } else {
      if (!rejecters.includes(reviewer)) rejecters.push(reviewer);
      confirmers = [];
    }
  }
  if (confirmers.length >= 2)
    return `Confirmed by 2 different reviewers (${listNames(confirmers)})`;
  if (rejecters.length >= 2) return `Rejected by 2 different reviewers (${listNames(rejecters)})`;
  if (rejecters.length === 1)
    return `Rejected by ${listNames(rejecters)}: needs confirmation by 2 different reviewers; 0 of 2 so far (or a second reviewer's rejection to reject it)`;
  const sofar = confirmers.length === 0 ? '' : ` (by ${listNames(confirmers)})`;
  return `Needs confirmation by 2 different reviewers; ${confirmers.length} of 2 so far${sofar}`;
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
