/**
 * The success messages a page can show after a change, chosen by the `done` query parameter. Only
 * these fixed texts are ever shown, so a crafted link cannot put words on the page.
 */
export const doneNotices = {
  'assurance-recorded': 'The assurance has been recorded.',
  'response-recorded': 'The response has been recorded.',
  'correction-resolved': 'The report has been marked resolved.',
  'submission-accepted': 'The submission has been accepted. A document from it is now public.',
  'submission-set-aside': 'The submission has been set aside.',
  'review-created': 'The review has been added. You can now record returns to it.',
  'return-recorded': 'The return has been recorded.',
  'organisation-added': 'The organisation has been added.',
  'organisation-saved': 'The changes to the organisation have been saved.',
  'organisations-linked': 'The link between the organisations has been recorded.',
  'document-corrected': "The correction has been recorded in the document's history.",
  'account-created': 'The account has been created. Tell its owner their username and password.',
  'account-updated': 'The account has been updated.',
  'account-password-set':
    'The new password has been set and the account has been signed out everywhere.',
  'password-changed': 'Your password has been changed. You have been signed out everywhere else.',
} as const;

/** A success message's code. */
export type DoneCode = keyof typeof doneNotices;

/** The message for a request's `done` parameter, or undefined when it names none. */
export function doneNotice(query: unknown): string | undefined {
  const done =
    typeof query === 'object' && query !== null
      ? (query as Record<string, unknown>).done
      : undefined;
  if (typeof done !== 'string' || !Object.hasOwn(doneNotices, done)) return undefined;
  return doneNotices[done as DoneCode];
}

/** The address to redirect to after a change: `path` with the notice and any other parameters. */
export function doneUrl(path: string, done: DoneCode, more: Record<string, string> = {}): string {
  return `${path}?${new URLSearchParams({ done, ...more }).toString()}`;
}

/** A text query parameter, or empty. */
export function queryText(query: unknown, name: string): string {
  const value =
    typeof query === 'object' && query !== null
      ? (query as Record<string, unknown>)[name]
      : undefined;
  return typeof value === 'string' ? value.trim() : '';
}
