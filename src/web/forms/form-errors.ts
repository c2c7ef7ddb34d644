/** A mistake on a form: the message and the field it is about (for the error summary). */
export interface FormError {
  text: string;
  href: string;
}

/**
 * The first mistake about each field, by field id, for the message beside the field. (Nunjucks's
 * `selectattr` only tests truthiness, so templates cannot pick a field's error themselves.)
 */
export function errorsByField(errors: readonly FormError[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) byField[error.href.slice(1)] ??= error.text;
  return byField;
}

/** One thing wrong with a form: the field, where the error summary links to, and what to do. */
export interface FieldError {
  field: string;
  href: string;
  text: string;
}

/** What a form parser gives: the checked input, or every error found. */
export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** An error on a field whose input has the field's name as its id. */
export function fieldError(field: string, text: string, href = `#${field}`): FieldError {
  return { field, href, text };
}

/** The values a template needs to show errors: the summary's list and each field's message. */
export function errorValues(errors: readonly FieldError[]): {
  errors: { text: string; href: string }[];
  fieldErrors: Record<string, string>;
} {
  const fieldErrors: Record<string, string> = {};
  for (const error of errors) fieldErrors[error.field] ??= error.text;
  return { errors: errors.map(({ text, href }) => ({ text, href })), fieldErrors };
}

/** Collects errors while a parser checks each field in the order the form shows them. */
export class ErrorList {
  readonly errors: FieldError[] = [];

  add(field: string, text: string, href?: string): void {
    this.errors.push(fieldError(field, text, href));
  }

  /** The result: `value()` is called only when nothing was wrong. */
  result<T>(value: () => T): FormResult<T> {
    return this.errors.length > 0
      ? { ok: false, errors: this.errors }
      : { ok: true, value: value() };
  }
}
