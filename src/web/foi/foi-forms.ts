import { requestStates, type BatchTarget, type RequestState } from '../../foi/foi-request.js';
import { readDateField } from '../forms/date-input.js';
import { ErrorList, type FormResult } from '../forms/form-errors.js';
import { listField, textField, type FormFields } from '../forms/form-fields.js';

/** Who a new request goes to, as the form offers it. */
export const targetLabels = {
  organisation: 'One organisation',
  mental_health_trusts: 'Every current mental health trust',
  ambulance_trusts: 'Every current ambulance trust',
  police_forces: 'Every current police force',
  organisations: 'Organisations I choose',
} as const;

/** A choice of the form's "Who is it to?" question. */
export type TargetChoice = keyof typeof targetLabels;

/** The longest text accepted in each field (far above any real request). */
const limits = { title: 200, subject: 200, body: 20_000 } as const;

/** A new request from the form: one draft to one organisation, or a batch. */
export type NewRequestInput =
  | { kind: 'single'; organisationCode: string; subject: string; body: string }
  | {
      kind: 'batch';
      title: string;
      subject: string;
      body: string;
      target: BatchTarget;
      region: string | undefined;
    };

/** Checks the new request form and turns it into a draft or a batch. */
export function parseNewRequestForm(
  fields: FormFields,
  context: { organisationCodes: readonly string[]; regions: readonly string[] },
): FormResult<NewRequestInput> {
  const errors = new ErrorList();
  const targetText = textField(fields, 'target');
  const target = (Object.keys(targetLabels) as TargetChoice[]).find((each) => each === targetText);
  const known = new Set(context.organisationCodes);
  let organisationCode = '';
  let codes: string[] = [];
  let region: string | undefined;
  if (target === undefined) errors.add('target', 'Select who the request is to', '#target');
  else if (target === 'organisation') {
    organisationCode = textField(fields, 'organisation');
    if (organisationCode === '') errors.add('organisation', 'Select the organisation');
    else if (!known.has(organisationCode))
      errors.add('organisation', `There is no organisation with the code "${organisationCode}"`);
  } else if (target === 'organisations') {
    codes = [
      ...listField(fields, 'organisations'),
      ...textField(fields, 'codes')
        .split(/[\s,]+/)
        .filter((code) => code !== ''),
    ];
    codes = [...new Set(codes)];
    const unknown = codes.filter((code) => !known.has(code));
    if (codes.length === 0)
      errors.add('organisations', 'Choose the organisations, or type their codes');
    else if (unknown.length > 0)
      errors.add(
        'codes',
        `There is no organisation with the code ${unknown.map((code) => `"${code}"`).join(', ')}: check the codes`,
      );
  } else {
    const regionText = textField(fields, 'region');
    if (regionText !== '') {
      if (!context.regions.includes(regionText))
        errors.add('region', 'Select a region from the list');
      else region = regionText;
    }
  }
  const title = textField(fields, 'title');
  if (target !== undefined && target !== 'organisation') {
    if (title === '') errors.add('title', 'Enter a name for the batch, to find it again');
    else if (title.length > limits.title)
      errors.add('title', `The batch's name must be ${limits.title} characters or fewer`);
  }
  const subject = textField(fields, 'subject');
  if (subject === '') errors.add('subject', 'Enter the subject of the request');
  else if (subject.length > limits.subject)
    errors.add('subject', `The subject must be ${limits.subject} characters or fewer`);
  const body = textField(fields, 'body');
  if (body === '') errors.add('body', 'Enter what you are asking for');
  else if (body.length > limits.body)
    errors.add('body', `The request must be ${limits.body} characters or fewer`);
  return errors.result((): NewRequestInput => {
    if (target === 'organisation') return { kind: 'single', organisationCode, subject, body };
    const batchTarget: BatchTarget =
      target === 'organisations'
        ? { kind: 'organisations', codes }
        : { kind: target ?? 'mental_health_trusts' };
    return { kind: 'batch', title, subject, body, target: batchTarget, region };
  });
}

/** Exemptions as typed: "s.12, s.40(2)" or "section 12"; each is checked by the register. */
export function readExemptions(text: string): string[] {
  return text
    .split(/[,;]|\s+and\s+/)
    .map((each) => each.trim().replace(/^(?:section|s)\s*\.?\s*/i, 's.'))
    .filter((each) => each !== '' && each !== 's.');
}

/** A change of state from the request page's form. */
export interface StateFormInput {
  state: RequestState;
  onDay: string;
  exemptions: string[];
  note: string | undefined;
}

/** Checks the change of state form. */
export function parseStateForm(fields: FormFields, today: Date): FormResult<StateFormInput> {
  const errors = new ErrorList();
  const stateText = textField(fields, 'state');
  const state = requestStates.find((each) => each === stateText && each !== 'draft');
  if (state === undefined) errors.add('state', 'Select the new state', '#state');
  const onDay = readDateField(
    fields,
    'onDay',
    { description: 'the date of the change', required: true, allowFuture: false, today },
    errors,
  );
  const exemptions = readExemptions(textField(fields, 'exemptions'));
  if (state === 'refused' && exemptions.length === 0)
    errors.add('exemptions', 'Enter the exemptions the refusal cites, such as s.12');
  const note = textField(fields, 'note');
  return errors.result(() => ({
    state: state ?? 'awaiting_response',
    onDay: onDay ?? '',
    exemptions,
    note: note === '' ? undefined : note,
  }));
}
