import type { SearchTerms } from './parse-search-text.js';

/**
 * Writes search terms as an FTS5 MATCH expression: every term a quoted string (a phrase when it
 * has several words), all of them required. Terms hold only letters, digits and marks, so the
 * quoting cannot be broken and no FTS5 operator can be smuggled in.
 */
export function fts5MatchExpression(terms: SearchTerms): string {
  return terms.map((words) => `"${words.join(' ').replaceAll('"', '""')}"`).join(' AND ');
}
