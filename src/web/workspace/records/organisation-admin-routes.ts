import type { FastifyReply } from 'fastify';

import { SimwatchError } from '../../../errors.js';
import {
  organisationKindNames,
  organisationKinds,
  type Organisation,
} from '../../../register/organisations/organisation.js';
import {
  findOrganisationByCode,
  listOrganisations,
} from '../../../register/organisations/organisations-repository.js';
import {
  importOrganisations,
  linkOrganisations,
} from '../../../register/organisations/organisations-service.js';
import type { RouteModule } from '../../route-module.js';
import { doneUrl, queryText } from './done-notice.js';
import { filterOrganisations } from './filter-organisations.js';
import { errorValues, type FieldError } from '../../forms/form-errors.js';
import { listField, readFormFields, type FormFields } from '../../forms/form-fields.js';
import { organisationPickerGroups } from '../../forms/organisation-picker.js';
import { actorOf, noticeOf, serviceRefusal, type Notice } from './form-page.js';
import { parseLinkForm, relationLabels } from './link-form.js';
import { listOrganisationLinks } from '../../../register/organisations/organisation-links-repository.js';
import { parseOrganisationForm } from './organisation-form.js';

const access = { config: { access: 'reviewer' } } as const;

const kindItems = organisationKinds.map((kind) => ({
  value: kind,
  text: organisationKindNames[kind],
}));
const relationItems = Object.entries(relationLabels).map(([value, text]) => ({ value, text }));

/** The organisations in the workspace: a list to find one, and forms to add, edit and link them. */
export const organisationAdminRoutes: RouteModule = (app, context) => {
  const { deps } = context;
  const db = deps.database.db;

  async function getOrganisation(code: string): Promise<Organisation> {
    const organisation = await findOrganisationByCode(db, code);
    if (!organisation)
      throw new SimwatchError('not_found', 'There is no organisation with this code');
    return organisation;
  }

  app.get('/workspace/organisations', access, async (request, reply) => {
    const query = queryText(request.query, 'q');
    const [organisations, notice] = await Promise.all([
      listOrganisations(db),
      noticeOf(db, request.query),
    ]);
    const shown = filterOrganisations(organisations, query);
    return reply.page('workspace/records/organisations.njk', {
      title: 'Organisations',
      query,
      notice,
      total: organisations.length,
      organisations: shown.map((organisation) => ({
        ...organisation,
        kindName: organisationKindNames[organisation.kind],
        encodedCode: encodeURIComponent(organisation.code),
      })),
    });
  });

  function showAddForm(
    reply: FastifyReply,
    values: FormFields,
    errors: readonly FieldError[] = [],
  ) {
    return reply.page(
      'workspace/records/organisation-form.njk',
      {
        title: 'Add an organisation',
        adding: true,
        action: '/workspace/organisations',
        values,
        kindItems,
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/workspace/organisations/new', access, (_request, reply) => showAddForm(reply, {}));

  app.post('/workspace/organisations', access, async (request, reply) => {
    const fields = readFormFields(request.body);
    const existing = await listOrganisations(db);
    const parsed = parseOrganisationForm(fields, {
      adding: true,
      existingCodes: existing.map((organisation) => organisation.code),
    });
    if (!parsed.ok) return showAddForm(reply, fields, parsed.errors);
    try {
      await importOrganisations(deps, [parsed.value], actorOf(request));
    } catch (error) {
      return showAddForm(reply, fields, [serviceRefusal(error, 'code')]);
    }
    return reply.redirect(
      doneUrl('/workspace/organisations', 'organisation-added', { org: parsed.value.code }),
      303,
    );
  });

  async function showEditForm(
    reply: FastifyReply,
    organisation: Organisation,
    options: {
      values?: FormFields;
      linkValues?: FormFields;
      errors?: readonly FieldError[];
      notice?: Notice;
    } = {},
  ) {
    const errors = options.errors ?? [];
    const [links, organisations] = await Promise.all([
      listOrganisationLinks(db, organisation.id),
      listOrganisations(db),
    ]);
    return reply.page(
      'workspace/records/organisation-form.njk',
      {
        title: `Edit ${organisation.name}`,
        adding: false,
        organisation,
        encodedCode: encodeURIComponent(organisation.code),
        action: `/workspace/organisations/${encodeURIComponent(organisation.code)}`,
        values: options.values ?? {
          name: organisation.name,
          kind: organisation.kind,
          region: organisation.region ?? '',
          sourceUrl: organisation.sourceUrl ?? '',
        },
        linkValues: options.linkValues ?? {},
        notice: options.notice,
        kindItems,
        relationItems,
        relationLabels,
        links,
        otherGroups: organisationPickerGroups(
          organisations.filter((other) => other.code !== organisation.code),
          listField(options.linkValues ?? {}, 'linkedCode'),
        ),
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get<{ Params: { code: string } }>(
    '/workspace/organisations/:code/edit',
    access,
    async (request, reply) => {
      const organisation = await getOrganisation(request.params.code);
      return showEditForm(reply, organisation, { notice: await noticeOf(db, request.query) });
    },
  );

  app.post<{ Params: { code: string } }>(
    '/workspace/organisations/:code',
    access,
    async (request, reply) => {
      const organisation = await getOrganisation(request.params.code);
      const fields = readFormFields(request.body);
      const parsed = parseOrganisationForm(fields, { adding: false, current: organisation });
      if (!parsed.ok)
        return showEditForm(reply, organisation, { values: fields, errors: parsed.errors });
      try {
        await importOrganisations(deps, [parsed.value], actorOf(request));
      } catch (error) {
        return showEditForm(reply, organisation, {
          values: fields,
          errors: [serviceRefusal(error, 'name')],
        });
      }
      return reply.redirect(
        doneUrl('/workspace/organisations', 'organisation-saved', { org: organisation.code }),
        303,
      );
    },
  );

  app.post<{ Params: { code: string } }>(
    '/workspace/organisations/:code/links',
    access,
    async (request, reply) => {
      const organisation = await getOrganisation(request.params.code);
      const fields = readFormFields(request.body);
      const organisations = await listOrganisations(db);
      const parsed = parseLinkForm(fields, {
        code: organisation.code,
        organisationCodes: organisations.map((each) => each.code),
      });
      if (!parsed.ok)
        return showEditForm(reply, organisation, { linkValues: fields, errors: parsed.errors });
      try {
        await linkOrganisations(deps, parsed.value, actorOf(request));
      } catch (error) {
        return showEditForm(reply, organisation, {
          linkValues: fields,
          errors: [serviceRefusal(error, 'linkedCode')],
        });
      }
      return reply.redirect(
        doneUrl(
          `/workspace/organisations/${encodeURIComponent(organisation.code)}/edit`,
          'organisations-linked',
          { org: organisation.code },
        ),
        303,
      );
    },
  );
};
