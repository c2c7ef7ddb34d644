import type { FastifyReply } from 'fastify';

import { recordAssurance } from '../../../register/assurances/assurances-service.js';
import { documentExists } from '../../../register/documents/documents-repository.js';
import { listOrganisations } from '../../../register/organisations/organisations-repository.js';
import type { RouteModule } from '../../route-module.js';
import { assuranceScopeLabels, parseAssuranceForm } from './assurance-form.js';
import { doneUrl, queryText } from './done-notice.js';
import { errorValues, fieldError, type FieldError } from '../../forms/form-errors.js';
import { listField, readFormFields, type FormFields } from '../../forms/form-fields.js';
import { organisationPickerGroups } from '../../forms/organisation-picker.js';
import { actorOf, featureItems, serviceRefusal } from './form-page.js';

const template = 'workspace/records/assurance-form.njk';

/** Recording an assurance an organisation gave: the form and what it sends. */
export const assuranceRoutes: RouteModule = (app, context) => {
  const { deps } = context;
  const db = deps.database.db;

  async function showForm(
    reply: FastifyReply,
    values: FormFields,
    errors: readonly FieldError[] = [],
  ) {
    const organisations = await listOrganisations(db);
    return reply.page(
      template,
      {
        title: 'Record an assurance',
        values,
        organisationGroups: organisationPickerGroups(
          organisations,
          listField(values, 'organisation'),
        ),
        scopeLabels: assuranceScopeLabels,
        featureItems,
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/workspace/assurances/new', { config: { access: 'reviewer' } }, (request, reply) =>
    showForm(reply, { organisation: queryText(request.query, 'org') }),
  );

  app.post('/workspace/assurances', { config: { access: 'reviewer' } }, async (request, reply) => {
    const fields = readFormFields(request.body);
    const organisations = await listOrganisations(db);
    const parsed = parseAssuranceForm(fields, {
      organisationCodes: organisations.map((organisation) => organisation.code),
      today: deps.now(),
    });
    if (!parsed.ok) return showForm(reply, fields, parsed.errors);
    const input = parsed.value;
    if (input.sourceDocumentId !== null && !(await documentExists(db, input.sourceDocumentId)))
      return showForm(reply, fields, [
        fieldError(
          'sourceDocument',
          `There is no document ${input.sourceDocumentId} in the register: check the number`,
        ),
      ]);
    try {
      await recordAssurance(deps, input, actorOf(request));
    } catch (error) {
      return showForm(reply, fields, [serviceRefusal(error, 'organisation')]);
    }
    return reply.redirect(
      doneUrl('/workspace/organisations', 'assurance-recorded', { org: input.organisationCode }),
      303,
    );
  });
};
