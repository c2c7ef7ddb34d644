import type { FastifyReply } from 'fastify';

import { listOrganisations } from '../../../register/organisations/organisations-repository.js';
import { listReviews } from '../../../register/reviews/reviews-repository.js';
import { createReview, recordReturn } from '../../../register/reviews/reviews-service.js';
import type { RouteModule } from '../../route-module.js';
import { doneUrl, queryText } from './done-notice.js';
import { errorValues, type FieldError } from '../../forms/form-errors.js';
import { readFormFields, listField, type FormFields } from '../../forms/form-fields.js';
import { organisationPickerGroups } from '../../forms/organisation-picker.js';
import { actorOf, featureItems, noticeOf, serviceRefusal, type Notice } from './form-page.js';
import { parseReturnForm, usedModelLabels } from './return-form.js';
import { parseReviewForm } from './review-form.js';

/** National reviews and organisations' returns to them: the forms and what they send. */
export const reviewRoutes: RouteModule = (app, context) => {
  const { deps } = context;
  const db = deps.database.db;

  function showReviewForm(
    reply: FastifyReply,
    values: FormFields,
    errors: readonly FieldError[] = [],
  ) {
    return reply.page(
      'workspace/records/review-form.njk',
      { title: 'Add a review', values, ...errorValues(errors) },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/workspace/reviews/new', { config: { access: 'reviewer' } }, (_request, reply) =>
    showReviewForm(reply, {}),
  );

  app.post('/workspace/reviews', { config: { access: 'reviewer' } }, async (request, reply) => {
    const fields = readFormFields(request.body);
    const parsed = parseReviewForm(fields, {
      existingNames: (await listReviews(db)).map((review) => review.name),
      today: deps.now(),
    });
    if (!parsed.ok) return showReviewForm(reply, fields, parsed.errors);
    let id: number;
    try {
      id = await createReview(deps, parsed.value, actorOf(request));
    } catch (error) {
      return showReviewForm(reply, fields, [serviceRefusal(error, 'name')]);
    }
    return reply.redirect(
      doneUrl('/workspace/returns/new', 'review-created', { review: String(id) }),
      303,
    );
  });

  async function showReturnForm(
    reply: FastifyReply,
    values: FormFields,
    options: { errors?: readonly FieldError[]; notice?: Notice } = {},
  ) {
    const errors = options.errors ?? [];
    const [reviews, organisations] = await Promise.all([listReviews(db), listOrganisations(db)]);
    return reply.page(
      'workspace/records/return-form.njk',
      {
        title: 'Record a return to a review',
        values: { ...values, continuing: listField(values, 'continuing') },
        notice: options.notice,
        reviewItems: [
          { value: '', text: 'Select a review' },
          ...reviews.map((review) => ({ value: String(review.id), text: review.name })),
        ],
        hasReviews: reviews.length > 0,
        organisationGroups: organisationPickerGroups(
          organisations,
          listField(values, 'organisation'),
        ),
        usedModelLabels,
        featureItems,
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/workspace/returns/new', { config: { access: 'reviewer' } }, async (request, reply) => {
    return showReturnForm(
      reply,
      { review: queryText(request.query, 'review'), organisation: queryText(request.query, 'org') },
      { notice: await noticeOf(db, request.query) },
    );
  });

  app.post('/workspace/returns', { config: { access: 'reviewer' } }, async (request, reply) => {
    const fields = readFormFields(request.body);
    const [reviews, organisations] = await Promise.all([listReviews(db), listOrganisations(db)]);
    const parsed = parseReturnForm(fields, {
      reviews,
      organisationCodes: organisations.map((organisation) => organisation.code),
      today: deps.now(),
    });
    if (!parsed.ok) return showReturnForm(reply, fields, { errors: parsed.errors });
    try {
      await recordReturn(deps, parsed.value, actorOf(request));
    } catch (error) {
      return showReturnForm(reply, fields, { errors: [serviceRefusal(error, 'review')] });
    }
    return reply.redirect(
      doneUrl('/workspace/organisations', 'return-recorded', {
        org: parsed.value.organisationCode,
      }),
      303,
    );
  });
};
