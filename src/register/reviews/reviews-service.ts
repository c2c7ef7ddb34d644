import { SimwatchError } from '../../errors.js';
import { getOrganisationByCode } from '../organisations/organisations-repository.js';
import { nextId, recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import { features } from '../status/register-facts.js';
import { checkChoice, checkOptionalDate, checkText } from '../validate-input.js';

/** A national review: its name, dates and the questions it asked. */
export interface ReviewInput {
  name: string;
  openedOn?: string | null;
  closesOn?: string | null;
  questions?: readonly string[];
}

/** Records a national review (names are unique). Returns its id. */
export async function createReview(
  deps: RegisterDeps,
  input: ReviewInput,
  actor: string,
): Promise<number> {
  const today = deps.now();
  const name = checkText(input.name, 'the review name');
  const openedOn = checkOptionalDate(input.openedOn, 'the opening date', { today });
  const closesOn = checkOptionalDate(input.closesOn, 'the closing date', { today, future: true });
  if (openedOn && closesOn && closesOn < openedOn)
    throw new SimwatchError(
      'invalid_input',
      `Cannot record review "${name}": it closes before it opens`,
    );
  return recordChange(deps, actor, async (trx) => {
    const existing = await trx
      .selectFrom('reviews')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst();
    if (existing)
      throw new SimwatchError('conflict', `Cannot create review "${name}": it exists already`);
    const id = await nextId(trx, 'reviews');
    return {
      events: [
        {
          type: 'review.created',
          payload: {
            review: {
              id,
              name,
              openedOn,
              closesOn,
              questions: (input.questions ?? []).map((q) => q.trim()).filter(Boolean),
            },
          },
        },
      ],
      result: id,
    };
  });
}

/** An organisation's return to a review. */
export interface ReturnInput {
  reviewName: string;
  organisationCode: string;
  responded: boolean;
  respondedOn?: string | null;
  /** Whether it said it used SIM or a SIM-type model; null when it did not say. */
  usedModel?: boolean | null;
  usedFrom?: string | null;
  usedUntil?: string | null;
  continuingFeatures?: readonly string[];
  notes?: string | null;
}

/** Records (or replaces) an organisation's return to a review. Returns its id. */
export async function recordReturn(
  deps: RegisterDeps,
  input: ReturnInput,
  actor: string,
): Promise<number> {
  const today = deps.now();
  const respondedOn = checkOptionalDate(input.respondedOn, 'the response date', { today });
  const usedFrom = checkOptionalDate(input.usedFrom, 'the date use began', { today });
  const usedUntil = checkOptionalDate(input.usedUntil, 'the date use ended', {
    today,
    future: true,
  });
  if (usedFrom && usedUntil && usedUntil < usedFrom)
    throw new SimwatchError('invalid_input', 'Cannot record this return: use ends before it began');
  const continuingFeatures = (input.continuingFeatures ?? []).map((feature) =>
    checkChoice(feature, features, 'feature'),
  );
  if (
    !input.responded &&
    ((input.usedModel !== undefined && input.usedModel !== null) || continuingFeatures.length > 0)
  )
    throw new SimwatchError(
      'invalid_input',
      'Cannot record answers for an organisation that did not respond',
    );
  return recordChange(deps, actor, async (trx) => {
    const review = await trx
      .selectFrom('reviews')
      .select('id')
      .where('name', '=', input.reviewName.trim())
      .executeTakeFirst();
    if (!review)
      throw new SimwatchError(
        'not_found',
        `Cannot find review "${input.reviewName}": create it with "simwatch review add"`,
      );
    const organisation = await getOrganisationByCode(trx, input.organisationCode);
    const id = await nextId(trx, 'review_returns');
    return {
      events: [
        {
          type: 'return.recorded',
          payload: {
            return: {
              id,
              reviewId: review.id,
              organisationId: organisation.id,
              responded: input.responded,
              respondedOn,
              usedModel: input.responded ? (input.usedModel ?? null) : null,
              usedFrom,
              usedUntil,
              continuingFeatures,
              notes: input.notes?.trim() || null,
              recordedBy: actor,
            },
          },
        },
      ],
      result: id,
    };
  });
}
