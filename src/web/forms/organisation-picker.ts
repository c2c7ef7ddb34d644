import {
  organisationKindNames,
  organisationKinds,
  type Organisation,
} from '../../register/organisations/organisation.js';
import type { ErrorList } from './form-errors.js';
import { listField, type FormFields } from './form-fields.js';

/** What the picker needs of an organisation; `closed` is set once it has closed or merged. */
export type PickableOrganisation = Pick<
  Organisation,
  'code' | 'name' | 'kind' | 'formerNames' | 'closed'
>;

/** One option of the picker's select. */
export interface PickerOption {
  value: string;
  text: string;
  selected: boolean;
  closed: boolean;
  /** Former names, so type-ahead finds an organisation by a name it once had. */
  search: string;
}

/** The picker's options under one kind of organisation (an `<optgroup>`). */
export interface PickerGroup {
  label: string;
  options: PickerOption[];
}

/**
 * The picker's options, grouped by kind in the order lists show kinds; in each group the current
 * organisations come first by name, then the closed ones, marked. `chosen` are selected.
 */
export function organisationPickerGroups(
  organisations: readonly PickableOrganisation[],
  chosen: Iterable<string>,
): PickerGroup[] {
  const selected = new Set(chosen);
  // A kind missing from the ordered list still gets its group, last.
  const kinds = [
    ...new Set([...organisationKinds, ...organisations.map((organisation) => organisation.kind)]),
  ];
  return kinds
    .map((kind) => ({
      label: organisationKindNames[kind],
      options: organisations
        .filter((organisation) => organisation.kind === kind)
        .map((organisation) => {
          const closed = organisation.closed !== null;
          return {
            value: organisation.code,
            text: `${organisation.name} (${organisation.code})${closed ? ' – closed' : ''}`,
            selected: selected.has(organisation.code),
            closed,
            search: organisation.formerNames.join('; '),
          };
        })
        .sort(
          (a, b) => Number(a.closed) - Number(b.closed) || a.text.localeCompare(b.text, 'en-GB'),
        ),
    }))
    .filter((group) => group.options.length > 0);
}

/** How many organisations, and which, a picker accepts, and what to say when it is wrong. */
export interface OrganisationChoiceRules {
  /** The codes of the organisations in the register. */
  known: ReadonlySet<string> | readonly string[];
  /** 1 for a single choice. */
  max: number;
  /** The message when nothing was chosen, such as "Choose at least one organisation". */
  missing: string;
}

/** Checks the codes a picker sent: at least one, at most `max`, each in the register. */
export function checkOrganisationChoice(
  codes: readonly string[],
  rules: OrganisationChoiceRules,
): { ok: true; codes: string[] } | { ok: false; text: string } {
  const known = new Set(rules.known);
  const unique = [...new Set(codes.map((code) => code.trim()).filter((code) => code !== ''))];
  if (unique.length === 0) return { ok: false, text: rules.missing };
  if (unique.length > rules.max)
    return {
      ok: false,
      text:
        rules.max === 1
          ? 'Choose only one organisation'
          : `Choose ${rules.max} organisations or fewer`,
    };
  if (unique.some((code) => !known.has(code)))
    return {
      ok: false,
      text: rules.max === 1 ? rules.missing : 'Choose organisations from the list',
    };
  return { ok: true, codes: unique };
}

/**
 * Reads the organisation picker `name` into `errors`' form: the chosen codes, or undefined after
 * adding the error (linked to the picker, whose id is its name).
 */
export function readOrganisationField(
  fields: FormFields,
  name: string,
  rules: OrganisationChoiceRules,
  errors: ErrorList,
): string[] | undefined {
  const result = checkOrganisationChoice(listField(fields, name), rules);
  if (result.ok) return result.codes;
  errors.add(name, result.text);
  return undefined;
}
