/** How each link between organisations reads from each end. */
const relationNames: Readonly<Record<string, { from: string; to: string }>> = {
  works_with: { from: 'Works with', to: 'Works with' },
  commissions: { from: 'Commissions', to: 'Commissioned by' },
  promoted_scheme_to: { from: 'Promoted the scheme to', to: 'Scheme promoted by' },
};

/**
 * A link between organisations in words, read from the organisation whose page it is: `from` when
 * the link starts there, otherwise from the other end ("Commissions" / "Commissioned by").
 */
export function describeRelation(relation: string, direction: 'from' | 'to'): string {
  const known = relationNames[relation];
  if (known) return known[direction];
  const words = relation.replace(/_/g, ' ').trim();
  const sentence = words.charAt(0).toUpperCase() + words.slice(1);
  return direction === 'from' ? sentence : `${sentence} (linked from)`;
}
