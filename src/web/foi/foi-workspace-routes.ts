import { readFile } from 'node:fs/promises';

import type { FastifyReply, FastifyRequest } from 'fastify';

import { SimwatchError } from '../../errors.js';
import { requestStateNames } from '../../foi/foi-request.js';
import { todayOf } from '../../register/calendar-date.js';
import {
  getBatch,
  getRequest,
  listBatches,
  listRequests,
  answerClarification,
  askClarification,
  assuranceFromReply,
  attachReply,
  changeState,
  createBatch,
  draftRequest,
  recordInReview,
  recordSentElsewhere,
  sendRequests,
} from '../../register/foi/foi-service.js';
import { listOrganisations } from '../../register/organisations/organisations-repository.js';
import { listReviews } from '../../register/reviews/reviews-repository.js';
import { exportWhatDoTheyKnowBatch } from '../../foi/sending/export-requests.js';
import { readDateField } from '../forms/date-input.js';
import { ErrorList, errorValues, type FieldError } from '../forms/form-errors.js';
import { listField, readFormFields, textField, type FormFields } from '../forms/form-fields.js';
import { organisationPickerGroups } from '../forms/organisation-picker.js';
import { positiveInteger } from '../forms/positive-integer.js';
import type { RouteModule } from '../route-module.js';
import { actorOf, featureItems, serviceRefusal } from '../workspace/records/form-page.js';
import { uploadedFiles } from '../workspace/uploads/uploaded-files.js';
import { createFoiSender } from './foi-sender.js';
import { parseNewRequestForm, parseStateForm, readExemptions, targetLabels } from './foi-forms.js';
import { historyRows, requestRow } from './foi-public-routes.js';
import {
  foiListUrl,
  parseFoiListQuery,
  stateItems,
  timelinessNames,
  workspaceBatchPath,
  workspaceRequestPath,
} from './foi-view.js';

const reviewer = { access: 'reviewer' } as const;

/** The fixed messages a workspace FOI page shows after a change, chosen by `done`. */
export const foiNotices = {
  drafted: 'The request has been drafted. Check it, then send it.',
  'batch-created': 'The batch has been drafted: one request for each organisation.',
  'marked-sent': 'The requests have been recorded as sent.',
  'state-changed': 'The new state has been recorded.',
  'clarification-asked': 'The request for clarification has been recorded: the clock is stopped.',
  'clarification-answered': 'The clarification has been recorded: the clock has restarted.',
  'reply-attached': 'The reply has been attached and screened.',
  'assurance-recorded': 'The reply has been recorded as an assurance.',
  'return-recorded': "The request has been recorded in the organisation's return.",
  sent: 'The request has been sent.',
} as const;

type FoiNotice = keyof typeof foiNotices;

function noticeOf(query: unknown): string | undefined {
  const done = (query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' && Object.hasOwn(foiNotices, done)
    ? foiNotices[done as FoiNotice]
    : undefined;
}

function done(path: string, notice: FoiNotice): string {
  return `${path}?done=${notice}`;
}

/** The reference in the address, or a clear "not found". */
function refParam(request: FastifyRequest): string {
  const { ref } = request.params as { ref: string };
  return ref;
}

/**
 * The workspace pages for freedom of information requests: the list, drafting one request or a
 * batch, a batch's page (send by email, export for WhatDoTheyKnow, mark as sent) and a request's
 * page (state, clarification, replies, an assurance from a reply, the review return).
 */
export const foiWorkspaceRoutes: RouteModule = (app, context) => {
  const { deps } = context;
  const db = deps.database.db;
  const today = () => todayOf(deps.now());

  app.get('/workspace/foi', { config: reviewer }, async (request, reply) => {
    const query = parseFoiListQuery(request.query, { drafts: true });
    const [batches, organisations] = await Promise.all([
      listBatches(deps, today()),
      listOrganisations(db),
    ]);
    const batch = batches.find((each) => each.ref === query.batch);
    const requests = await listRequests(
      deps,
      {
        ...(query.organisation === undefined ? {} : { organisationCode: query.organisation }),
        ...(batch === undefined ? {} : { batchId: batch.id }),
        ...(query.state === undefined ? {} : { state: query.state }),
        ...(query.timeliness === undefined ? {} : { timeliness: query.timeliness }),
        includeDrafts: true,
      },
      today(),
    );
    return reply.page('foi/workspace-requests.njk', {
      title: 'Freedom of information requests',
      notice: noticeOf(request.query),
      query,
      requests: requests.map(requestRow),
      batches,
      choices: {
        state: stateItems({ drafts: true }),
        timeliness: Object.entries(timelinessNames).map(([value, text]) => ({ value, text })),
        organisation: organisations.map((each) => ({ value: each.code, text: each.name })),
        batch: batches.map((each) => ({ value: each.ref, text: `${each.ref}: ${each.title}` })),
      },
      clearUrl: foiListUrl('/workspace/foi', {}),
    });
  });

  async function showNewForm(
    reply: FastifyReply,
    values: FormFields,
    errors: readonly FieldError[] = [],
  ) {
    const organisations = await listOrganisations(db);
    return reply.page(
      'foi/new.njk',
      {
        title: 'Draft a freedom of information request',
        values,
        targetLabels,
        regions: regionsOf(organisations),
        organisationGroups: organisationPickerGroups(
          organisations,
          listField(values, 'organisation'),
        ),
        organisationsGroups: organisationPickerGroups(
          organisations,
          listField(values, 'organisations'),
        ),
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/workspace/foi/new', { config: reviewer }, (_request, reply) => showNewForm(reply, {}));

  app.post('/workspace/foi', { config: reviewer }, async (request, reply) => {
    const fields = readFormFields(request.body);
    const organisations = await listOrganisations(db);
    const parsed = parseNewRequestForm(fields, {
      organisationCodes: organisations.map((each) => each.code),
      regions: regionsOf(organisations),
    });
    if (!parsed.ok) return showNewForm(reply, fields, parsed.errors);
    const input = parsed.value;
    const actor = actorOf(request);
    try {
      if (input.kind === 'single') {
        const drafted = await draftRequest(deps, input, actor);
        return await reply.redirect(done(workspaceRequestPath(drafted.ref), 'drafted'), 303);
      }
      const batch = await createBatch(
        deps,
        {
          title: input.title,
          subject: input.subject,
          body: input.body,
          target: input.target,
          ...(input.region === undefined ? {} : { region: input.region }),
        },
        actor,
      );
      return await reply.redirect(done(workspaceBatchPath(batch.ref), 'batch-created'), 303);
    } catch (error) {
      return showNewForm(reply, fields, [serviceRefusal(error, 'target')]);
    }
  });

  async function showBatch(
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      errors?: readonly FieldError[];
      values?: FormFields;
      result?: {
        sent: number;
        failed: { ref: string; organisationName: string; reason: string }[];
      };
    } = {},
  ) {
    const batch = await getBatch(deps, refParam(request), today());
    const drafts = batch.requests.filter((each) => each.state === 'draft');
    const errors = options.errors ?? [];
    return reply.page(
      'foi/batch.njk',
      {
        title: `Batch ${batch.ref}: ${batch.title}`,
        notice: noticeOf(request.query),
        batch,
        requests: batch.requests.map((each) => ({
          ...requestRow(each),
          contactEmail: each.contactEmail,
        })),
        drafts: drafts.length,
        withoutAddress: drafts.filter((each) => each.contactEmail === null).map(requestRow),
        result: options.result,
        stateNames: requestStateNames,
        values: options.values ?? {},
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/workspace/foi/batches/:ref', { config: reviewer }, (request, reply) =>
    showBatch(request, reply),
  );

  app.post('/workspace/foi/batches/:ref/send', { config: reviewer }, async (request, reply) => {
    const batch = await getBatch(deps, refParam(request), today());
    const requestIds = batch.requests
      .filter((each) => each.state === 'draft')
      .map((each) => each.id);
    if (requestIds.length === 0)
      return showBatch(request, reply, {
        errors: [
          {
            field: 'send',
            href: '#send',
            text: 'Every request of this batch has been sent already',
          },
        ],
      });
    const sender = createFoiSender(deps.config);
    if (!sender.ok)
      return showBatch(request, reply, {
        errors: [{ field: 'send', href: '#send', text: sender.reason }],
      });
    try {
      const result = await sendRequests(
        deps,
        { requestIds, sender: sender.sender },
        actorOf(request),
      );
      return await showBatch(request, reply, {
        result: {
          sent: result.sent.length,
          failed: result.failed.map((each) => ({
            ref: each.request.ref,
            organisationName: each.request.organisationName,
            reason: each.reason,
          })),
        },
      });
    } finally {
      await sender.sender.close();
    }
  });

  app.get('/workspace/foi/batches/:ref/export', { config: reviewer }, async (request, reply) => {
    const batch = await getBatch(deps, refParam(request), today());
    const drafts = batch.requests.filter((each) => each.state === 'draft');
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${batch.ref.toLowerCase()}-whatdotheyknow.csv"`,
      )
      .send(exportWhatDoTheyKnowBatch(drafts));
  });

  app.post(
    '/workspace/foi/batches/:ref/mark-sent',
    { config: reviewer },
    async (request, reply) => {
      const fields = readFormFields(request.body);
      const errors = new ErrorList();
      const sentOn = readDateField(
        fields,
        'sentOn',
        {
          description: 'the date they were sent',
          required: true,
          allowFuture: false,
          today: deps.now(),
        },
        errors,
      );
      if (sentOn === undefined || sentOn === null)
        return showBatch(request, reply, { errors: errors.errors, values: fields });
      const batch = await getBatch(deps, refParam(request), today());
      const requestIds = batch.requests
        .filter((each) => each.state === 'draft')
        .map((each) => each.id);
      try {
        await recordSentElsewhere(deps, { requestIds, sentOn }, actorOf(request));
      } catch (error) {
        return showBatch(request, reply, {
          errors: [serviceRefusal(error, 'sentOn', '#sentOn-day')],
          values: fields,
        });
      }
      return reply.redirect(done(workspaceBatchPath(batch.ref), 'marked-sent'), 303);
    },
  );

  async function showRequest(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { errors?: readonly FieldError[]; values?: FormFields; status?: number } = {},
  ) {
    const [detail, reviews] = await Promise.all([
      getRequest(deps, refParam(request), today()),
      listReviews(db),
    ]);
    const errors = options.errors ?? [];
    const openClarification = detail.clarifications.find((each) => each.answeredOn === null);
    return reply.page(
      'foi/workspace-request.njk',
      {
        title: `${detail.ref}: ${detail.subject}`,
        notice: noticeOf(request.query),
        request: requestRow(detail),
        detail,
        history: historyRows(detail.history),
        openClarification,
        stateItems: stateItems({ drafts: false }).filter((each) => each.value !== detail.state),
        replyStateItems: [
          { value: '', text: 'Leave the state as it is' },
          ...stateItems({ drafts: false }),
        ],
        featureItems,
        reviewItems: reviews.map((review) => ({ value: review.name, text: review.name })),
        values: options.values ?? {},
        ...errorValues(errors),
      },
      errors.length > 0 ? (options.status ?? 400) : 200,
    );
  }

  app.get('/workspace/foi/requests/:ref', { config: reviewer }, (request, reply) =>
    showRequest(request, reply),
  );

  /** Runs a change of the request page's forms: the page again with the refusal, or the notice. */
  async function change(
    request: FastifyRequest,
    reply: FastifyReply,
    field: string,
    notice: FoiNotice,
    action: (ref: string, actor: string) => Promise<unknown>,
  ) {
    const ref = refParam(request);
    try {
      await action(ref, actorOf(request));
    } catch (error) {
      return showRequest(request, reply, {
        errors: [serviceRefusal(error, field)],
        values: readFormFields(request.body),
      });
    }
    return reply.redirect(done(workspaceRequestPath(ref), notice), 303);
  }

  app.post('/workspace/foi/requests/:ref/send', { config: reviewer }, async (request, reply) => {
    const detail = await getRequest(deps, refParam(request), today());
    const sender = createFoiSender(deps.config);
    if (!sender.ok)
      return showRequest(request, reply, {
        errors: [{ field: 'send', href: '#send', text: sender.reason }],
      });
    try {
      const result = await sendRequests(
        deps,
        { requestIds: [detail.id], sender: sender.sender },
        actorOf(request),
      );
      const failed = result.failed[0];
      if (failed)
        return await showRequest(request, reply, {
          errors: [{ field: 'send', href: '#send', text: failed.reason }],
          status: 409,
        });
    } finally {
      await sender.sender.close();
    }
    return reply.redirect(done(workspaceRequestPath(detail.ref), 'sent'), 303);
  });

  app.post('/workspace/foi/requests/:ref/state', { config: reviewer }, async (request, reply) => {
    const fields = readFormFields(request.body);
    const parsed = parseStateForm(fields, deps.now());
    if (!parsed.ok) return showRequest(request, reply, { errors: parsed.errors, values: fields });
    const input = parsed.value;
    return change(request, reply, 'state', 'state-changed', (requestRef, actor) =>
      changeState(
        deps,
        {
          requestRef,
          state: input.state,
          onDay: input.onDay,
          exemptions: input.exemptions,
          ...(input.note === undefined ? {} : { note: input.note }),
        },
        actor,
      ),
    );
  });

  app.post(
    '/workspace/foi/requests/:ref/clarification',
    { config: reviewer },
    async (request, reply) => {
      const fields = readFormFields(request.body);
      const answering = textField(fields, 'step') === 'answered';
      const name = answering ? 'answeredOn' : 'askedOn';
      const errors = new ErrorList();
      const day = readDateField(
        fields,
        name,
        {
          description: answering
            ? 'the date the clarification was sent'
            : 'the date clarification was asked for',
          required: true,
          allowFuture: false,
          today: deps.now(),
        },
        errors,
      );
      if (day === undefined || day === null)
        return showRequest(request, reply, { errors: errors.errors, values: fields });
      return answering
        ? change(request, reply, name, 'clarification-answered', (requestRef, actor) =>
            answerClarification(deps, { requestRef, answeredOn: day }, actor),
          )
        : change(request, reply, name, 'clarification-asked', (requestRef, actor) =>
            askClarification(deps, { requestRef, askedOn: day }, actor),
          );
    },
  );

  app.post('/workspace/foi/requests/:ref/replies', { config: reviewer }, async (request, reply) => {
    const fields = readFormFields(request.body);
    const errors = new ErrorList();
    const [file] = uploadedFiles(request, 'file');
    if (!file || file.size === 0) errors.add('file', 'Choose the file of the reply');
    const receivedOn = readDateField(
      fields,
      'receivedOn',
      {
        description: 'the date the reply arrived',
        required: true,
        allowFuture: false,
        today: deps.now(),
      },
      errors,
    );
    const stateText = textField(fields, 'newState');
    const newState = stateItems({ drafts: false }).find((each) => each.value === stateText)?.value;
    if (stateText !== '' && newState === undefined)
      errors.add('newState', 'Select a state from the list');
    const exemptions = readExemptions(textField(fields, 'replyExemptions'));
    if (newState === 'refused' && exemptions.length === 0)
      errors.add('replyExemptions', 'Enter the exemptions the refusal cites, such as s.12');
    if (!file || receivedOn === undefined || receivedOn === null || errors.errors.length > 0)
      return showRequest(request, reply, { errors: errors.errors, values: fields });
    const bytes = await readFile(file.path);
    const note = textField(fields, 'replyNote');
    return change(request, reply, 'file', 'reply-attached', (requestRef, actor) =>
      attachReply(
        deps,
        {
          requestRef,
          receivedOn,
          fileName: file.fileName,
          bytes,
          ...(note === '' ? {} : { note }),
          ...(newState === undefined ? {} : { newState }),
          ...(exemptions.length === 0 ? {} : { exemptions }),
        },
        actor,
      ),
    );
  });

  app.post(
    '/workspace/foi/requests/:ref/replies/:reply/assurance',
    { config: reviewer },
    async (request, reply) => {
      const fields = readFormFields(request.body);
      const replyId = positiveInteger((request.params as { reply: string }).reply);
      const feature = featureItems.find((each) => each.value === textField(fields, 'feature'));
      if (replyId === undefined)
        throw new SimwatchError('not_found', 'There is no reply at this address.');
      if (!feature)
        return showRequest(request, reply, {
          errors: [
            {
              field: 'feature',
              href: `#feature-${replyId}`,
              text: 'Select the feature the reply says is not used',
            },
          ],
          values: fields,
        });
      return change(request, reply, 'feature', 'assurance-recorded', (_ref, actor) =>
        assuranceFromReply(deps, { replyId, feature: feature.value }, actor),
      );
    },
  );

  app.post('/workspace/foi/requests/:ref/return', { config: reviewer }, async (request, reply) => {
    const fields = readFormFields(request.body);
    const reviewName = textField(fields, 'reviewName');
    if (reviewName === '')
      return showRequest(request, reply, {
        errors: [{ field: 'reviewName', href: '#reviewName', text: 'Select the review' }],
        values: fields,
      });
    return change(request, reply, 'reviewName', 'return-recorded', (requestRef, actor) =>
      recordInReview(deps, { requestRef, reviewName }, actor),
    );
  });
};

/** The regions organisations are in, in the order the register lists them. */
function regionsOf(organisations: readonly { region: string | null }[]): string[] {
  return [
    ...new Set(organisations.flatMap((each) => (each.region === null ? [] : [each.region]))),
  ].sort();
}
