/** A form's text fields as sent: one string per field, or a list when a name repeats (checkboxes). */
export type FormFields = Readonly<Record<string, string | readonly string[]>>;

/**
 * Reads the text fields of a url-encoded or multipart form body. Files and anything that is not
 * text are left out, so a parser never sees more than what a person typed or chose.
 */
export function readFormFields(body: unknown): FormFields {
  if (typeof body !== 'object' || body === null) return {};
  const fields: Record<string, string | string[]> = {};
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    const values = (Array.isArray(raw) ? raw : [raw]).flatMap(textOf);
    if (values.length === 1 && !Array.isArray(raw)) fields[name] = values[0] ?? '';
    else if (values.length > 0) fields[name] = values;
  }
  return fields;
}

function textOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  // Multipart fields arrive as objects with a `value`; files have none that is text.
  if (typeof value === 'object' && value !== null && 'value' in value) {
    const inner = value.value;
    if (typeof inner === 'string' && !('file' in value)) return [inner];
  }
  return [];
}

/** A field's text, trimmed (the first value when it repeats); empty when it was not sent. */
export function textField(fields: FormFields, name: string): string {
  const value = fields[name];
  const first = typeof value === 'string' ? value : value?.[0];
  return first?.trim() ?? '';
}

/** Every value of a field that may repeat (checkboxes), trimmed, without empty ones. */
export function listField(fields: FormFields, name: string): string[] {
  const value = fields[name];
  const values = value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
  return values.map((each) => each.trim()).filter((each) => each !== '');
}

/** A field's text exactly as typed (passwords are not trimmed); empty when it was not sent. */
export function exactTextField(fields: FormFields, name: string): string {
  const value = fields[name];
  return (typeof value === 'string' ? value : value?.[0]) ?? '';
}
