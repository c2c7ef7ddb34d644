import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { SimwatchError } from '../../../errors.js';
import { findAssuranceOfFinding } from '../../../register/assurances/assurances-repository.js';
import { decideFinding } from '../../../register/findings/findings-service.js';
import { assignFindings, decideFindings } from '../../../register/findings/bulk-triage-service.js';
import { listUsers } from '../../../accounts/users-service.js';
import { listOrganisations } from '../../../register/organisations/organisations-repository.js';
import { labels } from '../../../screening/finding.js';
import { listField, readFormFields, textField, type FormFields } from '../../forms/form-fields.js';
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
import { groupTriageFindings } from './triage-groups.js';
import { excerptInContext } from './excerpt-in-context.js';

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

  /** The queue, grouped by document and passage, with the bulk form (and its errors, if any). */
  async function renderQueue(
    request: FastifyRequest,
    reply: FastifyReply,
    form: BulkForm = emptyBulkForm,
    statusCode = 200,
  ) {
    const user = signedInUser(request);
    const query = parseTriageQuery(request.query);
    const [{ total, findings }, organisations, users] = await Promise.all([
      listTriageFindings(db, triageFilter(query, user.username), {
        offset: (query.page - 1) * triagePageSize,
        limit: triagePageSize,
      }),
      listOrganisations(db),
      listUsers(db),
    ]);
    const pages = Math.max(1, Math.ceil(total / triagePageSize));
    if (query.page > pages && total > 0 && statusCode === 200)
      return reply.redirect(triageUrl(query, pages), 303);
    const decided = await decidedFinding(request);
    const { engine, calibration } = await screening();
    const similar = await similarFindings.find(engine, findings);
    const views = findings.map((finding) => ({
      ...findingView(finding, { radius: contextRadius, calibration }),
      similar: similarView(similar.get(finding.id)),
      selected: form.selected.includes(finding.id),
    }));
    const reviewers = users.filter(
      (each) => !each.disabled && (each.role === 'reviewer' || each.role === 'administrator'),
    );
    return reply.page(
      'workspace/findings.njk',
      {
        title:
          query.page > 1
            ? `Findings to review (page ${query.page} of ${pages})`
            : 'Findings to review',
        query,
        total,
        firstShown: total === 0 ? 0 : (query.page - 1) * triagePageSize + 1,
        lastShown: (query.page - 1) * triagePageSize + findings.length,
        documents: groupTriageFindings(views),
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
        assigneeItems: [
          { value: '', text: 'Choose a reviewer', selected: form.assignee === '' },
          ...reviewers.map((each) => ({
            value: each.username,
            text:
              each.username === user.username
                ? `${each.displayName} (you)`
                : `${each.displayName} (${each.username})`,
            selected: each.username === form.assignee,
          })),
        ],
        previousUrl: query.page > 1 ? triageUrl(query, query.page - 1) : undefined,
        nextUrl: query.page < pages ? triageUrl(query, query.page + 1) : undefined,
        pageCount: pages,
        clearUrl: '/workspace/findings',
        queueUrl: triageUrl(query),
        decided,
        done: bulkDone(request),
        errors: form.errors,
        fieldErrors: errorsByField(form.errors),
        reason: form.reason,
      },
      statusCode,
    );
  }

  app.get('/workspace/findings', { config: { access: 'viewer' } }, (request, reply) =>
    renderQueue(request, reply),
  );

  app.post(
    '/workspace/findings/bulk',
    { config: { access: 'reviewer' } },
    async (request, reply) => {
      const user = signedInUser(request);
      const fields = readFormFields(request.body);
      const form = readBulkForm(fields);
      const action = textField(fields, 'action');
      const errors: FormError[] = [];
      if (form.selected.length === 0)
        errors.push({ text: 'Select at least one finding', href: '#bulk-selection' });
      if (action !== 'reject' && action !== 'assign')
        errors.push({ text: 'Choose to reject or to assign the findings', href: '#bulk-actions' });
      if (action === 'reject' && form.reason === '')
        errors.push({ text: 'Enter why you are rejecting these findings', href: '#bulk-reason' });
      if (action === 'assign' && form.assignee === '')
        errors.push({
          text: 'Choose a reviewer to assign the findings to',
          href: '#bulk-assignee',
        });
      if (errors.length > 0) return renderQueue(request, reply, { ...form, errors }, 400);
      try {
        if (action === 'reject')
          await decideFindings(deps, {
            findingIds: form.selected,
            reviewer: user.username,
            decision: 'reject',
            reason: form.reason,
          });
        else
          await assignFindings(deps, {
            findingIds: form.selected,
            assignee: form.assignee,
            assignedBy: user.username,
          });
      } catch (error) {
        if (!(error instanceof SimwatchError)) throw error;
        if (
          error.code !== 'conflict' &&
          error.code !== 'not_found' &&
          error.code !== 'invalid_input'
        )
          throw error;
        const href = error.field === 'assignee' ? '#bulk-assignee' : '#bulk-selection';
        return renderQueue(
          request,
          reply,
          { ...form, errors: [{ text: bulkErrorText(error.message), href }] },
          error.code === 'conflict' ? 409 : 400,
        );
      }
      const done = new URLSearchParams({
        done: action === 'reject' ? 'rejected' : 'assigned',
        count: String(form.selected.length),
        ...(action === 'assign' ? { to: form.assignee } : {}),
      });
      const back = queueAddress(textField(fields, 'returnTo'));
      return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}${done.toString()}`, 303);
    },
  );

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
        title: view.title,
        finding: view,
        fullContext: excerptInContext(finding.pageText, finding),
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
      const returnTo = textField(fields, 'returnTo');
      if (returnTo !== '') {
        const back = queueAddress(returnTo);
        return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}decided=${findingId}`, 303);
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

/** What the bulk form sent: the findings chosen (each once), the reason and the reviewer. */
interface BulkForm {
  selected: number[];
  reason: string;
  assignee: string;
  errors: FormError[];
}

const emptyBulkForm: BulkForm = { selected: [], reason: '', assignee: '', errors: [] };

/**
 * Reads the bulk form: findings ticked one by one (`finding`) and whole documents ticked
 * (`group`, whose value lists the ids of that document's findings on the page), each id once.
 */
function readBulkForm(fields: FormFields): BulkForm {
  const ids = [
    ...listField(fields, 'finding'),
    ...listField(fields, 'group').flatMap((group) => group.split(/[\s,]+/)),
  ]
    .map((text) => positiveInteger(text))
    .filter((id): id is number => id !== undefined);
  return {
    selected: [...new Set(ids)].sort((a, b) => a - b),
    reason: textField(fields, 'reason'),
    assignee: textField(fields, 'assignee'),
    errors: [],
  };
}

/** The queue's address to go back to: only a queue address, else the queue itself. */
function queueAddress(text: string): string {
  return /^\/workspace\/findings(\?[\w=&%.+-]*)?$/.test(text) ? text : '/workspace/findings';
}

/** A register refusal of a bulk action, worded for the page (it names every finding at fault). */
function bulkErrorText(message: string): string {
  return message
    .replace(/^Cannot /, 'Nothing was changed. You cannot ')
    .replace(/\. Nothing was recorded$/, '');
}

/** What the last bulk action did, from the address it came back to. */
function bulkDone(request: FastifyRequest) {
  const query = request.query as Record<string, unknown>;
  const count = positiveInteger(query.count);
  if (count === undefined) return undefined;
  const findings = count === 1 ? '1 finding' : `${count} findings`;
  if (query.done === 'rejected') return `You rejected ${findings}.`;
  if (query.done === 'assigned' && typeof query.to === 'string' && /^[\w.@-]{1,64}$/.test(query.to))
    return `You assigned ${findings} to ${query.to}.`;
  return undefined;
}
