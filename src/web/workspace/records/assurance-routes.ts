import type { FastifyReply, FastifyRequest } from 'fastify';

import { SimwatchError } from '../../../errors.js';
import { findAssuranceOfFinding } from '../../../register/assurances/assurances-repository.js';
import {
  findTriageFinding,
  type TriageFinding,
} from '../../../register/findings/triage-repository.js';
import { positiveInteger } from '../../forms/positive-integer.js';

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
    fromFinding?: TriageFinding,
  ) {
    const organisations = await listOrganisations(db);
    return reply.page(
      template,
      {
        title: fromFinding
          ? `Record finding ${fromFinding.id} as an assurance`
          : 'Record an assurance',
        action: fromFinding
          ? `/workspace/findings/${fromFinding.id}/assurance`
          : '/workspace/assurances',
        finding: fromFinding,
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

  /** A confirmed finding labelled assurance that has no assurance yet; else a clear refusal. */
  async function findingToRecord(request: FastifyRequest): Promise<TriageFinding> {
    const { id } = request.params as { id: string };
    const findingId = positiveInteger(id);
    const finding = findingId === undefined ? undefined : await findTriageFinding(db, findingId);
    if (!finding) throw new SimwatchError('not_found', 'There is no finding at this address.');
    if (finding.label !== 'assurance' || finding.status !== 'confirmed')
      throw new SimwatchError(
        'conflict',
        'Only a confirmed finding labelled as an assurance can be recorded as an assurance.',
      );
    if (await findAssuranceOfFinding(db, finding.id))
      throw new SimwatchError(
        'conflict',
        'This finding is recorded as an assurance already: its page links to it.',
      );
    return finding;
  }

  app.get(
    '/workspace/findings/:id/assurance',
    { config: { access: 'reviewer' } },
    async (request, reply) => {
      const finding = await findingToRecord(request);
      return showForm(reply, assuranceValuesFrom(finding), [], finding);
    },
  );

  app.post(
    '/workspace/findings/:id/assurance',
    { config: { access: 'reviewer' } },
    async (request, reply) => {
      const finding = await findingToRecord(request);
      const fields = readFormFields(request.body);
      const organisations = await listOrganisations(db);
      const parsed = parseAssuranceForm(fields, {
        organisationCodes: organisations.map((organisation) => organisation.code),
        today: deps.now(),
      });
      if (!parsed.ok) return showForm(reply, fields, parsed.errors, finding);
      try {
        await recordAssurance(deps, { ...parsed.value, findingId: finding.id }, actorOf(request));
      } catch (error) {
        return showForm(reply, fields, [serviceRefusal(error, 'organisation')], finding);
      }
      return reply.redirect(`/workspace/findings/${finding.id}#assurance`, 303);
    },
  );
};

/**
 * The assurance form filled from a finding: its document's first organisation and date, the
 * passage as the words given, the document and page as the source. Who gave it and what it
 * claims are for the reviewer to say.
 */
export function assuranceValuesFrom(finding: TriageFinding): FormFields {
  const [year = '', month = '', day = ''] = finding.documentDate?.split('-') ?? [];
  return {
    organisation: finding.organisations[0]?.code ?? '',
    'givenOn[day]': day.replace(/^0/, ''),
    'givenOn[month]': month.replace(/^0/, ''),
    'givenOn[year]': year,
    text: finding.excerpt,
    source:
      finding.page === null
        ? finding.documentTitle
        : `${finding.documentTitle}, page ${finding.page}`,
    sourceDocument: String(finding.documentId),
  };
}
