import { requestStateNames, type RequestState } from './foi-request.js';

/** States that record the authority's substantive answer: they set when it responded. */
export const answeredStates: readonly RequestState[] = [
  'successful',
  'partially_successful',
  'not_held',
  'refused',
];

/** States in which exemptions may be cited (or kept from the refusal under review). */
export const exemptionStates: readonly RequestState[] = [
  'refused',
  'partially_successful',
  'internal_review',
  'referred_to_ico',
];

const afterAnswer: readonly RequestState[] = ['internal_review', 'referred_to_ico'];

/**
 * The moves a person may record from each state. Leaving `draft` is sending (or withdrawing);
 * an answer can be challenged (internal review, then the ICO), which can end in another answer.
 */
const allowedMoves: Record<RequestState, readonly RequestState[]> = {
  draft: ['withdrawn'],
  awaiting_response: ['clarification_asked', ...answeredStates, ...afterAnswer, 'withdrawn'],
  clarification_asked: ['awaiting_response', ...answeredStates, 'withdrawn'],
  successful: afterAnswer,
  partially_successful: afterAnswer,
  not_held: afterAnswer,
  refused: afterAnswer,
  internal_review: [...answeredStates, 'referred_to_ico', 'withdrawn'],
  referred_to_ico: [...answeredStates, 'withdrawn'],
  withdrawn: [],
};

/**
 * Why a request cannot move from one state to another, or undefined when it can: plain words
 * naming both states and what to do instead.
 */
export function whyNotMove(from: RequestState, to: RequestState): string | undefined {
  if (allowedMoves[from].includes(to)) return undefined;
  const names = `from "${requestStateNames[from]}" to "${requestStateNames[to]}"`;
  if (from === 'draft' && to !== 'draft')
    return `it has not been sent: send it (simwatch foi send) or record it as sent elsewhere first, ${names} is not a move`;
  if (from === to) return `it is already "${requestStateNames[to]}"`;
  if (from === 'withdrawn') return 'it was withdrawn, so its state can no longer change';
  return `a request cannot go ${names}`;
}

/**
 * The exemption a citation names, written the one way (`s.40(2)`), or undefined when it names
 * none of FOIA's: s.12 (cost), s.14 (vexatious or repeated) or s.21 to s.44 (Part II, such as
 * s.22A, s.40(2), s.31(1)(a)). Accepts `s40(2)`, `S. 40 (2)`, `section 40(2)`.
 */
export function normaliseExemption(text: string): string | undefined {
  const match = /^(?:s\.?|section)\s*(\d{2})([A-Z])?\s*((?:\(\s*\w{1,3}\s*\))*)$/i.exec(
    text.trim(),
  );
  if (!match) return undefined;
  const section = Number(match[1]);
  const letter = (match[2] ?? '').toUpperCase();
  if (!(section === 12 || section === 14 || (section >= 21 && section <= 44))) return undefined;
  if (letter !== '' && !(section === 22 && letter === 'A')) return undefined;
  const subsections = (match[3] ?? '').replace(/\s+/g, '');
  return `s.${section}${letter}${subsections}`;
}
