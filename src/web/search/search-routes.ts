import {
  documentKindNames,
  documentKinds,
  type DocumentKind,
} from '../../register/documents/document.js';
import { labels } from '../../screening/finding.js';
import { parseSearchText } from '../../search/parse-search-text.js';
import {
  maxSearchLength,
  readSearchForm,
  type SearchFormValues,
} from '../../search/read-search-form.js';
import { searchDocuments } from '../../search/search-documents.js';
import {
  listSearchFilterOptions,
  type SearchFilterOptions,
} from '../../search/search-filter-options.js';
import { paginate } from '../../search/search-pagination.js';
import type { SearchResult } from '../../search/search-types.js';
import { labelNames } from '../render/label-names.js';
import type { RouteModule } from '../route-module.js';

/** Full-text search over the documents: public documents for everyone, all for those signed in. */
export const searchRoutes: RouteModule = (app, { deps }) => {
  app.get(
    '/search',
    {
      config: {
        access: 'public',
        pageCache: { query: ['q', 'organisation', 'label', 'type', 'year', 'page'] },
      },
    },
    async (request, reply) => {
      const options = await listSearchFilterOptions(deps.database);
      const codes = new Set(options.organisations.map((organisation) => organisation.code));
      const form = readSearchForm(request.query, (code) => codes.has(code));
      const page = {
        title: 'Search',
        values: form.values,
        errors: form.errors,
        fieldErrors: Object.fromEntries(
          form.errors.map((error) => [error.href.slice(1), error.text]),
        ),
        choices: searchChoices(options, form.values),
        maxSearchLength,
        filtered: formFields.some((name) => name !== 'q' && form.values[name] !== ''),
      };
      if (form.errors.length > 0) return reply.page('pages/search.njk', page, 400);
      if (!form.query) return reply.page('pages/search.njk', page);
      const title = `Search results for “${form.values.q}”`;
      if (parseSearchText(form.query.text).length === 0)
        return reply.page('pages/search.njk', { ...page, title, onlyCommonWords: true });
      const found = await searchDocuments(deps.database, {
        ...form.query,
        signedIn: request.user !== null,
      });
      const pageCount = Math.ceil(found.total / found.pageSize);
      return reply.page('pages/search.njk', {
        ...page,
        title: pageCount > 1 ? `${title} (page ${found.page} of ${pageCount})` : title,
        searched: true,
        total: found.total,
        page: found.page,
        pageCount,
        firstNumber: (found.page - 1) * found.pageSize + 1,
        results: found.results.map(resultView),
        pagination: paginate(found.page, pageCount, (number) => searchUrl(form.values, number)),
        firstPageUrl: searchUrl(form.values, 1),
        feedUrl: searchUrl(form.values, 1).replace(/^\/search/, '/search.atom'),
        searchWithoutFiltersUrl: searchUrl(
          { ...form.values, organisation: '', label: '', type: '', year: '' },
          1,
        ),
      });
    },
  );
};

const formFields = [
  'q',
  'organisation',
  'label',
  'type',
  'year',
] as const satisfies readonly (keyof SearchFormValues)[];

/** The address of one page of a search, keeping its filters. */
export function searchUrl(values: SearchFormValues, page: number): string {
  const parameters = new URLSearchParams();
  for (const name of formFields) if (values[name] !== '') parameters.set(name, values[name]);
  if (page > 1) parameters.set('page', String(page));
  return `/search?${parameters.toString()}`;
}

function searchChoices(options: SearchFilterOptions, values: SearchFormValues) {
  const years = options.years.map(String);
  // A year typed into the address that no document has still shows as chosen.
  if (/^\d{4}$/.test(values.year) && !years.includes(values.year)) years.unshift(values.year);
  return {
    organisation: options.organisations.map((organisation) => ({
      value: organisation.code,
      text: organisation.name,
    })),
    label: labels.map((label) => ({ value: label, text: labelNames[label] })),
    type: documentKinds.map((kind) => ({ value: kind, text: documentKindNames[kind] })),
    year: years.map((year) => ({ value: year, text: year })),
  };
}

function resultView(result: SearchResult) {
  // The document page marks each page `page-N`, N the printed number or else the position.
  const anchor = result.pageNumber ?? result.position;
  return {
    ...result,
    href: `/documents/${result.documentId}#page-${anchor}`,
    typeName: isDocumentKind(result.docType) ? documentKindNames[result.docType] : result.docType,
    organisationNames: result.organisations.map((organisation) => organisation.name).join(', '),
  };
}

function isDocumentKind(value: string): value is DocumentKind {
  return (documentKinds as readonly string[]).includes(value);
}
