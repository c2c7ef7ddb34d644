/**
 * The success messages the co-production pages show after a change, chosen by the `done` query
 * parameter: only these fixed texts, so a crafted link cannot put words on the page.
 */
export const coproductionNotices = {
  'version-added': 'The new version has been saved.',
  'comment-added': 'Your comment has been added.',
  'meeting-recorded': 'The meeting has been recorded.',
  'action-proposed': 'The action has been proposed. Each party must now consent to it.',
  'consent-given': "Your party's consent has been recorded.",
  'consent-withdrawn': "Your party's consent has been withdrawn.",
  'action-carried-out': 'The action has been carried out.',
  'statement-published': 'Your statement has been published.',
  'member-changed': 'The membership has been changed.',
  dissolved: 'The agreement has been dissolved.',
} as const;

/** The notice for a request's `done` parameter, if it is one of ours. */
export function coproductionNotice(query: unknown): string | undefined {
  const done =
    typeof query === 'object' && query !== null
      ? (query as Record<string, unknown>).done
      : undefined;
  return typeof done === 'string' && Object.hasOwn(coproductionNotices, done)
    ? coproductionNotices[done as keyof typeof coproductionNotices]
    : undefined;
}
