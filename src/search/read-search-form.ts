import { documentKinds } from '../register/documents/document.js';
import { isLabel } from '../screening/finding.js';
import type { SearchQuery } from './search-types.js';

/** The longest search text accepted, in characters. */
export const maxSearchLength = 200;

/** The search form's fields as typed, to show them again. */
export interface SearchFormValues {
  q: string;
  organisation: string;
  label: string;
  type: string;
  year: string;
}

/** A problem with one field, for the error summary (`href` is the field's id). */
export interface SearchFormError {
  text: string;
  href: string;
}

/** The search form read: what to search for (when anything), or what to fix. */
export interface SearchForm {
  values: SearchFormValues;
  errors: SearchFormError[];
  /** Undefined when there is nothing to search for or the form has errors. */
  query: SearchQuery | undefined;
}

/**
 * Reads the search form's query string (`q`, `organisation`, `label`, `type`, `year`, `page`).
 * Choices must be ones the form offers; an organisation is checked by `isOrganisation`. A page
 * that is not a whole number is page 1. Repeated parameters count once (the first).
 */
export function readSearchForm(
  parameters: unknown,
  isOrganisation: (code: string) => boolean,
): SearchForm {
  const raw = (typeof parameters === 'object' && parameters !== null ? parameters : {}) as Record<
    string,
    unknown
  >;
  const field = (name: string): string => {
    const value = raw[name];
    const first = Array.isArray(value) ? (value[0] as unknown) : value;
    return typeof first === 'string' ? first.trim() : '';
  };
  const values: SearchFormValues = {
    q: field('q'),
    organisation: field('organisation'),
    label: field('label'),
    type: field('type'),
    year: field('year'),
  };
  const errors: SearchFormError[] = [];
  if (values.q.length > maxSearchLength)
    errors.push({
      text: `Search for ${maxSearchLength} characters or fewer`,
      href: '#q',
    });
  if (values.organisation !== '' && !isOrganisation(values.organisation))
    errors.push({ text: 'Select an organisation from the list', href: '#organisation' });
  if (values.label !== '' && !isLabel(values.label))
    errors.push({ text: 'Select a kind of evidence from the list', href: '#label' });
  if (values.type !== '' && !(documentKinds as readonly string[]).includes(values.type))
    errors.push({ text: 'Select a document type from the list', href: '#type' });
  const year = Number(values.year);
  if (values.year !== '' && !(/^\d{4}$/.test(values.year) && year >= 1900 && year <= 2100))
    errors.push({ text: 'Enter a year as 4 numbers, like 2023', href: '#year' });
  const page = /^\d{1,4}$/.test(field('page')) ? Math.max(1, Number(field('page'))) : 1;
  const query: SearchQuery | undefined =
    errors.length > 0 || values.q === ''
      ? undefined
      : {
          text: values.q,
          ...(values.organisation ? { organisation: values.organisation } : {}),
          ...(values.label && isLabel(values.label) ? { label: values.label } : {}),
          ...(values.type ? { type: values.type } : {}),
          ...(values.year ? { year } : {}),
          page,
        };
  return { values, errors, query };
}
