import { SimwatchError } from '../../errors.js';
import {
  findDocumentOriginal,
  isHeldBackDocument,
} from '../../register/documents/documents-repository.js';
import { mayAccess } from '../../accounts/roles.js';
import { findConfirmedFindingPart, loadDocumentPage } from './document-page.js';
import { formatSize } from '../../extract/format-size.js';
import { contentTypeOf, downloadFileName } from './original-download.js';
import { positiveInteger } from '../forms/positive-integer.js';
import type { RouteModule } from '../route-module.js';
import { countEvents } from '../../register/ledger/record-reads.js';
import { formatCitation } from '../render/citation.js';
import { readCitationContext } from '../render/citation-context.js';
import { listDocumentResponses } from '../../register/responses/responses-repository.js';
import { responsesByAnchor } from '../responses/response-view.js';

/**
 * A document's page (details, confirmed findings, text by page with the findings highlighted)
 * and its original. Documents that are not public keep their text and original for signed-in
 * users; their details and confirmed (redacted) evidence stay public.
 */
export const documentRoutes: RouteModule = (app, context) => {
  const { deps } = context;
  const db = deps.database.db;

  app.get<{ Params: { id: string }; Querystring: { part?: unknown } }>(
    '/documents/:id',
    { config: { access: 'public', pageCache: { query: ['part'] } } },
    async (request, reply) => {
      const id = documentIdOf(request.params.id);
      const part = partOf(request.query.part);
      const signedIn = request.user !== null;
      // A document sent in by the public is not public until a reviewer accepts it.
      if (!signedIn && (await isHeldBackDocument(db, id))) throw notFound();
      const page = await loadDocumentPage(db, id, {
        part,
        withText: (isPublic) => isPublic || signedIn,
        // Published text hides personal data as published excerpts do; reviewers see it whole.
        redactText: !signedIn,
      });
      if (!page) throw part === 1 ? notFound() : noSuchPart();
      const cited = await readCitationContext(request, context, await countEvents(db));
      const permalink = `${cited.baseUrl}/documents/${String(page.document.id)}`;
      const citation = formatCitation({
        ...cited,
        title: page.document.title,
        permalink,
        dates: [
          { name: 'Document date', date: page.document.date },
          { name: 'Added to the register', date: page.document.addedAt },
        ],
        details: [
          { name: 'Document SHA-256', value: page.document.sha256 },
          { name: 'Pages', value: String(page.document.pageCount) },
          ...page.findings.map((finding) => ({
            name: `Evidence of ${finding.labelName}`,
            value: `${permalink}/findings/${String(finding.id)}${finding.page === null ? '' : ` (page ${String(finding.page)})`}`,
          })),
        ],
      });
      const responses = await listDocumentResponses(db, id);
      return reply.page('pages/document.njk', {
        citation,
        title:
          page.text && page.text.partCount > 1
            ? `${page.document.title} (part ${String(part)} of ${String(page.text.partCount)})`
            : page.document.title,
        ...page,
        size: formatSize(page.document.byteSize),
        mayDownload: page.document.public || signedIn,
        mayCorrect: mayAccess(request.user?.role ?? null, 'reviewer'),
        signedIn,
        responsesByAnchor: responsesByAnchor(responses),
      });
    },
  );

  // A lasting link to a confirmed finding, whichever part of a long text shows it.
  app.get<{ Params: { id: string; findingId: string } }>(
    '/documents/:id/findings/:findingId',
    { config: { access: 'public' } },
    async (request, reply) => {
      const id = documentIdOf(request.params.id);
      const findingId = documentIdOf(request.params.findingId);
      const part = await findConfirmedFindingPart(db, id, findingId);
      if (part === undefined) throw notFound();
      const query = part > 1 ? `?part=${String(part)}` : '';
      return reply.redirect(`/documents/${String(id)}${query}#finding-${String(findingId)}`, 303);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/documents/:id/original',
    { config: { access: 'public' } },
    async (request, reply) => {
      const id = documentIdOf(request.params.id);
      const row = await findDocumentOriginal(db, id);
      // A document that is not public is "not found" to those signed out: no hint that it exists.
      if (!row || (!row.public && request.user === null)) throw notFound();
      const original = await deps.blobs.read(row.sha256);
      if (original.state !== 'intact') {
        // Never send bytes the record does not vouch for. 410: the original as recorded is gone
        // (404 would say there never was one); the operators are told through the log.
        request.log.error(
          { documentId: row.id, sha256: row.sha256, state: original.state },
          'The stored original of a document is missing or altered',
        );
        return reply.header('cache-control', 'no-store').page(
          'pages/original-unavailable.njk',
          {
            title: 'The original of this document is not available',
            documentId: row.id,
            missing: original.state === 'missing',
            sha256: row.sha256,
          },
          410,
        );
      }
      const bytes = original.bytes;
      const fileName = downloadFileName({
        id: row.id,
        fileName: row.fileName,
        mediaType: row.mediaType,
      });
      return reply
        .header('content-type', contentTypeOf(row.mediaType))
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', row.public ? 'public, max-age=86400' : 'private, no-store')
        .send(bytes);
    },
  );
};

/** Which part of a long text to show: `?part=N`, from 1 (the first when absent). */
function partOf(value: unknown): number {
  if (value === undefined) return 1;
  const part = positiveInteger(value, 9_999_999);
  if (part === undefined) throw noSuchPart();
  return part;
}

function noSuchPart(): SimwatchError {
  return new SimwatchError(
    'not_found',
    'This document has no such part. Go back to the document and use the links to its parts.',
  );
}

/** The id in an address: digits only, else the page is not found. */
function documentIdOf(text: string): number {
  const id = positiveInteger(text);
  if (id === undefined) throw notFound();
  return id;
}

function notFound(): SimwatchError {
  return new SimwatchError(
    'not_found',
    'There is no document at this address. Check the address, or search for the document.',
  );
}
