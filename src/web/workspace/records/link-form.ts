import { ErrorList, type FormResult } from '../../forms/form-errors.js';
import { readOrganisationField } from '../../forms/organisation-picker.js';
import { textField, type FormFields } from '../../forms/form-fields.js';

/** The relations the form offers between two organisations, as the demonstration uses them. */
export const relationLabels = {
  works_with: 'Works with',
  commissions: 'Commissions',
  promoted_scheme_to: 'Promoted the scheme to',
} as const;

/** A relation between organisations. */
export type Relation = keyof typeof relationLabels;

/** Checks the form that links an organisation with another. */
export function parseLinkForm(
  fields: FormFields,
  context: { code: string; organisationCodes: readonly string[] },
): FormResult<{ code: string; linkedCode: string; relation: Relation }> {
  const errors = new ErrorList();
  const relationText = textField(fields, 'relation');
  const relation = (Object.keys(relationLabels) as Relation[]).find(
    (each) => each === relationText,
  );
  if (relation === undefined) errors.add('relation', 'Select how the organisations are related');
  const [linkedCode = ''] =
    readOrganisationField(
      fields,
      'linkedCode',
      { known: context.organisationCodes, max: 1, missing: 'Select the other organisation' },
      errors,
    ) ?? [];
  if (linkedCode === context.code)
    errors.add('linkedCode', 'Select a different organisation: it cannot be linked with itself');
  return errors.result(() => ({
    code: context.code,
    linkedCode,
    relation: relation ?? 'works_with',
  }));
}
