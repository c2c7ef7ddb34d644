import type { FastifyReply } from 'fastify';

import { canonicalJson } from '../../record/canonical-json.js';
import { consentBytes } from '../../coproduction/consent-statement.js';
import type { ActionSubject, Agreement } from '../../coproduction/agreement.js';
import { consentStatementFor } from '../../register/coproduction/consent-for-action.js';
import {
  getAction,
  getJointDocuments,
} from '../../register/coproduction/coproduction-repository.js';
import {
  carryOutAction,
  giveConsent,
  proposeAction,
  publishAgreedStatement,
  withdrawConsent,
} from '../../register/coproduction/coproduction-service.js';
import { SimwatchError } from '../../errors.js';
import { readDateField } from '../forms/date-input.js';
import {
  ErrorList,
  errorValues,
  fieldError,
  type FieldError,
  type FormResult,
} from '../forms/form-errors.js';
import { readFormFields, textField, type FormFields } from '../forms/form-fields.js';
import type { RouteModule } from '../route-module.js';
import { actorOf } from '../workspace/records/form-page.js';
import {
  actionKindText,
  actionStateText,
  consentStates,
  currentParties,
} from './agreement-view.js';
import { refusal } from './agreement-routes.js';
import { coproductionNotice } from './coproduction-notices.js';
import { agreementForMember, refuseNonMembers } from './member-agreement.js';
import { actionPath, agreementPath, chosenPartyId, idParam } from './route-params.js';

const workspace = { access: 'viewer' } as const;

/**
 * Binding actions: proposing one, its page (the exact statement each party signs, each party's
 * consent), and giving or withdrawing consent, carrying it out, and a party's signed statement
 * that an agreed version was not published.
 */
export const actionRoutes: RouteModule = (app, context) => {
  const { deps } = context;
  const db = deps.database.db;
  refuseNonMembers(app, context);

  async function readAction(agreementId: number, actionId: number, username: string) {
    const member = await agreementForMember(db, agreementId, username);
    const action = await getAction(db, actionId);
    if (action.agreementId !== agreementId)
      throw new SimwatchError('not_found', `Cannot find action ${actionId} in this agreement`);
    return { ...member, action };
  }

  async function showProposeForm(
    reply: FastifyReply,
    agreementId: number,
    username: string,
    values: FormFields,
    errors: readonly FieldError[] = [],
  ) {
    const { agreement, memberships } = await agreementForMember(db, agreementId, username);
    const documents = await getJointDocuments(db, agreementId);
    return reply.page(
      'coproduction/propose-form.njk',
      {
        title: 'Propose an action',
        agreement,
        actingParties: memberships.filter((each) => each.mayAct).map((each) => each.party),
        versionItems: documents.flatMap((document) =>
          document.versions.map((version) => ({
            value: `${document.id}:${version.number}`,
            text: `${document.title}, version ${version.number}`,
          })),
        ),
        otherParties: currentParties(agreement),
        kindText: actionKindText,
        values,
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/workspace/agreements/:id/actions/new', { config: workspace }, (request, reply) =>
    showProposeForm(reply, idParam(request, 'id'), actorOf(request), {
      kind: 'publish',
      version: textField(readFormFields(request.query), 'version'),
    }),
  );

  app.post('/workspace/agreements/:id/actions', { config: workspace }, async (request, reply) => {
    const agreementId = idParam(request, 'id');
    const username = actorOf(request);
    const fields = readFormFields(request.body);
    const parsed = parseProposal(fields, deps.now());
    if (!parsed.ok) return showProposeForm(reply, agreementId, username, fields, parsed.errors);
    let actionId: number;
    try {
      ({ actionId } = await proposeAction(deps, { agreementId, ...parsed.value }, username));
    } catch (error) {
      return showProposeForm(reply, agreementId, username, fields, [refusal(error, 'kind')]);
    }
    return reply.redirect(`${actionPath(agreementId, actionId)}?done=action-proposed`, 303);
  });

  async function showAction(
    reply: FastifyReply,
    agreementId: number,
    actionId: number,
    username: string,
    options: { errors?: readonly FieldError[]; values?: FormFields; notice?: string } = {},
  ) {
    const { agreement, memberships, action } = await readAction(agreementId, actionId, username);
    const errors = options.errors ?? [];
    const statement = consentBytes(consentStatementFor(action, agreement)).toString('utf8');
    const documents = await getJointDocuments(db, agreementId);
    const status =
      errors.length === 0 ? 200 : errors.some((error) => error.field === 'carry-out') ? 409 : 400;
    return reply.page(
      'coproduction/action.njk',
      {
        title: `Action ${action.number}: ${actionKindText[action.kind]}`,
        agreement,
        action,
        subject: describeSubject(action.subject, agreement, documents),
        kindText: actionKindText[action.kind],
        stateText: actionStateText[action.state],
        consents: consentStates(agreement, action),
        statement,
        agreedStatement: canonicalJson({
          statement: 'simwatch co-production agreed-not-published, version 1',
          agreement: agreement.ref,
          action: action.number,
          subjectHash: action.subjectHash,
          // Sent back with the text typed, the page shows the exact statement to sign without
          // JavaScript (the script builds the same from the text box).
          text: textField(options.values ?? {}, 'text'),
        }),
        actingParties: memberships.filter((each) => each.mayAct).map((each) => each.party),
        today: deps.now().toISOString().slice(0, 10),
        notice: options.notice,
        values: options.values ?? {},
        ...errorValues(errors),
      },
      status,
    );
  }

  const actionUrl = '/workspace/agreements/:id/actions/:action';

  app.get(actionUrl, { config: workspace }, (request, reply) =>
    showAction(reply, idParam(request, 'id'), idParam(request, 'action'), actorOf(request), {
      notice: coproductionNotice(request.query),
    }),
  );

  app.get(`${actionUrl}/statement.json`, { config: workspace }, async (request, reply) => {
    const { agreement, action } = await readAction(
      idParam(request, 'id'),
      idParam(request, 'action'),
      actorOf(request),
    );
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="agreement-${agreement.id}-action-${action.number}-statement.json"`,
      )
      .send(consentBytes(consentStatementFor(action, agreement)));
  });

  /** Runs a change on the action, then goes back to its page with a notice or the refusal. */
  function actionPost(
    path: string,
    done: string,
    field: string,
    change: (input: {
      actionId: number;
      fields: FormFields;
      username: string;
      partyId: number;
    }) => Promise<FieldError[]>,
  ) {
    app.post(`${actionUrl}/${path}`, { config: workspace }, async (request, reply) => {
      const agreementId = idParam(request, 'id');
      const actionId = idParam(request, 'action');
      const username = actorOf(request);
      const fields = readFormFields(request.body);
      const { memberships } = await readAction(agreementId, actionId, username);
      const partyId = chosenPartyId(textField(fields, 'partyId'), memberships);
      let errors: FieldError[];
      try {
        errors = await change({ actionId, fields, username, partyId });
      } catch (error) {
        errors = [refusal(error, field)];
      }
      if (errors.length > 0)
        return showAction(reply, agreementId, actionId, username, { errors, values: fields });
      return reply.redirect(`${actionPath(agreementId, actionId)}?done=${done}`, 303);
    });
  }

  actionPost(
    'consent',
    'consent-given',
    'signature',
    async ({ actionId, fields, username, partyId }) => {
      const signature = textField(fields, 'signature').replace(/\s+/g, '');
      if (signature === '')
        return [
          fieldError(
            'signature',
            'Enter your party’s signature of the statement, or sign with your party’s key file',
          ),
        ];
      await giveConsent(deps, { actionId, partyId, signature }, username);
      return [];
    },
  );

  actionPost(
    'withdraw',
    'consent-withdrawn',
    'withdraw',
    async ({ actionId, username, partyId }) => {
      await withdrawConsent(deps, { actionId, partyId }, username);
      return [];
    },
  );

  actionPost('carry-out', 'action-carried-out', 'carry-out', async ({ actionId, username }) => {
    await carryOutAction(deps, { actionId }, username);
    return [];
  });

  actionPost(
    'agreed-statement',
    'statement-published',
    'statementSignature',
    async ({ actionId, fields, username, partyId }) => {
      const errors = new ErrorList();
      const text = textField(fields, 'text');
      if (text === '') errors.add('text', 'Enter your party’s statement');
      const signature = textField(fields, 'signature').replace(/\s+/g, '');
      if (signature === '')
        errors.add(
          'statementSignature',
          text === ''
            ? 'Enter your party’s signature of the statement'
            : 'Sign the statement shown above, which now holds your text, and paste the signature',
        );
      if (errors.errors.length > 0) return errors.errors;
      await publishAgreedStatement(deps, { actionId, partyId, text, signature }, username);
      return [];
    },
  );
};

/** What an action binds, in words for its page, with a link where there is one. */
function describeSubject(
  subject: ActionSubject,
  agreement: Agreement,
  documents: Awaited<ReturnType<typeof getJointDocuments>>,
): { text: string; href?: string; body?: string } {
  switch (subject.kind) {
    case 'publish': {
      const document = documents.find((each) => each.id === subject.documentId);
      return {
        text: `Publish ${document?.title ?? `document ${subject.documentId}`}, version ${subject.versionNumber}`,
        href: `${agreementPath(agreement.id)}/documents/${subject.documentId}/versions/${subject.versionNumber}`,
      };
    }
    case 'change_terms':
      return { text: 'Adopt these terms', body: subject.text };
    case 'public_statement':
      return { text: 'Make this public statement', body: subject.text };
    case 'add_party':
      return {
        text: `Add ${subject.party.name} as a party, with members ${subject.party.members.map((member) => member.username).join(', ')}`,
      };
    case 'remove_party':
      return {
        text: `Remove ${agreement.parties.find((party) => party.id === subject.partyId)?.name ?? `party ${subject.partyId}`} from the agreement`,
      };
  }
}

/** Reads the propose form: the kind of action and what it binds. */
function parseProposal(
  fields: FormFields,
  today: Date,
): FormResult<{ subject: ActionSubject; effectiveOn: string | null }> {
  const errors = new ErrorList();
  const kind = textField(fields, 'kind');
  let subject: ActionSubject | undefined;
  let effectiveOn: string | null = null;
  if (kind === 'publish') {
    const [documentId, versionNumber] = textField(fields, 'version').split(':').map(Number);
    if (!documentId || !versionNumber) errors.add('version', 'Select the version to publish');
    else subject = { kind, documentId, versionNumber };
    effectiveOn =
      readDateField(
        fields,
        'effectiveOn',
        { description: 'the date to publish on', required: true, allowFuture: true, today },
        errors,
      ) ?? null;
  } else if (kind === 'change_terms' || kind === 'public_statement') {
    const name = kind === 'change_terms' ? 'termsText' : 'statementText';
    const text = textField(fields, name);
    if (text === '')
      errors.add(
        name,
        kind === 'change_terms' ? 'Enter the new terms in full' : 'Enter the statement',
      );
    subject = { kind, text };
  } else if (kind === 'remove_party') {
    const partyId = Number(textField(fields, 'removePartyId'));
    if (!partyId) errors.add('removePartyId', 'Select the party to remove');
    subject = { kind, partyId };
  } else if (kind === 'add_party') {
    const name = textField(fields, 'partyName');
    if (name === '') errors.add('partyName', 'Enter the name of the party to add');
    const publicKeyPem = textField(fields, 'publicKeyPem');
    if (!publicKeyPem.includes('BEGIN PUBLIC KEY'))
      errors.add(
        'publicKeyPem',
        'Paste the party’s public key (it begins with -----BEGIN PUBLIC KEY-----)',
      );
    const members = textField(fields, 'partyMembers')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => {
        const [username = '', ...rest] = line.split(/[\s,]+/);
        return { username, mayAct: /may act/i.test(rest.join(' ')) };
      });
    if (members.length === 0)
      errors.add('partyMembers', 'Enter at least one member of the party, one username a line');
    subject = {
      kind,
      party: {
        name,
        organisationCode: textField(fields, 'organisationCode') || null,
        publicKeyPem: `${publicKeyPem}\n`,
        members,
      },
    };
  } else errors.add('kind', 'Select the kind of action to propose', '#kind');
  return errors.result(() => ({ subject: subject as ActionSubject, effectiveOn }));
}
