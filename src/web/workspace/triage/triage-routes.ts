import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { SimwatchError } from '../../../errors.js';
import { findAssuranceOfFinding } from '../../../register/assurances/assurances-repository.js';
import { decideFinding } from '../../../register/findings/findings-service.js';
import { listOrganisations } from '../../../register/organisations/organisations-repository.js';
import { labels } from '../../../screening/finding.js';
import { readFormFields, textField } from '../../forms/form-fields.js';
import { modelEvaluationOf } from '../../render/model-evaluation-view.js';
import type { WebContext } from '../../web-context.js';
import { findingView, type ModelCalibration } from './finding-view.js';
import { findingStatusNames, labelNames } from '../../render/label-names.js';
import { engineInUse } from '../model/engine-in-use.js';
import { signedInUser } from '../signed-in-user.js';
import {
  createSimilarFindings,
  type SimilarReviewedFinding,
} from '../../../register/findings/similar-findings.js';
import {
  findNeighbours,
  findNextFindingFor,
  findTriageFinding,
  listTriageFindings,
} from '../../../register/findings/triage-repository.js';
import {
  parseTriageQuery,
  triageFilter,
  triagePageSize,
  triageStatusChoices,
  triageUrl,
  type TriageStatusChoice,
} from './triage-query.js';
import { errorsByField, type FormError } from '../../forms/form-errors.js';
import { positiveInteger } from '../../forms/positive-integer.js';

/** Characters of page text shown either side of a finding in the queue. */
const contextRadius = 280;

/**
 * Characters of page text shown before and after the finding on its own page: enough to judge
 * it, few enough before it that the passage stays near the top (the document page has it all).
 */
const pageContext = { before: 160, radius: 700 };

const statusChoiceNames: Record<TriageStatusChoice, string> = {
  open: 'Pending or in discussion',
  pending: 'Pending',
  in_discussion: 'In discussion',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
  all: 'Any status',
};

/** The triage queue: findings in context, and reviewers' decisions on them. */
export function triageRoutes(app: FastifyInstance, context: WebContext) {
  const { deps } = context;
  const db = deps.database.db;
  const similarFindings = createSimilarFindings(db);

  /** The engine in use, and the calibration of its model for the findings that model judged. */
  async function screening() {
    const { engine } = await engineInUse(deps);
    const evaluation = modelEvaluationOf(engine.model);
    const calibration: ModelCalibration | undefined = evaluation && {
      modelVersion: engine.modelVersion,
      summary: evaluation.calibration,
    };
    return { engine, calibration };
  }

  app.get('/workspace/findings', { config: { access: 'viewer' } }, async (request, reply) => {
    const query = parseTriageQuery(request.query);
    const [{ total, findings }, organisations] = await Promise.all([
      listTriageFindings(db, triageFilter(query), {
        offset: (query.page - 1) * triagePageSize,
        limit: triagePageSize,
      }),
      listOrganisations(db),
    ]);
    const pages = Math.max(1, Math.ceil(total / triagePageSize));
    if (query.page > pages && total > 0) return reply.redirect(triageUrl(query, pages), 303);
    const decided = await decidedFinding(request);
    const { engine, calibration } = await screening();
    const similar = await similarFindings.find(engine, findings);
    return reply.page('workspace/findings.njk', {
      title:
        query.page > 1
          ? `Findings to review (page ${query.page} of ${pages})`
          : 'Findings to review',
      query,
      total,
      firstShown: total === 0 ? 0 : (query.page - 1) * triagePageSize + 1,
      lastShown: (query.page - 1) * triagePageSize + findings.length,
      findings: findings.map((finding) => ({
        ...findingView(finding, { radius: contextRadius, calibration }),
        similar: similarView(similar.get(finding.id)),
      })),
      statusItems: Object.keys(triageStatusChoices).map((choice) => ({
        value: choice,
        text: statusChoiceNames[choice as TriageStatusChoice],
        selected: choice === query.status,
      })),
      organisationItems: [
        { value: '', text: 'Any organisation' },
        ...organisations.map((organisation) => ({
          value: organisation.code,
          text: organisation.name,
          selected: organisation.code === query.organisation,
        })),
      ],
      labelItems: [
        { value: '', text: 'Any label' },
        ...labels.map((label) => ({
          value: label,
          text: labelNames[label],
          selected: label === query.label,
        })),
      ],
      previousUrl: query.page > 1 ? triageUrl(query, query.page - 1) : undefined,
      nextUrl: query.page < pages ? triageUrl(query, query.page + 1) : undefined,
      pageCount: pages,
      clearUrl: '/workspace/findings',
      decided,
    });
  });

  /** The finding a reviewer has just decided (named in the address after a decision). */
  async function decidedFinding(request: FastifyRequest) {
    const id = positiveInteger((request.query as Record<string, unknown>).decided);
    const finding = id === undefined ? undefined : await findTriageFinding(db, id);
    return finding && { id: finding.id, status: findingStatusNames[finding.status] };
  }

  async function renderFinding(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { errors: FormError[]; reason: string },
    statusCode = 200,
  ) {
    const id = findingIdOf(request);
    const finding = await findTriageFinding(db, id);
    if (!finding) throw new SimwatchError('not_found', `There is no finding ${id}.`);
    const neighbours = await findNeighbours(db, id, triageStatusChoices.open);
    const { engine, calibration } = await screening();
    const similar = (await similarFindings.find(engine, [finding])).get(finding.id);
    const similarFinding = similar && (await findTriageFinding(db, similar.id));
    const view = findingView(finding, { ...pageContext, calibration });
    return reply.page(
      'workspace/finding.njk',
      {
        title: `Finding ${finding.id}: ${view.labelName}`,
        finding: view,
        similar: similar &&
          similarFinding && {
            ...similarView(similar),
            finding: findingView(similarFinding, { radius: contextRadius }),
          },
        engine: { modelVersion: engine.modelVersion, catalogueVersion: engine.catalogueVersion },
        neighbours,
        assurance: await findAssuranceOfFinding(db, finding.id),
        decided: await decidedFinding(request),
        errors: form.errors,
        fieldErrors: errorsByField(form.errors),
        reason: form.reason,
      },
      statusCode,
    );
  }

  app.get('/workspace/findings/:id', { config: { access: 'viewer' } }, (request, reply) =>
    renderFinding(request, reply, { errors: [], reason: '' }),
  );

  app.post(
    '/workspace/findings/:id/decision',
    { config: { access: 'reviewer' } },
    async (request, reply) => {
      const user = signedInUser(request);
      const findingId = findingIdOf(request);
      const fields = readFormFields(request.body);
      const decision = textField(fields, 'decision');
      const reason = textField(fields, 'reason');
      if (decision !== 'confirm' && decision !== 'reject')
        return renderFinding(
          request,
          reply,
          {
            errors: [{ text: 'Choose to confirm or reject the finding', href: '#decision' }],
            reason,
          },
          400,
        );
      if (decision === 'reject' && reason === '')
        return renderFinding(
          request,
          reply,
          {
            errors: [{ text: 'Enter why you are rejecting this finding', href: '#reason' }],
            reason,
          },
          400,
        );
      try {
        await decideFinding(deps, { findingId, reviewer: user.username, decision, reason });
      } catch (error) {
        if (!(error instanceof SimwatchError) || error.code !== 'conflict') throw error;
        return renderFinding(
          request,
          reply,
          { errors: [{ text: refusalText(decision), href: '#decision' }], reason },
          409,
        );
      }
      const next = await findNextFindingFor(db, user.username, findingId);
      return reply.redirect(
        next === undefined
          ? `/workspace/findings?decided=${findingId}`
          : `/workspace/findings/${next}?decided=${findingId}`,
        303,
      );
    },
  );
}

/** A reviewed finding like another, as the triage pages name it. */
function similarView(similar: SimilarReviewedFinding | undefined) {
  return (
    similar && {
      ...similar,
      url: `/workspace/findings/${similar.id}`,
      decisionText:
        similar.status === 'confirmed' ? 'Reviewers confirmed it' : 'Reviewers rejected it',
    }
  );
}

function findingIdOf(request: FastifyRequest): number {
  const { id } = request.params as { id: string };
  const findingId = positiveInteger(id);
  if (findingId === undefined) throw new SimwatchError('not_found', 'There is no such finding.');
  return findingId;
}

/** The register's refusal (the same reviewer twice in a row), worded for that reviewer. */
function refusalText(decision: 'confirm' | 'reject'): string {
  return decision === 'confirm'
    ? 'You have already confirmed this finding. A different reviewer must confirm it'
    : 'You have already rejected this finding';
}
