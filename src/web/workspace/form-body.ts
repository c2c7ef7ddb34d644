/** A text field of a form body (url-encoded, or multipart with its fields attached). */
export function formField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'value' in value) {
    const inner = value.value;
    return typeof inner === 'string' ? inner : undefined;
  }
  return undefined;
}

/** Every value of a text field that may be repeated (checkboxes), url-encoded or multipart. */
export function formFields(body: unknown, name: string): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const value = (body as Record<string, unknown>)[name];
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  return values.flatMap((each) => {
    const text = formField({ [name]: each }, name);
    return text === undefined ? [] : [text];
  });
}
