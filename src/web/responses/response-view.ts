import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import type { OrganisationResponse } from '../../register/responses/response.js';

/** A response as the public pages show it, beside the evidence it answers. */
export interface ResponseView {
  id: number;
  organisationName: string;
  responderName: string;
  responderRole: string;
  receivedOn: string;
  /** Its text, with personal details removed as from every published quote. */
  text: string;
  documents: { id: number; title: string }[];
  givesAssurance: boolean;
}

/**
 * Responses by the anchor of what each answers (`finding-12`, `document-3`, `assurance-2`,
 * `return-1`, the ids the organisation's timeline and the document page already use).
 */
export function responsesByAnchor(
  responses: readonly OrganisationResponse[],
): Record<string, ResponseView[]> {
  const byAnchor: Record<string, ResponseView[]> = {};
  for (const response of responses) {
    const anchor = `${response.answers.kind}-${String(response.answers.id)}`;
    (byAnchor[anchor] ??= []).push(viewOf(response));
  }
  return byAnchor;
}

/** A response as the public pages show it. */
export function viewOf(response: OrganisationResponse): ResponseView {
  return {
    id: response.id,
    organisationName: response.organisationName,
    responderName: response.responderName,
    responderRole: response.responderRole,
    receivedOn: response.receivedOn,
    text: redactExcerpt(response.text).text,
    documents: response.documents,
    givesAssurance: response.assuranceId !== null,
  };
}
