import type { DocumentEdit } from './documents-repository.js';

/**
 * What a correction changed, one plain sentence per change, for a document's history. Dates are
 * written by `formatDay` (each edge has its own way of showing a date).
 */
export function describeDocumentEdit(
  edit: Pick<DocumentEdit, 'changes' | 'linked' | 'unlinked'>,
  formatDay: (isoDay: string) => string = (isoDay) => isoDay,
): string[] {
  const { title, documentDate, source, public: isPublic } = edit.changes;
  const day = (value: string | null) => (value === null ? 'no date' : formatDay(value));
  const text = (value: string | null) => (value === null ? 'none' : `"${value}"`);
  const names = (organisations: DocumentEdit['linked']) =>
    organisations.map((organisation) => `${organisation.name} (${organisation.code})`).join(', ');
  return [
    ...(title ? [`Title changed from "${title.from}" to "${title.to}"`] : []),
    ...(documentDate
      ? [`Date changed from ${day(documentDate.from)} to ${day(documentDate.to)}`]
      : []),
    ...(source ? [`Source changed from ${text(source.from)} to ${text(source.to)}`] : []),
    ...(isPublic
      ? [isPublic.to ? 'Original made public' : 'Original made private (signed-in users only)']
      : []),
    ...(edit.linked.length > 0 ? [`Linked to ${names(edit.linked)}`] : []),
    ...(edit.unlinked.length > 0 ? [`No longer linked to ${names(edit.unlinked)}`] : []),
  ];
}
