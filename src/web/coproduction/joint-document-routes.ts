import type { FastifyReply } from 'fastify';

import { markCopy } from '../../coproduction/marking/mark-copy.js';
import { quoteAt } from '../../coproduction/text/text-quote.js';
import { renderMarkdown } from '../../coproduction/text/render-markdown.js';
import { SimwatchError } from '../../errors.js';
import type { Agreement, JointDocument } from '../../coproduction/agreement.js';
import {
  getJointDocuments,
  getVersion,
  listComments,
} from '../../register/coproduction/coproduction-repository.js';
import {
  addComment,
  addVersion,
  recordAccess,
} from '../../register/coproduction/coproduction-service.js';
import { ErrorList, errorValues, type FieldError } from '../forms/form-errors.js';
import { positiveInteger } from '../forms/positive-integer.js';
import {
  exactTextField,
  readFormFields,
  textField,
  type FormFields,
} from '../forms/form-fields.js';
import type { RouteModule } from '../route-module.js';
import { actorOf } from '../workspace/records/form-page.js';
import { signedInUser } from '../workspace/signed-in-user.js';
import { refusal } from './agreement-routes.js';
import { coproductionNotice } from './coproduction-notices.js';
import { diffView, placeComments } from './document-view.js';
import { agreementForMember, refuseNonMembers } from './member-agreement.js';
import { documentPath, idParam } from './route-params.js';

const workspace = { access: 'viewer' } as const;

/** The document of an agreement named in the address, or not found. */
async function documentOf(
  db: Parameters<typeof getJointDocuments>[0],
  agreement: Agreement,
  documentId: number,
): Promise<JointDocument> {
  const document = (await getJointDocuments(db, agreement.id)).find(
    (each) => each.id === documentId,
  );
  if (!document)
    throw new SimwatchError('not_found', `Cannot find document ${documentId} in this agreement`);
  return document;
}

/**
 * Joint documents: a version's page (rendered, with comments placed beside their passages, and
 * recorded as viewed), the versions list, the diff between any two, the forms for a new document,
 * a new version and a comment, and a marked download. Members of the agreement's parties only.
 */
export const jointDocumentRoutes: RouteModule = (app, context) => {
  const { deps } = context;
  const db = deps.database.db;
  refuseNonMembers(app, context);

  async function showVersion(
    reply: FastifyReply,
    ids: { agreementId: number; documentId: number; version?: number },
    username: string,
    options: { errors?: readonly FieldError[]; values?: FormFields; notice?: string } = {},
  ) {
    const { agreement } = await agreementForMember(db, ids.agreementId, username);
    const document = await documentOf(db, agreement, ids.documentId);
    const number = ids.version ?? document.versions.at(-1)?.number ?? 1;
    const version = await getVersion(db, document.id, number);
    await recordAccess(
      deps,
      { documentId: document.id, versionNumber: number, kind: 'view' },
      username,
    );
    const errors = options.errors ?? [];
    return reply.page(
      'coproduction/document.njk',
      {
        title: `${document.title}, version ${number}`,
        agreement,
        document,
        version,
        latest: number === document.versions.at(-1)?.number,
        partyName: agreement.parties.find((party) => party.id === version.partyId)?.name ?? '',
        html: renderMarkdown(version.content),
        comments: placeComments(
          version.content,
          number,
          await listComments(db, document.id),
          agreement.parties,
        ),
        notice: options.notice,
        values: options.values ?? {},
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  const documentUrl = '/workspace/agreements/:id/documents/:doc';

  app.get(documentUrl, { config: workspace }, (request, reply) =>
    showVersion(
      reply,
      { agreementId: idParam(request, 'id'), documentId: idParam(request, 'doc') },
      actorOf(request),
      { notice: coproductionNotice(request.query) },
    ),
  );

  app.get(`${documentUrl}/versions/:n`, { config: workspace }, (request, reply) =>
    showVersion(
      reply,
      {
        agreementId: idParam(request, 'id'),
        documentId: idParam(request, 'doc'),
        version: idParam(request, 'n'),
      },
      actorOf(request),
      { notice: coproductionNotice(request.query) },
    ),
  );

  app.get(`${documentUrl}/diff`, { config: workspace }, async (request, reply) => {
    const agreementId = idParam(request, 'id');
    const { agreement } = await agreementForMember(db, agreementId, actorOf(request));
    const document = await documentOf(db, agreement, idParam(request, 'doc'));
    const query = readFormFields(request.query);
    const numbers = document.versions.map((version) => version.number);
    const last = numbers.at(-1) ?? 1;
    const from = positiveInteger(textField(query, 'from')) ?? Math.max(1, last - 1);
    const to = positiveInteger(textField(query, 'to')) ?? last;
    if (!numbers.includes(from) || !numbers.includes(to))
      throw new SimwatchError('not_found', `Cannot compare: ${document.title} has no such version`);
    const [a, b] = await Promise.all([
      getVersion(db, document.id, from),
      getVersion(db, document.id, to),
    ]);
    return reply.page('coproduction/diff.njk', {
      title: `${document.title}: changes from version ${from} to version ${to}`,
      agreement,
      document,
      from: a,
      to: b,
      diff: diffView(a.content, b.content),
    });
  });

  async function showVersionForm(
    reply: FastifyReply,
    agreementId: number,
    documentId: number | undefined,
    username: string,
    values: FormFields,
    errors: readonly FieldError[] = [],
  ) {
    const { agreement, memberships } = await agreementForMember(db, agreementId, username);
    const document =
      documentId === undefined ? undefined : await documentOf(db, agreement, documentId);
    const current =
      document && values.content === undefined
        ? (await getVersion(db, document.id, document.versions.at(-1)?.number ?? 1)).content
        : undefined;
    return reply.page(
      'coproduction/version-form.njk',
      {
        title: document ? `New version of ${document.title}` : 'New joint document',
        agreement,
        document,
        parties: memberships.map((each) => each.party),
        values: current === undefined ? values : { ...values, content: current },
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  async function saveVersion(
    reply: FastifyReply,
    agreementId: number,
    documentId: number | undefined,
    username: string,
    fields: FormFields,
  ) {
    const errors = new ErrorList();
    const title = textField(fields, 'title');
    if (documentId === undefined && title === '') errors.add('title', 'Enter the document’s title');
    const content = exactTextField(fields, 'content');
    if (content.trim() === '') errors.add('content', 'Enter the text of the version');
    const note = textField(fields, 'note');
    if (note === '') errors.add('note', 'Say what changed in this version, in a few words');
    const partyText = textField(fields, 'partyId');
    if (errors.errors.length > 0)
      return showVersionForm(reply, agreementId, documentId, username, fields, errors.errors);
    let saved: { documentId: number; versionNumber: number };
    try {
      saved = await addVersion(
        deps,
        {
          agreementId,
          ...(documentId === undefined ? { title } : { documentId }),
          content,
          note,
          ...(partyText === '' ? {} : { partyId: Number(partyText) }),
        },
        username,
      );
    } catch (error) {
      return showVersionForm(reply, agreementId, documentId, username, fields, [
        refusal(error, 'content'),
      ]);
    }
    return reply.redirect(
      `${documentPath(agreementId, saved.documentId, saved.versionNumber)}?done=version-added`,
      303,
    );
  }

  app.get('/workspace/agreements/:id/documents/new', { config: workspace }, (request, reply) =>
    showVersionForm(reply, idParam(request, 'id'), undefined, actorOf(request), {}),
  );
  app.post('/workspace/agreements/:id/documents', { config: workspace }, (request, reply) =>
    saveVersion(
      reply,
      idParam(request, 'id'),
      undefined,
      actorOf(request),
      readFormFields(request.body),
    ),
  );
  app.get(`${documentUrl}/versions/new`, { config: workspace }, (request, reply) =>
    showVersionForm(reply, idParam(request, 'id'), idParam(request, 'doc'), actorOf(request), {}),
  );
  app.post(`${documentUrl}/versions`, { config: workspace }, (request, reply) =>
    saveVersion(
      reply,
      idParam(request, 'id'),
      idParam(request, 'doc'),
      actorOf(request),
      readFormFields(request.body),
    ),
  );

  app.post(`${documentUrl}/versions/:n/comments`, { config: workspace }, async (request, reply) => {
    const ids = {
      agreementId: idParam(request, 'id'),
      documentId: idParam(request, 'doc'),
      version: idParam(request, 'n'),
    };
    const username = actorOf(request);
    const fields = readFormFields(request.body);
    const { agreement } = await agreementForMember(db, ids.agreementId, username);
    await documentOf(db, agreement, ids.documentId);
    const version = await getVersion(db, ids.documentId, ids.version);
    const errors = new ErrorList();
    const quote = exactTextField(fields, 'quote').trim();
    const body = textField(fields, 'body');
    const start = quote === '' ? -1 : version.content.indexOf(quote);
    if (quote === '') errors.add('quote', 'Paste the words of the passage your comment is about');
    else if (start < 0)
      errors.add(
        'quote',
        `The words you pasted are not in version ${version.number}: copy them exactly from the text`,
      );
    if (body === '') errors.add('body', 'Enter your comment');
    if (errors.errors.length > 0)
      return showVersion(reply, ids, username, { errors: errors.errors, values: fields });
    try {
      await addComment(
        deps,
        {
          documentId: ids.documentId,
          versionNumber: ids.version,
          anchor: quoteAt(version.content, start, start + quote.length),
          body,
        },
        username,
      );
    } catch (error) {
      return showVersion(reply, ids, username, {
        errors: [refusal(error, 'quote')],
        values: fields,
      });
    }
    return reply.redirect(
      `${documentPath(ids.agreementId, ids.documentId, ids.version)}?done=comment-added#comments`,
      303,
    );
  });

  // A download is a change (it is recorded, with the mark's seed), so it is a form, not a link.
  app.post(`${documentUrl}/versions/:n/download`, { config: workspace }, async (request, reply) => {
    const agreementId = idParam(request, 'id');
    const documentId = idParam(request, 'doc');
    const number = idParam(request, 'n');
    const user = signedInUser(request);
    const { agreement, memberships } = await agreementForMember(db, agreementId, user.username);
    const document = await documentOf(db, agreement, documentId);
    const version = await getVersion(db, documentId, number);
    const { markSeed } = await recordAccess(
      deps,
      { documentId, versionNumber: number, kind: 'download' },
      user.username,
    );
    if (markSeed === null)
      throw new SimwatchError('internal', 'A download was recorded without a seed');
    const parties = memberships.map((each) => each.party.name).join(' and ');
    const copy = markCopy(version.content, {
      label: `${user.displayName} (${user.username}) of ${parties}`,
      seed: markSeed,
      date: deps.now().toISOString().slice(0, 10),
    });
    const name = `${document.title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'document'}-v${number}-${user.username.replace(/[^A-Za-z0-9]+/g, '')}.md`;
    return reply
      .header('content-type', 'text/markdown; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(copy);
  });
};
