import { publicationBundle } from '../../coproduction/publication-bundle.js';
import { renderMarkdown } from '../../coproduction/text/render-markdown.js';
import { SimwatchError } from '../../errors.js';
import {
  getPublication,
  listPublications,
} from '../../register/coproduction/coproduction-repository.js';
import { positiveInteger } from '../forms/positive-integer.js';
import type { RouteModule } from '../route-module.js';

const publicationKindText = {
  version: 'Published version',
  public_statement: 'Public statement',
  agreed_not_published: 'Statement that an agreed version was not published',
} as const;

/**
 * What co-production agreements published with every party's consent (and statements that an
 * agreed version was not published): the list, each publication with its text, hash and every
 * party's signature, and its bundle to verify offline.
 */
export const publicationRoutes: RouteModule = (app, context) => {
  const db = context.deps.database.db;

  app.get('/publications', { config: { access: 'public' } }, async (_request, reply) =>
    reply.page('coproduction/publications.njk', {
      title: 'Publications',
      publications: await listPublications(db),
      kindText: publicationKindText,
    }),
  );

  app.get('/publications/:id', { config: { access: 'public' } }, async (request, reply) => {
    const match = /^(\d+)(\.json)?$/.exec((request.params as { id: string }).id);
    const id = positiveInteger(match?.[1]);
    if (!match || id === undefined)
      throw new SimwatchError('not_found', 'Cannot find the publication: no such number');
    const publication = await getPublication(db, id);
    if (match[2] === '.json')
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="publication-${id}.json"`)
        .send(`${JSON.stringify(publicationBundle(publication), null, 2)}\n`);
    return reply.page('coproduction/publication.njk', {
      title: publication.documentTitle ?? publication.agreementTitle,
      publication,
      kindText: publicationKindText[publication.kind],
      html: publication.text === null ? null : renderMarkdown(publication.text),
    });
  });
};
