import type { FastifyReply, FastifyRequest } from 'fastify';

import { SimwatchError } from '../../../errors.js';
import { describeDocumentEdit } from '../../../register/documents/describe-document-edit.js';
import {
  findDocumentDetails,
  listDocumentEdits,
  type DocumentDetails,
} from '../../../register/documents/documents-repository.js';
import { editDocument } from '../../../register/documents/edit-document.js';
import { listOrganisations } from '../../../register/organisations/organisations-repository.js';
import { formatDate } from '../../render/template-environment.js';
import type { RouteModule } from '../../route-module.js';
import { doneUrl } from './done-notice.js';
import { documentFormValues, parseDocumentForm } from './document-form.js';
import { errorValues, type FieldError } from '../../forms/form-errors.js';
import { listField, readFormFields, type FormFields } from '../../forms/form-fields.js';
import { organisationPickerGroups } from '../../forms/organisation-picker.js';
import { actorOf, noticeOf, serviceRefusal } from './form-page.js';
import { positiveInteger } from '../../forms/positive-integer.js';

const template = 'workspace/records/document-form.njk';

/**
 * A document's workspace page: its details, a form to correct them (title, date, source, access,
 * organisations, and why), and the history of its corrections. Reviewers only.
 */
export const documentEditRoutes: RouteModule = (app, context) => {
  const { deps } = context;
  const db = deps.database.db;

  async function documentOf(request: FastifyRequest): Promise<DocumentDetails> {
    const { id } = request.params as { id: string };
    const documentId = positiveInteger(id);
    const document =
      documentId === undefined ? undefined : await findDocumentDetails(db, documentId);
    if (!document) throw new SimwatchError('not_found', 'There is no document at this address.');
    return document;
  }

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    document: DocumentDetails,
    form: { values: FormFields; errors: readonly FieldError[] },
  ) {
    const [organisations, edits, notice] = await Promise.all([
      listOrganisations(db),
      listDocumentEdits(db, document.id),
      noticeOf(db, request.query),
    ]);
    return reply.page(
      template,
      {
        title: `Correct document ${document.id}: ${document.title}`,
        document,
        values: form.values,
        notice,
        organisationGroups: organisationPickerGroups(
          organisations,
          listField(form.values, 'organisations'),
        ),
        history: edits.map((edit) => ({ ...edit, lines: describeDocumentEdit(edit, formatDate) })),
        ...errorValues(form.errors),
      },
      form.errors.length > 0 ? 400 : 200,
    );
  }

  app.get(
    '/workspace/documents/:id',
    { config: { access: 'reviewer' } },
    async (request, reply) => {
      const document = await documentOf(request);
      return showForm(request, reply, document, {
        values: documentFormValues(document),
        errors: [],
      });
    },
  );

  app.post(
    '/workspace/documents/:id',
    { config: { access: 'reviewer' } },
    async (request, reply) => {
      const document = await documentOf(request);
      const fields = readFormFields(request.body);
      const organisations = await listOrganisations(db);
      const parsed = parseDocumentForm(fields, {
        document,
        organisationCodes: organisations.map((organisation) => organisation.code),
        today: deps.now(),
      });
      if (!parsed.ok)
        return showForm(request, reply, document, { values: fields, errors: parsed.errors });
      try {
        await editDocument(deps, { documentId: document.id, ...parsed.value }, actorOf(request));
      } catch (error) {
        return showForm(request, reply, document, {
          values: fields,
          errors: [serviceRefusal(error, 'reason')],
        });
      }
      return reply.redirect(
        doneUrl(`/workspace/documents/${document.id}`, 'document-corrected'),
        303,
      );
    },
  );
};
