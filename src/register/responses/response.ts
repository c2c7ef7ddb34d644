/** What a response can answer: evidence or a record of the organisation it comes from. */
export const answerKinds = ['finding', 'document', 'assurance', 'return'] as const;

/** The kind of thing a response answers. */
export type AnswerKind = (typeof answerKinds)[number];

/** An organisation's response as the register holds it, for pages and the CLI. */
export interface OrganisationResponse {
  id: number;
  organisationCode: string;
  organisationName: string;
  responderName: string;
  responderRole: string;
  receivedOn: string;
  text: string;
  answers: { kind: AnswerKind; id: number };
  /** The documents it came with, ingested as documents of the organisation. */
  documents: { id: number; title: string }[];
  /** The assurance it gave, counted in the organisation's status, if it gave one. */
  assuranceId: number | null;
  recordedBy: string;
  recordedAt: string;
}

/** Reads `finding 12`-style references (`finding:12` on the command line). */
export function parseAnswerReference(text: string): { kind: AnswerKind; id: number } | undefined {
  const match = /^\s*(finding|document|assurance|return)[\s:#-]*(\d{1,9})\s*$/i.exec(text);
  if (!match) return undefined;
  const kind = answerKinds.find((each) => each === match[1]?.toLowerCase());
  const id = Number(match[2]);
  return kind === undefined || id === 0 ? undefined : { kind, id };
}
