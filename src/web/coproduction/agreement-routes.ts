import type { FastifyReply } from 'fastify';

import { SimwatchError } from '../../errors.js';
import { draftsOnDissolutionText } from '../../coproduction/agreement.js';
import {
  getJointDocuments,
  listAccess,
  listActions,
  listAgreementsFor,
  listMeetings,
} from '../../register/coproduction/coproduction-repository.js';
import {
  changeMember,
  dissolveAgreement,
  recordMeeting,
} from '../../register/coproduction/coproduction-service.js';
import { readDateField } from '../forms/date-input.js';
import { ErrorList, errorValues, fieldError, type FieldError } from '../forms/form-errors.js';
import { listField, readFormFields, textField, type FormFields } from '../forms/form-fields.js';
import type { RouteModule } from '../route-module.js';
import { actorOf } from '../workspace/records/form-page.js';
import {
  accessViews,
  actionKindText,
  actionStateText,
  agreementStateText,
  consentStates,
  meetingViews,
  actingPartiesOf,
} from './agreement-view.js';
import { coproductionNotice } from './coproduction-notices.js';
import { agreementForMember, refuseNonMembers } from './member-agreement.js';
import { agreementPath, chosenPartyId, idParam } from './route-params.js';

const workspace = { access: 'viewer' } as const;

/**
 * An agreement's workspace pages: the agreements a person is a member of, an agreement's page
 * (parties, principles, terms, actions and consents, meetings, access log), and the forms for
 * meetings, membership and dissolution. Only members of its parties see an agreement.
 */
export const agreementRoutes: RouteModule = (app, context) => {
  const { deps } = context;
  const db = deps.database.db;
  refuseNonMembers(app, context);

  app.get('/workspace/agreements', { config: workspace }, async (request, reply) =>
    reply.page('coproduction/agreements.njk', {
      title: 'Agreements',
      agreements: await listAgreementsFor(db, actorOf(request)),
      stateText: agreementStateText,
    }),
  );

  async function showAgreement(
    reply: FastifyReply,
    agreementId: number,
    username: string,
    options: { errors?: readonly FieldError[]; values?: FormFields; notice?: string } = {},
  ) {
    const { agreement, memberships } = await agreementForMember(db, agreementId, username);
    const actions = await listActions(db, agreementId);
    const errors = options.errors ?? [];
    return reply.page(
      'coproduction/agreement.njk',
      {
        title: agreement.title,
        agreement,
        memberships,
        actingParties: actingPartiesOf(memberships),
        stateText: agreementStateText,
        draftsText: draftsOnDissolutionText[agreement.draftsOnDissolution],
        documents: await getJointDocuments(db, agreementId),
        actions: actions.map((action) => ({
          ...action,
          kindText: actionKindText[action.kind],
          stateText: actionStateText[action.state],
          consents: consentStates(agreement, action),
        })),
        meetings: meetingViews(agreement, await listMeetings(db, agreementId)),
        access: accessViews(agreement, await listAccess(db, agreementId)),
        publicUrl: context.config.publicUrl,
        notice: options.notice,
        values: options.values ?? {},
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/workspace/agreements/:id', { config: workspace }, (request, reply) =>
    showAgreement(reply, idParam(request, 'id'), actorOf(request), {
      notice: coproductionNotice(request.query),
    }),
  );

  async function showMeetingForm(
    reply: FastifyReply,
    agreementId: number,
    username: string,
    values: FormFields,
    errors: readonly FieldError[] = [],
  ) {
    const { agreement } = await agreementForMember(db, agreementId, username);
    return reply.page(
      'coproduction/meeting-form.njk',
      {
        title: 'Record a meeting or decision',
        agreement,
        partyItems: agreement.parties.map((party) => ({
          value: String(party.id),
          text: party.name,
        })),
        values: {
          ...values,
          present: listField(values, 'present'),
          told: listField(values, 'told'),
        },
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/workspace/agreements/:id/meetings/new', { config: workspace }, (request, reply) =>
    showMeetingForm(reply, idParam(request, 'id'), actorOf(request), { kind: 'meeting' }),
  );

  app.post('/workspace/agreements/:id/meetings', { config: workspace }, async (request, reply) => {
    const agreementId = idParam(request, 'id');
    const username = actorOf(request);
    const fields = readFormFields(request.body);
    const { agreement } = await agreementForMember(db, agreementId, username);
    const errors = new ErrorList();
    const kind = textField(fields, 'kind');
    if (kind !== 'meeting' && kind !== 'decision')
      errors.add('kind', 'Select whether it was a meeting or a decision', '#kind');
    const heldOn = readDateField(
      fields,
      'heldOn',
      { description: 'the date', required: true, allowFuture: false, today: deps.now() },
      errors,
    );
    const title = textField(fields, 'title');
    if (title === '') errors.add('title', 'Enter what the meeting or decision was about');
    const summary = textField(fields, 'summary');
    if (summary === '') errors.add('summary', 'Enter a summary of what was discussed or decided');
    const partyIds = new Set(agreement.parties.map((party) => party.id));
    const present = listField(fields, 'present')
      .map(Number)
      .filter((id) => partyIds.has(id));
    const told = listField(fields, 'told')
      .map(Number)
      .filter((id) => partyIds.has(id) && !present.includes(id));
    if (present.length === 0)
      errors.add('present', 'Select the parties that were present or took part', '#present');
    const parsed = errors.result(() => ({
      kind: kind as 'meeting' | 'decision',
      heldOn: heldOn ?? '',
      title,
      summary,
      presentPartyIds: present,
      toldPartyIds: told,
    }));
    if (!parsed.ok) return showMeetingForm(reply, agreementId, username, fields, parsed.errors);
    try {
      await recordMeeting(deps, { agreementId, ...parsed.value }, username);
    } catch (error) {
      return showMeetingForm(reply, agreementId, username, fields, [refusal(error, 'title')]);
    }
    return reply.redirect(`${agreementPath(agreementId)}?done=meeting-recorded#meetings`, 303);
  });

  app.post('/workspace/agreements/:id/members', { config: workspace }, async (request, reply) => {
    const agreementId = idParam(request, 'id');
    const username = actorOf(request);
    const fields = readFormFields(request.body);
    const { memberships } = await agreementForMember(db, agreementId, username);
    const partyId = chosenPartyId(textField(fields, 'partyId'), memberships);
    const member = textField(fields, 'username');
    const errors = new ErrorList();
    if (member === '') errors.add('member-username', 'Enter the username of the member');
    const parsed = errors.result(() => ({
      agreementId,
      partyId,
      username: member,
      mayAct: textField(fields, 'mayAct') === 'yes',
      remove: textField(fields, 'remove') === 'yes',
    }));
    if (!parsed.ok)
      return showAgreement(reply, agreementId, username, { errors: parsed.errors, values: fields });
    try {
      await changeMember(deps, parsed.value, username);
    } catch (error) {
      return showAgreement(reply, agreementId, username, {
        errors: [refusal(error, 'member-username')],
        values: fields,
      });
    }
    return reply.redirect(`${agreementPath(agreementId)}?done=member-changed#parties`, 303);
  });

  app.post('/workspace/agreements/:id/dissolve', { config: workspace }, async (request, reply) => {
    const agreementId = idParam(request, 'id');
    const username = actorOf(request);
    const fields = readFormFields(request.body);
    const reason = textField(fields, 'reason');
    if (reason === '')
      return showAgreement(reply, agreementId, username, {
        errors: [fieldError('reason', 'Enter why your party is dissolving the agreement')],
        values: fields,
      });
    try {
      await dissolveAgreement(
        deps,
        {
          agreementId,
          partyId: chosenPartyId(
            textField(fields, 'partyId'),
            (await agreementForMember(db, agreementId, username)).memberships,
          ),
          reason,
        },
        username,
      );
    } catch (error) {
      return showAgreement(reply, agreementId, username, {
        errors: [refusal(error, 'reason')],
        values: fields,
      });
    }
    return reply.redirect(`${agreementPath(agreementId)}?done=dissolved`, 303);
  });
};

/**
 * The register's refusal of a change as an error on a form's field; a refusal because the person
 * is not a member, and any fault, is thrown on to the error page.
 */
export function refusal(error: unknown, field: string): FieldError {
  if (
    error instanceof SimwatchError &&
    (error.code === 'invalid_input' || error.code === 'conflict' || error.code === 'not_found')
  )
    return fieldError(field, error.message);
  throw error;
}
