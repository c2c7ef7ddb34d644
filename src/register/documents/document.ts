/** The kinds of document the register holds. */
export const documentKinds = [
  'policy',
  'board_paper',
  'foi_response',
  'care_plan_template',
  'agreement',
  'training',
  'correspondence',
  'news',
  'other',
] as const;

/** One kind of document. */
export type DocumentKind = (typeof documentKinds)[number];

/** Plain-English names of the kinds. */
export const documentKindNames: Record<DocumentKind, string> = {
  policy: 'Policy',
  board_paper: 'Board paper',
  foi_response: 'FOI response',
  care_plan_template: 'Care-plan template',
  agreement: 'Agreement',
  training: 'Training material',
  correspondence: 'Correspondence',
  news: 'News',
  other: 'Other document',
};

/**
 * Who adds the documents sent in through the public form. Such a document is held back (out of
 * public lists and pages) until a reviewer accepts it, which makes it public.
 */
export const publicSubmissionActor = 'public-submission';
