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
